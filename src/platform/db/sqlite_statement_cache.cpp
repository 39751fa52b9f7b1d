#include "platform/db/sqlite_statement_cache.hpp"

#include <sqlite3.h>

#include "platform/db/sqlite_error.hpp"

namespace safeboard::db {
namespace {

bool only_separators(std::string_view rest) {
    return rest.find_first_not_of("; \t\r\n") == std::string_view::npos;
}

}  // namespace

SqliteStatementCache::~SqliteStatementCache() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
}

sqlite3_stmt* SqliteStatementCache::get(std::string_view sql) {
    if (auto found = statements_.find(sql); found != statements_.end()) return found->second;
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &statement, &tail);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, "SQLite cannot prepare \"" + std::string(sql) + "\"");
    if (statement == nullptr) throw DatabaseError(ErrorCode::other, "empty SQL statement");
    if (!only_separators(sql.substr(static_cast<std::size_t>(tail - sql.data())))) {
        // Several statements would silently run only the first; scripts go
        // through execute_script.
        sqlite3_finalize(statement);
        throw DatabaseError(ErrorCode::other, "query() takes one statement: \"" + std::string(sql) + "\"");
    }
    statements_.emplace(std::string(sql), statement);
    return statement;
}

}  // namespace safeboard::db
