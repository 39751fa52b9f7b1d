// Reporting years, their quarters, halves and names, and due dates.
#include "modules/performance/periods.hpp"

#include <charconv>
#include <chrono>

#include "platform/core/text.hpp"

namespace safeboard::performance {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

std::optional<int> whole(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "2011-10-01" → the date, when it is a real one.
std::optional<year_month_day> date_of(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = whole(text.substr(0, 4));
    auto m = whole(text.substr(5, 2));
    auto d = whole(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    year_month_day date{year(*y), month(static_cast<unsigned>(*m)), day(static_cast<unsigned>(*d))};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string padded(int value, std::size_t width) {
    auto text = std::to_string(value);
    if (text.size() < width) text.insert(0, width - text.size(), '0');
    return text;
}

std::string text_of(year_month_day date) {
    return padded(static_cast<int>(date.year()), 4) + "-" + padded(static_cast<int>(unsigned(date.month())), 2) + "-" +
           padded(static_cast<int>(unsigned(date.day())), 2);
}

// Months counted from year 0, so a span of months is a subtraction.
int month_number(int y, int m) { return y * 12 + (m - 1); }

year_month_day first_of(int number) {
    return {year(number / 12), month(static_cast<unsigned>(number % 12 + 1)), day(1)};
}

int months_in(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::quarter: return 3;
    case PeriodKind::half: return 6;
    case PeriodKind::year: return 12;
    }
    return 12;
}

std::string name_of(PeriodKind kind, int number, const std::string& year_label) {
    if (kind == PeriodKind::year) return year_label;
    std::string name(1, kind == PeriodKind::quarter ? 'Q' : 'H');
    name += std::to_string(number);
    name += ' ';
    name += year_label;
    return name;
}

}  // namespace

ReportingYear reporting_year(int first_year, int year_starts_month) {
    auto start = month_number(first_year, year_starts_month);
    ReportingYear y;
    y.first_year = first_year;
    y.starts_on = text_of(first_of(start));
    y.ends_on = text_of(year_month_day(sys_days(first_of(start + 12)) - std::chrono::days(1)));
    y.label = year_starts_month == 1 ? std::to_string(first_year)
                                     : std::to_string(first_year) + "/" + padded((first_year + 1) % 100, 2);
    return y;
}

ReportingYear reporting_year_holding(std::string_view text, int year_starts_month) {
    auto date = date_of(text).value_or(year_month_day{year(1970), month(1), day(1)});
    auto y = static_cast<int>(date.year());
    auto m = static_cast<int>(unsigned(date.month()));
    return reporting_year(m >= year_starts_month ? y : y - 1, year_starts_month);
}

std::optional<int> parse_reporting_year(std::string_view text) {
    auto value = trim(text);
    if (value.size() < 4) return std::nullopt;
    auto first = whole(std::string_view(value).substr(0, 4));
    if (!first || *first < 1900 || *first > 9998) return std::nullopt;
    if (value.size() == 4) return first;
    if (value[4] != '/' && value[4] != '-') return std::nullopt;
    auto second = whole(std::string_view(value).substr(5));
    if (!second) return std::nullopt;
    bool follows = (value.size() == 7 && *second == (*first + 1) % 100) || (value.size() == 9 && *second == *first + 1);
    return follows ? first : std::nullopt;
}

PeriodDates period_of(PeriodKind kind, int first_year, int number, int year_starts_month) {
    auto length = months_in(kind);
    auto start = month_number(first_year, year_starts_month) + (number - 1) * length;
    PeriodDates p;
    p.kind = kind;
    p.first_year = first_year;
    p.number = number;
    p.starts_on = text_of(first_of(start));
    p.ends_on = text_of(year_month_day(sys_days(first_of(start + length)) - std::chrono::days(1)));
    p.name = name_of(kind, number, reporting_year(first_year, year_starts_month).label);
    return p;
}

std::optional<PeriodDates> period_between(std::string_view starts_on, std::string_view ends_on, int year_starts_month) {
    auto start = date_of(starts_on);
    if (!start || !date_of(ends_on) || start->day() != day(1)) return std::nullopt;
    auto y = reporting_year_holding(starts_on, year_starts_month);
    auto offset = month_number(static_cast<int>(start->year()), static_cast<int>(unsigned(start->month()))) -
                  month_number(y.first_year, year_starts_month);
    for (auto kind : {PeriodKind::quarter, PeriodKind::half, PeriodKind::year}) {
        auto length = months_in(kind);
        if (offset % length != 0) continue;
        auto candidate = period_of(kind, y.first_year, offset / length + 1, year_starts_month);
        if (candidate.ends_on == ends_on) return candidate;
    }
    return std::nullopt;
}

std::optional<PeriodDates> parse_period_name(std::string_view text, int year_starts_month) {
    auto value = lower_ascii(trim(text));
    auto space = value.find(' ');
    if (space == std::string::npos) {
        auto first = parse_reporting_year(value);
        if (!first) return std::nullopt;
        return period_of(PeriodKind::year, *first, 1, year_starts_month);
    }
    auto head = std::string_view(value).substr(0, space);
    auto first = parse_reporting_year(std::string_view(value).substr(space + 1));
    auto number = head.size() == 2 ? whole(head.substr(1)) : std::nullopt;
    if (!first || !number) return std::nullopt;
    if (head[0] == 'q' && *number >= 1 && *number <= 4)
        return period_of(PeriodKind::quarter, *first, *number, year_starts_month);
    if (head[0] == 'h' && *number >= 1 && *number <= 2)
        return period_of(PeriodKind::half, *first, *number, year_starts_month);
    return std::nullopt;
}

std::vector<PeriodDates> periods_of(Frequency frequency, int first_year, int year_starts_month) {
    auto kind = period_kind_for(frequency);
    std::vector<PeriodDates> periods;
    for (int n = 1; n <= 12 / months_in(kind); ++n)
        periods.push_back(period_of(kind, first_year, n, year_starts_month));
    return periods;
}

std::vector<PeriodDates> quarters_of(int first_year, int year_starts_month) {
    return periods_of(Frequency::quarterly, first_year, year_starts_month);
}

PeriodKind period_kind_for(Frequency frequency) {
    switch (frequency) {
    case Frequency::quarterly: return PeriodKind::quarter;
    case Frequency::biannual: return PeriodKind::half;
    case Frequency::annual: return PeriodKind::year;
    }
    return PeriodKind::year;
}

Frequency frequency_for(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::quarter: return Frequency::quarterly;
    case PeriodKind::half: return Frequency::biannual;
    case PeriodKind::year: return Frequency::annual;
    }
    return Frequency::annual;
}

std::string add_days(std::string_view text, int days) {
    auto date = date_of(text).value_or(year_month_day{year(1970), month(1), day(1)});
    return text_of(year_month_day(sys_days(date) + std::chrono::days(days)));
}

std::string due_on(std::string_view ends_on, int due_days) { return add_days(ends_on, due_days); }

}  // namespace safeboard::performance
