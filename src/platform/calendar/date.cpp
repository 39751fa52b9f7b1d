#include "platform/calendar/date.hpp"

#include <cstdio>

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

}  // namespace safeboard::calendar
