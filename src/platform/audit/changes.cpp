#include "platform/audit/changes.hpp"

namespace safeboard::audit {

bool record(db::Connection& db, const Actor& actor, std::string_view action, std::string_view type, std::int64_t id,
            const Snapshot& before, const Snapshot& after, std::string detail) {
    auto changes = diff(before, after);
    if (changes.empty() && action == "update") return false;
    append(db, actor, {std::string(action), std::string(type), std::to_string(id), std::move(changes),
                       std::move(detail)});
    return true;
}

bool apply_update(db::Connection& db, const Actor& actor, std::string_view type, std::int64_t id,
                  const Snapshot& before, const Snapshot& after, const std::function<void()>& write) {
    if (before == after) return false;
    write();
    return record(db, actor, "update", type, id, before, after);
}

}  // namespace safeboard::audit
