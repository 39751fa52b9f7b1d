#include "platform/calendar/rules.hpp"

#include <algorithm>

namespace safeboard::calendar {

namespace {

namespace chrono = std::chrono;

constexpr int new_years_day_since = 1974;
constexpr int early_may_since = 1978;

Date on(int year, unsigned month, unsigned day) {
    return Date{chrono::year{year}, chrono::month{month}, chrono::day{day}};
}

Date first_monday(int year, unsigned month) {
    auto first = chrono::year{year} / chrono::month{month} / chrono::Monday[1];
    return Date{chrono::sys_days{first}};
}

Date last_monday(int year, unsigned month) {
    auto last = chrono::year{year} / chrono::month{month} / chrono::Monday[chrono::last];
    return Date{chrono::sys_days{last}};
}

bool taken(const std::vector<BankHoliday>& holidays, Date date) {
    return std::any_of(holidays.begin(), holidays.end(), [&](const BankHoliday& h) { return h.date == date; });
}

// Fixed dates in date order. Those on weekdays are kept first, so a
// substitute never lands on a day that is a holiday in its own right.
void add_fixed(std::vector<BankHoliday>& holidays, const std::vector<BankHoliday>& fixed) {
    for (const auto& holiday : fixed) {
        if (!is_weekend(holiday.date)) holidays.push_back(holiday);
    }
    for (const auto& holiday : fixed) {
        if (!is_weekend(holiday.date)) continue;
        auto day = chrono::sys_days{holiday.date};
        while (is_weekend(Date{day}) || taken(holidays, Date{day})) day += chrono::days{1};
        holidays.push_back({Date{day}, holiday.name + " (substitute day)"});
    }
}

}  // namespace

Date easter_sunday(int year) {
    // The anonymous Gregorian algorithm (Meeus, Jones, Butcher): the
    // ecclesiastical full moon from the Metonic cycle with the solar and
    // lunar corrections, then the Sunday after it.
    int golden = year % 19;
    int century = year / 100;
    int in_century = year % 100;
    int to_full_moon = (19 * golden + century - century / 4 - (century - (century + 8) / 25 + 1) / 3 + 15) % 30;
    int to_sunday = (32 + 2 * (century % 4) + 2 * (in_century / 4) - to_full_moon - in_century % 4) % 7;
    int correction = (golden + 11 * to_full_moon + 22 * to_sunday) / 451;
    int month_day = to_full_moon + to_sunday - 7 * correction + 114;
    return on(year, static_cast<unsigned>(month_day / 31), static_cast<unsigned>(month_day % 31 + 1));
}

std::vector<BankHoliday> holidays_by_rule(int year) {
    std::vector<BankHoliday> holidays;
    if (year >= new_years_day_since) add_fixed(holidays, {{on(year, 1, 1), "New Year's Day"}});
    auto easter = chrono::sys_days{easter_sunday(year)};
    holidays.push_back({Date{easter - chrono::days{2}}, "Good Friday"});
    holidays.push_back({Date{easter + chrono::days{1}}, "Easter Monday"});
    if (year >= early_may_since) holidays.push_back({first_monday(year, 5), "Early May bank holiday"});
    holidays.push_back({last_monday(year, 5), "Spring bank holiday"});
    holidays.push_back({last_monday(year, 8), "Summer bank holiday"});
    add_fixed(holidays, {{on(year, 12, 25), "Christmas Day"}, {on(year, 12, 26), "Boxing Day"}});
    std::sort(holidays.begin(), holidays.end(),
              [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
    return holidays;
}

}  // namespace safeboard::calendar
