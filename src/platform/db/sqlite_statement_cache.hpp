#pragma once
// Prepared statements of one SQLite connection, keyed by their SQL text.
// The application's SQL is a fixed set of literals, so the cache stays small
// and each statement is compiled once per connection.
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace safeboard::db {

class SqliteStatementCache {
public:
    explicit SqliteStatementCache(sqlite3* db) : db_(db) {}
    SqliteStatementCache(const SqliteStatementCache&) = delete;
    SqliteStatementCache& operator=(const SqliteStatementCache&) = delete;
    ~SqliteStatementCache();

    // The statement for sql, prepared on first use; throws DatabaseError when
    // it does not compile or holds more than one statement.
    sqlite3_stmt* get(std::string_view sql);
    std::size_t size() const { return statements_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };

    sqlite3* db_;
    std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> statements_;
};

}  // namespace safeboard::db
