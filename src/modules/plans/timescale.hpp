#pragma once
// When an action falls due, read from the words a plan uses for it: "April
// 2012 October 2012", "Ongoing. Review of outcomes March 2012", "Q1 2011/12",
// "Implementation from July 2010". The wording is kept for display; the
// entries found in it give the dates the rules in progress.hpp work with.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"
#include "platform/core/terms.hpp"

namespace safeboard::plans {

enum class TimescaleKind { date, month, quarter, ongoing, recurrence };
enum class Recurrence { monthly, quarterly, biannual, annual };

struct TimescaleEntry {
    TimescaleKind kind = TimescaleKind::ongoing;
    std::string starts_on;  // YYYY-MM-DD; empty for ongoing and recurrence
    std::string ends_on;
    bool from_only = false;  // "from July 2010": work starts then, nothing falls due
    std::optional<Recurrence> recurrence;
    // The entry's own words, without "by" or "from": "April 2012", "Q1 2011/12";
    // "October 2011 and 2012" gives "October 2011" and "October 2012".
    std::string wording;

    // A dated entry (date, month, quarter) that is not from_only falls due on its last day.
    std::optional<std::string> due_on() const;
    bool operator==(const TimescaleEntry&) const = default;
};

struct Timescale {
    std::string wording;  // the text as written, trimmed
    std::vector<TimescaleEntry> entries;
    bool empty() const { return wording.empty() && entries.empty(); }
    bool operator==(const Timescale&) const = default;
};

// The entries found in the text, left to right (the README gives the
// grammar). A quarter of a reporting year ("Q1 2011/12") counts from
// year_starts_month (1..12). Blank text is no timescale; text with no entry
// at all, or with a date that does not exist, is a validation error on the
// field "timescale".
Result<Timescale> parse_timescale(std::string_view text, int year_starts_month);

// Words for a page: "April 2012", "31 March 2012", "Q1 2011/12 (October to
// December 2011)", "Ongoing", "Quarterly", "From July 2010".
std::string describe(const TimescaleEntry& entry);

std::span<const Term<TimescaleKind>> timescale_kinds();
std::span<const Term<Recurrence>> recurrences();

}  // namespace safeboard::plans

namespace safeboard {
template <> inline std::span<const Term<plans::TimescaleKind>> terms() { return plans::timescale_kinds(); }
template <> inline std::span<const Term<plans::Recurrence>> terms() { return plans::recurrences(); }
}  // namespace safeboard
