#include "platform/mail/stamps.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <random>

namespace safeboard::mail {

std::string rfc5322_date(UnixSeconds seconds) {
    // Names written out rather than strftime's, which follow the locale.
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t time = seconds;
    std::tm utc{};
    gmtime_r(&time, &utc);
    std::array<char, 40> text{};
    std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000", days.at(utc.tm_wday),
                  utc.tm_mday, months.at(utc.tm_mon), utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text.data();
}

std::string new_message_id(std::string_view domain) {
    std::random_device random;
    std::string id = "<";
    for (int i = 0; i < 4; ++i) {
        std::array<char, 9> part{};
        std::snprintf(part.data(), part.size(), "%08x", static_cast<unsigned>(random()));
        id += part.data();
    }
    return id + "@" + std::string(domain) + ">";
}

}  // namespace safeboard::mail
