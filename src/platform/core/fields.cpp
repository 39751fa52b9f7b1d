#include "platform/core/fields.hpp"

#include <algorithm>

#include "platform/core/time.hpp"

namespace safeboard {

std::optional<bool> parse_yes_no(std::string_view text) {
    auto key = lower_ascii(trim(text));
    if (key.empty() || key == "no" || key == "n" || key == "false" || key == "0") return false;
    if (key == "yes" || key == "y" || key == "true" || key == "1") return true;
    return std::nullopt;
}

std::optional<std::string> parse_day(std::string_view text) {
    auto value = trim(text);
    // 29/06/2020 → 2020-06-29 (a UK spreadsheet's short date).
    if (value.size() == 10 && value[2] == '/' && value[5] == '/') {
        value = value.substr(6, 4) + "-" + value.substr(3, 2) + "-" + value.substr(0, 2);
    }
    if (!parse_date(value)) return std::nullopt;
    return value;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        auto item = trim(text.substr(start, end - start));
        if (!item.empty()) items.push_back(item);
        start = end + 1;
    }
    return items;
}

namespace fields {

std::string get(const Fields& fields, const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : trim(it->second);
}

std::string line(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label,
                 std::size_t min, std::size_t max) {
    auto value = get(fields, field);
    if (auto problem = check_line(field, label, value, min, max)) errors.push_back(*problem);
    return value;
}

std::string block(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label,
                  std::size_t max) {
    auto value = get(fields, field);
    auto length = utf8_length(value);
    std::string name(label);
    if (!length) {
        errors.push_back({field, name + " must be text (it has bytes that are not UTF-8)"});
    } else if (std::any_of(value.begin(), value.end(), [](char c) {
                   auto u = static_cast<unsigned char>(c);
                   return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7f;
               })) {
        errors.push_back({field, name + " must not contain control characters"});
    } else if (*length > max) {
        errors.push_back({field, name + " must be " + std::to_string(max) + " characters or fewer"});
    }
    return value;
}

std::optional<std::string> day(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label) {
    auto value = get(fields, field);
    if (value.empty()) return std::nullopt;
    auto parsed = parse_day(value);
    if (!parsed) errors.push_back({field, std::string(label) + " must be a real date like 2020-06-29 or 29/06/2020"});
    return parsed;
}

bool flag(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label) {
    auto parsed = parse_yes_no(get(fields, field));
    if (!parsed) errors.push_back({field, std::string(label) + " must be yes or no"});
    return parsed.value_or(false);
}

std::string shown(std::string_view text) { return "\"" + shortened(text, 80) + "\""; }

}  // namespace fields

}  // namespace safeboard
