#include "app/performance_commands.hpp"

#include "modules/performance/import.hpp"
#include "platform/calendar/uk_time.hpp"

namespace safeboard::app {

int import_returns(const config::Settings& settings, const SheetOptions& options, std::ostream& out,
                   std::ostream& err) {
    auto bytes = read_whole_file(options.file);
    if (!bytes) return refuse(err, "cannot read " + options.file);
    return with_database(settings, "import failed", err, [&](db::Connection& db) {
        auto partnership = partnership_named(db, options.partnership);
        if (!partnership) return refuse(err, "there is no partnership \"" + options.partnership + "\"");
        auto today = calendar::uk_today(system_now());
        auto report = performance::import_values(db, partnership->id, *bytes, command_actor(), today);
        if (!report.ok()) return report_problems(options.file, report, err);
        out << "import: " << report.rows << " rows of returns for " << partnership->code << ": " << report.created
            << " created, " << report.updated << " updated, " << report.unchanged << " unchanged\n";
        return 0;
    });
}

}  // namespace safeboard::app
