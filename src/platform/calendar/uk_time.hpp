#pragma once
// UK civil time (Europe/London) without a time-zone database (GCC 12's
// standard library has none): the clocks change at 01:00 GMT on the last
// Sundays of March and October. What "today" means for a daily job, a
// reminder or a statutory clock.
#include <string>
#include <string_view>

#include "platform/core/time.hpp"

namespace safeboard::calendar {

// GMT, and BST (GMT + 1) from 01:00 GMT on the last Sunday of March to
// 01:00 GMT on the last Sunday of October.
struct UkTime {
    std::string date;       // YYYY-MM-DD
    int minute_of_day = 0;  // 0 .. 1439
};
UkTime uk_time(UnixSeconds instant);
// Today's date in the UK.
std::string uk_today(UnixSeconds now);
// The instant a UK wall-clock time falls on a date (YYYY-MM-DD, assumed valid).
UnixSeconds uk_instant(std::string_view date, int minute_of_day);

}  // namespace safeboard::calendar
