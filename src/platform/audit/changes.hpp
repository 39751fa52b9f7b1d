#pragma once
// Recording a change to a record: the fields before and after, as text, and
// only those that changed. Stores call these inside their write transaction.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "platform/audit/audit.hpp"

namespace safeboard::audit {

using Snapshot = std::map<std::string, std::optional<std::string>>;

// Records a create (before empty) or an update (only the changed fields);
// false, and nothing recorded, when an update changed nothing.
bool record(db::Connection& db, const Actor& actor, std::string_view action, std::string_view type, std::int64_t id,
            const Snapshot& before, const Snapshot& after, std::string detail = {});

// An update: runs `write` and records the changed fields, unless the
// snapshots are equal; false when nothing changed.
bool apply_update(db::Connection& db, const Actor& actor, std::string_view type, std::int64_t id,
                  const Snapshot& before, const Snapshot& after, const std::function<void()>& write);

}  // namespace safeboard::audit
