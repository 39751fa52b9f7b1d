#include <gtest/gtest.h>

#include "platform/calendar/date.hpp"

namespace safeboard::calendar {
namespace {

TEST(CalendarDate, ReadsAndWritesIsoDays) {
    auto date = parse_date("2024-02-29");
    ASSERT_TRUE(date);
    EXPECT_EQ(*date, Date{std::chrono::year{2024} / 2 / 29});
    EXPECT_EQ(format_date(*date), "2024-02-29");
    EXPECT_EQ(format_date(Date{std::chrono::year{999} / 1 / 5}), "0999-01-05");
}

TEST(CalendarDate, WritesDatesInWords) {
    EXPECT_EQ(date_in_words("2012-04-01"), "1 April 2012");
    EXPECT_EQ(date_in_words("2011-12-31"), "31 December 2011");
    EXPECT_EQ(date_in_words("not a date"), "not a date");
    EXPECT_EQ(day_and_date_in_words("2011-11-17"), "Thursday 17 November 2011");
    EXPECT_EQ(day_and_date_in_words("2012-02-29"), "Wednesday 29 February 2012");
    EXPECT_EQ(day_and_date_in_words("2023-02-29"), "2023-02-29");
    EXPECT_EQ(month_name(1), "January");
    EXPECT_EQ(month_name(12), "December");
    EXPECT_EQ(month_name(13), "");
}

TEST(CalendarDate, AMonthIsNamedByItsNameOrThreeLettersOrMore) {
    EXPECT_EQ(month_named("October"), 10);
    EXPECT_EQ(month_named(" oct "), 10);
    EXPECT_EQ(month_named("SEPT"), 9);
    EXPECT_EQ(month_named("nov"), 11);
    EXPECT_FALSE(month_named("ma"));  // March or May
    EXPECT_FALSE(month_named("octopus"));
    EXPECT_FALSE(month_named(""));
}

TEST(CalendarDate, RefusesDaysThatDoNotExistAndOtherForms) {
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2024-13-01"));
    EXPECT_FALSE(parse_date("2024-2-29"));
    EXPECT_FALSE(parse_date("29/02/2024"));
    EXPECT_FALSE(parse_date("2024-02-29T00:00:00Z"));
    EXPECT_FALSE(parse_date(""));
}

TEST(CalendarDate, KnowsTheWeekend) {
    EXPECT_TRUE(is_weekend(*parse_date("2024-03-23")));   // Saturday
    EXPECT_TRUE(is_weekend(*parse_date("2024-03-24")));   // Sunday
    EXPECT_FALSE(is_weekend(*parse_date("2024-03-25")));  // Monday
    EXPECT_FALSE(is_weekend(*parse_date("2024-03-22")));  // Friday
}

}  // namespace
}  // namespace safeboard::calendar
