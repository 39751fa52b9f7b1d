#include "platform/audit/dates.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "platform/core/time.hpp"

namespace safeboard::audit::dates {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count) {
    for (std::size_t k = from; k < from + count; ++k) {
        if (text[k] < '0' || text[k] > '9') return false;
    }
    return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t k = from; k < from + count; ++k) value = value * 10 + (text[k] - '0');
    return value;
}

bool is_time_of_day(std::string_view text) {
    // "HH:MM:SS.mmm"
    if (text.size() != 12 || text[2] != ':' || text[5] != ':' || text[8] != '.') return false;
    if (!digits(text, 0, 2) || !digits(text, 3, 2) || !digits(text, 6, 2) || !digits(text, 9, 3)) return false;
    return number(text, 0, 2) < 24 && number(text, 3, 2) < 60 && number(text, 6, 2) < 60;
}

}  // namespace

std::string utc_now() {
    using namespace std::chrono;
    auto since_epoch = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(since_epoch / 1000);
    int millis = static_cast<int>(since_epoch % 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[96];  // room for any int, so the compiler can prove no truncation
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis);
    return text;
}

bool is_date(std::string_view text) { return parse_date(text).has_value(); }

bool is_timestamp(std::string_view text) {
    // "YYYY-MM-DDTHH:MM:SS.mmmZ"
    if (text.size() != 24 || text[10] != 'T' || text[23] != 'Z') return false;
    return is_date(text.substr(0, 10)) && is_time_of_day(text.substr(11, 12));
}

std::string end_of_day(std::string_view date) {
    return std::string(date) + "U";
}

}  // namespace safeboard::audit::dates
