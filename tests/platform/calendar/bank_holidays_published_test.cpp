// The computed bank holidays against the published ones: every year from
// 2000 to 2030 in tests/data/calendar/england-and-wales-bank-holidays.csv,
// written by hand from the gov.uk lists (2000-2025 as published; 2026-2030
// as the normal rules give them, no change being announced). The file is
// never produced by this code, so a wrong rule or data row fails here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "platform/calendar/calendar.hpp"
#include "platform/calendar/days.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/tabular/csv.hpp"

SAFEBOARD_EMBEDDED_TABLE(test_calendar_published)

namespace safeboard::calendar {
namespace {

using testing::listed;

constexpr int first_year = 2000;
constexpr int last_year = 2030;

// Year → "date name" lines, in the file's order.
std::map<int, std::vector<std::string>> published() {
    auto files = embed::tables::test_calendar_published();
    EXPECT_EQ(files.size(), 1U);
    auto table = tabular::read_csv(files.front().content);
    EXPECT_TRUE(table) << table.error().message;
    std::map<int, std::vector<std::string>> years;
    if (!table) return years;
    for (const auto& record : table->records) {
        EXPECT_EQ(record.fields.size(), 2U) << "line " << record.line;
        if (record.fields.size() != 2) continue;
        years[std::stoi(record.fields[0].substr(0, 4))].push_back(record.fields[0] + " " + record.fields[1]);
    }
    return years;
}

TEST(BankHolidaysPublished, EveryYearFrom2000To2030MatchesThePublishedList) {
    auto years = published();
    for (int year = first_year; year <= last_year; ++year) {
        ASSERT_TRUE(years.contains(year)) << "the published list has no " << year;
        EXPECT_EQ(listed(bank_holidays(year)), years[year]) << year;
    }
    EXPECT_EQ(years.size(), static_cast<std::size_t>(last_year - first_year + 1));
}

TEST(BankHolidaysPublished, EveryOtherDayFrom2000To2030IsNotABankHoliday) {
    std::set<std::string> holidays;
    for (const auto& [year, lines] : published()) {
        for (const auto& line : lines) holidays.insert(line.substr(0, 10));
    }
    namespace chrono = std::chrono;
    chrono::sys_days end{chrono::year{last_year + 1} / 1 / 1};
    int mismatches = 0;
    for (chrono::sys_days day{chrono::year{first_year} / 1 / 1}; day < end; day += chrono::days{1}) {
        Date date{day};
        bool expected = holidays.contains(format_date(date));
        if (is_bank_holiday(date) != expected && ++mismatches <= 10) ADD_FAILURE() << format_date(date);
        if (is_working_day(date) != (!expected && !is_weekend(date)) && ++mismatches <= 10) {
            ADD_FAILURE() << "working day? " << format_date(date);
        }
    }
    EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace safeboard::calendar
