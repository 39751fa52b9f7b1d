#pragma once
// England and Wales bank holidays by the standing rules: the Banking and
// Financial Dealings Act 1971 (Schedule 1) and the yearly proclamations that
// made New Year's Day (from 1974) and the early May bank holiday (from 1978)
// regular. One-off moves and extra days are data (changes.hpp), not rules.
//
// Years before 1971 are answered with the 1971 rules; that is not what was
// observed then (Whit Monday, the first Monday in August), and nothing in
// Safeboard counts deadlines that far back.
#include <string>
#include <vector>

#include "platform/calendar/date.hpp"

namespace safeboard::calendar {

struct BankHoliday {
    Date date{};
    std::string name;  // as gov.uk words it: "Easter Monday", "Boxing Day (substitute day)"
    bool operator==(const BankHoliday&) const = default;
};

// Easter Sunday by the Gregorian computus (the date the Church of England
// keeps), for years from 1 on.
Date easter_sunday(int year);

// The year's bank holidays by rule alone, in date order. A fixed-date
// holiday (New Year's Day, Christmas Day, Boxing Day) that falls at a
// weekend is kept on the next weekday that is not already a bank holiday,
// named "... (substitute day)": Christmas on a Saturday gives Monday 27 and
// Tuesday 28; Christmas on a Sunday leaves Boxing Day on Monday 26 and puts
// Christmas's substitute on Tuesday 27.
std::vector<BankHoliday> holidays_by_rule(int year);

}  // namespace safeboard::calendar
