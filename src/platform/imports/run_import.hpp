#pragma once
// The one way an import runs, whichever module's file it is: all or
// nothing, every bad row named by its line and column (tabular/records.hpp).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::imports {

// What saving one row did.
enum class RowSaved { created, updated, unchanged };
using SaveRow = std::function<Result<RowSaved>(const tabular::FieldRow&)>;

// Reads `bytes` as CSV with `columns` (tabular::field_rows: unknown columns
// and missing required ones are problems of the whole file), then saves
// each row with `save` inside one write transaction. A row's errors become
// its problems and the others are still tried, so the report lists them
// all; the transaction commits only when there are none, with an audit
// entry "import" of `kind` for `target` giving the counts.
tabular::ImportReport run_import(db::Connection& db, std::string_view bytes, const std::vector<std::string>& columns,
                                 std::string_view kind, std::string_view target, const audit::Actor& actor,
                                 const SaveRow& save);

}  // namespace safeboard::imports
