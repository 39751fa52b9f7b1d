// UK civil time: GMT in winter, BST in summer, the clocks changing at 01:00
// GMT on the last Sundays of March and October.
#include <gtest/gtest.h>

#include "platform/calendar/uk_time.hpp"

namespace safeboard::calendar {
namespace {

UnixSeconds at(const char* iso) { return *parse_iso_utc(iso); }

TEST(UkTime, IsGmtInWinterAndAnHourAheadInSummer) {
    auto winter = uk_time(at("2012-01-15T12:00:00Z"));
    EXPECT_EQ(winter.date, "2012-01-15");
    EXPECT_EQ(winter.minute_of_day, 12 * 60);
    auto summer_night = uk_time(at("2012-07-01T23:30:00Z"));
    EXPECT_EQ(summer_night.date, "2012-07-02");
    EXPECT_EQ(summer_night.minute_of_day, 30);
}

TEST(UkTime, ClocksChangeAtOneGmtOnTheLastSundaysOfMarchAndOctober) {
    EXPECT_EQ(uk_time(at("2012-03-25T00:59:00Z")).minute_of_day, 59);
    EXPECT_EQ(uk_time(at("2012-03-25T01:00:00Z")).minute_of_day, 120);
    EXPECT_EQ(uk_time(at("2012-10-28T00:59:00Z")).minute_of_day, 60 + 59);
    EXPECT_EQ(uk_time(at("2012-10-28T01:00:00Z")).minute_of_day, 60);
    EXPECT_EQ(uk_instant("2024-03-31", 7 * 60), at("2024-03-31T06:00:00Z"));
    EXPECT_EQ(uk_instant("2024-10-27", 7 * 60), at("2024-10-27T07:00:00Z"));
    EXPECT_EQ(uk_today(at("2024-06-30T23:15:00Z")), "2024-07-01");
}

}  // namespace
}  // namespace safeboard::calendar
