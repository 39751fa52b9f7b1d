#include "platform/db/database.hpp"

#include "platform/db/postgresql_connection.hpp"
#include "platform/db/sqlite_connection.hpp"

namespace safeboard::db {

const char* to_string(Backend backend) {
    switch (backend) {
    case Backend::sqlite: return "sqlite";
    case Backend::postgresql: return "postgresql";
    }
    return "unknown";
}

std::unique_ptr<Connection> connect(const DatabaseUrl& url) {
    switch (url.backend) {
    case Backend::sqlite: return std::make_unique<SqliteConnection>(url.target);
    case Backend::postgresql: return std::make_unique<PostgresqlConnection>(url);
    }
    throw DatabaseError(ErrorCode::other, "unknown database backend");
}

Transaction::Transaction(Connection& connection, TxMode mode) : connection_(connection) {
    connection_.begin(mode);
}

Transaction::~Transaction() {
    if (done_) return;
    // A destructor must not throw; if the rollback fails too the connection
    // is broken, and the pool's ping on return replaces it.
    try {
        connection_.rollback();
    } catch (const std::exception&) {
    }
}

void Transaction::commit() {
    connection_.commit();
    done_ = true;
}

}  // namespace safeboard::db
