#pragma once
// The PostgreSQL side of Connection, over libpq. Statements are prepared on
// the server once per connection (named s1, s2, ...) and run with text
// parameters, so values never travel inside the SQL text.
#include <memory>
#include <string>
#include <unordered_map>

#include "platform/db/database.hpp"

struct pg_conn;

namespace safeboard::db {

class PostgresqlConnection final : public Connection {
public:
    // Throws DatabaseError(connection) with libpq's reason and the URL redacted.
    explicit PostgresqlConnection(const DatabaseUrl& url);

    Backend backend() const override { return Backend::postgresql; }
    using Connection::query;
    ResultSet query(std::string_view sql, std::span<const Value> params = {}) override;
    void execute_script(std::string_view sql) override;
    void begin(TxMode mode) override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override;
    bool ping() override;

private:
    struct Finisher {
        void operator()(pg_conn* connection) const;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    struct Prepared {
        std::string name;
        int parameters = 0;
    };
    const Prepared& prepare(std::string_view sql);
    // Runs one parameterless command with the simple query protocol.
    std::string run(const char* sql);

    std::unique_ptr<pg_conn, Finisher> connection_;
    std::unordered_map<std::string, Prepared, Hash, std::equal_to<>> statements_;
    // Names are never reused, even for a statement whose describe failed
    // after the server had already accepted it.
    std::size_t names_used_ = 0;
};

}  // namespace safeboard::db
