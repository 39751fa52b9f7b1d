#pragma once
// What the reviews store files share (internal).
#include <string>

#include "platform/audit/changes.hpp"
#include "platform/db/sql_text.hpp"

namespace safeboard::reviews::detail {

using audit::apply_update;
using audit::record;
using audit::Snapshot;
using db::bind_list;
using db::nullable;

std::string now_utc();

}  // namespace safeboard::reviews::detail
