#include "platform/audit/export.hpp"
#include "platform/audit/stored.hpp"
#include "platform/audit/text.hpp"
#include "platform/core/text.hpp"
#include "platform/tabular/csv.hpp"

namespace safeboard::audit {

// For people to open in a spreadsheet: formula-like cells are guarded, and
// bytes that are not UTF-8 (kept as data in the log) are shown as U+FFFD.
std::string to_csv(const std::vector<StoredEntry>& entries) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& stored : entries) {
        const Actor& actor = stored.actor;
        const Entry& entry = stored.entry;
        std::string user_id = actor.user_id ? std::to_string(*actor.user_id) : "";
        std::vector<std::string> row{std::to_string(stored.seq), stored.at, user_id, actor.label, actor.remote,
                                     actor.request_id, entry.action, entry.entity_type, entry.entity_id,
                                     stored::changes_json(entry.changes), entry.detail, stored.hash};
        for (auto& cell : row) cell = replace_invalid_utf8(cell);
        rows.push_back(std::move(row));
    }
    return tabular::write_csv({"seq", "at", "user_id", "actor", "remote", "request_id", "action", "entity_type",
                               "entity_id", "changes", "detail", "hash"},
                              rows, {.bom = false, .guard_formulas = true});
}

}  // namespace safeboard::audit
