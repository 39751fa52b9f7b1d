#include "modules/plans/store_support.hpp"

namespace safeboard::plans::detail {

void restrict_to(std::string& sql, std::vector<db::Value>& params, const std::string& column,
                 const access::ScopeFilter& reach) {
    if (reach.everything) return;
    sql += " AND " + column + " IN (" + bind_list(params, reach.ids) + ")";
}

}  // namespace safeboard::plans::detail
