#include "modules/register/store_support.hpp"

#include "platform/core/text.hpp"

namespace safeboard::register_::detail {

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string name_key(std::string_view name) { return lower_ascii(trim(name)); }

void after_key(std::string& sql, std::vector<db::Value>& params, const std::string& table,
               const std::optional<NameKey>& after) {
    if (!after) return;
    params.emplace_back(after->name_key);
    auto key = "$" + std::to_string(params.size());
    params.emplace_back(after->id);
    auto id = "$" + std::to_string(params.size());
    sql += " AND (" + table + ".name_key > " + key + " OR (" + table + ".name_key = " + key + " AND " + table +
           ".id > " + id + "))";
}

}  // namespace safeboard::register_::detail
