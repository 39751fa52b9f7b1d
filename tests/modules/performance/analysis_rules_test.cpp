// How a return moves on, the RAG rating at every edge, ranking, partnership
// figures and completeness arithmetic.
#include <gtest/gtest.h>

#include "modules/performance/rules.hpp"

namespace safeboard::performance {
namespace {

const Stamp monday{"2012-05-07T09:00:00Z", "manager@southend.example"};
const Stamp tuesday{"2012-05-08T09:00:00Z", "lead@seechc.example"};

Return with_status(ReturnStatus status) {
    Return r;
    r.id = 3;
    r.status = status;
    return r;
}

// ---- steps ---------------------------------------------------------------------------------

TEST(PerformanceSteps, ADraftIsSubmittedWithWhoAndWhen) {
    auto r = step_return(with_status(ReturnStatus::draft), Step::submit, "", monday);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, ReturnStatus::submitted);
    EXPECT_EQ(r->submitted, monday);
    EXPECT_FALSE(r->answered);
}

TEST(PerformanceSteps, AQueryAsksAQuestionAndTheAnswerComesWithTheNextSubmission) {
    auto submitted = *step_return(with_status(ReturnStatus::draft), Step::submit, "", monday);
    auto unasked = step_return(submitted, Step::query, "  ", monday);
    ASSERT_FALSE(unasked);
    EXPECT_EQ(unasked.error().fields.front().field, "question");
    auto queried = step_return(submitted, Step::query, "Why did DBS checks fall to 61%?", monday);
    ASSERT_TRUE(queried);
    EXPECT_EQ(queried->status, ReturnStatus::queried);
    EXPECT_EQ(queried->question, "Why did DBS checks fall to 61%?");
    EXPECT_EQ(queried->queried, monday);
    auto unanswered = step_return(*queried, Step::submit, "", tuesday);
    ASSERT_FALSE(unanswered);
    EXPECT_EQ(unanswered.error().fields.front().field, "answer");
    auto again = step_return(*queried, Step::submit, "The denominator counted all staff; corrected.", tuesday);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, ReturnStatus::submitted);
    EXPECT_EQ(again->answer, "The denominator counted all staff; corrected.");
    EXPECT_EQ(again->answered, tuesday);
    EXPECT_EQ(again->submitted, tuesday);
    EXPECT_EQ(again->question, "Why did DBS checks fall to 61%?");
    // A new query clears the old answer.
    auto requeried = step_return(*again, Step::query, "Still low?", monday);
    EXPECT_EQ(requeried->answer, "");
    EXPECT_FALSE(requeried->answered);
}

TEST(PerformanceSteps, OnlyASubmittedReturnIsQueriedOrAccepted) {
    auto accepted = step_return(with_status(ReturnStatus::submitted), Step::accept, "", monday);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->status, ReturnStatus::accepted);
    EXPECT_EQ(accepted->accepted, monday);
    for (auto status : {ReturnStatus::draft, ReturnStatus::queried, ReturnStatus::accepted}) {
        auto accept = step_return(with_status(status), Step::accept, "", monday);
        ASSERT_FALSE(accept);
        EXPECT_EQ(accept.error().kind, ErrorKind::conflict);
        EXPECT_FALSE(step_return(with_status(status), Step::query, "Why?", monday));
    }
    EXPECT_EQ(step_return(with_status(ReturnStatus::draft), Step::accept, "", monday).error().message,
              "Only a submitted return can be accepted; this one is draft");
}

TEST(PerformanceSteps, OnlyADraftOrQueriedReturnIsChangedOrSubmitted) {
    EXPECT_TRUE(editable(ReturnStatus::draft));
    EXPECT_TRUE(editable(ReturnStatus::queried));
    EXPECT_FALSE(editable(ReturnStatus::submitted));
    EXPECT_FALSE(editable(ReturnStatus::accepted));
    for (auto status : {ReturnStatus::submitted, ReturnStatus::accepted}) {
        auto again = step_return(with_status(status), Step::submit, "", monday);
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    }
}

// ---- RAG -----------------------------------------------------------------------------------

const std::optional<Target> seventy{Target{"", 70, 5}};

TEST(PerformanceRag, HigherIsBetterAtEveryEdge) {
    auto rag = [](double v) { return rag_of(v, Polarity::higher_is_better, seventy); };
    EXPECT_EQ(rag(88), Rag::green);
    EXPECT_EQ(rag(70), Rag::green);
    EXPECT_EQ(rag(69.99), Rag::amber);
    EXPECT_EQ(rag(65), Rag::amber);
    EXPECT_EQ(rag(64.99), Rag::red);
    EXPECT_EQ(rag(0), Rag::red);
}

TEST(PerformanceRag, LowerIsBetterIsTheMirror) {
    auto rag = [](double v) { return rag_of(v, Polarity::lower_is_better, seventy); };
    EXPECT_EQ(rag(10), Rag::green);
    EXPECT_EQ(rag(70), Rag::green);
    EXPECT_EQ(rag(70.01), Rag::amber);
    EXPECT_EQ(rag(75), Rag::amber);
    EXPECT_EQ(rag(75.01), Rag::red);
}

TEST(PerformanceRag, NeitherIsGreenWithinToleranceEitherSideAndNeverAmber) {
    auto rag = [](double v) { return rag_of(v, Polarity::neither, seventy); };
    EXPECT_EQ(rag(70), Rag::green);
    EXPECT_EQ(rag(65), Rag::green);
    EXPECT_EQ(rag(75), Rag::green);
    EXPECT_EQ(rag(64.99), Rag::red);
    EXPECT_EQ(rag(75.01), Rag::red);
}

TEST(PerformanceRag, ZeroToleranceLeavesNoAmber) {
    std::optional<Target> exact{Target{"", 100, 0}};
    EXPECT_EQ(rag_of(100, Polarity::higher_is_better, exact), Rag::green);
    EXPECT_EQ(rag_of(99.9, Polarity::higher_is_better, exact), Rag::red);
    EXPECT_EQ(rag_of(100.1, Polarity::lower_is_better, exact), Rag::red);
    EXPECT_EQ(rag_of(100, Polarity::neither, exact), Rag::green);
    EXPECT_EQ(rag_of(100.1, Polarity::neither, exact), Rag::red);
}

TEST(PerformanceRag, AWorkedOutValueMeetsTheTargetItEquals) {
    // Division leaves 7 of 10 a hair either side of 70; either way it meets the target.
    auto worked_out = ratio_value(Unit::percentage, 7, 10);
    EXPECT_EQ(rag_of(worked_out, Polarity::lower_is_better, seventy), Rag::green);
    EXPECT_EQ(rag_of(worked_out, Polarity::higher_is_better, seventy), Rag::green);
    EXPECT_EQ(rag_of(70 - 1e-12, Polarity::higher_is_better, seventy), Rag::green);
    EXPECT_EQ(rag_of(70 + 1e-12, Polarity::lower_is_better, seventy), Rag::green);
}

TEST(PerformanceRag, NoTargetNoRating) {
    for (auto p : {Polarity::higher_is_better, Polarity::lower_is_better, Polarity::neither})
        EXPECT_FALSE(rag_of(12, p, std::nullopt));
}

// ---- ranking -------------------------------------------------------------------------------

std::vector<RatedValue> values_of(std::vector<std::pair<std::string, double>> list) {
    std::vector<RatedValue> values;
    for (auto& [name, v] : list) {
        RatedValue r;
        r.returner_name = name;
        r.value.value = v;
        values.push_back(r);
    }
    return values;
}

std::vector<std::string> names(const std::vector<RatedValue>& values) {
    std::vector<std::string> list;
    for (const auto& v : values) list.push_back(v.returner_name);
    return list;
}

TEST(PerformanceRank, BestComesFirstWhicheverWayIsBetter) {
    auto values = values_of({{"College", 66}, {"Hospital", 88}, {"Probation", 74}, {"Alpha", 74}});
    rank(values, Polarity::higher_is_better, seventy);
    EXPECT_EQ(names(values), (std::vector<std::string>{"Hospital", "Alpha", "Probation", "College"}));
    rank(values, Polarity::lower_is_better, seventy);
    EXPECT_EQ(names(values), (std::vector<std::string>{"College", "Alpha", "Probation", "Hospital"}));
    rank(values, Polarity::neither, seventy);
    EXPECT_EQ(names(values), (std::vector<std::string>{"Alpha", "College", "Probation", "Hospital"}));
}

// ---- partnership figures -------------------------------------------------------------------

TEST(PerformanceAggregate, CountsAddUp) {
    auto a = aggregate_of(Unit::count, {3, 0, 0, 0, 12});
    EXPECT_EQ(a.value, 12);
    EXPECT_EQ(a.values, 3);
    EXPECT_FALSE(a.weighted);
}

TEST(PerformanceAggregate, RatiosWeighByTheirCounts) {
    // 9 of 10 and 1 of 90 are 10 of 100 together, not the mean of 90% and 1.1%.
    auto a = aggregate_of(Unit::percentage, {2, 2, 10, 100, 91.1111});
    EXPECT_DOUBLE_EQ(*a.value, 10);
    EXPECT_TRUE(a.weighted);
    auto rate = aggregate_of(Unit::rate_per_10000, {2, 2, 41, 36500, 0});
    EXPECT_NEAR(*rate.value, 11.2328767, 1e-6);
}

TEST(PerformanceAggregate, RatiosWithoutCountsTakeTheMean) {
    auto a = aggregate_of(Unit::percentage, {8, 0, 0, 0, 88 + 74 + 95 + 96.2 + 65 + 97 + 96 + 66});
    EXPECT_DOUBLE_EQ(*a.value, 84.65);
    EXPECT_FALSE(a.weighted);
    EXPECT_DOUBLE_EQ(*aggregate_of(Unit::days, {4, 0, 0, 0, 1227}).value, 306.75);
}

TEST(PerformanceAggregate, NoValuesNoFigure) {
    for (auto unit : {Unit::count, Unit::percentage, Unit::rate_per_10000, Unit::days})
        EXPECT_FALSE(aggregate_of(unit, {}).value);
}

// ---- completeness --------------------------------------------------------------------------

Period q1() {
    Period p;
    p.name = "Q1 2011/12";
    p.starts_on = "2011-10-01";
    p.ends_on = "2011-12-31";
    p.due_on = "2012-01-30";
    return p;
}

ReturnerStatus returner(std::string name, std::optional<ReturnStatus> status, std::optional<std::string> at = {}) {
    ReturnerStatus r;
    r.name = std::move(name);
    r.status = status;
    r.submitted_at = std::move(at);
    return r;
}

TEST(PerformanceCompleteness, ReturnedMeansSubmittedOrAccepted) {
    auto c = completeness_of(
        q1(),
        {returner("Essex Police", ReturnStatus::accepted, "2012-01-12T10:00:00Z"),
         returner("SEPT", ReturnStatus::submitted, "2012-01-30T23:59:00Z"),
         returner("CAFCASS", ReturnStatus::submitted, "2012-02-06T00:00:00Z"),
         returner("SEE CHC", ReturnStatus::queried, "2012-01-20T00:00:00Z"), returner("SAVS", ReturnStatus::draft),
         returner("Fire", std::nullopt), returner("College", ReturnStatus::submitted, "2012-01-02T00:00:00Z")},
        "2012-03-01");
    EXPECT_EQ(c.expected, 7);
    EXPECT_EQ(c.returned, 4);
    EXPECT_EQ(c.late, 1);
    EXPECT_EQ(c.percent, 57);  // 4 of 7 is 57.1%
    std::vector<std::string> missing;
    for (const auto& r : c.missing()) missing.push_back(r.name);
    EXPECT_EQ(missing, (std::vector<std::string>{"SEE CHC", "SAVS", "Fire"}));
    ASSERT_EQ(c.late_ones().size(), 1u);
    EXPECT_EQ(c.late_ones().front().name, "CAFCASS");
    EXPECT_TRUE(c.missing().front().overdue);
}

TEST(PerformanceCompleteness, NothingIsOverdueUntilTheDueDayHasPassed) {
    auto on_the_day = completeness_of(q1(), {returner("SAVS", std::nullopt)}, "2012-01-30");
    EXPECT_FALSE(on_the_day.returners.front().overdue);
    auto after = completeness_of(q1(), {returner("SAVS", std::nullopt)}, "2012-01-31");
    EXPECT_TRUE(after.returners.front().overdue);
    EXPECT_EQ(after.percent, 0);
}

TEST(PerformanceCompleteness, PercentagesRoundHalvesUpAndNothingOwedIsComplete) {
    EXPECT_EQ(percentage(1, 8), 13);  // 12.5
    EXPECT_EQ(percentage(1, 3), 33);
    EXPECT_EQ(percentage(2, 3), 67);
    EXPECT_EQ(percentage(14, 15), 93);
    EXPECT_EQ(percentage(15, 15), 100);
    EXPECT_EQ(percentage(0, 0), 0);
    EXPECT_EQ(completeness_of(q1(), {}, "2012-03-01").percent, 100);
    EXPECT_EQ(completeness_of(q1(), {}, "2012-03-01").expected, 0);
}

}  // namespace
}  // namespace safeboard::performance
