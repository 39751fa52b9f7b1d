#include "platform/ical/wall_clock.hpp"

#include <charconv>
#include <cstdio>

#include "platform/core/time.hpp"

namespace safeboard::ical {

namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

bool all_digits(std::string_view text) {
    return text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<icaltimetype> parse_wall_clock(std::string_view text) {
    if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
    if (!parse_date(text.substr(0, 10))) return std::nullopt;
    auto hour = text.substr(11, 2), minute = text.substr(14, 2);
    if (!all_digits(hour) || !all_digits(minute)) return std::nullopt;
    icaltimetype time = icaltime_null_time();
    time.year = *number(text.substr(0, 4));
    time.month = *number(text.substr(5, 2));
    time.day = *number(text.substr(8, 2));
    time.hour = *number(hour);
    time.minute = *number(minute);
    time.is_date = 0;
    if (time.hour > 23 || time.minute > 59) return std::nullopt;
    return time;
}

std::string wall_clock_text(const icaltimetype& time) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", time.year, time.month, time.day, time.hour,
                  time.minute);
    return text;
}

}  // namespace safeboard::ical
