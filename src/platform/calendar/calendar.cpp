#include "platform/calendar/calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "platform/calendar/changes.hpp"

namespace safeboard::calendar {

namespace {

namespace chrono = std::chrono;

constexpr int first_year = 1900;
constexpr int last_year = 2200;

std::vector<BankHoliday> work_out(int year) {
    return apply_changes(year, holidays_by_rule(year), proclaimed_changes());
}

bool listed(const std::vector<BankHoliday>& holidays, Date date) {
    return std::any_of(holidays.begin(), holidays.end(), [&](const BankHoliday& h) { return h.date == date; });
}

// The covered years worked out once. `before` turns counting into
// subtraction and finding the n-th working day into a binary search.
struct Table {
    chrono::sys_days first{chrono::year{first_year} / 1 / 1};
    std::vector<std::vector<BankHoliday>> holidays;  // [year - first_year]
    std::vector<std::uint32_t> before;               // [i]: working days in [first, first + i)

    static Table build() {
        Table table;
        for (int year = first_year; year <= last_year; ++year) table.holidays.push_back(work_out(year));
        chrono::sys_days end{chrono::year{last_year + 1} / 1 / 1};
        table.before.reserve(static_cast<std::size_t>((end - table.first).count()) + 1);
        table.before.push_back(0);
        for (auto day = table.first; day < end; day += chrono::days{1}) {
            Date date{day};
            bool working = !is_weekend(date) && !listed(table.of_year(date.year()), date);
            table.before.push_back(table.before.back() + (working ? 1U : 0U));
        }
        return table;
    }

    const std::vector<BankHoliday>& of_year(chrono::year year) const {
        return holidays[static_cast<std::size_t>(static_cast<int>(year) - first_year)];
    }

    // The day's place in `before`; nullopt outside the covered years.
    std::optional<std::size_t> index(chrono::sys_days day) const {
        auto offset = (day - first).count();
        if (offset < 0 || offset + 1 >= static_cast<std::int64_t>(before.size())) return std::nullopt;
        return static_cast<std::size_t>(offset);
    }

    // The covered day that is the rank-th working day from `first` (from 1).
    std::optional<Date> working_day(std::int64_t rank) const {
        if (rank < 1 || rank > before.back()) return std::nullopt;
        auto at = std::lower_bound(before.begin(), before.end(), rank) - before.begin();
        return Date{first + chrono::days{at - 1}};
    }
};

const Table& table() {
    static const Table built = Table::build();
    return built;
}

bool covered(chrono::year year) { return year >= chrono::year{first_year} && year <= chrono::year{last_year}; }

// Outside the covered years: one day at a time.
Date walk(Date start, int n) {
    chrono::days step{n > 0 ? 1 : -1};
    auto day = chrono::sys_days{start};
    for (int left = n > 0 ? n : -n; left > 0;) {
        day += step;
        if (is_working_day(Date{day})) --left;
    }
    return Date{day};
}

int count_walking(chrono::sys_days from, chrono::sys_days to) {
    int count = 0;
    for (auto day = from + chrono::days{1}; day <= to; day += chrono::days{1}) count += is_working_day(Date{day});
    for (auto day = to; day < from; day += chrono::days{1}) count -= is_working_day(Date{day});
    return count;
}

}  // namespace

std::vector<BankHoliday> bank_holidays(int year) {
    if (covered(chrono::year{year})) return table().of_year(chrono::year{year});
    return work_out(year);
}

bool is_bank_holiday(Date date) {
    if (covered(date.year())) return listed(table().of_year(date.year()), date);
    return listed(work_out(static_cast<int>(date.year())), date);
}

bool is_working_day(Date date) {
    if (auto i = table().index(chrono::sys_days{date})) return table().before[*i + 1] != table().before[*i];
    return !is_weekend(date) && !is_bank_holiday(date);
}

Date add_working_days(Date start, int n) {
    if (n == 0) return start;
    const auto& t = table();
    if (auto i = t.index(chrono::sys_days{start})) {
        // Counted from `first`: the working days up to `start` (forward), or
        // before it (back), then n more.
        std::int64_t rank = n > 0 ? std::int64_t{t.before[*i + 1]} + n : std::int64_t{t.before[*i]} + n + 1;
        if (auto day = t.working_day(rank)) return *day;
    }
    return walk(start, n);
}

int working_days_between(Date from, Date to) {
    chrono::sys_days a{from}, b{to};
    const auto& t = table();
    auto i = t.index(a), j = t.index(b);
    if (!i || !j) return count_walking(a, b);
    if (b >= a) return static_cast<int>(t.before[*j + 1] - t.before[*i + 1]);
    return -static_cast<int>(t.before[*i] - t.before[*j]);
}

Date working_day_on_or_after(Date date) {
    return is_working_day(date) ? date : add_working_days(date, 1);
}

}  // namespace safeboard::calendar
