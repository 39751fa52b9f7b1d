#pragma once
// The database layer: one interface over SQLite and PostgreSQL.
//
// SQL is written once with PostgreSQL-style numbered parameters ($1, $2, ...);
// values are always bound, never spliced into the text. Statements are
// prepared once per connection and cached. Unexpected failures (I/O, lost
// connection) throw DatabaseError; constraint violations throw it too, with a
// code a store can turn into a conflict.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::db {

enum class Backend { sqlite, postgresql };

const char* to_string(Backend backend);

// A parsed --db URL: "sqlite:PATH" or "postgresql://..." ("postgres://" too).
struct DatabaseUrl {
    Backend backend = Backend::sqlite;
    std::string target;  // the SQLite file path, or the libpq connection URI
    // The URL with any password replaced by "***", for logs and errors.
    std::string redacted;
};

// Parses and checks the URL without touching the file system or network.
Result<DatabaseUrl> parse_database_url(std::string_view url);

struct Null {
    bool operator==(const Null&) const = default;
};
using Value = std::variant<Null, std::int64_t, double, std::string, bool>;

class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    std::size_t size() const { return values_.size(); }
    bool is_null(std::size_t i) const;
    // Each accessor converts what the backend returned (SQLite's types, or
    // PostgreSQL's text) and throws DatabaseError when it cannot.
    std::string text(std::size_t i) const;
    std::int64_t integer(std::size_t i) const;
    double real(std::size_t i) const;
    bool boolean(std::size_t i) const;
    std::optional<std::string> optional_text(std::size_t i) const;
    std::optional<std::int64_t> optional_integer(std::size_t i) const;
    const Value& value(std::size_t i) const { return values_.at(i); }

private:
    std::vector<Value> values_;
};

struct ResultSet {
    std::vector<std::string> columns;
    std::vector<Row> rows;
    std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
    bool empty() const { return rows.empty(); }
};

enum class ErrorCode {
    unique_violation,
    foreign_key_violation,
    check_violation,
    not_null_violation,
    busy,          // lock or pool wait timed out
    connection,    // cannot connect, or the connection was lost
    other,
};

class DatabaseError : public std::runtime_error {
public:
    DatabaseError(ErrorCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    ErrorCode code() const { return code_; }

private:
    ErrorCode code_;
};

enum class TxMode {
    read,   // SQLite: BEGIN (deferred); PostgreSQL: BEGIN READ ONLY
    write,  // SQLite: BEGIN IMMEDIATE (takes the write lock up front); PostgreSQL: BEGIN
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual Backend backend() const = 0;

    // Runs one statement; parameters are $1..$n in SQL text.
    virtual ResultSet query(std::string_view sql, std::span<const Value> params = {}) = 0;
    ResultSet query(std::string_view sql, std::initializer_list<Value> params) {
        return query(sql, std::span<const Value>(params.begin(), params.size()));
    }
    // Runs several statements with no parameters; for migrations only.
    virtual void execute_script(std::string_view sql) = 0;

    virtual void begin(TxMode mode) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool in_transaction() const = 0;

    // Cheap liveness check; false when the server has gone away.
    virtual bool ping() = 0;
};

// Opens one connection; throws DatabaseError(connection) naming the problem.
std::unique_ptr<Connection> connect(const DatabaseUrl& url);

// Rolls back unless committed. Every write runs inside one.
class Transaction {
public:
    explicit Transaction(Connection& connection, TxMode mode = TxMode::write);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Connection& connection_;
    bool done_ = false;
};

}  // namespace safeboard::db
