#pragma once
// The performance framework's rules, all pure (no database, no clock): what
// a form, a JSON body or a CSV row (field → text) says about the settings,
// an indicator, a target or a return's values, with every problem named by
// its field; how a return moves between draft, submitted, queried and
// accepted; the RAG rating; and the arithmetic of partnership figures and
// completeness. Periods are in periods.hpp.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/performance/model.hpp"
#include "modules/performance/periods.hpp"
#include "platform/core/error.hpp"

namespace safeboard::performance {

using Fields = std::map<std::string, std::string>;

// ---- settings -----------------------------------------------------------------------------

// year_starts_month (1–12, or a month's name: "October") and due_days
// (0–366); a blank field keeps the base's. The year cannot move once the
// partnership has periods (`has_periods`): their names and kinds rest on it.
Result<Settings> settings_from(const Fields& fields, const Settings& base, bool has_periods);

// ---- periods ------------------------------------------------------------------------------

// The period the fields period_start and period_end (dates) give: a whole
// quarter, half or year of a reporting year starting in `year_starts_month`.
Result<PeriodDates> period_from(const Fields& fields, int year_starts_month);

// ---- indicators ---------------------------------------------------------------------------

// An organisation of the partnership, as an indicator's returners and an
// import's rows may name it.
struct OrganisationChoice {
    std::int64_t id = 0;
    std::string name;
    std::string short_name;
    register_::Sector sector = register_::Sector::other;
    bool partner = false;  // a statutory partner or relevant agency of the partnership
};

bool is_ratio(Unit unit);  // a percentage or a rate per 10,000 children

// An indicator: code (1–20 letters, digits, "-", "_" or "."), title,
// definition, unit, numerator and denominator (the wording of a ratio's
// counts, required for a ratio and refused otherwise), polarity, frequency,
// returned_by and source. returned_by is a ";"-separated list, each item
// "the partnership" (its business unit returns it), "partner agencies"
// (every statutory partner and relevant agency), a sector of the register
// (code or words: "nhs_trust", "NHS trust") or an organisation of the
// partnership (name or short name). The base gives the rest (id,
// partnership, targets). Whether the code is free is for save.hpp to say.
Result<Indicator> indicator_from(const Fields& fields, const Indicator& base,
                                 const std::vector<OrganisationChoice>& organisations);
// returned_by as indicator_from reads it: "partner agencies; NHS trust; Essex Police; the partnership".
std::string returners_text(const Indicator& indicator);
// Whether the indicator is returned by this organisation (nullptr: the partnership itself).
bool returns_indicator(const Indicator& indicator, const OrganisationChoice* organisation);

// ---- targets ------------------------------------------------------------------------------

// A target: applies_from (a date; blank: from the start), target and
// tolerance (a number ≥ 0, default 0), in the indicator's unit (a
// percentage's 0–100, a count's whole and ≥ 0).
Result<Target> target_from(const Fields& fields, const Indicator& indicator);
// The target for a period starting on `starts_on`: the one with the latest
// applies_from on or before it (targets in any order).
std::optional<Target> target_for(const std::vector<Target>& targets, std::string_view starts_on);

// ---- values -------------------------------------------------------------------------------

// "values[DBS01].numerator": how a return form names one indicator's field.
std::string value_field(std::string_view code, std::string_view part);

// One value of an indicator, from the fields prefix + "value", "numerator",
// "denominator" and "note" (an import's columns have no prefix, a form's
// "values[CODE]."). Every problem at once:
//  - value a number (digits, one "." at most; "%" may follow a percentage);
//    blank only when a ratio's counts are given, and then worked out from them;
//  - a count whole and ≥ 0; days, rates and percentages ≥ 0; a percentage at most 100;
//  - numerator and denominator only for a ratio, both or neither, whole
//    numbers, the denominator above 0, and for a percentage the numerator
//    not above the denominator;
//  - a value given with counts must be theirs (numerator ÷ denominator × 100,
//    or × 10,000 for a rate), rounded to the decimals the value is written
//    with: 7 of 9 is 77.8 or 78, never 77;
//  - note at most 1,000 characters.
Result<Value> value_from(const Fields& fields, const Indicator& indicator, const std::string& prefix = "");
// The values a return form gives, one indicator after another (fields
// named by value_field); an indicator whose fields are all blank is left out.
Result<std::vector<Value>> values_from(const Fields& fields, const std::vector<Indicator>& indicators);
// What a form's submission still lacks: an error on values[CODE].value for
// each expected indicator without a value.
std::vector<FieldError> missing_values(const std::vector<Indicator>& expected, const std::vector<Value>& values);
// numerator ÷ denominator as the unit counts it (× 100, or × 10,000); 0 for a 0 denominator.
double ratio_value(Unit unit, std::int64_t numerator, std::int64_t denominator);

// ---- moving a return on -------------------------------------------------------------------

// Only a draft or a queried return takes new values or is submitted.
bool editable(ReturnStatus status);
// The return after a step taken at `stamp`, or why it cannot be taken:
//  - submit: from draft or queried; from queried the answer to the question
//    is needed (`text`, field "answer", at most 2,000 characters), and is kept;
//  - query: from submitted, with the question back to the agency (`text`,
//    field "question"); an earlier answer is cleared;
//  - accept: from submitted.
// A step from the wrong status is an ErrorKind::conflict naming both.
Result<Return> step_return(const Return& before, Step step, std::string_view text, const Stamp& stamp);

// ---- RAG ----------------------------------------------------------------------------------

// The rating of a value against its target T with tolerance t (t ≥ 0):
//  - higher is better: green when value ≥ T; amber when T − t ≤ value < T; red below T − t;
//  - lower is better, mirrored: green when value ≤ T; amber when T < value ≤ T + t; red above T + t;
//  - neither: green when T − t ≤ value ≤ T + t; red otherwise (no direction is a shortfall to watch).
// Tolerance 0 leaves no amber band. The edges count towards the better
// rating, compared to within 1e-9 so that a worked-out 70.00000000000001
// meets a target of 70. No target, no rating.
std::optional<Rag> rag_of(double value, Polarity polarity, const std::optional<Target>& target);
// Orders values best first: higher is better by value descending, lower by
// ascending, neither by distance from the target (by value without one);
// ties by returner name.
void rank(std::vector<RatedValue>& values, Polarity polarity, const std::optional<Target>& target);

// ---- partnership figures and completeness ------------------------------------------------

// A count: the sum of the values. A ratio: the sum of numerators over the
// sum of denominators of the values that give them (weighted); when none
// does, the mean of the values (not weighted). Days: the mean of the values.
Aggregate aggregate_of(Unit unit, const Sums& sums);

// Counts and flags each expected returner of a period (rows as the store
// finds them): returned when submitted or accepted; late when returned but
// first submitted after the period's due day; overdue when not returned and
// `today` is past the due day. percent is returned ÷ expected as a whole
// percentage, halves up, and 100 when nothing is expected (nothing is owed).
Completeness completeness_of(const Period& period, std::vector<ReturnerStatus> returners, std::string_view today);
// part ÷ whole as a whole percentage, halves up; 0 when whole is 0.
int percentage(std::int64_t part, std::int64_t whole);

}  // namespace safeboard::performance
