// Completeness, exceptions, trends and comparisons over the demo on SQLite
// and PostgreSQL: Southend's 2010/11 training figures as its business plan
// gives them, and a year of (invented) quarterly returns.
#include <gtest/gtest.h>

#include <cmath>

#include "performance_database.hpp"

namespace safeboard::performance {
namespace {

class PerformanceAnalysis : public PerformanceDemo {};

std::vector<std::string> names(const std::vector<ReturnerStatus>& list) {
    std::vector<std::string> found;
    for (const auto& r : list) found.push_back(r.name);
    return found;
}

std::vector<std::string> names(const std::vector<RatedValue>& list) {
    std::vector<std::string> found;
    for (const auto& v : list) found.push_back(v.returner_name);
    return found;
}

TEST_P(PerformanceAnalysis, TrainingIn2010To11IsTheBusinessPlansFiguresAgainstSeventyPercent) {
    auto c = compare(*db_, indicator("TRN01"), year_2010());
    EXPECT_EQ(names(c.values),
              (std::vector<std::string>{
                  "Southend Borough Council, Children & Learning", "South Essex Partnership NHS Foundation Trust",
                  "Southend Borough Council, School Support and Preventative "
                  "Services",
                  "South East Essex PCT", "Southend University Hospital NHS Trust", "Essex Probation Service",
                  "Southend Adult and Community College", "South East Essex Community Healthcare"}));
    std::vector<double> figures;
    for (const auto& v : c.values) figures.push_back(v.value.value);
    EXPECT_EQ(figures, (std::vector<double>{97, 96.2, 96, 95, 88, 74, 66, 65}));
    EXPECT_EQ(c.values[0].rag, Rag::green);
    EXPECT_EQ(c.values[5].rag, Rag::green);
    EXPECT_EQ(c.values[6].rag, Rag::amber);
    EXPECT_EQ(c.values[7].rag, Rag::amber);
    EXPECT_EQ(c.values[3].value.note, "Reported as \"95% of lead GPs\"");
    EXPECT_EQ(c.target->value, 70);
    // No counts came with them, so the partnership's figure is their mean.
    EXPECT_FALSE(c.aggregate.weighted);
    EXPECT_DOUBLE_EQ(*c.aggregate.value, 84.65);
    EXPECT_EQ(c.rag, Rag::green);
    EXPECT_EQ(names(c.missing),
              (std::vector<std::string>{"Essex Police",
                                        "Southend Borough Council, Children & Learning, Specialist Services"}));
}

TEST_P(PerformanceAnalysis, CompletenessCountsSubmittedAndAcceptedReturnsOnly) {
    auto year = completeness(*db_, year_2010(), "2013-01-01");
    EXPECT_EQ(year.expected, 11);  // ten organisations and the partnership's own
    EXPECT_EQ(year.returned, 9);
    EXPECT_EQ(year.percent, 82);
    EXPECT_EQ(year.returners.front().name, "Southend Local Safeguarding Children Board");
    EXPECT_EQ(names(year.missing()),
              (std::vector<std::string>{"Essex Police",
                                        "Southend Borough Council, Children & Learning, Specialist Services"}));

    auto spring = completeness(*db_, q(2), "2013-01-01");
    EXPECT_EQ(spring.expected, 15);
    EXPECT_EQ(spring.returned, 13);
    EXPECT_EQ(spring.percent, 87);
    EXPECT_EQ(names(spring.missing()), (std::vector<std::string>{"Essex County Fire and Rescue Service",
                                                                 "South East Essex Community Healthcare"}));
    EXPECT_EQ(spring.missing()[1].status, ReturnStatus::queried);
    EXPECT_TRUE(spring.missing()[0].overdue);
    EXPECT_EQ(names(spring.late_ones()), std::vector<std::string>{"Edwards Hall Primary School"});

    auto autumn = completeness(*db_, q(1), "2013-01-01");
    EXPECT_EQ(autumn.percent, 100);
    EXPECT_EQ(names(autumn.late_ones()),
              std::vector<std::string>{"Children and Family Court Advisory and Support Service"});
}

TEST_P(PerformanceAnalysis, ExceptionsAreEveryRedValueAndEveryMissingReturn) {
    auto summer = exceptions(*db_, q(3), "2013-01-01");
    EXPECT_EQ(names(summer.outside_tolerance),
              (std::vector<std::string>{"Essex Probation Service", "St Michael's School"}));
    EXPECT_EQ(summer.outside_tolerance[0].indicator_code, "DBS01");
    EXPECT_EQ(summer.outside_tolerance[0].value.value, 91);
    EXPECT_EQ(names(summer.missing), std::vector<std::string>{"Edwards Hall Primary School"});

    auto year = exceptions(*db_, year_2011(), "2013-01-01");
    EXPECT_EQ(names(year.outside_tolerance), std::vector<std::string>{"Essex Police"});
    EXPECT_EQ(year.outside_tolerance[0].indicator_code, "TRN01");
    EXPECT_TRUE(year.missing.empty());

    // A queried return's figures are under question, so they are no exception yet.
    auto spring = exceptions(*db_, q(2), "2013-01-01");
    EXPECT_TRUE(spring.outside_tolerance.empty());
    EXPECT_EQ(spring.missing.size(), 2u);
}

TEST_P(PerformanceAnalysis, AQueriedReturnIsLeftOutOfThePeriodsFigures) {
    auto dbs = indicator("DBS01");
    auto values = period_values(*db_, q(2), dbs.id);
    EXPECT_EQ(values.size(), 12u);
    for (const auto& v : values) EXPECT_NE(v.returner_name, "South East Essex Community Healthcare");
}

TEST_P(PerformanceAnalysis, TheTrendAddsUpInSqlWhatTheReturnsHold) {
    auto dbs = indicator("DBS01");
    auto t = trend(*db_, dbs, {});
    ASSERT_EQ(t.points.size(), 4u);
    for (std::size_t i = 0; i < t.points.size(); ++i) {
        std::int64_t numerator = 0;
        std::int64_t denominator = 0;
        for (const auto& v : period_values(*db_, t.points[i].period, dbs.id)) {
            numerator += *v.value.numerator;
            denominator += *v.value.denominator;
        }
        EXPECT_TRUE(t.points[i].aggregate.weighted);
        EXPECT_NEAR(*t.points[i].aggregate.value,
                    100.0 * static_cast<double>(numerator) / static_cast<double>(denominator), 1e-9);
        EXPECT_EQ(t.points[i].rag, Rag::amber);
    }
    auto savs = std::find_if(t.returners.begin(), t.returners.end(),
                             [](const Series& s) { return s.name == "Southend Association of Voluntary Services"; });
    ASSERT_NE(savs, t.returners.end());
    ASSERT_EQ(savs->points.size(), 4u);
    EXPECT_EQ(savs->points[0]->value.value, 81.9);
    EXPECT_EQ(savs->points[0]->rag, Rag::red);
    EXPECT_FALSE(savs->points[3]);  // no return for Q4
    EXPECT_EQ(t.returners.size(), 14u);
}

TEST_P(PerformanceAnalysis, APartnershipIndicatorsTrendIsItsOwnFigures) {
    auto t = trend(*db_, indicator("PF01"), {});
    std::vector<double> figures;
    std::vector<std::optional<Rag>> rags;
    for (const auto& p : t.points) {
        figures.push_back(*p.aggregate.value);
        rags.push_back(p.rag);
    }
    EXPECT_EQ(figures, (std::vector<double>{8, 8, 9, 10}));
    EXPECT_EQ(rags, (std::vector<std::optional<Rag>>{Rag::amber, Rag::amber, Rag::green, Rag::green}));
    ASSERT_EQ(t.returners.size(), 1u);
    EXPECT_FALSE(t.returners[0].organisation_id);
}

TEST_P(PerformanceAnalysis, ATrendMayBeNarrowedToPeriodsAndOneOrganisation) {
    TrendQuery query;
    query.from = "2012-01-01";
    query.to = "2012-06-30";
    query.organisation = organisation("Essex Probation Service");
    auto t = trend(*db_, indicator("DBS01"), query);
    ASSERT_EQ(t.points.size(), 2u);
    EXPECT_EQ(t.points[0].period.name, "Q2 2011/12");
    ASSERT_EQ(t.returners.size(), 1u);
    EXPECT_EQ(t.returners[0].points[1]->value.value, 91);
    query.per_returner = false;
    EXPECT_TRUE(trend(*db_, indicator("DBS01"), query).returners.empty());
    auto training = trend(*db_, indicator("TRN01"), {});
    ASSERT_EQ(training.points.size(), 2u);
    EXPECT_FALSE(training.points[0].aggregate.weighted);
    EXPECT_TRUE(training.points[1].aggregate.weighted);
}

TEST_P(PerformanceAnalysis, APeriodsSummaryRatesThePartnershipsFigureForEachIndicator) {
    auto summary = period_summary(*db_, q(1));
    std::vector<std::string> codes;
    for (const auto& s : summary) codes.push_back(s.indicator.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"ALG01", "CPP01", "DBS01", "PF01", "REF01"}));
    double allegations = 0;
    for (const auto& v : period_values(*db_, q(1), indicator("ALG01").id)) allegations += v.value.value;
    EXPECT_EQ(*summary[0].aggregate.value, allegations);
    EXPECT_EQ(summary[0].aggregate.values, 14);
    EXPECT_FALSE(summary[0].rag);  // no target
    EXPECT_EQ(*summary[1].aggregate.value, 312);
    EXPECT_EQ(summary[3].rag, Rag::amber);
}

SAFEBOARD_TEST_ON_BACKENDS(PerformanceAnalysis);

}  // namespace
}  // namespace safeboard::performance
