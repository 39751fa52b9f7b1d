#pragma once
// Importing and exporting a plan's actions and the recommendations register
// as spreadsheets: all or nothing, every bad row named by its line and
// column (platform/tabular/records.hpp). The demo goes through the same path.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plans/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::plans {

using tabular::ImportReport;
using tabular::RowProblem;

// actions.csv into one plan, in its own write transaction.
ImportReport import_actions(db::Connection& db, const Plan& plan, std::string_view bytes,
                            const access::ScopeFilter& reach, const audit::Actor& actor);
// recommendations.csv into a partnership's register, in its own write transaction.
ImportReport import_recommendations(db::Connection& db, std::int64_t partnership_id, std::string_view bytes,
                                    const access::ScopeFilter& reach, const audit::Actor& actor);

struct Sheet {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
// As the import's columns, so that importing an export changes nothing.
Sheet export_actions(db::Connection& db, const Plan& plan);
Sheet export_recommendations(db::Connection& db, std::int64_t partnership_id);

}  // namespace safeboard::plans
