// Instants as the database stores them.
#include <gtest/gtest.h>

#include "platform/core/time.hpp"

namespace safeboard {
namespace {

TEST(Time, WritesAndReadsIsoUtc) {
    EXPECT_EQ(iso_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(iso_utc(1'800'000'000), "2027-01-15T08:00:00Z");
    EXPECT_EQ(parse_iso_utc("2027-01-15T08:00:00Z"), 1'800'000'000);
    EXPECT_EQ(parse_iso_utc(iso_utc(951'782'400)), 951'782'400);  // 29 February 2000
}

TEST(Time, RefusesWhatIsNotARealInstantOrDate) {
    for (const char* bad : {"", "2027-01-15", "2027-01-15T08:00:00", "2027-01-15 08:00:00Z", "2027-02-30T00:00:00Z",
                            "2027-01-15T24:00:00Z", "2027-01-15T08:60:00Z", "2027-01-15T08:00:00.000Z"}) {
        EXPECT_FALSE(parse_iso_utc(bad)) << bad;
    }
    EXPECT_EQ(parse_date("2024-02-29"), 1'709'164'800);
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01", "0000-01-01"}) {
        EXPECT_FALSE(parse_date(bad)) << bad;
    }
}

}  // namespace
}  // namespace safeboard
