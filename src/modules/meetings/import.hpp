#pragma once
// Attendance and forward plans as spreadsheets: all or nothing, every bad
// row named by its line and column (platform/tabular/records.hpp). The demo
// goes through the same path.
//
// attendance.csv (one meeting): seat, person, organisation, status,
// substitute, note. "seat" is the seat's title on the body, or the person in
// it; "organisation" (name or short name) and "person" say which seat when
// several share a title. status: present, apologies, substitute or absent
// (labels too, any case); substitute: who came instead, needed for a
// substitute and only then. A row with no status, substitute or note leaves
// its seat as it is, so the export of a meeting whose attendance is not all
// recorded imports unchanged. A cancelled meeting takes no attendance; one
// not yet held does (apologies sent ahead).
//
// forward-plan.csv (one body): month (2011-11, or November 2011), kind,
// title, organisation, subject_body, notes. A row is the item with its title
// in that month, or a new one after those already planned for the month.
#include <string>
#include <string_view>
#include <vector>

#include "modules/meetings/model.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::meetings {

using tabular::ImportReport;
using tabular::RowProblem;

const std::vector<std::string>& attendance_columns();
const std::vector<std::string>& forward_plan_columns();

// In its own write transaction; nothing is kept unless every row is good.
ImportReport import_attendance(db::Connection& db, const Meeting& meeting, std::string_view bytes,
                               const audit::Actor& actor);
ImportReport import_forward_plan(db::Connection& db, const register_::Body& body, std::string_view bytes,
                                 const audit::Actor& actor);

struct Sheet {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
// Every expected seat of the meeting with what was recorded, as the import's
// columns, so that importing an export changes nothing.
Sheet export_attendance(db::Connection& db, const Meeting& meeting);
// A body's plan for the months from first to last (YYYY-MM), as the import's columns.
Sheet export_forward_plan(db::Connection& db, const register_::Body& body, std::string_view first_month,
                          std::string_view last_month);

}  // namespace safeboard::meetings
