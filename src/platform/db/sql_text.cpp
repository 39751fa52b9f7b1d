#include "platform/db/sql_text.hpp"

#include "platform/core/text.hpp"

namespace safeboard::db {

Value nullable(const std::optional<std::string>& value) {
    if (!value) return Null{};
    return *value;
}

Value nullable(const std::optional<std::int64_t>& value) {
    if (!value) return Null{};
    return *value;
}

std::optional<std::string> text_of(const std::optional<std::int64_t>& value) {
    if (!value) return std::nullopt;
    return std::to_string(*value);
}

std::string bind_list(std::vector<Value>& params, const std::vector<std::int64_t>& ids) {
    std::string list;
    for (auto id : ids) list += (list.empty() ? "" : ", ") + param(params, id);
    return list.empty() ? "NULL" : list;
}

std::string param(std::vector<Value>& params, Value value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
}

std::string like_pattern(std::string_view text) {
    std::string pattern = "%";
    for (char c : lower_ascii(trim(text))) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

}  // namespace safeboard::db
