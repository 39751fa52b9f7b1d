#pragma once
// The one path every change takes, whatever its door (a page, the API, an
// import, the demo): the fields are checked by rules.hpp against what the
// database holds (the partnership's organisations, codes already taken, the
// return's status), then the store writes inside the caller's write
// transaction. Each answers every problem at once, named by its field;
// nothing is written when there is one. Who may do it is policy.hpp's
// question, asked by the caller first.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/performance/rules.hpp"
#include "modules/performance/store.hpp"

namespace safeboard::performance {

// The partnership's organisations as rules.hpp names them, with their
// sector and whether each is a partner agency of this partnership.
std::vector<OrganisationChoice> organisations_of(db::Connection& db, std::int64_t partnership_id);

// The settings (rules.hpp settings_from); blank fields keep what is set.
Result<Settings> change_settings(db::Connection& db, std::int64_t partnership_id, const Fields& fields,
                                 const audit::Actor& actor);

// A new indicator (no id) or a change to one of the partnership's; a code
// another indicator of the partnership has is an error on "code", and
// once values are returned its unit and frequency stay as they are. Its id.
Result<std::int64_t> save_indicator(db::Connection& db, std::int64_t partnership_id, const Fields& fields,
                                    std::optional<std::int64_t> id, const audit::Actor& actor);
// A target of the indicator (rules.hpp target_from).
Result<Saved> set_target(db::Connection& db, const Indicator& indicator, const Fields& fields,
                         const audit::Actor& actor);

// The partnership's period from starts_on to ends_on: the one recorded, or
// when there is none yet the same period unrecorded (id 0, named and due by
// the settings), which has no returns. Errors as period_for's.
Result<Period> period_asked(db::Connection& db, std::int64_t partnership_id, std::string_view starts_on,
                            std::string_view ends_on);
// The partnership's period from starts_on to ends_on, made the first time
// it is asked for (named and due by the settings). Errors on the fields
// "period_start" and "period_end": not dates, or not a whole quarter, half
// or year of the reporting year.
Result<Period> period_for(db::Connection& db, std::int64_t partnership_id, std::string_view starts_on,
                          std::string_view ends_on, const audit::Actor& actor, Audit audit = Audit::each);

// The organisation's return for the period (unset: the partnership's own),
// started as a draft the first time it is asked for.
Return return_for(db::Connection& db, const Period& period, std::optional<std::int64_t> organisation_id,
                  const audit::Actor& actor, Audit audit = Audit::each);

// The indicators the return's organisation (or the partnership) owes for its period, by code.
std::vector<Indicator> indicators_owed(db::Connection& db, const Return& ret);

// A return form's values (rules.hpp values_from over the indicators owed);
// only a draft or queried return takes them (ErrorKind::conflict otherwise).
// True when anything changed.
Result<bool> enter_values(db::Connection& db, const Return& ret, const Fields& fields, const audit::Actor& actor);

// Takes a step (rules.hpp step_return) now, as `actor`: `text` is the
// answer when submitting a queried return, or the question when querying.
// Submitting from a form needs a value for every indicator owed.
Result<Return> take_step(db::Connection& db, const Return& ret, Step step, std::string_view text,
                         const audit::Actor& actor);

}  // namespace safeboard::performance
