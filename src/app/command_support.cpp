#include "app/command_support.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/application.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/tabular/csv.hpp"
#include "platform/tabular/xlsx.hpp"

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

int refuse(std::ostream& err, const std::string& message) {
    err << "safeboard: " << message << "\n";
    return 2;
}

std::optional<register_::Partnership> partnership_named(db::Connection& db, const std::string& text) {
    if (auto id = auth::parse_id(text)) return register_::find_partnership(db, *id);
    return register_::find_partnership_by_code(db, text);
}

std::optional<std::string> read_whole_file(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (stream.bad()) return std::nullopt;
    return bytes;
}

int report_problems(const std::string& file, const tabular::ImportReport& report, std::ostream& err) {
    err << "safeboard: " << file << " has " << report.problems.size() << " problem(s); nothing was imported\n";
    for (const auto& problem : report.problems) {
        err << file << ":" << problem.line << ": " << (problem.column.empty() ? "" : problem.column + ": ")
            << problem.message << "\n";
    }
    return 1;
}

int write_sheet(const SheetOptions& options, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::ostream& out, std::ostream& err) {
    std::string bytes;
    if (options.format == "csv") {
        bytes = tabular::write_csv(header, rows);
    } else {
        auto xlsx = tabular::write_xlsx({{options.kind, header, rows}});
        if (!xlsx) return refuse(err, xlsx.error().message);
        bytes = std::move(*xlsx);
    }
    if (options.file.empty()) {
        out << bytes;
    } else {
        std::ofstream stream(options.file, std::ios::binary | std::ios::trunc);
        stream << bytes;
        if (!stream) return refuse(err, "cannot write " + options.file);
    }
    err << "safeboard: exported " << rows.size() << " " << options.kind << "\n";
    return 0;
}

}  // namespace safeboard::app
