#include "platform/core/time.hpp"

#include <chrono>
#include <cstdio>

namespace safeboard {

namespace {

namespace chrono = std::chrono;

bool digits(std::string_view text, std::size_t from, std::size_t count, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

std::optional<UnixSeconds> day_start(int year, int month, int day) {
    if (year < 1) return std::nullopt;
    chrono::year_month_day date{chrono::year{year}, chrono::month{static_cast<unsigned>(month)},
                                chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) return std::nullopt;
    return chrono::sys_days{date}.time_since_epoch() / chrono::seconds(1);
}

}  // namespace

UnixSeconds system_now() {
    return chrono::duration_cast<chrono::seconds>(chrono::system_clock::now().time_since_epoch()).count();
}

std::string iso_utc(UnixSeconds seconds) {
    chrono::sys_seconds instant{chrono::seconds{seconds}};
    auto days = chrono::floor<chrono::days>(instant);
    chrono::year_month_day date{days};
    chrono::hh_mm_ss time{instant - days};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::string today_utc() { return iso_utc(system_now()).substr(0, 10); }

std::optional<UnixSeconds> parse_date(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) return std::nullopt;
    return day_start(year, month, day);
}

std::optional<UnixSeconds> parse_iso_utc(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    auto day = parse_date(text.substr(0, 10));
    int hours = 0, minutes = 0, seconds = 0;
    if (!day || !digits(text, 11, 2, hours) || !digits(text, 14, 2, minutes) || !digits(text, 17, 2, seconds)) {
        return std::nullopt;
    }
    if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
    return *day + hours * 3600 + minutes * 60 + seconds;
}

}  // namespace safeboard
