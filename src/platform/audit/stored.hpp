#pragma once
// Reading and writing audit_log rows (internal to the audit library).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/model.hpp"
#include "platform/db/database.hpp"

namespace safeboard::audit::stored {

// The columns stored_entry() reads, in its order.
inline constexpr std::string_view kColumns =
    "seq, at, user_id, actor, remote, request_id, action, entity_type, entity_id, changes, detail, prev_hash, hash";

// An entry whose stored changes are not the JSON append() wrote: someone
// edited the table by hand.
class UnreadableEntry : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// [{"field": "...", "before": "..." | null, "after": "..." | null}, ...], compact.
std::string changes_json(const std::vector<FieldChange>& changes);
// Throws UnreadableEntry when the text is not such an array.
std::vector<FieldChange> parse_changes(std::string_view json);

// A row selected with kColumns. Throws UnreadableEntry naming the entry when
// its changes cannot be read.
StoredEntry stored_entry(const db::Row& row);

}  // namespace safeboard::audit::stored
