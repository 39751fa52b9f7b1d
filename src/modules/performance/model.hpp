#pragma once
// The partnership's performance framework: the indicator library, the
// reporting periods of its year, each organisation's data return for a
// period and the values in it. Plain structs; the closed lists' codes and
// words are in vocabulary.hpp, the rules in periods.hpp and rules.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/register/model.hpp"

namespace safeboard::performance {

// What a value counts. A percentage and a rate per 10,000 children are
// ratios: they may come with the numerator and denominator behind them.
enum class Unit { count, percentage, rate_per_10000, days };
// Which way is good, for the RAG rating (rules.hpp).
enum class Polarity { higher_is_better, lower_is_better, neither };
// How often an indicator is returned: for each quarter, half or whole of the reporting year.
enum class Frequency { quarterly, biannual, annual };
// What a reporting period is: a quarter, a half or the whole of a reporting year.
enum class PeriodKind { quarter, half, year };
// Who returns an indicator: every partner agency of the partnership (its
// statutory partners and relevant agencies), every organisation of a sector,
// one organisation, or the partnership itself (its business unit).
enum class ReturnerKind { partner_agencies, sector, organisation, partnership };
enum class ReturnStatus { draft, submitted, queried, accepted };
// What moves a return on: submitting it (again, with an answer, when
// queried), the business unit querying it, or accepting it.
enum class Step { submit, query, accept };
enum class Rag { red, amber, green };

// The partnership's settings for its framework.
struct Settings {
    std::int64_t partnership_id = 0;
    int year_starts_month = 4;  // Southend's reporting year starts in October (10)
    int due_days = 30;          // a return falls due this many days after its period ends
};

struct Returner {
    ReturnerKind kind = ReturnerKind::partner_agencies;
    std::optional<register_::Sector> sector;      // kind sector
    std::optional<std::int64_t> organisation_id;  // kind organisation
    std::string organisation_name;                // filled when read
};

// A target and the tolerance around it, for the periods that start on or
// after `applies_from` (until a later target applies).
struct Target {
    std::string applies_from;  // YYYY-MM-DD
    double value = 0;
    double tolerance = 0;
    bool operator==(const Target&) const = default;
};

struct Indicator {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    std::string code;  // "DBS01": unique in the partnership, whatever its case
    std::string title;
    std::string definition;
    Unit unit = Unit::count;
    std::string numerator;    // for a ratio: what is counted above the line
    std::string denominator;  // and below it
    Polarity polarity = Polarity::neither;
    Frequency frequency = Frequency::quarterly;
    std::vector<Returner> returned_by;
    std::vector<Target> targets;  // by applies_from
    std::string source;           // where the definition comes from, or guidance for those returning it
    std::string created_at;
    std::string updated_at;
};

struct Period {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    PeriodKind kind = PeriodKind::quarter;
    std::string name;       // "Q1 2011/12", "H2 2011/12", "2011/12"
    std::string starts_on;  // YYYY-MM-DD, both days included
    std::string ends_on;
    std::string due_on;  // a return submitted after this day is late
};

// Who did something to a return, and when.
struct Stamp {
    std::string at;  // UTC, ISO 8601 with Z
    std::string by;  // the actor's label: an e-mail address, or "cli:<user>"
    bool operator==(const Stamp&) const = default;
};

// One organisation's return for one period, or the partnership's own
// (organisation_id unset) for the indicators its business unit returns.
struct Return {
    std::int64_t id = 0;
    std::int64_t partnership_id = 0;
    std::int64_t period_id = 0;
    std::optional<std::int64_t> organisation_id;
    std::string returner_name;  // filled when read: the organisation's, or the partnership's
    ReturnStatus status = ReturnStatus::draft;
    std::string created_at;
    // When it was first submitted: lateness is judged by it, so a return
    // sent back by a query and submitted again is not made late.
    std::optional<std::string> first_submitted_at;
    std::optional<Stamp> submitted;  // the latest submission
    std::optional<Stamp> queried;    // the latest query, with its question
    std::string question;
    std::optional<Stamp> answered;  // the answer given when it was submitted again
    std::string answer;
    std::optional<Stamp> accepted;
};

struct Value {
    std::int64_t return_id = 0;
    std::int64_t indicator_id = 0;
    std::string indicator_code;  // filled when read
    double value = 0;
    std::optional<std::int64_t> numerator;  // a ratio's counts, both or neither
    std::optional<std::int64_t> denominator;
    std::string note;
    bool operator==(const Value&) const = default;
};

// One transition of a return, kept as its history.
struct ReturnEvent {
    std::int64_t id = 0;
    std::int64_t return_id = 0;
    std::string what;  // "created", "saved", "submitted", "queried", "accepted"
    Stamp stamp;
    std::string text;  // the question, or the answer
};

// ---- what the analysis answers (store.hpp runs it, rules.hpp holds its arithmetic) ----

// Sums over some values of one indicator, as SQL adds them up.
struct Sums {
    std::int64_t values = 0;
    std::int64_t with_counts = 0;  // values that gave a numerator and a denominator
    std::int64_t numerator = 0;    // over the values with counts
    std::int64_t denominator = 0;
    double value_sum = 0;  // over every value
};

// The partnership's figure for an indicator: the sum of the values for a
// count, the sum of numerators over the sum of denominators for a ratio
// (weighted), and the mean otherwise (rules.hpp: aggregate_of).
struct Aggregate {
    std::int64_t values = 0;
    std::int64_t with_counts = 0;
    std::optional<double> value;  // none without values
    bool weighted = false;
};

// Where one expected returner's return for a period stands.
struct ReturnerStatus {
    std::optional<std::int64_t> organisation_id;  // unset: the partnership's own return
    std::string name;
    std::optional<std::int64_t> return_id;
    std::optional<ReturnStatus> status;       // unset: no return started
    std::optional<std::string> submitted_at;  // when it was first submitted
    bool returned = false;                    // submitted or accepted
    bool late = false;                        // returned, but first submitted after the due day
    bool overdue = false;                     // not returned, and the due day has passed
};

struct Completeness {
    Period period;
    int expected = 0;
    int returned = 0;
    int late = 0;
    int percent = 100;                      // returned of expected, whole, halves up; 100 when nothing is expected
    std::vector<ReturnerStatus> returners;  // by name, the partnership's own first
    std::vector<ReturnerStatus> missing() const;
    std::vector<ReturnerStatus> late_ones() const;
};

// One returned value with the target that applies and its rating.
struct RatedValue {
    std::int64_t indicator_id = 0;
    std::string indicator_code;
    std::string indicator_title;
    Unit unit = Unit::count;
    Polarity polarity = Polarity::neither;
    std::optional<std::int64_t> organisation_id;
    std::string returner_name;
    std::int64_t return_id = 0;
    ReturnStatus status = ReturnStatus::submitted;
    Value value;
    std::optional<Target> target;
    std::optional<Rag> rag;  // none without a target
};

// An indicator's partnership figure for one period, rated.
struct IndicatorSummary {
    Indicator indicator;
    Aggregate aggregate;
    std::optional<Target> target;
    std::optional<Rag> rag;
};

struct Exceptions {
    Period period;
    std::vector<RatedValue> outside_tolerance;  // every red value, by indicator code then returner
    std::vector<ReturnerStatus> missing;        // every expected return not returned
};

struct TrendPoint {
    Period period;
    Aggregate aggregate;
    std::optional<Target> target;
    std::optional<Rag> rag;
};

// One returner's values across the trend's periods (one per period, or none).
struct Series {
    std::optional<std::int64_t> organisation_id;
    std::string name;
    std::vector<std::optional<RatedValue>> points;  // in the trend's period order
};

struct Trend {
    Indicator indicator;
    std::vector<TrendPoint> points;  // every period of the indicator's frequency in the range, in order
    std::vector<Series> returners;   // by name
};

// One indicator in one period, agency beside agency.
struct Comparison {
    Indicator indicator;
    Period period;
    std::optional<Target> target;
    Aggregate aggregate;
    std::optional<Rag> rag;
    std::vector<RatedValue> values;       // best first (rules.hpp: rank)
    std::vector<ReturnerStatus> missing;  // expected returners with no returned value
};

}  // namespace safeboard::performance
