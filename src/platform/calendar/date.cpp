#include "platform/calendar/date.hpp"

#include <array>
#include <cstdio>

#include "platform/core/text.hpp"
#include "platform/core/time.hpp"

namespace safeboard::calendar {

namespace chrono = std::chrono;

std::optional<Date> parse_date(std::string_view text) {
    // The core reader already refuses days that do not exist; its answer is
    // the instant the day starts, which floors back to the day itself.
    auto start = ::safeboard::parse_date(text);
    if (!start) return std::nullopt;
    return Date{chrono::floor<chrono::days>(chrono::sys_seconds{chrono::seconds{*start}})};
}

std::string format_date(Date date) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

namespace {

constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> weekdays{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

}  // namespace

std::string_view month_name(unsigned month) { return month >= 1 && month <= 12 ? months[month - 1] : ""; }

std::optional<int> month_named(std::string_view word) {
    auto key = lower_ascii(trim(word));
    if (key.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (lower_ascii(months[i]).starts_with(key)) return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

std::string_view weekday_name(chrono::weekday day) { return weekdays[day.c_encoding() % 7]; }

std::string date_in_words(std::string_view date) {
    auto day = parse_date(date);
    if (!day) return std::string(date);
    return std::to_string(static_cast<unsigned>(day->day())) + " " +
           std::string(month_name(static_cast<unsigned>(day->month()))) + " " +
           std::to_string(static_cast<int>(day->year()));
}

std::string day_and_date_in_words(std::string_view date) {
    auto day = parse_date(date);
    if (!day) return std::string(date);
    return std::string(weekday_name(weekday_of(*day))) + " " + date_in_words(date);
}

}  // namespace safeboard::calendar
