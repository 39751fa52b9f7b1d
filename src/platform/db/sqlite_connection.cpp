#include "platform/db/sqlite_connection.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "platform/db/sqlite_error.hpp"

namespace safeboard::db {
namespace {

// SQLite would create the file but not its directory, and a typo in the
// directory should not leave a stray database somewhere else.
void require_directory(const std::string& path) {
    if (path == ":memory:") return;
    auto parent = std::filesystem::path(path).parent_path();
    if (parent.empty()) return;
    std::error_code error;
    if (std::filesystem::is_directory(parent, error)) return;
    std::string problem = std::filesystem::exists(parent, error) ? " is not a directory" : " does not exist";
    throw DatabaseError(ErrorCode::connection,
                        "cannot open SQLite database " + path + ": directory " + parent.string() + problem);
}

sqlite3* open_file(const std::string& path) {
    require_directory(path);
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        throw DatabaseError(ErrorCode::connection, "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    return db;
}

void bind(sqlite3_stmt* statement, int index, const Value& value) {
    // SQLITE_STATIC: the values outlive the statement's use, and the bindings
    // are cleared before query() returns.
    int rc = std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Null>) return sqlite3_bind_null(statement, index);
            else if constexpr (std::is_same_v<T, std::int64_t>) return sqlite3_bind_int64(statement, index, v);
            else if constexpr (std::is_same_v<T, double>) return sqlite3_bind_double(statement, index, v);
            else if constexpr (std::is_same_v<T, bool>) return sqlite3_bind_int64(statement, index, v ? 1 : 0);
            else return sqlite3_bind_text64(statement, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
        },
        value);
    if (rc != SQLITE_OK) throw_sqlite_error(sqlite3_db_handle(statement), "SQLite cannot bind a parameter");
}

// Binds $1..$n by name, so a parameter may appear several times in the text.
void bind_all(sqlite3_stmt* statement, std::span<const Value> params) {
    int used = sqlite3_bind_parameter_count(statement);
    if (used != static_cast<int>(params.size())) {
        throw DatabaseError(ErrorCode::other, "statement uses " + std::to_string(used) + " parameters but " +
                                                  std::to_string(params.size()) + " were given: " +
                                                  sqlite3_sql(statement));
    }
    for (std::size_t k = 0; k < params.size(); ++k) {
        std::string name = "$" + std::to_string(k + 1);
        int index = sqlite3_bind_parameter_index(statement, name.c_str());
        if (index == 0) {
            throw DatabaseError(ErrorCode::other, "parameter " + name + " is not in: " + sqlite3_sql(statement));
        }
        bind(statement, index, params[k]);
    }
}

Value column_value(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(statement, column)};
    case SQLITE_FLOAT: return sqlite3_column_double(statement, column);
    case SQLITE_NULL: return Null{};
    case SQLITE_BLOB: {
        auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
        return std::string(bytes ? bytes : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    default: {
        auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        return std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    }
}

// A cached statement must be reset even when a step throws, or it keeps its
// read snapshot (and WAL checkpoints stall behind it).
struct ResetOnExit {
    sqlite3_stmt* statement;
    ~ResetOnExit() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
};

}  // namespace

void SqliteConnection::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

SqliteConnection::SqliteConnection(const std::string& path) : db_(open_file(path)), statements_(db_.get()) {
    configure(path);
}

void SqliteConnection::configure(const std::string& path) {
    // busy_timeout first, so switching to WAL waits for another opener.
    // synchronous=FULL: an acknowledged write survives a power cut.
    try {
        execute_script("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; "
                       "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    } catch (const DatabaseError& error) {
        throw DatabaseError(ErrorCode::connection,
                            "cannot open SQLite database " + path + ": " + error.what());
    }
}

ResultSet SqliteConnection::query(std::string_view sql, std::span<const Value> params) {
    sqlite3_stmt* statement = statements_.get(sql);
    ResetOnExit reset{statement};
    bind_all(statement, params);
    return run(statement);
}

ResultSet SqliteConnection::run(sqlite3_stmt* statement) {
    ResultSet result;
    int columns = sqlite3_column_count(statement);
    for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(statement, c));
    auto changes_before = sqlite3_total_changes64(db_.get());
    for (int rc = sqlite3_step(statement); rc != SQLITE_DONE; rc = sqlite3_step(statement)) {
        if (rc != SQLITE_ROW) throw_sqlite_error(db_.get(), "SQLite");
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) values.push_back(column_value(statement, c));
        result.rows.emplace_back(std::move(values));
    }
    // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE, so
    // only trust it when this statement changed something.
    if (sqlite3_total_changes64(db_.get()) != changes_before) result.affected = sqlite3_changes64(db_.get());
    return result;
}

void SqliteConnection::execute_script(std::string_view sql) {
    std::string text(sql);
    if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        throw_sqlite_error(db_.get(), "SQLite");
    }
}

void SqliteConnection::begin(TxMode mode) {
    // IMMEDIATE takes the write lock now, so a writer never has to upgrade a
    // read lock later (which fails at once instead of waiting).
    query(mode == TxMode::write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::commit() {
    query("COMMIT");
}

void SqliteConnection::rollback() {
    // SQLite rolls back by itself after some errors (I/O, full disk); there is
    // then nothing left to undo.
    if (!in_transaction()) return;
    query("ROLLBACK");
}

bool SqliteConnection::in_transaction() const {
    return sqlite3_get_autocommit(db_.get()) == 0;
}

bool SqliteConnection::ping() {
    try {
        query("SELECT 1");
        return true;
    } catch (const DatabaseError&) {
        return false;
    }
}

}  // namespace safeboard::db
