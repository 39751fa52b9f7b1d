#include "modules/performance/store_support.hpp"

#include "modules/performance/rules_support.hpp"
#include "platform/core/text.hpp"
#include "platform/core/time.hpp"

namespace safeboard::performance::detail {

std::string now_utc() { return iso_utc(system_now()); }

std::string code_key(std::string_view code) { return lower_ascii(trim(code)); }

std::string shown(double value) { return number_text(value); }

std::string shown(const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : ""; }

std::optional<double> optional_real(const db::Row& row, std::size_t column) {
    if (row.is_null(column)) return std::nullopt;
    return row.real(column);
}

}  // namespace safeboard::performance::detail
