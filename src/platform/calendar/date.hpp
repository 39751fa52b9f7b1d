#pragma once
// A day in the civil calendar, with no time and no zone: the unit deadlines
// are counted in. std::chrono::year_month_day, so callers do arithmetic with
// sys_days; the functions of this library expect a date that is ok().
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace safeboard::calendar {

using Date = std::chrono::year_month_day;

// Exactly "YYYY-MM-DD", as the API writes dates; nullopt for anything else
// or for a day that does not exist (2023-02-29).
std::optional<Date> parse_date(std::string_view text);
// "YYYY-MM-DD".
std::string format_date(Date date);

// English names, for pages, letters and e-mails: "November" for 11 (1–12),
// "Thursday" for a weekday.
std::string_view month_name(unsigned month);
// The month a word names, in any case: its name or the first three letters
// or more of it ("Oct", "sept", "November"); nullopt for anything else.
std::optional<int> month_named(std::string_view word);
std::string_view weekday_name(std::chrono::weekday day);
// "17 November 2011" from "2011-11-17"; the text itself when it is not a date.
std::string date_in_words(std::string_view date);
// "Thursday 17 November 2011"; the text itself when it is not a date.
std::string day_and_date_in_words(std::string_view date);

inline std::chrono::weekday weekday_of(Date date) { return std::chrono::weekday{std::chrono::sys_days{date}}; }
inline bool is_weekend(Date date) {
    auto day = weekday_of(date);
    return day == std::chrono::Saturday || day == std::chrono::Sunday;
}

}  // namespace safeboard::calendar
