#include "platform/db/migrations.hpp"

#include <map>

namespace safeboard::db {
namespace {

void check_sqlite_file(Connection& connection, std::vector<std::string>& problems) {
    for (const auto& row : connection.query("PRAGMA integrity_check").rows) {
        if (row.text(0) != "ok") problems.push_back("integrity check: " + row.text(0));
    }
    // Columns: table, rowid, parent, foreign key id.
    for (const auto& row : connection.query("PRAGMA foreign_key_check").rows) {
        std::string where = row.is_null(1) ? "a row" : "row " + row.text(1);
        problems.push_back("table " + row.text(0) + " " + where + " violates foreign key to " + row.text(2));
    }
}

std::string id_of(const AppliedMigration& applied) {
    Migration known;
    known.module = applied.module;
    known.version = applied.version;
    known.name = applied.name;
    return known.id();
}

std::string pending_summary(const std::vector<Migration>& pending) {
    std::string text = std::to_string(pending.size()) + (pending.size() == 1 ? " migration" : " migrations") +
                       " pending: ";
    for (std::size_t i = 0; i < pending.size(); ++i) text += (i ? ", " : "") + pending[i].id();
    return text;
}

void check_migrations(Connection& connection, const MigrationSet& set, std::vector<std::string>& problems) {
    std::map<std::pair<std::string, int>, const Migration*> known;
    for (const auto& migration : set.all()) known[{migration.module, migration.version}] = &migration;
    std::vector<Migration> pending = set.all();
    for (const auto& applied : applied_migrations(connection)) {
        auto found = known.find({applied.module, applied.version});
        if (found == known.end()) {
            problems.push_back(id_of(applied) + " was applied but is not known to this version of Safeboard");
        } else if (found->second->checksum_for(connection.backend()) != applied.checksum) {
            problems.push_back(found->second->id() + " has changed since it was applied");
        }
        std::erase_if(pending, [&](const Migration& m) {
            return m.module == applied.module && m.version == applied.version;
        });
    }
    if (!pending.empty()) problems.push_back(pending_summary(pending));
}

}  // namespace

std::vector<std::string> check_database(Connection& connection, const MigrationSet& set) {
    std::vector<std::string> problems;
    try {
        if (connection.backend() == Backend::sqlite) check_sqlite_file(connection, problems);
        else connection.query("SELECT 1");
    } catch (const DatabaseError& error) {
        // Nothing further can be read from a database that does not answer.
        return {std::string("the database does not answer: ") + error.what()};
    }
    check_migrations(connection, set, problems);
    return problems;
}

}  // namespace safeboard::db
