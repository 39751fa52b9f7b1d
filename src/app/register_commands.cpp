#include "app/register_commands.hpp"

#include "app/command_support.hpp"
#include "modules/register/import.hpp"
#include "modules/register/store.hpp"

namespace safeboard::app {

int import_sheet(const config::Settings& settings, const SheetOptions& options, std::ostream& out, std::ostream& err) {
    auto kind = register_::parse_import_kind(options.kind);
    if (!kind) return refuse(err, "there is no import of \"" + options.kind + "\"; use organisations, people, bodies or memberships");
    auto bytes = read_whole_file(options.file);
    if (!bytes) return refuse(err, "cannot read " + options.file);
    return with_database(settings, "import failed", err, [&](db::Connection& db) {
        auto partnership = partnership_named(db, options.partnership);
        if (!partnership) return refuse(err, "there is no partnership \"" + options.partnership + "\"");
        auto report = register_::import_csv(db, *kind, *bytes, partnership->id, {true, {}}, command_actor());
        if (!report.ok()) return report_problems(options.file, report, err);
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
        return write_sheet(options, sheet.header, sheet.rows, out, err);
    });
}

}  // namespace safeboard::app
