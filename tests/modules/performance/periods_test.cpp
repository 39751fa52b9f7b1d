// Reporting years, their quarters, halves and names, and due days.
#include <gtest/gtest.h>

#include "modules/performance/periods.hpp"

namespace safeboard::performance {
namespace {

constexpr int october = 10;
constexpr int april = 4;
constexpr int january = 1;

TEST(PerformancePeriods, SouthendsYearRunsOctoberToSeptember) {
    auto year = reporting_year(2011, october);
    EXPECT_EQ(year.starts_on, "2011-10-01");
    EXPECT_EQ(year.ends_on, "2012-09-30");
    EXPECT_EQ(year.label, "2011/12");
    EXPECT_EQ(reporting_year(1999, october).label, "1999/00");
    EXPECT_EQ(reporting_year(2012, january).label, "2012");
    EXPECT_EQ(reporting_year(2012, january).ends_on, "2012-12-31");
}

TEST(PerformancePeriods, ADayFallsInTheYearThatStartedBeforeIt) {
    EXPECT_EQ(reporting_year_holding("2011-10-01", october).first_year, 2011);
    EXPECT_EQ(reporting_year_holding("2012-09-30", october).first_year, 2011);
    EXPECT_EQ(reporting_year_holding("2011-09-30", october).first_year, 2010);
    EXPECT_EQ(reporting_year_holding("2012-03-31", april).first_year, 2011);
    EXPECT_EQ(reporting_year_holding("2012-04-01", april).first_year, 2012);
}

TEST(PerformancePeriods, QuartersAreNumberedFromTheYearsFirstMonth) {
    auto quarters = quarters_of(2011, october);
    ASSERT_EQ(quarters.size(), 4u);
    EXPECT_EQ(quarters[0].name, "Q1 2011/12");
    EXPECT_EQ(quarters[0].starts_on, "2011-10-01");
    EXPECT_EQ(quarters[0].ends_on, "2011-12-31");
    EXPECT_EQ(quarters[1].starts_on, "2012-01-01");
    EXPECT_EQ(quarters[1].ends_on, "2012-03-31");
    EXPECT_EQ(quarters[2].ends_on, "2012-06-30");
    EXPECT_EQ(quarters[3].name, "Q4 2011/12");
    EXPECT_EQ(quarters[3].ends_on, "2012-09-30");
    auto calendar = quarters_of(2012, january);
    EXPECT_EQ(calendar[0].name, "Q1 2012");
    EXPECT_EQ(calendar[3].starts_on, "2012-10-01");
    EXPECT_EQ(calendar[3].ends_on, "2012-12-31");
}

TEST(PerformancePeriods, HalvesAndTheYearFollowTheFrequency) {
    auto halves = periods_of(Frequency::biannual, 2011, april);
    ASSERT_EQ(halves.size(), 2u);
    EXPECT_EQ(halves[0].name, "H1 2011/12");
    EXPECT_EQ(halves[0].ends_on, "2011-09-30");
    EXPECT_EQ(halves[1].starts_on, "2011-10-01");
    EXPECT_EQ(halves[1].ends_on, "2012-03-31");
    auto years = periods_of(Frequency::annual, 2010, october);
    ASSERT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0].name, "2010/11");
    EXPECT_EQ(years[0].kind, PeriodKind::year);
}

TEST(PerformancePeriods, ALeapYearsFebruaryEndsOnThe29th) {
    auto q4 = period_of(PeriodKind::quarter, 2011, 4, april);
    EXPECT_EQ(q4.starts_on, "2012-01-01");
    EXPECT_EQ(q4.ends_on, "2012-03-31");
    auto half = period_of(PeriodKind::half, 2011, 2, 9);
    EXPECT_EQ(half.starts_on, "2012-03-01");
    EXPECT_EQ(half.ends_on, "2012-08-31");
    EXPECT_EQ(period_of(PeriodKind::quarter, 2011, 2, 12).ends_on, "2012-05-31");
    EXPECT_EQ(period_of(PeriodKind::quarter, 2011, 1, 12).ends_on, "2012-02-29");
}

TEST(PerformancePeriods, OnlyWholeQuartersHalvesAndYearsArePeriods) {
    auto q1 = period_between("2011-10-01", "2011-12-31", october);
    ASSERT_TRUE(q1);
    EXPECT_EQ(q1->kind, PeriodKind::quarter);
    EXPECT_EQ(q1->name, "Q1 2011/12");
    auto h2 = period_between("2012-04-01", "2012-09-30", october);
    ASSERT_TRUE(h2);
    EXPECT_EQ(h2->kind, PeriodKind::half);
    EXPECT_EQ(h2->name, "H2 2011/12");
    auto year = period_between("2010-10-01", "2011-09-30", october);
    ASSERT_TRUE(year);
    EXPECT_EQ(year->kind, PeriodKind::year);
    EXPECT_EQ(year->name, "2010/11");
    // Calendar quarters that are not the partnership's.
    EXPECT_FALSE(period_between("2011-11-01", "2012-01-31", october));
    EXPECT_FALSE(period_between("2012-01-01", "2012-06-30", october));  // a half of an April year, not October's
    EXPECT_FALSE(period_between("2011-10-01", "2011-11-30", october));
    EXPECT_FALSE(period_between("2011-10-02", "2011-12-31", october));
    EXPECT_FALSE(period_between("2011-10-01", "2011-12-30", october));
    EXPECT_FALSE(period_between("2011-12-31", "2011-10-01", october));
    EXPECT_FALSE(period_between("2011-02-30", "2011-05-31", october));
    EXPECT_FALSE(period_between("not a day", "2011-12-31", october));
}

TEST(PerformancePeriods, NamesReadBackAsTheirPeriods) {
    auto q3 = parse_period_name("q3 2011/12", october);
    ASSERT_TRUE(q3);
    EXPECT_EQ(q3->starts_on, "2012-04-01");
    EXPECT_EQ(q3->ends_on, "2012-06-30");
    auto h1 = parse_period_name("H1 2011-12", october);
    ASSERT_TRUE(h1);
    EXPECT_EQ(h1->ends_on, "2012-03-31");
    auto year = parse_period_name("2010/11", october);
    ASSERT_TRUE(year);
    EXPECT_EQ(year->starts_on, "2010-10-01");
    for (const auto& p : quarters_of(2011, october)) EXPECT_EQ(parse_period_name(p.name, october)->ends_on, p.ends_on);
    EXPECT_FALSE(parse_period_name("Q5 2011/12", october));
    EXPECT_FALSE(parse_period_name("H3 2011/12", october));
    EXPECT_FALSE(parse_period_name("Q1 2011/13", october));
    EXPECT_FALSE(parse_period_name("autumn", october));
}

TEST(PerformancePeriods, ReportingYearsAreReadInTheWaysPeopleWriteThem) {
    EXPECT_EQ(parse_reporting_year("2011/12"), 2011);
    EXPECT_EQ(parse_reporting_year("2011-12"), 2011);
    EXPECT_EQ(parse_reporting_year("2011/2012"), 2011);
    EXPECT_EQ(parse_reporting_year("2012"), 2012);
    EXPECT_EQ(parse_reporting_year("1999/00"), 1999);
    EXPECT_FALSE(parse_reporting_year("2011/13"));
    EXPECT_FALSE(parse_reporting_year("11/12"));
}

TEST(PerformancePeriods, ReturnsFallDueDaysAfterThePeriodEnds) {
    EXPECT_EQ(due_on("2011-12-31", 30), "2012-01-30");
    EXPECT_EQ(due_on("2012-02-29", 1), "2012-03-01");
    EXPECT_EQ(due_on("2012-09-30", 0), "2012-09-30");
    EXPECT_EQ(add_days("2012-03-01", -1), "2012-02-29");
}

TEST(PerformancePeriods, EachFrequencyHasItsKindOfPeriod) {
    for (auto f : {Frequency::quarterly, Frequency::biannual, Frequency::annual})
        EXPECT_EQ(frequency_for(period_kind_for(f)), f);
}

}  // namespace
}  // namespace safeboard::performance
