#include "modules/reviews/clock_rules.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <stdexcept>

#include "platform/core/text.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/tabular/csv.hpp"
#include "platform/tabular/records.hpp"

SAFEBOARD_EMBEDDED_TABLE(reviews_clock_rules)

namespace safeboard::reviews {

namespace {

using Problems = std::vector<tabular::RowProblem>;

const std::vector<std::string> columns{"partnership",    "step",     "label", "starts_from", "working_days",
                                       "calendar_months", "source"};

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

bool is_code(std::string_view text) {
    return !text.empty() && text.size() <= 60 &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

void check_code(const tabular::FieldRow& row, const std::string& column, bool required, Problems& problems) {
    auto text = cell(row, column);
    if (text.empty() && !required) return;
    if (!is_code(text)) {
        problems.push_back({row.line, column, quoted(text) + " is not a code: write lower-case "
                                                                          "letters and underscores"});
    }
}

std::optional<int> number_cell(const tabular::FieldRow& row, const std::string& column, int max, Problems& problems) {
    auto text = cell(row, column);
    if (text.empty()) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
        problems.push_back({row.line, column, quoted(text) + " is not a whole number from 1 to " +
                                                  std::to_string(max)});
        return std::nullopt;
    }
    return value;
}

void check_text(const tabular::FieldRow& row, const std::string& column, std::size_t max, Problems& problems) {
    if (auto problem = check_line(column, column, cell(row, column), 1, max)) {
        problems.push_back({row.line, column, problem->message});
    }
}

// A duration in one unit, and a start event exactly when there is one.
void check_clock(const ClockRule& rule, Problems& problems) {
    if (rule.working_days && rule.calendar_months) {
        problems.push_back({rule.line, "calendar_months", "Give working days or calendar months, not both"});
    }
    if (rule.has_clock() && rule.starts_from.empty()) {
        problems.push_back({rule.line, "starts_from", "A step with a clock names the event it starts from"});
    }
    if (!rule.has_clock() && !rule.starts_from.empty()) {
        problems.push_back({rule.line, "starts_from", "A step without a clock starts from nothing: leave it blank"});
    }
}

std::optional<ClockRule> read_row(const tabular::FieldRow& row, Problems& problems) {
    auto before = problems.size();
    check_code(row, "partnership", false, problems);
    check_code(row, "step", true, problems);
    check_code(row, "starts_from", false, problems);
    check_text(row, "label", 200, problems);
    check_text(row, "source", 500, problems);
    ClockRule rule{row.line,
                   cell(row, "partnership"),
                   cell(row, "step"),
                   cell(row, "label"),
                   cell(row, "starts_from"),
                   number_cell(row, "working_days", 366, problems),
                   number_cell(row, "calendar_months", 24, problems),
                   cell(row, "source")};
    check_clock(rule, problems);
    if (problems.size() != before) return std::nullopt;
    return rule;
}

bool is_default(const ClockRule& rule) { return rule.partnership.empty(); }

// What can only be checked with every row read: start events and overrides
// naming default steps, and each step once per partnership.
void check_all(const std::vector<ClockRule>& rules, Problems& problems) {
    std::set<std::string> steps;
    for (const auto& rule : rules) {
        if (is_default(rule)) steps.insert(rule.step);
    }
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (const auto& rule : rules) {
        auto [first, fresh] = seen.emplace(std::pair{rule.partnership, rule.step}, rule.line);
        if (!fresh) {
            problems.push_back({rule.line, "step", rule.step + " is given already on line " +
                                                       std::to_string(first->second)});
        }
        if (!is_default(rule) && !steps.contains(rule.step)) {
            problems.push_back({rule.line, "step", rule.step + " has no default row to override"});
        }
        auto start = rule.starts_from;
        if (start.empty() || start == kBecameAware || start == kIncident) continue;
        if (start == rule.step || !steps.contains(start)) {
            problems.push_back({rule.line, "starts_from", start + " is not became_aware, incident or another step"});
        }
    }
}

}  // namespace

Result<std::vector<ClockRule>> read_clock_rules(std::string_view csv) {
    return tabular::read_records<ClockRule>(csv, columns, "clock rules", "The clock rules have errors:", read_row,
                                            check_all);
}

const std::vector<ClockRule>& statutory_clock_rules() {
    static const std::vector<ClockRule> rules = [] {
        auto files = embed::tables::reviews_clock_rules();
        auto read = read_clock_rules(files.front().content);
        if (!read) throw std::logic_error("clock_rules.csv: " + read.error().message);
        return std::move(*read);
    }();
    return rules;
}

std::vector<ClockRule> rules_for(const std::vector<ClockRule>& rules, std::string_view partnership_code) {
    std::vector<ClockRule> chosen;
    for (const auto& rule : rules) {
        if (!is_default(rule)) continue;
        auto override_of = std::find_if(rules.begin(), rules.end(), [&](const ClockRule& other) {
            return !partnership_code.empty() && other.partnership == partnership_code && other.step == rule.step;
        });
        chosen.push_back(override_of == rules.end() ? rule : *override_of);
    }
    return chosen;
}

}  // namespace safeboard::reviews
