#include "platform/audit/snapshot.hpp"

namespace safeboard::audit {

ReadSnapshot::ReadSnapshot(db::Connection& db) {
    if (db.in_transaction()) return;
    transaction_.emplace(db, db::TxMode::read);
    // READ COMMITTED, PostgreSQL's default, takes a new snapshot per statement.
    // SET TRANSACTION must be the transaction's first statement.
    if (db.backend() == db::Backend::postgresql) {
        db.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }
}

}  // namespace safeboard::audit
