#pragma once
// The statutory clocks as data, each naming its source, so that a change in
// guidance is a change of clock_rules.csv, never of code:
//
//   partnership,step,label,starts_from,working_days,calendar_months,source
//   ,notification,Notify the national Panel,became_aware,5,,Children Act 2004 s16C(1); ...
//   essex,rapid_review,Rapid review,notification,15,,<the partnership's procedure>
//
// A row with an empty partnership is the default for every partnership; a
// row with a partnership's code overrides the default of the same step for
// that partnership only (some count the rapid review from notification).
// `starts_from` is the event the clock runs from: became_aware, incident,
// or the code of an earlier step (the day it was done; for decision, the day
// it was ratified). A step has at most one duration, in working days or in
// calendar months; one with neither has no clock, and no start event.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::reviews {

struct ClockRule {
    std::size_t line = 0;     // in the file, for messages
    std::string partnership;  // a partnership's code; empty for the default
    std::string step;         // notification, rapid_review, ...
    std::string label;
    std::string starts_from;  // empty when the step has no clock
    std::optional<int> working_days;
    std::optional<int> calendar_months;
    std::string source;
    bool has_clock() const { return working_days.has_value() || calendar_months.has_value(); }
};

// The start events that are not steps.
inline constexpr std::string_view kBecameAware = "became_aware";
inline constexpr std::string_view kIncident = "incident";

// Reads and checks a rules file: the columns above; a step code of lower
// case letters and underscores; a label and a source; durations whole
// numbers from 1 to 366 (days) or 1 to 24 (months), not both; a start event
// exactly when there is a duration, which is became_aware, incident or a
// default step other than the row's own; an override only of a default
// step; no step given twice for the same partnership. Errors
// (ErrorKind::validation) name every bad line, each also as a field "line N".
Result<std::vector<ClockRule>> read_clock_rules(std::string_view csv);

// The rules compiled into the binary (clock_rules.csv), read once. A bad
// row there is a defect of the build (a test reads the file), so it throws
// std::logic_error.
const std::vector<ClockRule>& statutory_clock_rules();

// The steps in the file's order of default rows, each the partnership's
// override where it has one.
std::vector<ClockRule> rules_for(const std::vector<ClockRule>& rules, std::string_view partnership_code);

}  // namespace safeboard::reviews
