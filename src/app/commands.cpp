#include "app/commands.hpp"

#include <filesystem>
#include <ostream>

#include "app/application.hpp"
#include "modules/register/module.hpp"
#include "platform/http/dispatch.hpp"
#include "platform/http/server.hpp"
#include "platform/log/log.hpp"

namespace safeboard::app {

namespace {

enum class Open { existing, create };

// Opens the pool, or says why not in one line. Only `migrate` may create a
// SQLite file: other commands on a missing file would leave an empty one.
std::unique_ptr<db::Pool> open_pool(const config::Settings& settings, Open mode, unsigned size,
                                    std::ostream& err) {
    auto url = db::parse_database_url(settings.db);
    if (!url) {
        err << "safeboard: " << url.error().message << "\n";
        return nullptr;
    }
    if (url->backend == db::Backend::sqlite && mode == Open::existing &&
        !std::filesystem::exists(url->target)) {
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

http::ServerOptions server_options(const config::Settings& settings, const config::ListenAddress& listen) {
    http::ServerOptions options;
    options.host = listen.host;
    options.port = listen.port;
    options.io_threads = settings.threads;
    options.workers = settings.pool_size;
    options.header_limit = settings.header_limit_bytes;
    options.body_limit = settings.body_limit_bytes;
    options.idle_timeout = settings.idle_timeout;
    options.read_timeout = settings.read_timeout;
    options.access_log = settings.access_log;
    return options;
}

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

// False (and says so) when the database is behind the binary's migrations.
bool up_to_date(db::Connection& connection, std::ostream& err) {
    auto pending = db::pending_migrations(connection, all_migrations());
    if (pending.empty()) return true;
    err << "safeboard: " << pending.size() << " migration(s) pending, first " << pending.front().id()
        << "; run safeboard migrate first\n";
    return false;
}

}  // namespace

int serve(const config::Settings& settings, std::ostream& err) {
    log::Level level = log::Level::info;
    log::parse_level(settings.log_level, level);
    log::set_level(level);
    auto listen = config::parse_listen(settings.listen);
    auto pool = open_pool(settings, Open::existing, settings.pool_size, err);
    if (!pool) return 1;
    auto ready = with_connection(*pool, "cannot start", err,
                                 [&](db::Connection& connection) { return up_to_date(connection, err) ? 0 : 1; });
    if (ready != 0) return ready;
    auto service = make_service(pool.get());
    http::ServerOptions options = server_options(settings, *listen);
    http::Server server(service->router, options, pool.get(), service->metrics,
                        web::error_page_hook(*service->web));
    if (auto listening = server.listen(); !listening) {
        err << "safeboard: " << listening.error().message << "\n";
        return 1;
    }
    server.handle_signals();
    std::string host = listen->host.find(':') == std::string::npos ? listen->host : "[" + listen->host + "]";
    log::info("serving", {{"url", "http://" + host + ":" + std::to_string(server.port()) + "/"},
                          {"database", pool->url().redacted},
                          {"version", version()}});
    server.run();
    log::info("stopped");
    return 0;
}

int migrate(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    auto pool = open_pool(settings, Open::create, 1, err);
    if (!pool) return 1;
    return with_connection(*pool, "migration failed", err, [&](db::Connection& connection) {
        auto applied = db::migrate(connection, all_migrations());
        for (const auto& migration : applied) out << "applied " << migration.id() << "\n";
        if (applied.empty()) out << "nothing to apply: the database is up to date\n";
        return 0;
    });
}

int load_demo(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    auto pool = open_pool(settings, Open::existing, 1, err);
    if (!pool) return 1;
    return with_connection(*pool, "demo load failed", err, [&](db::Connection& connection) {
        if (!up_to_date(connection, err)) return 1;
        out << "demo: " << register_::load_demo(connection) << " partnerships loaded\n";
        return 0;
    });
}

int check(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    auto pool = open_pool(settings, Open::existing, 1, err);
    if (!pool) return 1;
    return with_connection(*pool, "check failed", err, [&](db::Connection& connection) {
        auto problems = db::check_database(connection, all_migrations());
        for (const auto& problem : problems) out << "problem: " << problem << "\n";
        if (!problems.empty()) return 1;
        out << "ok: " << pool->url().redacted << " passed every check\n";
        return 0;
    });
}

}  // namespace safeboard::app
