#pragma once
// What the register's store files share: binding optional values, the
// partnership filter, the name-ordered page, and the audit record of a change.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/register/store.hpp"
#include "platform/core/time.hpp"

namespace safeboard::register_::detail {

using Snapshot = std::map<std::string, std::optional<std::string>>;

db::Value nullable(const std::optional<std::string>& value);
db::Value nullable(const std::optional<std::int64_t>& value);
std::optional<std::string> text_of(const std::optional<std::int64_t>& value);
std::string yes_no(bool value);
// The key names are compared by: lower-cased, so "Essex police" is "Essex Police".
std::string name_key(std::string_view name);

// Appends "$n, $n+1, ..." for the ids and binds them.
std::string bind_list(std::vector<db::Value>& params, const std::vector<std::int64_t>& ids);
// "%text%" for LIKE ... ESCAPE '\', with % _ and \ in the text taken literally.
std::string like_pattern(std::string_view text);
// Adds "AND (name_key, id) after the key" to a name-ordered list query.
void after_key(std::string& sql, std::vector<db::Value>& params, const std::string& table,
               const std::optional<NameKey>& after);

// Records a create (before empty) or an update (only the changed fields);
// false, and nothing recorded, when an update changed nothing.
bool record(db::Connection& db, const audit::Actor& actor, std::string_view action, std::string_view type,
            std::int64_t id, const Snapshot& before, const Snapshot& after, std::string detail = {});

// An update: runs `write` and records the changed fields, unless the
// snapshots are equal; false when nothing changed.
bool apply_update(db::Connection& db, const audit::Actor& actor, std::string_view type, std::int64_t id,
                  const Snapshot& before, const Snapshot& after, const std::function<void()>& write);

}  // namespace safeboard::register_::detail
