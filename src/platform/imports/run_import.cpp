#include "platform/imports/run_import.hpp"

#include "platform/tabular/csv.hpp"

namespace safeboard::imports {

namespace {

void tally(tabular::ImportReport& report, RowSaved saved) {
    switch (saved) {
        case RowSaved::created: ++report.created; break;
        case RowSaved::updated: ++report.updated; break;
        case RowSaved::unchanged: ++report.unchanged; break;
    }
}

std::string counts(const tabular::ImportReport& report) {
    return std::to_string(report.rows) + " rows: " + std::to_string(report.created) + " created, " +
           std::to_string(report.updated) + " updated, " + std::to_string(report.unchanged) + " unchanged";
}

}  // namespace

tabular::ImportReport run_import(db::Connection& db, std::string_view bytes, const std::vector<std::string>& columns,
                                 std::string_view kind, std::string_view target, const audit::Actor& actor,
                                 const SaveRow& save) {
    tabular::ImportReport report;
    auto table = tabular::read_csv(bytes);
    if (!table) {
        report.problems.push_back({0, "", table.error().message});
        return report;
    }
    auto rows = tabular::field_rows(*table, columns, kind, report.problems);
    report.rows = table->records.size();
    if (!report.ok()) return report;
    db::Transaction transaction(db);
    for (const auto& row : rows) {
        auto saved = save(row);
        if (saved) tally(report, *saved);
        else tabular::note(report, row.line, saved.error());
    }
    if (!report.ok()) return report;  // the transaction rolls back
    audit::append(db, actor, {"import", std::string(kind), std::string(target), {}, counts(report)});
    transaction.commit();
    return report;
}

}  // namespace safeboard::imports
