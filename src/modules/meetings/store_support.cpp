#include "modules/meetings/store_support.hpp"

#include "platform/core/text.hpp"

namespace safeboard::meetings::detail {

void restrict_to(std::string& sql, std::vector<db::Value>& params, const std::string& body_column,
                 const access::ScopeFilter& reach) {
    if (reach.everything) return;
    sql += " AND " + body_column + " IN (SELECT body_id FROM body_partnerships WHERE partnership_id IN (" +
           bind_list(params, reach.ids) + "))";
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string title_key(std::string_view title) { return lower_ascii(trim(title)); }

std::string now_utc() { return iso_utc(system_now()); }

}  // namespace safeboard::meetings::detail
