#pragma once
// Reading what someone typed — a form, a JSON body, a CSV row, all seen as
// field → text — into values, collecting every problem named by its field.
// Rules in every module are written with these, so a field is checked and
// worded the same way wherever it arrives.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"
#include "platform/core/terms.hpp"
#include "platform/core/text.hpp"

namespace safeboard {

using Fields = std::map<std::string, std::string>;
using FieldErrors = std::vector<FieldError>;

// "yes", "no", "Y", "true", "1", "" ... ; nullopt for anything else.
std::optional<bool> parse_yes_no(std::string_view text);
// YYYY-MM-DD, or DD/MM/YYYY as a UK spreadsheet writes it; gives YYYY-MM-DD.
std::optional<std::string> parse_day(std::string_view text);
// Items of a ";"-separated cell, trimmed, empty ones dropped.
std::vector<std::string> split_list(std::string_view text);

namespace fields {

// The field, trimmed; "" when absent.
std::string get(const Fields& fields, const std::string& name);
// One line of text, between min and max characters.
std::string line(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label,
                 std::size_t min, std::size_t max);
// Several lines are allowed (a purpose, an outcome), other control characters are not.
std::string block(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label,
                  std::size_t max);
// A date (parse_day), or nullopt when blank.
std::optional<std::string> day(FieldErrors& errors, const Fields& fields, const std::string& field,
                               std::string_view label);
bool flag(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label);
// Text quoted and shortened for a message: "Essex Police".
std::string shown(std::string_view text);

// A term of a closed list, by code or label; required unless `optional`.
template <typename E>
std::optional<E> term(FieldErrors& errors, const Fields& fields, const std::string& field, std::string_view label,
                      bool optional = false) {
    auto value = get(fields, field);
    if (value.empty()) {
        if (!optional) errors.push_back({field, "Enter " + lower_ascii(label)});
        return std::nullopt;
    }
    auto parsed = parse_term<E>(value);
    if (!parsed) errors.push_back({field, std::string(label) + " must be one of: " + codes_list<E>()});
    return parsed;
}

}  // namespace fields

}  // namespace safeboard
