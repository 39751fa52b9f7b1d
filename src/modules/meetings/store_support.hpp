#pragma once
// What the meetings store files share (internal).
#include <string>
#include <vector>

#include "modules/meetings/store.hpp"
#include "platform/audit/changes.hpp"
#include "platform/core/time.hpp"
#include "platform/db/sql_text.hpp"

namespace safeboard::meetings::detail {

using audit::apply_update;
using audit::record;
using audit::Snapshot;
using db::bind_list;
using db::nullable;
using db::param;
using db::text_of;

// Adds "AND <body column> is a body of a partnership in reach" unless the reach is everything.
void restrict_to(std::string& sql, std::vector<db::Value>& params, const std::string& body_column,
                 const access::ScopeFilter& reach);

std::string yes_no(bool value);
std::string title_key(std::string_view title);
std::string now_utc();

}  // namespace safeboard::meetings::detail
