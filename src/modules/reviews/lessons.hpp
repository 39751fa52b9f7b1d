#pragma once
// The yearly summary of lessons from learning reviews for the member
// agencies (the Essex scrutiny committee asked the Board for "an annual
// summary to each member agency regarding lessons from serious case
// reviews", for each agency to pass to its management and governance
// bodies): every case of the partnership with lessons recorded that was
// published, closed or decided within the period, with its decision and its
// recommendations and their status.
//
// It is written for every member agency, so it holds only what may leave
// the review panel: the pseudonymous reference, the decision, the lessons
// (written without identifying details) and the recommendations. The
// sensitive details the vault keeps never come near it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plans/model.hpp"
#include "modules/register/model.hpp"
#include "modules/reviews/model.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"
#include "platform/pdf/document.hpp"

namespace safeboard::reviews {


struct LessonsPeriod {
    std::string from;  // YYYY-MM-DD, both days included
    std::string to;
};

// The twelve months to `today`: from the day after the same day a year before.
LessonsPeriod last_twelve_months(std::string_view today);
// The period from the fields "from" and "to" (YYYY-MM-DD), each defaulting
// to `fallback`'s; every problem named by its field.
Result<LessonsPeriod> period_from(std::string_view from, std::string_view to, const LessonsPeriod& fallback);

// What puts a case in the period: its publication, closure or decision,
// the first of these (in that order) whose day falls within it.
struct Milestone {
    std::string what;  // "Published", "Closed", "Decided"
    std::string on;    // YYYY-MM-DD
};
std::optional<Milestone> milestone_in(const Case& c, const LessonsPeriod& period);

struct LessonsRecommendation {
    std::string number;
    std::string text;
    std::string owner;
    plans::Status status = plans::Status::not_started;
};

struct LessonsCase {
    std::string reference;
    std::optional<DecisionKind> decision;
    Milestone milestone;
    std::string lessons;
    std::vector<LessonsRecommendation> recommendations;
};

struct LessonsSummary {
    std::string partnership_name;
    LessonsPeriod period;
    std::vector<LessonsCase> cases;  // by the milestone's day, then reference
};

// The partnership's summary for the period, read from its cases (open and
// closed) and the recommendations register. Reads only.
LessonsSummary lessons_summary(db::Connection& db, const register_::Partnership& partnership,
                               const LessonsPeriod& period);

// The words that open the summary: whom it is for, the period, what to do with it.
std::string lessons_introduction(const LessonsSummary& summary);
// The title: "Lessons from learning reviews, 23 November 2025 to 22 November 2026".
std::string lessons_title(const LessonsSummary& summary);
// The summary on A4, the partnership's name as letterhead.
pdf::Document lessons_document(const LessonsSummary& summary);

}  // namespace safeboard::reviews
