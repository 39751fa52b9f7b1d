#pragma once
// Versioned migrations. Each module owns a folder of numbered SQL files,
// compiled into the binary:
//   0001_create_partnerships.sql              runs on both backends
//   0002_x.sqlite.sql + 0002_x.postgresql.sql  where the dialects differ
// Applied migrations are recorded in schema_migrations (module, version,
// name, checksum, applied_at); each runs in its own transaction. Modules run
// in the order they are registered (platform first), versions in order.
#include <span>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"

namespace safeboard::db {

struct Migration {
    std::string module;
    int version = 0;
    std::string name;          // "create_partnerships"
    std::string sqlite_sql;    // the text run on SQLite
    std::string postgresql_sql;
    // Hex BLAKE2b-128 of each backend's text; recorded when applied, so an
    // edit to an applied migration is caught by check_database.
    std::string sqlite_checksum;
    std::string postgresql_checksum;
    std::string id() const;    // "register/0001_create_partnerships"
    const std::string& sql_for(Backend backend) const;
    const std::string& checksum_for(Backend backend) const;
};

class MigrationSet {
public:
    // Parses a module's embedded files; throws std::invalid_argument naming the
    // file when a name is malformed, a version repeats, or a dialect pair is incomplete.
    void add_module(const std::string& module, std::span<const embed::File> files);
    const std::vector<Migration>& all() const { return migrations_; }

private:
    std::vector<std::string> modules_;  // to refuse a module added twice, even an empty one
    std::vector<Migration> migrations_;
};

struct AppliedMigration {
    std::string module;
    int version = 0;
    std::string name;
    std::string checksum;
    std::string applied_at;  // UTC, ISO 8601 with Z
};

std::vector<AppliedMigration> applied_migrations(Connection& connection);
std::vector<Migration> pending_migrations(Connection& connection, const MigrationSet& set);
// Applies every pending migration, each in its own transaction, and returns
// those applied. Safe to run from several processes at once.
std::vector<Migration> migrate(Connection& connection, const MigrationSet& set);

// Problems found by `safeboard check`: a failed integrity or foreign-key check,
// an applied migration whose text changed, one the binary does not know, one
// still pending. Empty when all is well.
std::vector<std::string> check_database(Connection& connection, const MigrationSet& set);

}  // namespace safeboard::db
