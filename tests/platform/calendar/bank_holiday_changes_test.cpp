#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "platform/calendar/calendar.hpp"
#include "platform/calendar/changes.hpp"
#include "platform/calendar/days.hpp"

namespace safeboard::calendar {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::day;
using testing::listed;

const std::string header = "date,change,replaces,name,source\n";

// The error read_changes gives for the rows under the header.
Error error_for(const std::string& rows) {
    auto read = read_changes(header + rows);
    if (read) {
        ADD_FAILURE() << "read without error:\n" << rows;
        return {};
    }
    EXPECT_EQ(read.error().kind, ErrorKind::validation);
    return read.error();
}

TEST(BankHolidayChanges, TheCompiledInChangesReadCleanlyAndNameTheirSources) {
    ASSERT_NO_THROW(proclaimed_changes());
    const auto& changes = proclaimed_changes();
    EXPECT_GE(changes.size(), 12U);
    for (const auto& change : changes) EXPECT_FALSE(change.source.empty()) << change.line;
}

TEST(BankHolidayChanges, MovedRuleDatesAreNotHolidays) {
    EXPECT_FALSE(is_bank_holiday(day("2002-05-27")));
    EXPECT_FALSE(is_bank_holiday(day("2012-05-28")));
    EXPECT_FALSE(is_bank_holiday(day("2020-05-04")));
    EXPECT_FALSE(is_bank_holiday(day("2022-05-30")));
    EXPECT_TRUE(is_working_day(day("2012-05-28")));
}

TEST(BankHolidayChanges, ProclaimedDaysAreHolidays) {
    for (auto date : {"1999-12-31", "2002-06-03", "2002-06-04", "2011-04-29", "2012-06-04", "2012-06-05",
                      "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"}) {
        EXPECT_TRUE(is_bank_holiday(day(date))) << date;
        EXPECT_FALSE(is_working_day(day(date))) << date;
    }
}

TEST(BankHolidayChanges, AMoveReplacesTheRuleDateUnderItsOwnName) {
    EXPECT_THAT(listed(bank_holidays(2020)), Contains("2020-05-08 Early May bank holiday (VE day)"));
    EXPECT_THAT(listed(bank_holidays(2020)), Not(Contains("2020-05-04 Early May bank holiday")));
    EXPECT_EQ(bank_holidays(2020).size(), 8U);
    EXPECT_EQ(bank_holidays(2022).size(), 10U);
}

TEST(BankHolidayChanges, ANewProclamationIsOneMoreRow) {
    auto changes = read_changes(header +
                                "2024-05-31,move,2024-05-27,Spring bank holiday,A proclamation\n"
                                "2024-07-12,add,,A national celebration,Another proclamation\n");
    ASSERT_TRUE(changes) << changes.error().message;
    EXPECT_EQ(changes->at(0).line, 2U);
    EXPECT_EQ(changes->at(0).change, Change::move);
    EXPECT_EQ(changes->at(1).source, "Another proclamation");
    auto year = apply_changes(2024, holidays_by_rule(2024), *changes);
    EXPECT_THAT(listed(year), ElementsAre("2024-01-01 New Year's Day", "2024-03-29 Good Friday",
                                          "2024-04-01 Easter Monday", "2024-05-06 Early May bank holiday",
                                          "2024-05-31 Spring bank holiday", "2024-07-12 A national celebration",
                                          "2024-08-26 Summer bank holiday", "2024-12-25 Christmas Day",
                                          "2024-12-26 Boxing Day"));
    // Other years are untouched.
    EXPECT_EQ(apply_changes(2025, holidays_by_rule(2025), *changes), holidays_by_rule(2025));
}

TEST(BankHolidayChanges, ABadDateIsReportedWithItsLine) {
    auto error = error_for("2023-05-08,add,,Coronation,A proclamation\n2023-02-30,add,,No such day,A proclamation\n");
    EXPECT_THAT(error.message, HasSubstr("line 3, date: \"2023-02-30\" is not a date written YYYY-MM-DD"));
    EXPECT_THAT(error.fields, ElementsAre(Field(&FieldError::field, "line 3")));
}

TEST(BankHolidayChanges, EachKindOfBadRowIsNamed) {
    EXPECT_THAT(error_for("2024-07-12,swap,,X,P\n").message, HasSubstr("line 2, change: \"swap\" is not a change"));
    EXPECT_THAT(error_for("2024-05-31,move,,X,P\n").message, HasSubstr("line 2, replaces: \"\" is not a date"));
    EXPECT_THAT(error_for("2024-07-12,add,2024-05-27,X,P\n").message,
                HasSubstr("line 2, replaces: An add replaces nothing"));
    EXPECT_THAT(error_for("2024-05-31,move,2024-05-28,X,P\n").message,
                HasSubstr("line 2, replaces: 2024-05-28 is not a bank holiday by rule"));
    EXPECT_THAT(error_for("2025-01-02,move,2024-12-26,X,P\n").message,
                HasSubstr("line 2, replaces: A move stays within its year"));
    EXPECT_THAT(error_for("2024-12-25,add,,X,P\n").message,
                HasSubstr("line 2, date: 2024-12-25 is already a bank holiday (Christmas Day)"));
    EXPECT_THAT(error_for("2024-07-12,add,,X,\n").message, HasSubstr("line 2, source: Enter source"));
    EXPECT_THAT(error_for("2024-07-12,add,,,P\n").message, HasSubstr("line 2, name: Enter name"));
    EXPECT_THAT(error_for("2024-07-12,add,,X,P\n2024-07-12,add,,Y,Q\n").message,
                HasSubstr("line 3, date: 2024-07-12 is given already on line 2"));
}

TEST(BankHolidayChanges, EveryBadLineIsReportedAtOnce) {
    auto error = error_for("2024-07-12,add,,X,P\n2024-07-32,add,,Y,Q\n2024-08-01,remove,,Z,R\n");
    EXPECT_THAT(error.fields, ElementsAre(Field(&FieldError::field, "line 3"), Field(&FieldError::field, "line 4")));
}

TEST(BankHolidayChanges, AnUnknownColumnIsReportedOnTheHeaderLine) {
    auto read = read_changes("date,change,replaces,name,source,notes\n2024-07-12,add,,X,P,\n");
    ASSERT_FALSE(read);
    EXPECT_THAT(read.error().message, HasSubstr("line 1, notes: \"notes\" is not a column"));
}

}  // namespace
}  // namespace safeboard::calendar
