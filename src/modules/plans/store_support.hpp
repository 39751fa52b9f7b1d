#pragma once
// What the plans store files share (internal).
#include <string>
#include <vector>

#include "modules/plans/store.hpp"
#include "platform/audit/changes.hpp"
#include "platform/core/time.hpp"
#include "platform/db/sql_text.hpp"

namespace safeboard::plans::detail {

using audit::apply_update;
using audit::record;
using audit::Snapshot;
using db::param;
using db::bind_list;
using db::nullable;
using db::text_of;

// Adds "AND <column> IN (reach)" unless the reach is everything.
void restrict_to(std::string& sql, std::vector<db::Value>& params, const std::string& column,
                 const access::ScopeFilter& reach);

}  // namespace safeboard::plans::detail
