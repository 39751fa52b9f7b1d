#include "modules/reviews/lessons.hpp"

#include <algorithm>
#include <tuple>

#include "modules/plans/store.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/reviews/rules.hpp"
#include "modules/reviews/store.hpp"
#include "modules/reviews/vocabulary.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/fields.hpp"

namespace safeboard::reviews {

namespace {

bool within(const std::string& day, const LessonsPeriod& period) {
    return !day.empty() && day >= period.from && day <= period.to;
}

std::string step_day(const Case& c, const std::string& step) {
    auto found = c.steps.find(step);
    return found == c.steps.end() ? std::string() : found->second.done_on;
}

std::vector<LessonsRecommendation> recommendations_of(db::Connection& db, const Case& c) {
    std::vector<LessonsRecommendation> found;
    for (const auto& r : plans::recommendations_from(db, c.partnership_id, plans::Source::case_review, c.reference)) {
        found.push_back({r.number, r.text, r.owner ? r.owner->name : r.owner_wording, r.status});
    }
    return found;
}

std::string decision_words(const std::optional<DecisionKind>& decision) {
    return decision ? std::string(label_of(*decision)) : std::string("Not yet decided");
}

}  // namespace

LessonsPeriod last_twelve_months(std::string_view today) {
    auto day = calendar::parse_date(today);
    if (!day) return {std::string(today), std::string(today)};
    auto year_before = std::chrono::sys_days{add_calendar_months(*day, -12)} + std::chrono::days{1};
    return {calendar::format_date(calendar::Date{year_before}), std::string(today)};
}

Result<LessonsPeriod> period_from(std::string_view from, std::string_view to, const LessonsPeriod& fallback) {
    FieldErrors errors;
    auto read = [&](std::string_view text, const char* field, const char* label, const std::string& otherwise) {
        if (text.empty()) return otherwise;
        auto day = parse_day(text);
        if (!day || !calendar::parse_date(*day)) {
            errors.push_back({field, std::string(label) + " must be a real date, like 2026-03-31"});
            return std::string();
        }
        return *day;
    };
    LessonsPeriod period{read(from, "from", "From", fallback.from), read(to, "to", "To", fallback.to)};
    if (errors.empty() && period.to < period.from) errors.push_back({"to", "To must not be before from"});
    if (!errors.empty()) return invalid(std::move(errors));
    return period;
}

std::optional<Milestone> milestone_in(const Case& c, const LessonsPeriod& period) {
    if (auto on = step_day(c, "publication"); within(on, period)) return Milestone{"Published", on};
    if (auto on = step_day(c, "closure"); within(on, period)) return Milestone{"Closed", on};
    if (c.decision && within(c.decision->ratified_on, period)) return Milestone{"Decided", c.decision->ratified_on};
    return std::nullopt;
}

LessonsSummary lessons_summary(db::Connection& db, const register_::Partnership& partnership,
                               const LessonsPeriod& period) {
    LessonsSummary summary{partnership.name, period, {}};
    for (const auto& c : cases_of(db, {partnership.id}, true)) {
        if (c.learning.empty()) continue;
        auto milestone = milestone_in(c, period);
        if (!milestone) continue;
        summary.cases.push_back({c.reference, c.decision ? std::optional(c.decision->kind) : std::nullopt,
                                 *milestone, c.learning, recommendations_of(db, c)});
    }
    std::ranges::sort(summary.cases, [](const LessonsCase& a, const LessonsCase& b) {
        return std::tie(a.milestone.on, a.reference) < std::tie(b.milestone.on, b.reference);
    });
    return summary;
}

std::string lessons_title(const LessonsSummary& summary) {
    return "Lessons from learning reviews, " + calendar::date_in_words(summary.period.from) + " to " +
           calendar::date_in_words(summary.period.to);
}

std::string lessons_introduction(const LessonsSummary& summary) {
    auto count = summary.cases.size();
    std::string reviews = count == 1 ? "one learning review" : std::to_string(count) + " learning reviews";
    return "This is the summary of lessons from learning reviews that " + summary.partnership_name +
           " gives each of its member agencies. It covers the period from " + calendar::date_in_words(summary.period.from) +
           " to " + calendar::date_in_words(summary.period.to) + ": " + reviews +
           " published, closed or decided in that time, with the review's recommendations and how far each has "
           "got. Each agency should pass it to its relevant management and governance bodies. Reviews are named "
           "only by their reference, never by a child's name.";
}

pdf::Document lessons_document(const LessonsSummary& summary) {
    pdf::Document document;
    document.title = lessons_title(summary);
    document.author = summary.partnership_name;
    document.subject = "Lessons from learning reviews for member agencies";
    document.letterhead = summary.partnership_name;
    auto& blocks = document.blocks;
    blocks.push_back(pdf::Heading{1, document.title});
    blocks.push_back(pdf::Paragraph{lessons_introduction(summary)});
    if (summary.cases.empty()) {
        blocks.push_back(pdf::Paragraph{"No learning review with lessons recorded was published, closed or decided "
                                        "in the period."});
    }
    for (const auto& c : summary.cases) {
        blocks.push_back(pdf::Heading{2, c.reference});
        blocks.push_back(pdf::Paragraph{"Decision: " + decision_words(c.decision) + ". " + c.milestone.what + " " +
                                        calendar::date_in_words(c.milestone.on) + "."});
        blocks.push_back(pdf::Heading{3, "Lessons"});
        blocks.push_back(pdf::Paragraph{c.lessons});
        blocks.push_back(pdf::Heading{3, "Recommendations"});
        if (c.recommendations.empty()) {
            blocks.push_back(pdf::Paragraph{"The review made no recommendations."});
            continue;
        }
        pdf::Table table{{"Number", "Recommendation", "Owner", "Status"}, {}, {1.6, 5.5, 2.4, 1.5}};
        for (const auto& r : c.recommendations) {
            table.rows.push_back({r.number, r.text, r.owner, std::string(label_of(r.status))});
        }
        blocks.push_back(std::move(table));
    }
    return document;
}

}  // namespace safeboard::reviews
