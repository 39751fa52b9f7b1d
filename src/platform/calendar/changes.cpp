#include "platform/calendar/changes.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "platform/core/text.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/tabular/csv.hpp"
#include "platform/tabular/records.hpp"

SAFEBOARD_EMBEDDED_TABLE(calendar_data)

namespace safeboard::calendar {

namespace {

using Problems = std::vector<tabular::RowProblem>;

const std::vector<std::string> columns{"date", "change", "replaces", "name", "source"};

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "\"" + std::string.
std::string quoted(std::string_view text) {
    std::string out(1, '"');
    out += shortened(text, 40);
    out += '"';
    return out;
}

std::string cell(const tabular::FieldRow& row, const std::string& column) {
    auto it = row.fields.find(column);
    return it == row.fields.end() ? std::string() : trim(it->second);
}

std::optional<Date> date_cell(const tabular::FieldRow& row, const std::string& column, Problems& problems) {
    auto text = cell(row, column);
    auto date = parse_date(text);
    if (!date) {
        problems.push_back({row.line, column, quoted(text) + " is not a date written YYYY-MM-DD"});
    }
    return date;
}

void check_text(const tabular::FieldRow& row, const std::string& column, std::size_t max, Problems& problems) {
    if (auto problem = check_line(column, column, cell(row, column), 1, max)) {
        problems.push_back({row.line, column, problem->message});
    }
}

std::optional<Change> change_cell(const tabular::FieldRow& row, Problems& problems) {
    auto text = lower_ascii(cell(row, "change"));
    if (text == "add") return Change::add;
    if (text == "move") return Change::move;
    problems.push_back({row.line, "change", quoted(text) + " is not a change: write add or move"});
    return std::nullopt;
}

// A move names the rule date it replaces, in the same year; an add names none.
std::optional<Date> replaces_cell(const tabular::FieldRow& row, Change change, Date date, Problems& problems) {
    if (change == Change::add) {
        if (!cell(row, "replaces").empty()) {
            problems.push_back({row.line, "replaces", "An add replaces nothing: leave it blank"});
        }
        return std::nullopt;
    }
    auto replaces = date_cell(row, "replaces", problems);
    if (replaces && replaces->year() != date.year()) {
        auto year = std::to_string(static_cast<int>(date.year()));
        problems.push_back(
            {row.line, "replaces", "A move stays within its year: " + format_date(*replaces) + " is not in " + year});
    }
    return replaces;
}

std::optional<HolidayChange> read_row(const tabular::FieldRow& row, Problems& problems) {
    auto before = problems.size();
    auto date = date_cell(row, "date", problems);
    auto change = change_cell(row, problems);
    std::optional<Date> replaces;
    if (date && change) replaces = replaces_cell(row, *change, *date, problems);
    check_text(row, "name", 200, problems);
    check_text(row, "source", 500, problems);
    if (problems.size() != before) return std::nullopt;
    return HolidayChange{row.line, *date, *change, replaces, cell(row, "name"), cell(row, "source")};
}

const BankHoliday* find(const std::vector<BankHoliday>& holidays, Date date) {
    auto it = std::find_if(holidays.begin(), holidays.end(), [&](const BankHoliday& h) { return h.date == date; });
    return it == holidays.end() ? nullptr : &*it;
}

// A row that reads well on its own but does not fit the rules.
void check_against_rules(const HolidayChange& change, Problems& problems) {
    auto by_rule = holidays_by_rule(static_cast<int>(change.date.year()));
    if (change.replaces == change.date) {
        problems.push_back({change.line, "date", "A move must name a day other than the one it replaces"});
        return;
    }
    if (change.replaces && !find(by_rule, *change.replaces)) {
        problems.push_back({change.line, "replaces", format_date(*change.replaces) + " is not a bank holiday by rule"});
    }
    if (auto same = find(by_rule, change.date)) {
        auto day = format_date(change.date);
        problems.push_back({change.line, "date", day + " is already a bank holiday (" + same->name + ")"});
    }
}

// Records the first line giving a date; a second one is a problem.
void check_once(std::map<Date, std::size_t>& seen, Date date, const HolidayChange& change, const std::string& column,
                Problems& problems) {
    auto [first, fresh] = seen.emplace(date, change.line);
    if (fresh) return;
    auto text = format_date(date) + (column == "date" ? " is given" : " is replaced") + " already on line ";
    problems.push_back({change.line, column, text + std::to_string(first->second)});
}

void check_all(const std::vector<HolidayChange>& changes, Problems& problems) {
    std::map<Date, std::size_t> dates, replaced;
    for (const auto& change : changes) {
        check_against_rules(change, problems);
        check_once(dates, change.date, change, "date", problems);
        if (change.replaces) check_once(replaced, *change.replaces, change, "replaces", problems);
    }
}

}  // namespace

Result<std::vector<HolidayChange>> read_changes(std::string_view csv) {
    return tabular::read_records<HolidayChange>(csv, columns, "bank holiday changes",
                                                "The bank holiday changes have errors:", read_row, check_all);
}

const std::vector<HolidayChange>& proclaimed_changes() {
    static const std::vector<HolidayChange> changes = [] {
        auto files = embed::tables::calendar_data();
        auto read = read_changes(files.front().content);
        if (!read) throw std::logic_error("bank_holiday_changes.csv: " + read.error().message);
        return std::move(*read);
    }();
    return changes;
}

std::vector<BankHoliday> apply_changes(int year, std::vector<BankHoliday> by_rule,
                                       std::span<const HolidayChange> changes) {
    for (const auto& change : changes) {
        if (static_cast<int>(change.date.year()) != year) continue;
        if (change.replaces) std::erase_if(by_rule, [&](const BankHoliday& h) { return h.date == *change.replaces; });
        by_rule.push_back({change.date, change.name});
    }
    std::sort(by_rule.begin(), by_rule.end(),
              [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
    return by_rule;
}

}  // namespace safeboard::calendar
