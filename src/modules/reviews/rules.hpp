#pragma once
// The pure rules of learning reviews: a case checked field by field, and its
// clock worked out from the clock rules (clock_rules.hpp) with the England
// and Wales working-day calendar. No I/O.
//
// Working-day clocks: due = add_working_days(start, n); the start day is
// never counted, so an authority that becomes aware on a Saturday has
// Monday as day 1.
//
// Calendar-month clocks (publication "within 6 months of the decision"): due
// = the same day of the month n months later, or that month's last day when
// it has no such day (31 August + 6 months = 28 or 29 February). The date is
// NOT moved off a weekend or bank holiday: the guidance counts calendar
// months, and moving it later would lengthen a statutory period no source
// lengthens; the days left are still counted in working days.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/reviews/clock_rules.hpp"
#include "modules/reviews/model.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/error.hpp"

namespace safeboard::reviews {

// Every problem with a case at once, each named by its field: a reference
// (1-100 characters, one line), real dates, awareness not before the
// incident nor after `today`, a decision with a ratifying partner and a
// date not before awareness, steps done on real dates not before awareness
// and with evidence of at most 2000 characters.
Status check_case(const Case& c, std::string_view today);

// The same day `months` later, clamped to the end of a shorter month.
calendar::Date add_calendar_months(calendar::Date date, int months);

struct StepClock {
    std::string step;    // a clock rule's step, or "agency_report:<organisation id>"
    std::string label;
    std::string source;  // the rule's source
    std::optional<std::string> starts_on;  // the start event's date, once it has happened
    std::optional<std::string> due_on;     // when the step has a clock and its start has happened
    std::optional<std::string> done_on;
    // Working days from `on` to the due date (negative once past); set while
    // not done and due.
    std::optional<int> working_days_left;
    bool overdue = false;  // not done, and `on` is after the due date
    bool late = false;     // done after the due date
    bool done() const { return done_on.has_value(); }
};

struct CaseClock {
    std::int64_t case_id = 0;
    std::string reference;
    CaseStatus status = CaseStatus::open;
    std::vector<StepClock> steps;  // the rules' order, then the agency reports by due date
};

// The case's clock on `on` (YYYY-MM-DD) under `rules` (rules_for the case's
// partnership). Each agency report not yet received is a step due on its
// own due date.
CaseClock clock_of(const Case& c, const std::vector<AgencyReport>& reports, const std::vector<ClockRule>& rules,
                   std::string_view on);

// One deadline still to meet.
struct Deadline {
    std::int64_t case_id = 0;
    std::string reference;
    std::string step;
    std::string label;
    std::string due_on;
    int working_days_left = 0;
    bool overdue = false;
};

// The steps of open cases not yet done that have a due date, nearest
// deadline first (the longest overdue at the top), then by case and step.
std::vector<Deadline> deadlines(const std::vector<CaseClock>& clocks);

// An agency involved in a case that has not confirmed sharing the learning
// at a level.
struct MissingConfirmation {
    std::int64_t case_id = 0;
    std::int64_t organisation_id = 0;
    LearningLevel level = LearningLevel::practitioner;
};
// Every agency of the case and every level not yet confirmed, by agency id then level.
std::vector<MissingConfirmation> missing_confirmations(const Case& c, const std::vector<Confirmation>& confirmed);

}  // namespace safeboard::reviews
