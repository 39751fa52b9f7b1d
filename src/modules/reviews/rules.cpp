#include "modules/reviews/rules.hpp"

#include "modules/reviews/vocabulary.hpp"

#include <algorithm>
#include <map>

#include "platform/calendar/calendar.hpp"
#include "platform/core/text.hpp"

namespace safeboard::reviews {

namespace {

using calendar::Date;
using calendar::format_date;
using calendar::parse_date;

constexpr std::string_view kDecision = "decision";

// A date field that must hold a real date; nullopt (and an error) otherwise.
std::optional<Date> date_field(std::string_view field, std::string_view label, std::string_view text,
                               std::vector<FieldError>& errors) {
    auto date = parse_date(text);
    if (!date) errors.push_back({std::string(field), std::string(label) + " must be a real date, written YYYY-MM-DD"});
    return date;
}

void check_dates(const Case& c, std::optional<Date> today, std::vector<FieldError>& errors) {
    auto incident = date_field("incident_on", "Date of the incident", c.incident_on, errors);
    auto aware = date_field("became_aware_on", "Date the local authority became aware", c.became_aware_on, errors);
    if (incident && aware && *aware < *incident) {
        errors.push_back({"became_aware_on", "Date the local authority became aware must not be before the incident"});
    }
    if (today && aware && *aware > *today) {
        errors.push_back({"became_aware_on", "Date the local authority became aware must not be in the future"});
    }
    if (today && incident && *incident > *today) {
        errors.push_back({"incident_on", "Date of the incident must not be in the future"});
    }
}

void check_decision(const Case& c, std::vector<FieldError>& errors) {
    if (!c.decision) return;
    if (c.decision->ratified_by < 1) {
        errors.push_back({"decision.ratified_by", "Choose the statutory partner who ratified the decision"});
    }
    auto on = date_field("decision.ratified_on", "Date the decision was ratified", c.decision->ratified_on, errors);
    auto aware = parse_date(c.became_aware_on);
    if (on && aware && *on < *aware) {
        errors.push_back({"decision.ratified_on", "Date the decision was ratified must not be before awareness"});
    }
}

void check_steps(const Case& c, std::vector<FieldError>& errors) {
    auto aware = parse_date(c.became_aware_on);
    for (const auto& [step, done] : c.steps) {
        auto field = "steps." + step;
        auto on = date_field(field + ".done_on", "Date done", done.done_on, errors);
        if (on && aware && *on < *aware) {
            errors.push_back({field + ".done_on", "Date done must not be before awareness"});
        }
        if (done.evidence.size() > 2000 || !is_utf8(done.evidence)) {
            errors.push_back({field + ".evidence", "Evidence must be text of 2000 characters or fewer"});
        }
    }
}

std::optional<Date> optional_date(const std::optional<std::string>& text) {
    return text ? parse_date(*text) : std::nullopt;
}

// When the event a clock starts from happened, if it has.
std::optional<Date> start_of(const Case& c, std::string_view event) {
    if (event == kBecameAware) return parse_date(c.became_aware_on);
    if (event == kIncident) return parse_date(c.incident_on);
    if (auto done = c.steps.find(std::string(event)); done != c.steps.end()) return parse_date(done->second.done_on);
    if (event == kDecision && c.decision) return parse_date(c.decision->ratified_on);
    return std::nullopt;
}

std::optional<Date> due_of(const ClockRule& rule, std::optional<Date> start) {
    if (!start || !rule.has_clock()) return std::nullopt;
    if (rule.working_days) return calendar::add_working_days(*start, *rule.working_days);
    return add_calendar_months(*start, *rule.calendar_months);
}

// Due, done, days left, overdue and late from the dates.
void settle(StepClock& clock, std::optional<Date> due, std::optional<Date> done, Date on) {
    if (due) clock.due_on = format_date(*due);
    if (done) clock.done_on = format_date(*done);
    if (!due) return;
    if (done) {
        clock.late = *done > *due;
        return;
    }
    clock.working_days_left = calendar::working_days_between(on, *due);
    clock.overdue = on > *due;
}

StepClock step_clock(const Case& c, const ClockRule& rule, Date on) {
    StepClock clock{rule.step, rule.label, rule.source, {}, {}, {}, {}, false, false};
    auto start = rule.has_clock() ? start_of(c, rule.starts_from) : std::nullopt;
    if (start) clock.starts_on = format_date(*start);
    std::optional<Date> done;
    if (auto it = c.steps.find(rule.step); it != c.steps.end()) done = parse_date(it->second.done_on);
    if (!done && rule.step == kDecision && c.decision) done = parse_date(c.decision->ratified_on);
    settle(clock, due_of(rule, start), done, on);
    return clock;
}

StepClock report_clock(const AgencyReport& report, Date on) {
    auto name = report.organisation_name.empty() ? "organisation " + std::to_string(report.organisation_id)
                                                 : report.organisation_name;
    StepClock clock{"agency_report:" + std::to_string(report.organisation_id),
                    "Agency report: " + name,
                    "The case's terms of reference",
                    {},
                    {},
                    {},
                    {},
                    false,
                    false};
    settle(clock, parse_date(report.due_on), optional_date(report.received_on), on);
    return clock;
}

}  // namespace

Status check_case(const Case& c, std::string_view today) {
    std::vector<FieldError> errors;
    if (auto problem = check_line("reference", "Reference", c.reference, 1, 100)) errors.push_back(*problem);
    if (c.partnership_id < 1) errors.push_back({"partnership_id", "Choose the partnership"});
    check_dates(c, parse_date(today), errors);
    check_decision(c, errors);
    check_steps(c, errors);
    if (!errors.empty()) return invalid(std::move(errors));
    return {};
}

Date add_calendar_months(Date date, int months) {
    using namespace std::chrono;
    auto month = year_month{date.year(), date.month()} + std::chrono::months{months};
    auto last = year_month_day_last{month.year(), month_day_last{month.month()}}.day();
    return Date{month.year(), month.month(), std::min(date.day(), last)};
}

CaseClock clock_of(const Case& c, const std::vector<AgencyReport>& reports, const std::vector<ClockRule>& rules,
                   std::string_view on) {
    CaseClock clock{c.id, c.reference, c.status, {}};
    auto day = parse_date(on).value_or(Date{});
    for (const auto& rule : rules) clock.steps.push_back(step_clock(c, rule, day));
    std::vector<AgencyReport> sorted = reports;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const AgencyReport& a, const AgencyReport& b) { return a.due_on < b.due_on; });
    for (const auto& report : sorted) clock.steps.push_back(report_clock(report, day));
    return clock;
}

std::vector<Deadline> deadlines(const std::vector<CaseClock>& clocks) {
    std::vector<Deadline> found;
    for (const auto& clock : clocks) {
        if (clock.status != CaseStatus::open) continue;
        for (const auto& step : clock.steps) {
            if (step.done() || !step.due_on) continue;
            found.push_back({clock.case_id, clock.reference, step.step, step.label, *step.due_on,
                             step.working_days_left.value_or(0), step.overdue});
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Deadline& a, const Deadline& b) {
        if (a.due_on != b.due_on) return a.due_on < b.due_on;
        if (a.case_id != b.case_id) return a.case_id < b.case_id;
        return a.step < b.step;
    });
    return found;
}

std::vector<MissingConfirmation> missing_confirmations(const Case& c, const std::vector<Confirmation>& confirmed) {
    std::vector<MissingConfirmation> missing;
    for (auto organisation : c.agencies) {
        for (const auto& term : terms<LearningLevel>()) {
            bool done = std::ranges::any_of(confirmed, [&](const Confirmation& k) {
                return k.organisation_id == organisation && k.level == term.value;
            });
            if (!done) missing.push_back({c.id, organisation, term.value});
        }
    }
    return missing;
}

}  // namespace safeboard::reviews
