#pragma once
// Working days in England and Wales, as statutory timescales count them
// ("within 5 working days of the referral"): Monday to Friday, except bank
// holidays. The day a count starts from is never counted itself, whether or
// not it is a working day; counting starts the day after.
//
// Pure functions over the rules (rules.hpp) and the proclaimed changes
// compiled into the binary (changes.hpp). The years 1900 to 2200 are worked
// out once, on first use, so a list may call these for every row; other
// years are worked out on each call (correct, only slower). Dates must be
// ok() (parse_date gives only such dates).
#include <vector>

#include "platform/calendar/date.hpp"
#include "platform/calendar/rules.hpp"

namespace safeboard::calendar {

// The year's bank holidays in date order: the rules with that year's
// proclaimed changes applied (2020: 8 May in place of 4 May).
std::vector<BankHoliday> bank_holidays(int year);

bool is_bank_holiday(Date date);

// Monday to Friday and not a bank holiday.
bool is_working_day(Date date);

// The n-th working day after `start` (n > 0), or before it (n < 0); `start`
// itself is not counted. So a response due "within 5 working days" of a
// referral made on Thursday 28 March 2024 is due add_working_days(that day, 5):
// Monday 8 April, as Good Friday and Easter Monday are not counted.
// A referral received on a Saturday counts from Monday as day 1.
// n == 0 gives `start` as it is, working day or not (see
// working_day_on_or_after for moving a date off a closed day).
Date add_working_days(Date start, int n);

// The working days after `from` up to and including `to`. When `to` is
// before `from`, minus the working days from `to` up to but not including
// `from`: counting back mirrors counting forward, so for every date d and
// every n, working_days_between(d, add_working_days(d, n)) == n.
// working_days_between(Friday, next Monday) is 1; (Monday, Friday before) is -1.
int working_days_between(Date from, Date to);

// `date` when it is a working day, else the first working day after it.
Date working_day_on_or_after(Date date);

}  // namespace safeboard::calendar
