#pragma once
// The SQLite side of Connection. The pool gives a connection to one thread at
// a time, so it is opened without SQLite's per-connection mutex.
#include <memory>
#include <string>

#include "platform/db/database.hpp"
#include "platform/db/sqlite_statement_cache.hpp"

namespace safeboard::db {

class SqliteConnection final : public Connection {
public:
    // Throws DatabaseError(connection) when the file cannot be opened; never
    // creates a missing directory, so a mistyped path fails loudly.
    explicit SqliteConnection(const std::string& path);

    Backend backend() const override { return Backend::sqlite; }
    using Connection::query;
    ResultSet query(std::string_view sql, std::span<const Value> params = {}) override;
    void execute_script(std::string_view sql) override;
    void begin(TxMode mode) override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override;
    bool ping() override;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    void configure(const std::string& path);
    ResultSet run(sqlite3_stmt* statement);

    // Declared before the cache so statements are finalized before the close.
    std::unique_ptr<sqlite3, Closer> db_;
    SqliteStatementCache statements_;
};

}  // namespace safeboard::db
