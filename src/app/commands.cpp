#include "app/commands.hpp"

#include <filesystem>
#include <ostream>

#include "app/application.hpp"
#include "app/command_support.hpp"
#include "app/plans_commands.hpp"
#include "modules/meetings/module.hpp"
#include "modules/performance/module.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/reviews/module.hpp"
#include "platform/http/dispatch.hpp"
#include "platform/http/server.hpp"
#include "platform/log/log.hpp"

namespace safeboard::app {

namespace {

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
    options.tls = config::public_url(settings).starts_with("https://");
    return options;
}


// The vault for learning reviews' sensitive details: none (with a warning)
// when there is no key file, so that a new instance runs before one is
// made; but a key file that is there and wrong stops the start, since
// carrying on would hide that the details cannot be read.
std::optional<std::shared_ptr<const reviews::Vault>> open_vault(const config::Settings& settings, std::ostream& err) {
    auto file = config::reviews_key_file(settings);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        log::warn("no key file for learning reviews' sensitive details: they cannot be kept or read",
                  {{"reviews_key_file", file.string()}, {"make_one", "safeboard key create"}});
        return std::shared_ptr<const reviews::Vault>{};
    }
    auto vault = reviews::Vault::open(file);
    if (!vault) {
        err << "safeboard: " << vault.error().message << "\n";
        return std::nullopt;
    }
    return std::make_shared<const reviews::Vault>(std::move(*vault));
}

}  // namespace

int create_key(const config::Settings& settings, bool if_missing, std::ostream& out, std::ostream& err) {
    auto file = config::reviews_key_file(settings);
    std::error_code ec;
    if (if_missing && std::filesystem::exists(file, ec)) {
        out << "kept the key at " << file.string() << "\n";
        return 0;
    }
    if (auto made = reviews::Vault::create_key_file(file); !made) {
        err << "safeboard: " << made.error().message << "\n";
        return 1;
    }
    out << "wrote a new key to " << file.string() << " (owner only); keep a copy apart from the database backups\n";
    return 0;
}

int serve(const config::Settings& settings, std::ostream& err) {
    log::Level level = log::Level::info;
    log::parse_level(settings.log_level, level);
    log::set_level(level);
    auto listen = config::parse_listen(settings.listen);
    // One connection more than the workers for the daily reminders, so that a
    // worker still never waits for a connection while they run.
    unsigned connections = settings.pool_size + (settings.reminders_enabled ? 1u : 0u);
    auto pool = open_pool(settings, Open::existing, connections, err);
    if (!pool) return 1;
    auto ready = with_connection(*pool, "cannot start", err,
                                 [&](db::Connection& connection) { return up_to_date(connection, err) ? 0 : 1; });
    if (ready != 0) return ready;
    auto vault = open_vault(settings, err);
    if (!vault) return 1;
    auto service = make_service(pool.get(), auth_settings(settings), config::files_dir(settings), *vault);
    http::ServerOptions options = server_options(settings, *listen);
    http::Server server(service->router, options, pool.get(), service->metrics,
                        web::error_page_hook(*service->web), service->gate.get());
    if (auto listening = server.listen(); !listening) {
        err << "safeboard: " << listening.error().message << "\n";
        return 1;
    }
    server.handle_signals();
    std::string host = listen->host.find(':') == std::string::npos ? listen->host : "[" + listen->host + "]";
    log::info("serving", {{"url", "http://" + host + ":" + std::to_string(server.port()) + "/"},
                          {"database", pool->url().redacted},
                          {"version", version()}});
    auto reminders = start_reminders(settings, *pool);
    server.run();
    reminders.reset();  // before the pool it borrows from
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
    return with_database(settings, "demo load failed", err, [&](db::Connection& connection) {
        auto summary = register_::load_demo(connection, command_actor());
        out << "demo: " << summary.partnerships << " partnerships, " << summary.rows << " rows of register data ("
            << summary.created << " records added)\n";
        auto plans = plans::load_demo(connection, command_actor());
        out << "demo: " << plans.plans << " plans with " << plans.actions << " rows of actions, "
            << plans.recommendations << " rows of recommendations\n";
        auto performance = performance::load_demo(connection, command_actor());
        out << "demo: " << performance.indicators << " indicators, " << performance.values
            << " rows of returned figures\n";
        auto held = meetings::load_demo(connection, command_actor());
        out << "demo: " << held.meetings << " meetings with " << held.attendance << " rows of attendance, "
            << held.forward_plan_items << " rows of forward plans\n";
        auto reviews = reviews::load_demo(connection, command_actor());
        out << "demo: " << reviews.cases << " learning review cases (" << reviews.cases_added << " added)\n";
        return 0;
    });
}

int check(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    auto pool = open_pool(settings, Open::existing, 1, err);
    if (!pool) return 1;
    return with_connection(*pool, "check failed", err, [&](db::Connection& connection) {
        auto problems = db::check_database(connection, all_migrations());
        // The audit chain is walked only on a schema this binary knows.
        if (problems.empty()) {
            auto chain = audit::verify_chain(connection);
            if (!chain.ok()) problems.push_back(chain.problem);
            else out << "audit log: " << chain.entries << " entries, head " << chain.head_hash << "\n";
        }
        for (const auto& problem : problems) out << "problem: " << problem << "\n";
        if (!problems.empty()) return 1;
        out << "ok: " << pool->url().redacted << " passed every check\n";
        return 0;
    });
}

}  // namespace safeboard::app
