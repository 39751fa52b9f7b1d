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

}  // namespace

int serve(const config::Settings& settings, std::ostream& err) {
    log::Level level = log::Level::info;
    log::parse_level(settings.log_level, level);
    log::set_level(level);
    auto listen = config::parse_listen(settings.listen);
    auto pool = open_pool(settings, Open::existing, settings.pool_size, err);
    if (!pool) return 1;
    try {
        auto lease = pool->acquire();
        auto pending = db::pending_migrations(*lease, all_migrations());
        if (!pending.empty()) {
            err << "safeboard: " << pending.size() << " migration(s) pending, first "
                << pending.front().id() << "; run safeboard migrate\n";
            return 1;
        }
    } catch (const db::DatabaseError& e) {
        err << "safeboard: " << e.what() << "\n";
        return 1;
    }
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
    try {
        auto lease = pool->acquire();
        auto applied = db::migrate(*lease, all_migrations());
        for (const auto& migration : applied) out << "applied " << migration.id() << "\n";
        if (applied.empty()) out << "nothing to apply: the database is up to date\n";
        return 0;
    } catch (const std::exception& e) {
        err << "safeboard: migration failed: " << e.what() << "\n";
        return 1;
    }
}

int load_demo(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    auto pool = open_pool(settings, Open::existing, 1, err);
    if (!pool) return 1;
    try {
        auto lease = pool->acquire();
        if (auto pending = db::pending_migrations(*lease, all_migrations()); !pending.empty()) {
            err << "safeboard: " << pending.size() << " migration(s) pending; run safeboard migrate first\n";
            return 1;
        }
        out << "demo: " << register_::load_demo(*lease) << " partnerships loaded\n";
        return 0;
    } catch (const std::exception& e) {
        err << "safeboard: demo load failed: " << e.what() << "\n";
        return 1;
    }
}

int check(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    auto pool = open_pool(settings, Open::existing, 1, err);
    if (!pool) return 1;
    std::vector<std::string> problems;
    try {
        auto lease = pool->acquire();
        problems = db::check_database(*lease, all_migrations());
    } catch (const std::exception& e) {
        err << "safeboard: check failed: " << e.what() << "\n";
        return 1;
    }
    for (const auto& problem : problems) out << "problem: " << problem << "\n";
    if (!problems.empty()) return 1;
    out << "ok: " << pool->url().redacted << " passed every check\n";
    return 0;
}

}  // namespace safeboard::app
