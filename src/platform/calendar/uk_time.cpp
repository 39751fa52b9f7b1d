#include "platform/calendar/uk_time.hpp"

#include <chrono>

namespace safeboard::calendar {

namespace {

namespace chrono = std::chrono;

constexpr UnixSeconds kDay = 24 * 60 * 60;
constexpr UnixSeconds kHour = 60 * 60;

// 01:00 GMT on the last Sunday of the month, when the UK's clocks change.
UnixSeconds change_of_clocks(int year, unsigned month) {
    chrono::sys_days last{chrono::year{year} / chrono::month{month} / chrono::last};
    chrono::sys_days sunday = last - (chrono::weekday{last} - chrono::Sunday);
    return chrono::duration_cast<chrono::seconds>(sunday.time_since_epoch()).count() + kHour;
}

// Seconds the UK is ahead of GMT at an instant.
UnixSeconds uk_offset(UnixSeconds instant) {
    chrono::sys_days day{chrono::floor<chrono::days>(chrono::sys_seconds{chrono::seconds{instant}})};
    int year = static_cast<int>(chrono::year_month_day{day}.year());
    bool summer = instant >= change_of_clocks(year, 3) && instant < change_of_clocks(year, 10);
    return summer ? kHour : 0;
}

std::string date_of(UnixSeconds instant) { return iso_utc(instant).substr(0, 10); }

}  // namespace

UkTime uk_time(UnixSeconds instant) {
    UnixSeconds local = instant + uk_offset(instant);
    UnixSeconds into_day = ((local % kDay) + kDay) % kDay;
    return {date_of(local), static_cast<int>(into_day / 60)};
}

std::string uk_today(UnixSeconds now) { return uk_time(now).date; }

UnixSeconds uk_instant(std::string_view date, int minute_of_day) {
    UnixSeconds wall = parse_date(date).value_or(0) + UnixSeconds{minute_of_day} * 60;
    // The offset at the wall time read as GMT is right except within an hour
    // of a change; a second look settles those.
    UnixSeconds guess = wall - uk_offset(wall);
    return wall - uk_offset(guess);
}

}  // namespace safeboard::calendar
