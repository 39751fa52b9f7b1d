#include "app/register_commands.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include "app/command_support.hpp"
#include "modules/register/import.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/tabular/csv.hpp"
#include "platform/tabular/xlsx.hpp"

namespace safeboard::app {

namespace {

std::optional<register_::Partnership> partnership_named(db::Connection& db, const std::string& text) {
    if (auto id = auth::parse_id(text)) return register_::find_partnership(db, *id);
    return register_::find_partnership_by_code(db, text);
}

int refuse(std::ostream& err, const std::string& message) {
    err << "safeboard: " << message << "\n";
    return 2;
}

}  // namespace

int import_sheet(const config::Settings& settings, const SheetOptions& options, std::ostream& out, std::ostream& err) {
    auto kind = register_::parse_import_kind(options.kind);
    if (!kind) return refuse(err, "there is no import of \"" + options.kind + "\"; use organisations, people, bodies or memberships");
    std::ifstream stream(options.file, std::ios::binary);
    if (!stream) return refuse(err, "cannot read " + options.file);
    std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    return with_database(settings, "import failed", err, [&](db::Connection& db) {
        auto partnership = partnership_named(db, options.partnership);
        if (!partnership) return refuse(err, "there is no partnership \"" + options.partnership + "\"");
        auto report = register_::import_csv(db, *kind, bytes, partnership->id, {true, {}}, command_actor());
        if (!report.ok()) {
            err << "safeboard: " << options.file << " has " << report.problems.size()
                << " problem(s); nothing was imported\n";
            for (const auto& problem : report.problems) {
                err << options.file << ":" << problem.line << ": " << (problem.column.empty() ? "" : problem.column + ": ")
                    << problem.message << "\n";
            }
            return 1;
        }
        out << "import: " << report.rows << " rows of " << options.kind << " for " << partnership->code << ": "
            << report.created << " created, " << report.updated << " updated, " << report.unchanged << " unchanged\n";
        return 0;
    });
}

int export_sheet(const config::Settings& settings, const SheetOptions& options, std::ostream& out, std::ostream& err) {
    auto kind = register_::parse_import_kind(options.kind);
    if (!kind) return refuse(err, "there is no export of \"" + options.kind + "\"; use organisations, people, bodies or memberships");
    if (options.format != "csv" && options.format != "xlsx") return refuse(err, "--format must be csv or xlsx");
    return with_database(settings, "export failed", err, [&](db::Connection& db) {
        auto partnership = partnership_named(db, options.partnership);
        if (!partnership) return refuse(err, "there is no partnership \"" + options.partnership + "\"");
        auto sheet = register_::export_sheet(db, *kind, partnership->id);
        std::string bytes;
        if (options.format == "csv") {
            bytes = tabular::write_csv(sheet.header, sheet.rows);
        } else {
            auto xlsx = tabular::write_xlsx({{options.kind, sheet.header, sheet.rows}});
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
        err << "safeboard: exported " << sheet.rows.size() << " " << options.kind << "\n";
        return 0;
    });
}

}  // namespace safeboard::app
