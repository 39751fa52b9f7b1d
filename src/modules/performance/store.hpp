#pragma once
// SQL for the performance framework, and nothing else. Writers expect input
// that rules.hpp has checked (save.hpp is the path that checks it first) and
// run inside the caller's write transaction. The analysis queries filter by
// partnership, period or indicator and add up in SQL, each from an index,
// so they stay quick with millions of values in the database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/performance/model.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/imports/run_import.hpp"

namespace safeboard::performance {

// What a save did (an import counts it).
using Saved = imports::RowSaved;

// Whether a write records its own audit entry. A page's or the API's change
// does; an import's rows do not, since run_import records one entry for the
// whole file (and each return's events still say who did what, and when).
enum class Audit { each, none };

// ---- settings ------------------------------------------------------------------------------

// The partnership's own settings; without them, a year starting in the
// month of its latest business plan's year (as the meetings' reports do),
// else April, and 30 days to return. The first period a partnership gets
// keeps these as its own (save.hpp period_for), so a later plan cannot move
// the year under its periods.
Settings settings_of(db::Connection& db, std::int64_t partnership_id);
// True when anything changed.
bool save_settings(db::Connection& db, const Settings& settings, const audit::Actor& actor, Audit audit = Audit::each);
bool has_periods(db::Connection& db, std::int64_t partnership_id);

// ---- indicators ----------------------------------------------------------------------------

// Each with its returners and targets, by code.
std::vector<Indicator> indicators_of(db::Connection& db, std::int64_t partnership_id);
std::optional<Indicator> find_indicator(db::Connection& db, std::int64_t id);
// By code, any case.
std::optional<Indicator> find_indicator_by_code(db::Connection& db, std::int64_t partnership_id, std::string_view code);
// With its returners and targets; its id.
std::int64_t create_indicator(db::Connection& db, const Indicator& indicator, const audit::Actor& actor);
// Changes everything but the partnership and the targets; true when anything changed.
bool update_indicator(db::Connection& db, const Indicator& indicator, const audit::Actor& actor);
// Adds the target, or changes the one applying from the same day.
Saved save_target(db::Connection& db, std::int64_t indicator_id, const Target& target, const audit::Actor& actor);
bool remove_target(db::Connection& db, std::int64_t indicator_id, std::string_view applies_from,
                   const audit::Actor& actor);
// Whether any return holds a value of the indicator.
bool has_values(db::Connection& db, std::int64_t indicator_id);

// ---- periods -------------------------------------------------------------------------------

struct PeriodQuery {
    std::int64_t partnership_id = 0;
    std::optional<PeriodKind> kind;
    std::optional<std::string> from;  // periods starting on or after this day
    std::optional<std::string> to;    // periods starting on or before this day
};
// By start, then length (a quarter before the year starting the same day).
std::vector<Period> list_periods(db::Connection& db, const PeriodQuery& query);
std::optional<Period> find_period(db::Connection& db, std::int64_t id);
std::optional<Period> find_period_between(db::Connection& db, std::int64_t partnership_id, std::string_view starts_on,
                                          std::string_view ends_on);
std::int64_t create_period(db::Connection& db, const Period& period, const audit::Actor& actor, Audit audit);
// Moves the day its returns fall due; true when it changed.
bool set_due_on(db::Connection& db, std::int64_t period_id, std::string_view due_on, const audit::Actor& actor);

// ---- returns -------------------------------------------------------------------------------

std::optional<Return> find_return(db::Connection& db, std::int64_t id);
// The organisation's return for the period (unset: the partnership's own).
std::optional<Return> find_return_of(db::Connection& db, std::int64_t period_id,
                                     std::optional<std::int64_t> organisation_id);
// Every return of a period, whatever its status, by returner name: callers
// show only what policy.hpp lets the user see.
std::vector<Return> returns_of_period(db::Connection& db, std::int64_t period_id);
// An organisation's returns to the partnership, newest period first.
std::vector<Return> returns_of_organisation(db::Connection& db, std::int64_t partnership_id,
                                            std::int64_t organisation_id);
// A new draft (the status given is ignored); its id.
std::int64_t create_return(db::Connection& db, const Return& ret, const audit::Actor& actor, Audit audit);
// Writes the status and stamps of `after` (rules.hpp step_return made it)
// and adds the step to the return's history, with `text` (the question or answer).
void record_step(db::Connection& db, const Return& after, Step step, std::string_view text, const audit::Actor& actor,
                 Audit audit);
// Moves the latest submission's stamp (figures sent again while submitted).
void restamp_submission(db::Connection& db, const Return& after, const audit::Actor& actor, Audit audit);

std::vector<Value> values_of(db::Connection& db, std::int64_t return_id);
// Adds or changes one value, with no audit entry of its own (save_values and
// imports record theirs).
Saved put_value(db::Connection& db, const Value& value);
// Adds or changes the return's values, recording one audit entry for the
// return with each changed field ("values[DBS01].value") and a "saved"
// event; true when anything changed.
bool save_values(db::Connection& db, const Return& ret, const std::vector<Value>& values, const audit::Actor& actor);
// The return's history, oldest first.
std::vector<ReturnEvent> events_of(db::Connection& db, std::int64_t return_id);

// ---- analysis (analysis_store.cpp) ---------------------------------------------------------

// Who owes a return for the period: each organisation of the partnership,
// active during the period, that returns an indicator of the period's
// frequency (named, by its sector, or as a partner agency), and the
// partnership itself when it returns one; only those owing `indicator_id`
// when given. Each with where its return stands, the partnership first, then by name.
std::vector<ReturnerStatus> expected_returners(db::Connection& db, const Period& period,
                                               std::optional<std::int64_t> indicator_id = std::nullopt);
Completeness completeness(db::Connection& db, const Period& period, std::string_view today);
// Every value of the period's submitted and accepted returns (of one
// indicator when given), rated against its target, by indicator code then returner.
std::vector<RatedValue> period_values(db::Connection& db, const Period& period,
                                      std::optional<std::int64_t> indicator_id = std::nullopt);
// Each indicator of the period's frequency with the partnership's figure, by code.
std::vector<IndicatorSummary> period_summary(db::Connection& db, const Period& period);
// Every red value and every missing return of the period.
Exceptions exceptions(db::Connection& db, const Period& period, std::string_view today);

struct TrendQuery {
    std::optional<std::string> from;           // periods starting on or after this day
    std::optional<std::string> to;             // periods starting on or before this day
    bool per_returner = true;                  // also each returner's own series
    std::optional<std::int64_t> organisation;  // only this returner's series: an organisation, or 0 for the partnership
};
// The indicator across the periods of its frequency: the partnership's
// figure for each (added up in SQL) and, when asked, each returner's values.
Trend trend(db::Connection& db, const Indicator& indicator, const TrendQuery& query);
// One indicator in one period, returner beside returner, best first.
Comparison compare(db::Connection& db, const Indicator& indicator, const Period& period);

}  // namespace safeboard::performance
