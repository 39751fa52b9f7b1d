#pragma once
// One consistent view of the log for a walk that takes several queries
// (internal). verify_chain and export_jsonl read the log in batches and then
// audit_head; without one snapshot a concurrent append between those reads
// would look like a broken chain.
#include <optional>

#include "platform/db/database.hpp"

namespace safeboard::audit {

class ReadSnapshot {
public:
    // Opens a read transaction, REPEATABLE READ on PostgreSQL (SQLite's WAL
    // readers see one snapshot already). Inside the caller's transaction it
    // uses that one instead.
    explicit ReadSnapshot(db::Connection& db);

private:
    std::optional<db::Transaction> transaction_;  // rolled back on destruction; it only read
};

}  // namespace safeboard::audit
