// A case's statutory clock in working days, with real dates across Easter
// and Christmas, worked out by hand against the gov.uk bank holidays.
#include <gtest/gtest.h>

#include "modules/reviews/rules.hpp"

namespace safeboard::reviews {
namespace {

const StepClock& step(const CaseClock& clock, std::string_view code) {
    for (const auto& s : clock.steps) {
        if (s.step == code) return s;
    }
    throw std::runtime_error("no step " + std::string(code));
}

Case aware_on(const std::string& date) {
    Case c;
    c.id = 1;
    c.partnership_id = 1;
    c.reference = "Child A / 2024";
    c.incident_on = date;
    c.became_aware_on = date;
    return c;
}

std::vector<ClockRule> defaults() { return rules_for(statutory_clock_rules(), ""); }

TEST(ReviewClock, NotificationAndRapidReviewSkipEaster) {
    // Thursday 28 March 2024: Good Friday and Easter Monday are not counted.
    auto clock = clock_of(aware_on("2024-03-28"), {}, defaults(), "2024-04-03");
    const auto& notification = step(clock, "notification");
    EXPECT_EQ(notification.starts_on, "2024-03-28");
    EXPECT_EQ(notification.due_on, "2024-04-08");
    EXPECT_EQ(notification.working_days_left, 3);  // Thursday 4, Friday 5, Monday 8
    EXPECT_FALSE(notification.overdue);
    EXPECT_EQ(step(clock, "rapid_review").due_on, "2024-04-22");
    EXPECT_FALSE(step(clock, "overview_report").due_on);
    EXPECT_FALSE(step(clock, "publication").due_on);  // no decision yet
}

TEST(ReviewClock, AnAuthorityAwareOnASaturdayBeforeChristmasCountsFromMonday) {
    auto clock = clock_of(aware_on("2024-12-21"), {}, defaults(), "2024-12-21");
    EXPECT_EQ(step(clock, "notification").due_on, "2024-12-31");  // 23, 24, 27, 30, 31
}

TEST(ReviewClock, AStepNotDoneByItsDueDateIsOverdueAndOneDoneLateSaysSo) {
    auto c = aware_on("2024-03-28");
    auto open = clock_of(c, {}, defaults(), "2024-04-10");
    EXPECT_TRUE(step(open, "notification").overdue);
    EXPECT_EQ(step(open, "notification").working_days_left, -2);
    EXPECT_EQ(step(clock_of(c, {}, defaults(), "2024-04-08"), "notification").overdue, false);

    c.steps["notification"] = {"2024-04-09", "Notified by e-mail"};
    auto done = clock_of(c, {}, defaults(), "2024-04-10");
    EXPECT_TRUE(step(done, "notification").done());
    EXPECT_TRUE(step(done, "notification").late);
    EXPECT_FALSE(step(done, "notification").overdue);
    EXPECT_FALSE(step(done, "notification").working_days_left);
}

TEST(ReviewClock, ARapidReviewCountedFromNotificationWhereThePartnershipSaysSo) {
    auto rules = statutory_clock_rules();
    auto override_row = rules_for(rules, "").at(1);
    ASSERT_EQ(override_row.step, "rapid_review");
    override_row.partnership = "essex";
    override_row.starts_from = "notification";
    rules.push_back(override_row);
    auto c = aware_on("2024-03-28");
    auto waiting = clock_of(c, {}, rules_for(rules, "essex"), "2024-04-03");
    EXPECT_FALSE(step(waiting, "rapid_review").due_on);  // not notified yet
    c.steps["notification"] = {"2024-04-05", ""};
    auto clock = clock_of(c, {}, rules_for(rules, "essex"), "2024-04-08");
    EXPECT_EQ(step(clock, "rapid_review").due_on, "2024-04-26");
    EXPECT_EQ(step(clock_of(c, {}, rules_for(rules, "southend"), "2024-04-08"), "rapid_review").due_on,
              "2024-04-22");
}

TEST(ReviewClock, PublicationIsSixCalendarMonthsAfterTheDecisionClampedToMonthEnd) {
    auto c = aware_on("2023-08-01");
    c.decision = Decision{DecisionKind::lcspr, 7, "2023-08-31"};
    auto clock = clock_of(c, {}, defaults(), "2023-09-01");
    EXPECT_EQ(step(clock, "publication").due_on, "2024-02-29");
    EXPECT_EQ(step(clock, "decision").done_on, "2023-08-31");
    // Not moved off a weekend: 14 September 2024 is a Saturday.
    c.decision->ratified_on = "2024-03-14";
    EXPECT_EQ(step(clock_of(c, {}, defaults(), "2024-03-15"), "publication").due_on, "2024-09-14");
}

TEST(ReviewClock, TheDeadlinesOfOpenCasesComeNearestFirstWithAgencyReports) {
    auto first = aware_on("2024-03-28");
    auto second = aware_on("2024-03-20");
    second.id = 2;
    second.reference = "Child B / 2024";
    AgencyReport report;
    report.organisation_id = 5;
    report.organisation_name = "Essex Police";
    report.due_on = "2024-04-01";
    auto closed = aware_on("2024-03-01");
    closed.id = 3;
    closed.status = CaseStatus::closed;
    std::vector<CaseClock> clocks{clock_of(first, {}, defaults(), "2024-04-03"),
                                  clock_of(second, {report}, defaults(), "2024-04-03"),
                                  clock_of(closed, {}, defaults(), "2024-04-03")};
    auto list = deadlines(clocks);
    ASSERT_EQ(list.size(), 5u);
    EXPECT_EQ(list[0].due_on, "2024-03-27");  // Child B's notification: 21, 22, 25, 26, 27
    EXPECT_TRUE(list[0].overdue);
    EXPECT_EQ(list[1].step, "agency_report:5");
    EXPECT_EQ(list[1].label, "Agency report: Essex Police");
    EXPECT_EQ(list[2].reference, "Child A / 2024");
    EXPECT_EQ(list[2].due_on, "2024-04-08");
    EXPECT_EQ(list[3].due_on, "2024-04-12");  // Child B's rapid review: 15 working days
    EXPECT_EQ(list[4].due_on, "2024-04-22");
}

TEST(ReviewClock, ACaseIsCheckedFieldByField) {
    Case c;
    c.reference = "";
    c.incident_on = "2024-04-02";
    c.became_aware_on = "2024-04-01";
    c.decision = Decision{DecisionKind::lcspr, 0, "2024-13-01"};
    c.steps["notification"] = {"2024-03-01", ""};
    auto checked = check_case(c, "2024-05-01");
    ASSERT_FALSE(checked);
    std::vector<std::string> fields;
    for (const auto& e : checked.error().fields) fields.push_back(e.field);
    for (const char* f : {"reference", "partnership_id", "became_aware_on", "decision.ratified_by",
                          "decision.ratified_on", "steps.notification.done_on"}) {
        EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
    }
    EXPECT_TRUE(check_case(aware_on("2024-03-28"), "2024-05-01"));
    EXPECT_FALSE(check_case(aware_on("2024-06-01"), "2024-05-01"));
}

}  // namespace
}  // namespace safeboard::reviews
