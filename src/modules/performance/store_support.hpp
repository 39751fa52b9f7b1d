#pragma once
// What the performance store files share (internal).
#include <string>
#include <vector>

#include "modules/performance/store.hpp"
#include "platform/audit/changes.hpp"
#include "platform/db/sql_text.hpp"

namespace safeboard::performance::detail {

using audit::apply_update;
using audit::record;
using audit::Snapshot;
using db::bind_list;
using db::nullable;
using db::param;

std::string now_utc();
std::string code_key(std::string_view code);
// A number as the audit log shows it: "96.2", "70".
std::string shown(double value);
std::string shown(const std::optional<std::int64_t>& value);
// A column that may be NULL, as a double (PostgreSQL sends sums as numeric text).
std::optional<double> optional_real(const db::Row& row, std::size_t column);

}  // namespace safeboard::performance::detail
