// The field checks: settings, indicators, targets and a return's values,
// every problem named by its field.
#include <gtest/gtest.h>

#include "field_errors.hpp"
#include "modules/performance/rules.hpp"

namespace safeboard::performance {
namespace {

using test_support::fields_of;
using test_support::indicator;
using test_support::message_of;

const std::vector<OrganisationChoice> organisations{
    {11, "Essex Police", "", register_::Sector::police, true},
    {12, "South East Essex Community Healthcare", "SEE CHC", register_::Sector::nhs_trust, true},
    {13, "Southend Football Club", "Southend FC", register_::Sector::other, false},
    {14, "Southend Borough Council", "SBC", register_::Sector::local_authority, true},
    {15, "Southend Borough Council, Children & Learning", "SBC", register_::Sector::local_authority, false},
};

Fields good_indicator() {
    return {{"code", "DBS01"},
            {"title", "Relevant staff with a current DBS check"},
            {"unit", "percentage"},
            {"numerator", "Staff with a current check"},
            {"denominator", "Staff who need a check"},
            {"polarity", "Higher is better"},
            {"frequency", "quarterly"},
            {"returned_by", "partner agencies; NHS trust; SEE CHC; the partnership"},
            {"source", "Business Plan 2011-2014, 3.3"}};
}

// ---- settings ------------------------------------------------------------------------------

TEST(PerformanceRules, SettingsTakeAMonthByNumberOrName) {
    Settings base;
    auto october = settings_from({{"year_starts_month", "October"}, {"due_days", "28"}}, base, false);
    ASSERT_TRUE(october);
    EXPECT_EQ(october->year_starts_month, 10);
    EXPECT_EQ(october->due_days, 28);
    EXPECT_EQ(settings_from({{"year_starts_month", "1"}}, base, false)->year_starts_month, 1);
    EXPECT_EQ(settings_from({}, base, false)->year_starts_month, 4);
    auto bad = settings_from({{"year_starts_month", "13"}, {"due_days", "-1"}}, base, false);
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_of(bad.error()), (std::vector<std::string>{"year_starts_month", "due_days"}));
}

TEST(PerformanceRules, TheYearCannotMoveOnceThereArePeriods) {
    Settings base;
    base.year_starts_month = 10;
    EXPECT_FALSE(settings_from({{"year_starts_month", "4"}}, base, true));
    EXPECT_TRUE(settings_from({{"year_starts_month", "10"}, {"due_days", "45"}}, base, true));
}

// ---- periods -------------------------------------------------------------------------------

TEST(PerformanceRules, APeriodMustBeWholeQuarterHalfOrYear) {
    auto q1 = period_from({{"period_start", "01/10/2011"}, {"period_end", "2011-12-31"}}, 10);
    ASSERT_TRUE(q1);
    EXPECT_EQ(q1->name, "Q1 2011/12");
    auto odd = period_from({{"period_start", "2011-11-01"}, {"period_end", "2012-01-31"}}, 10);
    ASSERT_FALSE(odd);
    EXPECT_EQ(message_of(odd.error(), "period_end"),
              "2011-11-01 to 2012-01-31 is not a quarter, half or whole of the reporting year, which starts in "
              "October");
    auto bad = period_from({{"period_start", "2011-02-30"}}, 10);
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_of(bad.error()), (std::vector<std::string>{"period_start", "period_end"}));
}

// ---- indicators ----------------------------------------------------------------------------

TEST(PerformanceRules, AnIndicatorNamesWhoReturnsIt) {
    auto i = indicator_from(good_indicator(), {}, organisations);
    ASSERT_TRUE(i) << i.error().message;
    EXPECT_EQ(i->unit, Unit::percentage);
    EXPECT_EQ(i->polarity, Polarity::higher_is_better);
    ASSERT_EQ(i->returned_by.size(), 4u);
    EXPECT_EQ(i->returned_by[0].kind, ReturnerKind::partner_agencies);
    EXPECT_EQ(i->returned_by[1].sector, register_::Sector::nhs_trust);
    EXPECT_EQ(i->returned_by[2].organisation_id, 12);
    EXPECT_EQ(i->returned_by[3].kind, ReturnerKind::partnership);
    EXPECT_EQ(returners_text(*i),
              "partner agencies; NHS trust; South East Essex Community Healthcare; the partnership");
}

TEST(PerformanceRules, ReturnersNamedTwiceCountOnce) {
    auto f = good_indicator();
    f["returned_by"] = "Essex Police; essex police; Police; police";
    auto i = indicator_from(f, {}, organisations);
    ASSERT_TRUE(i);
    EXPECT_EQ(i->returned_by.size(), 2u);
}

TEST(PerformanceRules, AnIndicatorWithEveryProblemNamesEveryField) {
    Fields f{{"code", "DBS 01"},
             {"unit", "ratio"},
             {"polarity", "up"},
             {"frequency", "monthly"},
             {"returned_by", "Nobody Ltd; SBC"}};
    auto i = indicator_from(f, {}, organisations);
    ASSERT_FALSE(i);
    EXPECT_EQ(fields_of(i.error()), (std::vector<std::string>{"code", "title", "unit", "polarity", "frequency",
                                                              "returned_by", "returned_by"}));
    EXPECT_EQ(message_of(i.error(), "returned_by"),
              "\"Nobody Ltd\" is not an organisation of the partnership, a sector, \"partner agencies\" or \"the "
              "partnership\"");
    EXPECT_EQ(i.error().fields.back().message, "\"SBC\" names more than one organisation; use the full name");
}

TEST(PerformanceRules, ARatioNeedsTheWordingOfItsCountsAndACountHasNone) {
    auto f = good_indicator();
    f.erase("numerator");
    auto ratio = indicator_from(f, {}, organisations);
    ASSERT_FALSE(ratio);
    EXPECT_EQ(fields_of(ratio.error()), std::vector<std::string>{"numerator"});
    f = good_indicator();
    f["unit"] = "count";
    auto count = indicator_from(f, {}, organisations);
    ASSERT_FALSE(count);
    EXPECT_EQ(fields_of(count.error()), (std::vector<std::string>{"numerator", "denominator"}));
    f["returned_by"] = "";
    f.erase("numerator");
    f.erase("denominator");
    EXPECT_EQ(fields_of(indicator_from(f, {}, organisations).error()), std::vector<std::string>{"returned_by"});
}

TEST(PerformanceRules, WhoReturnsAnIndicatorFollowsItsReturners) {
    Indicator i;
    i.returned_by = {{ReturnerKind::sector, register_::Sector::police, {}, {}},
                     {ReturnerKind::organisation, {}, 13, "Southend Football Club"}};
    EXPECT_TRUE(returns_indicator(i, &organisations[0]));   // police
    EXPECT_FALSE(returns_indicator(i, &organisations[1]));  // an NHS trust
    EXPECT_TRUE(returns_indicator(i, &organisations[2]));   // named
    EXPECT_FALSE(returns_indicator(i, nullptr));            // the partnership
    i.returned_by = {{ReturnerKind::partner_agencies, {}, {}, {}}};
    EXPECT_TRUE(returns_indicator(i, &organisations[3]));
    EXPECT_FALSE(returns_indicator(i, &organisations[2]));
    EXPECT_FALSE(returns_indicator(i, nullptr));
    i.returned_by = {{ReturnerKind::partnership, {}, {}, {}}};
    EXPECT_TRUE(returns_indicator(i, nullptr));
    EXPECT_FALSE(returns_indicator(i, &organisations[3]));
}

// ---- targets -------------------------------------------------------------------------------

TEST(PerformanceRules, TargetsAreInTheIndicatorsUnit) {
    auto t = target_from({{"target", "70%"}, {"tolerance", "5"}}, indicator(Unit::percentage));
    ASSERT_TRUE(t);
    EXPECT_EQ(t->value, 70);
    EXPECT_EQ(t->tolerance, 5);
    EXPECT_EQ(t->applies_from, "");
    EXPECT_EQ(target_from({{"target", "9"}}, indicator(Unit::count))->tolerance, 0);
    EXPECT_FALSE(target_from({{"target", "101"}}, indicator(Unit::percentage)));
    EXPECT_FALSE(target_from({{"target", "8.5"}}, indicator(Unit::count)));
    auto bad =
        target_from({{"target", "-1"}, {"tolerance", "a lot"}, {"applies_from", "2012-13-01"}}, indicator(Unit::days));
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_of(bad.error()), (std::vector<std::string>{"applies_from", "target", "tolerance"}));
    EXPECT_EQ(fields_of(target_from({}, indicator(Unit::days)).error()), std::vector<std::string>{"target"});
}

TEST(PerformanceRules, APeriodTakesTheLatestTargetThatHasStarted) {
    std::vector<Target> targets{{"2012-10-01", 80, 5}, {"", 70, 5}, {"2013-10-01", 90, 2}};
    EXPECT_EQ(target_for(targets, "2011-10-01")->value, 70);
    EXPECT_EQ(target_for(targets, "2012-10-01")->value, 80);
    EXPECT_EQ(target_for(targets, "2013-01-01")->value, 80);
    EXPECT_EQ(target_for(targets, "2014-01-01")->value, 90);
    EXPECT_FALSE(target_for({{"2012-10-01", 80, 5}}, "2011-10-01"));
    EXPECT_FALSE(target_for({}, "2011-10-01"));
}

}  // namespace
}  // namespace safeboard::performance
