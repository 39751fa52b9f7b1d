#pragma once
// Importing and exporting the register as spreadsheets. An import is all or
// nothing: every row is checked (against the register and the rows before
// it) inside one write transaction, and one bad row means nothing is kept;
// the report then names every bad row by its line in the file and its
// column. The demo data goes through the same path.
#include <optional>
#include <string>
#include <vector>

#include "modules/register/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::register_ {

enum class ImportKind { organisations, people, bodies, memberships };
// In the order a partnership's files must be loaded.
const std::vector<ImportKind>& import_kinds();
std::string_view to_string(ImportKind kind);  // "organisations" ...
std::optional<ImportKind> parse_import_kind(std::string_view text);
const std::vector<std::string>& columns_of(ImportKind kind);

using tabular::ImportReport;
using tabular::RowProblem;

// Reads and applies one CSV file for a partnership, in its own write
// transaction; commits only when every row is good. Seats and lines may name
// only organisations, people and bodies within `reach` (rules.hpp).
ImportReport import_csv(db::Connection& db, ImportKind kind, std::string_view bytes, std::int64_t partnership_id,
                        const access::ScopeFilter& reach, const audit::Actor& actor);

struct Sheet {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
// What a partnership holds of one kind, as the import's columns, so that
// importing an export changes nothing.
Sheet export_sheet(db::Connection& db, ImportKind kind, std::int64_t partnership_id);

}  // namespace safeboard::register_
