#include "platform/db/migrations.hpp"

#include <ctime>
#include <set>
#include <utility>

namespace safeboard::db {
namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, "
    "checksum TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))";

// Every Safeboard process uses this key, so two that start together against
// one PostgreSQL database take turns instead of racing on the same DDL.
constexpr std::int64_t kMigrationLockKey = 0x5afeb0a2d0000001;

// Holds PostgreSQL's session-level advisory lock for a whole run. SQLite
// needs none: BEGIN IMMEDIATE already admits one writer at a time.
class MigrationLock {
public:
    explicit MigrationLock(Connection& connection) : connection_(connection) {
        if (connection_.backend() != Backend::postgresql) return;
        connection_.query("SELECT pg_advisory_lock($1::bigint)", {Value{kMigrationLockKey}});
        held_ = true;
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;
    ~MigrationLock() {
        if (!held_) return;
        // Best effort: if the session is gone, so is its lock.
        try {
            connection_.rollback();
            connection_.query("SELECT pg_advisory_unlock($1::bigint)", {Value{kMigrationLockKey}});
        } catch (const std::exception&) {
        }
    }

private:
    Connection& connection_;
    bool held_ = false;
};

bool has_migrations_table(Connection& connection) {
    if (connection.backend() == Backend::sqlite) {
        return !connection.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
                    .empty();
    }
    // to_regclass follows search_path, so a per-schema database is honoured.
    return connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL").rows.at(0).boolean(0);
}

bool is_applied(Connection& connection, const Migration& migration) {
    return !connection
                .query("SELECT 1 FROM schema_migrations WHERE module = $1 AND version = $2",
                       {Value{migration.module}, Value{std::int64_t{migration.version}}})
                .empty();
}

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// Runs one migration and records it, all in one transaction. Returns false
// when another process applied it first.
bool apply(Connection& connection, const Migration& migration) {
    try {
        Transaction transaction(connection, TxMode::write);
        if (is_applied(connection, migration)) return false;
        Backend backend = connection.backend();
        connection.execute_script(migration.sql_for(backend));
        connection.query(
            "INSERT INTO schema_migrations (module, version, name, checksum, applied_at) "
            "VALUES ($1, $2, $3, $4, $5)",
            {Value{migration.module}, Value{std::int64_t{migration.version}}, Value{migration.name},
             Value{migration.checksum_for(backend)}, Value{utc_now()}});
        transaction.commit();
        return true;
    } catch (const DatabaseError& error) {
        throw DatabaseError(error.code(), "migration " + migration.id() + " failed: " + error.what());
    }
}

}  // namespace

std::vector<AppliedMigration> applied_migrations(Connection& connection) {
    std::vector<AppliedMigration> applied;
    if (!has_migrations_table(connection)) return applied;
    auto result = connection.query(
        "SELECT module, version, name, checksum, applied_at FROM schema_migrations ORDER BY module, version");
    for (const auto& row : result.rows) {
        applied.push_back(AppliedMigration{row.text(0), static_cast<int>(row.integer(1)), row.text(2), row.text(3),
                                           row.text(4)});
    }
    return applied;
}

std::vector<Migration> pending_migrations(Connection& connection, const MigrationSet& set) {
    std::set<std::pair<std::string, int>> done;
    for (const auto& applied : applied_migrations(connection)) done.emplace(applied.module, applied.version);
    std::vector<Migration> pending;
    for (const auto& migration : set.all()) {
        if (!done.contains({migration.module, migration.version})) pending.push_back(migration);
    }
    return pending;
}

std::vector<Migration> migrate(Connection& connection, const MigrationSet& set) {
    MigrationLock lock(connection);
    connection.execute_script(kCreateTable);
    std::vector<Migration> applied;
    for (const auto& migration : pending_migrations(connection, set)) {
        if (apply(connection, migration)) applied.push_back(migration);
    }
    return applied;
}

}  // namespace safeboard::db
