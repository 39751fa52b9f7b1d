#pragma once
// Small pieces every store builds its SQL from: optional values bound as
// NULL, a list of ids as parameters, and a LIKE pattern taken literally.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"

namespace safeboard::db {

Value nullable(const std::optional<std::string>& value);
Value nullable(const std::optional<std::int64_t>& value);
std::optional<std::string> text_of(const std::optional<std::int64_t>& value);

// Appends "$n, $n+1, ..." for the ids and binds them ("NULL" for none).
std::string bind_list(std::vector<Value>& params, const std::vector<std::int64_t>& ids);
// Binds one more parameter and answers its placeholder: "$7".
std::string param(std::vector<Value>& params, Value value);
// "%text%" (lower-cased) for LIKE ... ESCAPE '\', with % _ and \ in the text taken literally.
std::string like_pattern(std::string_view text);

}  // namespace safeboard::db
