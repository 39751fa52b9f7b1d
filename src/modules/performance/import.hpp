#pragma once
// Agencies' returned figures as a spreadsheet: all or nothing, every bad row
// named by its line and column (platform/tabular/records.hpp), one audit
// entry for the file. The demo goes through the same path.
//
// values.csv (one partnership): organisation, indicator, period_start,
// period_end, value, numerator, denominator, note, submitted_on.
//  - organisation: an organisation of the partnership by name or short name;
//    blank, "the partnership" or the partnership's name for the indicators
//    the partnership returns itself;
//  - indicator: the code of one of the partnership's indicators, which the
//    organisation returns;
//  - period_start, period_end: a whole quarter, half or year of the
//    partnership's reporting year, the one the indicator's frequency asks for;
//  - value, numerator, denominator, note: as rules.hpp value_from reads them;
//  - submitted_on: the day the figures came (blank: today), within the period or after it, never ahead of today.
// Each row adds or changes the value in that organisation's return for
// that period, making the period and the return when they are new. A draft
// return an import touches is submitted; a queried one is submitted again
// when a row changes its figures (the same figures leave the query
// standing); a row that would change an accepted return's figures is refused.
#include <string>
#include <string_view>
#include <vector>

#include "modules/performance/model.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::performance {

using tabular::ImportReport;
using tabular::RowProblem;

const std::vector<std::string>& value_columns();

// In its own write transaction; nothing is kept unless every row is good.
// `today` (YYYY-MM-DD) is the latest day a row may give as submitted_on.
ImportReport import_values(db::Connection& db, std::int64_t partnership_id, std::string_view bytes,
                           const audit::Actor& actor, std::string_view today);

struct Sheet {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
// The period's submitted and accepted values as the import's columns, so
// that importing an export changes nothing.
Sheet export_values(db::Connection& db, const Period& period);

}  // namespace safeboard::performance
