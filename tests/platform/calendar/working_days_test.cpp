#include <gtest/gtest.h>

#include <string>

#include "platform/calendar/calendar.hpp"
#include "platform/calendar/days.hpp"

namespace safeboard::calendar {
namespace {

namespace chrono = std::chrono;
using testing::day;
using testing::text;

std::string after(const char* start, int n) { return text(add_working_days(day(start), n)); }

TEST(WorkingDays, MondayToFridayExceptBankHolidays) {
    EXPECT_TRUE(is_working_day(day("2024-03-25")));   // Monday
    EXPECT_TRUE(is_working_day(day("2024-03-22")));   // Friday
    EXPECT_FALSE(is_working_day(day("2024-03-23")));  // Saturday
    EXPECT_FALSE(is_working_day(day("2024-03-24")));  // Sunday
    EXPECT_FALSE(is_working_day(day("2024-03-29")));  // Good Friday
    EXPECT_FALSE(is_working_day(day("2021-12-28")));  // Boxing Day (substitute day)
}

TEST(WorkingDays, CountingStartsTheDayAfterAndSkipsTheWeekend) {
    EXPECT_EQ(after("2024-03-22", 1), "2024-03-25");  // Friday → Monday
    EXPECT_EQ(after("2024-03-15", 5), "2024-03-22");  // a week later
    EXPECT_EQ(after("2024-03-20", 3), "2024-03-25");  // Wednesday → Monday
    EXPECT_EQ(after("2024-03-16", 1), "2024-03-18");  // from a Saturday, Monday is day 1
    EXPECT_EQ(after("2024-03-17", 5), "2024-03-22");  // from a Sunday
}

TEST(WorkingDays, EasterIsSkipped) {
    // Good Friday 29 March and Easter Monday 1 April 2024.
    EXPECT_EQ(after("2024-03-28", 1), "2024-04-02");
    EXPECT_EQ(after("2024-03-28", 5), "2024-04-08");
    EXPECT_EQ(after("2024-03-26", 5), "2024-04-04");
}

TEST(WorkingDays, ChristmasAndNewYearAreSkipped) {
    // 2024: Christmas Wednesday, Boxing Day Thursday, New Year's Day Wednesday.
    EXPECT_EQ(after("2024-12-23", 5), "2025-01-02");
    // 2021: Christmas and Boxing Day at the weekend, kept on 27 and 28
    // December; New Year's Day on Saturday, kept on Monday 3 January 2022.
    EXPECT_EQ(after("2021-12-24", 1), "2021-12-29");
    EXPECT_EQ(after("2021-12-24", 3), "2021-12-31");
    EXPECT_EQ(after("2021-12-24", 4), "2022-01-04");
}

TEST(WorkingDays, OneOffHolidaysAreSkipped) {
    EXPECT_EQ(after("2022-06-01", 1), "2022-06-06");  // Platinum Jubilee: Thursday and Friday
    EXPECT_EQ(after("2012-05-25", 1), "2012-05-28");  // the spring bank holiday moved away that year
    EXPECT_EQ(after("2023-05-05", 1), "2023-05-09");  // the coronation
}

TEST(WorkingDays, NegativeCountsGoBack) {
    EXPECT_EQ(after("2024-03-25", -1), "2024-03-22");  // Monday → Friday
    EXPECT_EQ(after("2024-03-23", -1), "2024-03-22");  // Saturday → Friday
    EXPECT_EQ(after("2024-04-02", -1), "2024-03-28");  // over Easter
    EXPECT_EQ(after("2025-01-02", -5), "2024-12-23");  // over Christmas and New Year
}

TEST(WorkingDays, ZeroGivesTheStartAsItIs) {
    EXPECT_EQ(after("2024-03-25", 0), "2024-03-25");
    EXPECT_EQ(after("2024-03-23", 0), "2024-03-23");
    EXPECT_EQ(text(working_day_on_or_after(day("2024-03-23"))), "2024-03-25");
    EXPECT_EQ(text(working_day_on_or_after(day("2024-03-29"))), "2024-04-02");
    EXPECT_EQ(text(working_day_on_or_after(day("2024-03-28"))), "2024-03-28");
}

TEST(WorkingDays, BetweenCountsTheDaysAfterUpToAndIncludingTheEnd) {
    EXPECT_EQ(working_days_between(day("2024-03-28"), day("2024-04-08")), 5);
    EXPECT_EQ(working_days_between(day("2024-03-22"), day("2024-03-25")), 1);
    EXPECT_EQ(working_days_between(day("2024-03-22"), day("2024-03-24")), 0);
    EXPECT_EQ(working_days_between(day("2024-03-22"), day("2024-03-22")), 0);
    EXPECT_EQ(working_days_between(day("2024-04-08"), day("2024-03-28")), -5);
    EXPECT_EQ(working_days_between(day("2024-03-25"), day("2024-03-22")), -1);
    // A whole year: 262 weekdays less 8 bank holidays; 2023 had 260 less 9.
    EXPECT_EQ(working_days_between(day("2023-12-31"), day("2024-12-31")), 254);
    EXPECT_EQ(working_days_between(day("2022-12-31"), day("2023-12-31")), 251);
}

// Counting back mirrors counting forward: between(d, add(d, n)) == n, and
// add(d, between(d, t)) == t when t is a working day.
void expect_inverse(chrono::sys_days from, chrono::sys_days to, int most) {
    for (auto start = from; start <= to; start += chrono::days{1}) {
        Date date{start};
        for (int n = -most; n <= most; ++n) {
            auto end = add_working_days(date, n);
            ASSERT_EQ(working_days_between(date, end), n) << text(date) << " " << n;
            if (is_working_day(end)) {
                ASSERT_EQ(text(add_working_days(date, working_days_between(date, end))), text(end));
            }
        }
    }
}

TEST(WorkingDays, BetweenUndoesAdd) {
    expect_inverse(chrono::sys_days{day("2021-11-01")}, chrono::sys_days{day("2023-01-31")}, 25);
}

TEST(WorkingDays, YearsOutsideTheWorkedOutSpanCountTheSame) {
    // The span worked out once ends with 2200; later years are counted a day
    // at a time, and a count across the edge must agree with both.
    expect_inverse(chrono::sys_days{day("2200-12-01")}, chrono::sys_days{day("2201-01-31")}, 25);
    auto start = day("2200-06-30"), edge = day("2200-12-31"), end = day("2201-06-30");
    EXPECT_EQ(working_days_between(start, end), working_days_between(start, edge) + working_days_between(edge, end));
    EXPECT_EQ(bank_holidays(2201).size(), 8U);
    for (const auto& holiday : bank_holidays(2201)) EXPECT_FALSE(is_working_day(holiday.date)) << text(holiday.date);
}

}  // namespace
}  // namespace safeboard::calendar
