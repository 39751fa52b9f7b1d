#pragma once
// What the register's store files share: binding optional values, the
// partnership filter, the name-ordered page, and the audit record of a change.
#include <optional>
#include <string>
#include <vector>

#include "modules/register/store.hpp"
#include "platform/audit/changes.hpp"
#include "platform/core/time.hpp"
#include "platform/db/sql_text.hpp"

namespace safeboard::register_::detail {

using audit::apply_update;
using audit::record;
using audit::Snapshot;
using db::bind_list;
using db::like_pattern;
using db::nullable;
using db::text_of;

std::string yes_no(bool value);
// The key names are compared by: lower-cased, so "Essex police" is "Essex Police".
std::string name_key(std::string_view name);

// Adds "AND (name_key, id) after the key" to a name-ordered list query.
void after_key(std::string& sql, std::vector<db::Value>& params, const std::string& table,
               const std::optional<NameKey>& after);

}  // namespace safeboard::register_::detail
