#include "app/command_support.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app/application.hpp"
#include "modules/register/store.hpp"

namespace safeboard::app {

std::unique_ptr<db::Pool> open_pool(const config::Settings& settings, Open mode, unsigned size, std::ostream& err) {
    auto url = db::parse_database_url(settings.db);
    if (!url) {
        err << "safeboard: " << url.error().message << "\n";
        return nullptr;
    }
    if (url->backend == db::Backend::sqlite && mode == Open::existing && !std::filesystem::exists(url->target)) {
        err << "safeboard: database " << url->target << " does not exist; run safeboard migrate first\n";
        return nullptr;
    }
    try {
        return std::make_unique<db::Pool>(*url, db::PoolOptions{size, std::chrono::milliseconds(5000)});
    } catch (const db::DatabaseError& e) {
        err << "safeboard: " << e.what() << "\n";
        return nullptr;
    }
}

bool up_to_date(db::Connection& connection, std::ostream& err) {
    auto pending = db::pending_migrations(connection, all_migrations());
    if (pending.empty()) return true;
    err << "safeboard: " << pending.size() << " migration(s) pending, first " << pending.front().id()
        << "; run safeboard migrate first\n";
    return false;
}

auth::AuthSettings auth_settings(const config::Settings& settings) {
    auth::AuthSettings result;
    result.sessions.idle_timeout = settings.session_idle_timeout.count();
    result.sessions.absolute_timeout = settings.session_absolute_timeout.count();
    result.public_url = config::public_url(settings);
    result.scope_exists = register_::scope_exists;
    // Hashing may hold at most half the workers, so other requests always have some.
    result.concurrent_hashes = std::max(1u, settings.pool_size / 2);
    return result;
}

audit::Actor command_actor() {
    std::string name = "unknown";
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name) name = entry->pw_name;
    return {std::nullopt, "cli:" + name, "", ""};
}

}  // namespace safeboard::app
