#pragma once
// Dates in tests written and compared as "YYYY-MM-DD", so a failure reads
// as a date.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "platform/calendar/date.hpp"
#include "platform/calendar/rules.hpp"

namespace safeboard::calendar::testing {

inline Date day(std::string_view text) {
    auto date = parse_date(text);
    if (!date) ADD_FAILURE() << "not a date: " << text;
    return date.value_or(Date{});
}

inline std::string text(Date date) { return format_date(date); }

// "2021-12-27 Christmas Day (substitute day)" for each holiday.
inline std::vector<std::string> listed(const std::vector<BankHoliday>& holidays) {
    std::vector<std::string> lines;
    for (const auto& holiday : holidays) lines.push_back(text(holiday.date) + " " + holiday.name);
    return lines;
}

}  // namespace safeboard::calendar::testing
