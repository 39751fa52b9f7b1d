#pragma once
// What every command shares: opening the database, running work on one
// connection with any failure reported in one line, the migrations check,
// the auth settings, and who a command acts as in the audit log.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/authenticator.hpp"
#include "platform/config/settings.hpp"
#include "platform/db/pool.hpp"
#include "platform/tabular/records.hpp"
#include "modules/register/model.hpp"

namespace safeboard::app {

enum class Open { existing, create };

// Opens the pool, or says why not in one line. Only `migrate` may create a
// SQLite file: other commands on a missing file would leave an empty one.
std::unique_ptr<db::Pool> open_pool(const config::Settings& settings, Open mode, unsigned size, std::ostream& err);

// Runs `work` with one connection, turning any failure into one line that
// starts with `what`. Returns the exit code.
template <typename Work>
int with_connection(db::Pool& pool, const char* what, std::ostream& err, Work work) {
    try {
        auto lease = pool.acquire();
        return work(*lease);
    } catch (const std::exception& e) {
        err << "safeboard: " << what << ": " << e.what() << "\n";
        return 1;
    }
}

// Opens an existing, up-to-date database and runs `work` on one connection.
template <typename Work>
int with_database(const config::Settings& settings, const char* what, std::ostream& err, Work work);

// False (and says so) when the database is behind the binary's migrations.
bool up_to_date(db::Connection& connection, std::ostream& err);

auth::AuthSettings auth_settings(const config::Settings& settings);

// The operating-system user running a command, as the audit log names them.
audit::Actor command_actor();

// What `safeboard import` and `safeboard export` were asked, whichever module's sheet it is.
struct SheetOptions {
    std::string kind;         // organisations, people, bodies, memberships, actions, recommendations
    std::string file;         // import: the CSV file; export: where to write ("" = standard output)
    std::string partnership;  // its code ("essex") or id
    std::string format = "csv";  // export: csv or xlsx
};

// "safeboard: <message>" on err; exit code 2 (the command was asked something it cannot do).
int refuse(std::ostream& err, const std::string& message);
// A partnership by its code or id.
std::optional<register_::Partnership> partnership_named(db::Connection& db, const std::string& text);
// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_whole_file(const std::string& path);
// An import's problems as "FILE:LINE: column: message" lines after a summary; exit code 1.
int report_problems(const std::string& file, const tabular::ImportReport& report, std::ostream& err);
// The sheet as CSV or XLSX (options.format) to options.file or `out`; says how many rows on err.
int write_sheet(const SheetOptions& options, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::ostream& out, std::ostream& err);

template <typename Work>
int with_database(const config::Settings& settings, const char* what, std::ostream& err, Work work) {
    auto pool = open_pool(settings, Open::existing, 1, err);
    if (!pool) return 1;
    return with_connection(*pool, what, err, [&](db::Connection& connection) {
        if (!up_to_date(connection, err)) return 1;
        return work(connection);
    });
}

}  // namespace safeboard::app
