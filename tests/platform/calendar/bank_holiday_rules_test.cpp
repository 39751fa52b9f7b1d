#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "platform/calendar/rules.hpp"
#include "platform/calendar/days.hpp"

namespace safeboard::calendar {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using testing::listed;
using testing::text;

// The holidays of a year that fall in one month, as "date name" lines.
std::vector<std::string> in_month(int year, unsigned month) {
    std::vector<BankHoliday> found;
    for (const auto& holiday : holidays_by_rule(year)) {
        if (holiday.date.month() == std::chrono::month{month}) found.push_back(holiday);
    }
    return listed(found);
}

TEST(BankHolidayRules, EasterSundayByTheGregorianComputus) {
    const std::map<int, std::string> published{
        {2000, "2000-04-23"}, {2001, "2001-04-15"}, {2002, "2002-03-31"}, {2003, "2003-04-20"},
        {2004, "2004-04-11"}, {2005, "2005-03-27"}, {2006, "2006-04-16"}, {2007, "2007-04-08"},
        {2008, "2008-03-23"}, {2009, "2009-04-12"}, {2010, "2010-04-04"}, {2011, "2011-04-24"},
        {2012, "2012-04-08"}, {2013, "2013-03-31"}, {2014, "2014-04-20"}, {2015, "2015-04-05"},
        {2016, "2016-03-27"}, {2017, "2017-04-16"}, {2018, "2018-04-01"}, {2019, "2019-04-21"},
        {2020, "2020-04-12"}, {2021, "2021-04-04"}, {2022, "2022-04-17"}, {2023, "2023-04-09"},
        {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
        {2028, "2028-04-16"}, {2029, "2029-04-01"}, {2030, "2030-04-21"},
        // The earliest and latest Easter can be, and the two years of the
        // last century where the computus's correction for a late full moon applies.
        {1818, "1818-03-22"}, {2285, "2285-03-22"}, {1943, "1943-04-25"}, {2038, "2038-04-25"},
        {1954, "1954-04-18"}, {1981, "1981-04-19"}};
    for (const auto& [year, easter] : published) EXPECT_EQ(text(easter_sunday(year)), easter) << year;
}

TEST(BankHolidayRules, AnOrdinaryYearHasTheEightHolidaysOnTheirDays) {
    EXPECT_THAT(listed(holidays_by_rule(2024)),
                ElementsAre("2024-01-01 New Year's Day", "2024-03-29 Good Friday", "2024-04-01 Easter Monday",
                            "2024-05-06 Early May bank holiday", "2024-05-27 Spring bank holiday",
                            "2024-08-26 Summer bank holiday", "2024-12-25 Christmas Day", "2024-12-26 Boxing Day"));
}

TEST(BankHolidayRules, NewYearsDayOnASaturdayMovesToMondayThe3rd) {
    EXPECT_THAT(in_month(2022, 1), ElementsAre("2022-01-03 New Year's Day (substitute day)"));
}

TEST(BankHolidayRules, NewYearsDayOnASundayMovesToMondayThe2nd) {
    EXPECT_THAT(in_month(2023, 1), ElementsAre("2023-01-02 New Year's Day (substitute day)"));
}

TEST(BankHolidayRules, ChristmasOnASaturdayGivesMondayAndTuesday) {
    EXPECT_THAT(in_month(2021, 12),
                ElementsAre("2021-12-27 Christmas Day (substitute day)", "2021-12-28 Boxing Day (substitute day)"));
}

TEST(BankHolidayRules, ChristmasOnASundayKeepsBoxingDayAndMovesChristmasToTuesday) {
    EXPECT_THAT(in_month(2022, 12), ElementsAre("2022-12-26 Boxing Day", "2022-12-27 Christmas Day (substitute day)"));
}

TEST(BankHolidayRules, BoxingDayOnASaturdayMovesToMondayThe28th) {
    EXPECT_THAT(in_month(2020, 12), ElementsAre("2020-12-25 Christmas Day", "2020-12-28 Boxing Day (substitute day)"));
}

TEST(BankHolidayRules, ChristmasOnAThursdayNeedsNoSubstitute) {
    EXPECT_THAT(in_month(2025, 12), ElementsAre("2025-12-25 Christmas Day", "2025-12-26 Boxing Day"));
}

TEST(BankHolidayRules, MondayHolidaysAreTheFirstAndLastMondays) {
    // May 2021 begins on a Saturday and ends on a Monday; August 2026 ends on a Monday.
    EXPECT_THAT(in_month(2021, 5), ElementsAre("2021-05-03 Early May bank holiday", "2021-05-31 Spring bank holiday"));
    EXPECT_THAT(in_month(2026, 8), ElementsAre("2026-08-31 Summer bank holiday"));
}

TEST(BankHolidayRules, TheRulesAloneKnowNothingOfProclamations) {
    EXPECT_THAT(listed(holidays_by_rule(2012)), Contains("2012-05-28 Spring bank holiday"));
    EXPECT_THAT(listed(holidays_by_rule(2012)), Not(Contains("2012-06-05 Queen's Diamond Jubilee")));
}

TEST(BankHolidayRules, NewYearsDayFrom1974AndEarlyMayFrom1978) {
    EXPECT_THAT(in_month(1973, 1), ElementsAre());
    EXPECT_THAT(in_month(1974, 1), ElementsAre("1974-01-01 New Year's Day"));
    EXPECT_THAT(in_month(1977, 5), ElementsAre("1977-05-30 Spring bank holiday"));
    EXPECT_THAT(in_month(1978, 5), ElementsAre("1978-05-01 Early May bank holiday", "1978-05-29 Spring bank holiday"));
}

}  // namespace
}  // namespace safeboard::calendar
