#pragma once
// What every command shares: opening the database, running work on one
// connection with any failure reported in one line, the migrations check,
// the auth settings, and who a command acts as in the audit log.
#include <memory>
#include <ostream>

#include "platform/audit/audit.hpp"
#include "platform/auth/authenticator.hpp"
#include "platform/config/settings.hpp"
#include "platform/db/pool.hpp"

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
