// When actions fall due, which are overdue, how a recommendation's status
// follows from its actions', a plan's counts; and the plans' closed lists.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "modules/plans/progress.hpp"
#include "modules/plans/vocabulary.hpp"

namespace safeboard::plans {
namespace {

using Dates = std::vector<std::string>;

constexpr std::array all_statuses{Status::not_started, Status::on_track, Status::at_risk,
                                  Status::off_track,   Status::complete, Status::superseded};

Action action(std::string_view timescale, Status status = Status::on_track,
              std::optional<std::string> target_date = std::nullopt) {
    Action made;
    auto read = parse_timescale(timescale, 10);
    EXPECT_TRUE(read) << timescale;
    if (read) made.timescale = *read;
    made.status = status;
    made.target_date = std::move(target_date);
    return made;
}

// ---- Due dates --------------------------------------------------------------

TEST(ProgressDueDates, DatedEntriesAndTheTargetDateInOrder) {
    auto planned = action("October 2012; Ongoing; from May 2012; April 2012", Status::on_track, "2012-06-15");
    EXPECT_EQ(due_dates(planned), (Dates{"2012-04-30", "2012-06-15", "2012-10-31"}));
    EXPECT_EQ(due_dates(action("Q1 2011/12 and 31/03/2012")), (Dates{"2011-12-31", "2012-03-31"}));
}

TEST(ProgressDueDates, EachDayOnce) {
    EXPECT_EQ(due_dates(action("March 2012; 31/03/2012", Status::on_track, "2012-03-31")), Dates{"2012-03-31"});
}

TEST(ProgressDueDates, NothingDatedFallsDueNever) {
    EXPECT_TRUE(due_dates(action("")).empty());
    EXPECT_TRUE(due_dates(action("Ongoing")).empty());
    EXPECT_TRUE(due_dates(action("Quarterly and annually")).empty());
    EXPECT_TRUE(due_dates(action("Implementation from July 2010")).empty());
    EXPECT_TRUE(due_dates(action("", Status::on_track, "")).empty());
    EXPECT_EQ(due_dates(action("Ongoing", Status::on_track, "2013-01-31")), Dates{"2013-01-31"});
}

TEST(ProgressDueDates, NextDueIsTheEarliestOnOrAfterTheDay) {
    auto reports = action("October 2011 and 2012");
    EXPECT_EQ(next_due(reports, "2011-01-01"), "2011-10-31");
    EXPECT_EQ(next_due(reports, "2011-10-31"), "2011-10-31");
    EXPECT_EQ(next_due(reports, "2011-11-01"), "2012-10-31");
    EXPECT_FALSE(next_due(reports, "2012-11-01"));
    EXPECT_FALSE(next_due(action("Ongoing"), "2011-01-01"));
}

// ---- Overdue and due soon ---------------------------------------------------

TEST(ProgressOverdue, OnlyAfterTheDueDay) {
    auto report = action("March 2012");
    EXPECT_FALSE(overdue_on(report, "2012-03-30"));
    EXPECT_FALSE(overdue_on(report, "2012-03-31"));
    EXPECT_TRUE(overdue_on(report, "2012-04-01"));
    EXPECT_TRUE(overdue_on(report, "2015-01-01"));
}

TEST(ProgressOverdue, AnyPassedDueDateCounts) {
    auto reports = action("October 2011 and 2012");
    EXPECT_FALSE(overdue_on(reports, "2011-10-31"));
    EXPECT_TRUE(overdue_on(reports, "2011-11-01"));
    EXPECT_TRUE(overdue_on(reports, "2012-06-01"));
    auto targeted = action("Ongoing", Status::at_risk, "2012-01-31");
    EXPECT_FALSE(overdue_on(targeted, "2012-01-31"));
    EXPECT_TRUE(overdue_on(targeted, "2012-02-01"));
}

TEST(ProgressOverdue, FinishedActionsNeverAre) {
    for (auto status : all_statuses) {
        auto late = action("March 2012", status, "2012-01-31");
        EXPECT_EQ(overdue_on(late, "2013-01-01"), !finished(status)) << code_of(status);
    }
}

TEST(ProgressOverdue, WhatNeverFallsDueIsNeverOverdue) {
    for (const char* timescale : {"", "Ongoing", "Quarterly", "from July 2010", "Starting April 2012"}) {
        EXPECT_FALSE(overdue_on(action(timescale, Status::off_track), "2030-01-01")) << timescale;
    }
}

TEST(ProgressDueWithin, FromTheDayToTheLastDayIncluded) {
    auto report = action("March 2012");  // due 2012-03-31
    EXPECT_TRUE(due_within(report, "2012-03-01", 30));
    EXPECT_FALSE(due_within(report, "2012-03-01", 29));
    EXPECT_TRUE(due_within(report, "2012-03-31", 0));
    EXPECT_TRUE(due_within(report, "2012-03-31", 7));
    EXPECT_FALSE(due_within(report, "2012-04-01", 30));  // already past: overdue, not due
    // Across the leap day: 2012-02-29 counts as a day.
    auto leap = action("1 March 2012");
    EXPECT_TRUE(due_within(leap, "2012-02-28", 2));
    EXPECT_FALSE(due_within(leap, "2012-02-28", 1));
}

TEST(ProgressDueWithin, FinishedActionsAreNeverDue) {
    for (auto status : all_statuses) {
        EXPECT_EQ(due_within(action("March 2012", status), "2012-03-01", 30), !finished(status)) << code_of(status);
    }
    EXPECT_FALSE(due_within(action("Ongoing"), "2012-03-01", 3650));
    EXPECT_TRUE(due_within(action("Ongoing", Status::not_started, "2012-03-15"), "2012-03-01", 14));
}

TEST(ProgressAddDays, CalendarArithmetic) {
    EXPECT_EQ(add_days("2012-02-28", 1), "2012-02-29");
    EXPECT_EQ(add_days("2012-02-28", 2), "2012-03-01");
    EXPECT_EQ(add_days("2011-02-28", 1), "2011-03-01");
    EXPECT_EQ(add_days("2011-12-31", 1), "2012-01-01");
    EXPECT_EQ(add_days("2012-03-01", -1), "2012-02-29");
    EXPECT_EQ(add_days("2012-01-01", -1), "2011-12-31");
    EXPECT_EQ(add_days("2012-01-01", 0), "2012-01-01");
    EXPECT_EQ(add_days("2012-01-01", 366), "2013-01-01");
    EXPECT_EQ(add_days("2011-10-01", 365 * 3 + 1), "2014-10-01");
    EXPECT_EQ(add_days("2012-02-30", 1), "");
    EXPECT_EQ(add_days("not a date", 1), "");
}

// ---- A recommendation's status ---------------------------------------------

Status rolled(std::vector<Status> statuses) { return roll_up(statuses); }

TEST(ProgressRollUp, NoActionsIsNotStarted) { EXPECT_EQ(rolled({}), Status::not_started); }

TEST(ProgressRollUp, EveryActionFinished) {
    EXPECT_EQ(rolled({Status::superseded}), Status::superseded);
    EXPECT_EQ(rolled({Status::superseded, Status::superseded}), Status::superseded);
    EXPECT_EQ(rolled({Status::complete}), Status::complete);
    EXPECT_EQ(rolled({Status::complete, Status::complete}), Status::complete);
    EXPECT_EQ(rolled({Status::complete, Status::superseded}), Status::complete);
    EXPECT_EQ(rolled({Status::superseded, Status::complete, Status::superseded}), Status::complete);
}

TEST(ProgressRollUp, TheWorstOfTheActionsStillOpen) {
    EXPECT_EQ(rolled({Status::off_track}), Status::off_track);
    EXPECT_EQ(rolled({Status::on_track, Status::at_risk, Status::off_track}), Status::off_track);
    EXPECT_EQ(rolled({Status::off_track, Status::complete, Status::superseded}), Status::off_track);
    EXPECT_EQ(rolled({Status::not_started, Status::off_track}), Status::off_track);
    EXPECT_EQ(rolled({Status::at_risk}), Status::at_risk);
    EXPECT_EQ(rolled({Status::complete, Status::at_risk}), Status::at_risk);
    EXPECT_EQ(rolled({Status::at_risk, Status::not_started, Status::on_track}), Status::at_risk);
}

TEST(ProgressRollUp, OnTrackOnceAnyActionHasMoved) {
    EXPECT_EQ(rolled({Status::on_track}), Status::on_track);
    EXPECT_EQ(rolled({Status::on_track, Status::not_started}), Status::on_track);
    EXPECT_EQ(rolled({Status::complete, Status::not_started}), Status::on_track);
    EXPECT_EQ(rolled({Status::complete, Status::superseded, Status::not_started}), Status::on_track);
    EXPECT_EQ(rolled({Status::on_track, Status::complete}), Status::on_track);
}

TEST(ProgressRollUp, NotStartedWhileNothingHasMoved) {
    EXPECT_EQ(rolled({Status::not_started}), Status::not_started);
    EXPECT_EQ(rolled({Status::not_started, Status::not_started}), Status::not_started);
    EXPECT_EQ(rolled({Status::not_started, Status::superseded}), Status::not_started);
}

TEST(ProgressRollUp, TheOrderOfTheActionsDoesNotMatter) {
    for (auto a : all_statuses) {
        for (auto b : all_statuses) {
            for (auto c : all_statuses) {
                auto expected = rolled({a, b, c});
                EXPECT_EQ(rolled({c, b, a}), expected);
                EXPECT_EQ(rolled({b, c, a}), expected);
                EXPECT_EQ(rolled({a, c, b}), expected);
            }
        }
    }
}

// A superseded action is set aside: it changes nothing, unless nothing else is left.
TEST(ProgressRollUp, ASupersededActionChangesNothingBesideOthers) {
    for (auto a : all_statuses) {
        for (auto b : all_statuses) {
            if (a == Status::superseded && b == Status::superseded) continue;
            EXPECT_EQ(rolled({a, b, Status::superseded}), rolled({a, b})) << code_of(a) << " " << code_of(b);
        }
    }
}

// ---- A plan's counts -------------------------------------------------------

TEST(ProgressSummary, CountsByStatusRagAndOverdue) {
    std::vector<Action> actions{
        action("March 2012", Status::on_track),      // overdue on 2012-04-01
        action("April 2012", Status::at_risk),       // due later
        action("January 2012", Status::complete),    // finished
        action("Ongoing", Status::off_track),        // never due
        action("", Status::not_started, "2012-02-01"),  // overdue by its target date
        action("from March 2012", Status::superseded),
    };
    actions[0].rag = Rag::green;
    actions[1].rag = Rag::amber;
    actions[2].rag = Rag::green;
    actions[3].rag = Rag::red;

    auto summary = summarise(actions, "2012-04-01");
    EXPECT_EQ(summary.total, 6);
    EXPECT_EQ(summary.by_status, (std::array<int, 6>{1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(summary.by_rag, (std::array<int, 3>{1, 1, 2}));
    EXPECT_EQ(summary.no_rag, 2);
    EXPECT_EQ(summary.overdue, 2);

    EXPECT_EQ(summarise(actions, "2012-03-31").overdue, 1);
    EXPECT_EQ(summarise(actions, "2012-01-01").overdue, 0);
    EXPECT_EQ(summarise(actions, "2012-05-01").overdue, 3);
}

TEST(ProgressSummary, NoActionsCountsNothing) {
    auto summary = summarise({}, "2012-04-01");
    EXPECT_EQ(summary.total, 0);
    EXPECT_EQ(summary.by_status, (std::array<int, 6>{}));
    EXPECT_EQ(summary.by_rag, (std::array<int, 3>{}));
    EXPECT_EQ(summary.no_rag, 0);
    EXPECT_EQ(summary.overdue, 0);
}

// ---- The closed lists ------------------------------------------------------

TEST(PlansVocabulary, CodesAndLabels) {
    EXPECT_EQ(codes_list<Status>(), "not_started, on_track, at_risk, off_track, complete, superseded");
    EXPECT_EQ(codes_list<Rag>(), "red, amber, green");
    EXPECT_EQ(codes_list<Source>(),
              "case_review, audit, scrutiny_committee, inspection, peer_review, external_review, other");
    EXPECT_EQ(codes_list<Acceptance>(), "accepted, accepted_in_part, not_accepted, not_for_this_partnership");
    EXPECT_EQ(codes_list<PartyKind>(), "body, person, organisation");
    EXPECT_EQ(label_of(Status::not_started), "Not started");
    EXPECT_EQ(label_of(Status::off_track), "Off track");
    EXPECT_EQ(label_of(Rag::amber), "Amber");
    EXPECT_EQ(label_of(Source::scrutiny_committee), "Scrutiny committee");
    EXPECT_EQ(label_of(Acceptance::not_for_this_partnership), "Not for this partnership");
    EXPECT_EQ(label_of(PartyKind::organisation), "Organisation");
}

TEST(PlansVocabulary, EveryValueHasATerm) {
    for (auto status : all_statuses) EXPECT_FALSE(code_of(status).empty());
    EXPECT_EQ(statuses().size(), all_statuses.size());
    EXPECT_EQ(rags().size(), 3U);
    EXPECT_EQ(sources().size(), 7U);
    EXPECT_EQ(acceptances().size(), 4U);
    EXPECT_EQ(party_kinds().size(), 3U);
}

TEST(PlansVocabulary, ReadsCodesOrLabelsInAnyCase) {
    EXPECT_EQ(parse_term<Status>("On track"), Status::on_track);
    EXPECT_EQ(parse_term<Status>("NOT_STARTED"), Status::not_started);
    EXPECT_EQ(parse_term<Status>("not started"), Status::not_started);
    EXPECT_EQ(parse_term<Rag>("AMBER"), Rag::amber);
    EXPECT_EQ(parse_term<Source>("Case review"), Source::case_review);
    EXPECT_EQ(parse_term<Acceptance>("Accepted in part"), Acceptance::accepted_in_part);
    EXPECT_EQ(parse_term<PartyKind>("person"), PartyKind::person);
    EXPECT_FALSE(parse_term<Status>("done"));
    EXPECT_FALSE(parse_term<Rag>("blue"));
}

TEST(PlansVocabulary, PriorityCodesAsSpreadsheetsWriteThem) {
    using Codes = std::vector<std::string>;
    EXPECT_EQ(parse_priority_codes("A, B & C"), (Codes{"A", "B", "C"}));
    EXPECT_EQ(parse_priority_codes("A;C"), (Codes{"A", "C"}));
    EXPECT_EQ(parse_priority_codes("A and B"), (Codes{"A", "B"}));
    EXPECT_EQ(parse_priority_codes("A & C"), (Codes{"A", "C"}));
    EXPECT_EQ(parse_priority_codes(" a ,b AND c "), (Codes{"A", "B", "C"}));
    EXPECT_EQ(parse_priority_codes("C, A, C"), (Codes{"C", "A"}));
    EXPECT_EQ(parse_priority_codes("cp1; Cp2"), (Codes{"CP1", "CP2"}));
    EXPECT_EQ(parse_priority_codes("A"), Codes{"A"});
    EXPECT_TRUE(parse_priority_codes("").empty());
    EXPECT_TRUE(parse_priority_codes(" ; , & ").empty());
}

}  // namespace
}  // namespace safeboard::plans
