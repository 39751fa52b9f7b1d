#include "modules/meetings/import.hpp"

#include <functional>
#include <map>

#include "modules/meetings/linked.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/core/text.hpp"

namespace safeboard::meetings {

namespace {

bool blank(const Fields& f, const std::vector<std::string>& columns) {
    for (const auto& column : columns) {
        auto it = f.find(column);
        if (it != f.end() && !trim(it->second).empty()) return false;
    }
    return true;
}

// The person a substitute's name means, when the register knows exactly one
// by that name in the seat's organisation.
std::optional<std::int64_t> substitute_person(db::Connection& db, const Attendance& a) {
    if (a.status != AttendanceStatus::substitute || !a.organisation_id) return std::nullopt;
    auto people = register_::find_people_named(db, a.substitute_name, a.organisation_id);
    if (people.size() != 1) return std::nullopt;
    return people.front().id;
}

}  // namespace

const std::vector<std::string>& attendance_columns() {
    static const std::vector<std::string> columns{"seat", "person", "organisation", "status", "substitute", "note"};
    return columns;
}

const std::vector<std::string>& forward_plan_columns() {
    static const std::vector<std::string> columns{"month", "kind", "title", "organisation", "subject_body", "notes"};
    return columns;
}

ImportReport import_attendance(db::Connection& db, const Meeting& meeting, std::string_view bytes,
                               const audit::Actor& actor) {
    if (meeting.status == MeetingStatus::cancelled) {
        ImportReport report;
        report.problems.push_back({0, "", "The meeting was cancelled, so it has no attendance to record"});
        return report;
    }
    auto seats = expected_seats(db, meeting);
    std::map<std::int64_t, std::size_t> seen;  // membership → the line that named it
    return imports::run_import(db, bytes, attendance_columns(), "attendance", "meeting:" + std::to_string(meeting.id), actor,
                       [&](const tabular::FieldRow& row) -> Result<Saved> {
                           auto seat = seat_named(row.fields, seats);
                           if (!seat) return std::unexpected(seat.error());
                           auto [it, first] = seen.emplace((*seat)->membership.id, row.line);
                           if (!first) {
                               return invalid({{"seat", "This seat is already on line " + std::to_string(it->second)}});
                           }
                           if (blank(row.fields, {"status", "substitute", "note"})) return Saved::unchanged;
                           auto attendance = attendance_from(row.fields, **seat, meeting.id);
                           if (!attendance) return std::unexpected(attendance.error());
                           attendance->substitute_person_id = substitute_person(db, *attendance);
                           return save_attendance(db, *attendance, actor);
                       });
}

ImportReport import_forward_plan(db::Connection& db, const register_::Body& body, std::string_view bytes,
                                 const audit::Actor& actor) {
    auto organisations = organisation_choices(db, body);
    auto bodies = body_choices(db, body);
    return imports::run_import(db, bytes, forward_plan_columns(), "forward plan", "body:" + std::to_string(body.id), actor,
                       [&](const tabular::FieldRow& row) -> Result<Saved> {
                           ForwardPlanItem base;
                           base.body_id = body.id;
                           auto item = forward_plan_item_from(row.fields, base, organisations, bodies);
                           if (!item) return std::unexpected(item.error());
                           auto existing = find_forward_plan_item_titled(db, body.id, item->planned_month, item->title);
                           if (!existing) {
                               create_forward_plan_item(db, *item, actor);
                               return Saved::created;
                           }
                           // What the file says; where the item stands (agenda, history) stays.
                           ForwardPlanItem changed = *existing;
                           changed.title = item->title;
                           changed.kind = item->kind;
                           changed.organisation_id = item->organisation_id;
                           changed.subject_body_id = item->subject_body_id;
                           changed.notes = item->notes;
                           return update_forward_plan_item(db, changed, actor) ? Saved::updated : Saved::unchanged;
                       });
}

Sheet export_attendance(db::Connection& db, const Meeting& meeting) {
    Sheet sheet{attendance_columns(), {}};
    for (const auto& seat : expected_seats(db, meeting)) {
        Fields f{{"seat", seat.membership.seat_title},
                 {"person", seat.membership.person_name},
                 {"organisation", seat.membership.organisation_name}};
        if (seat.attendance) {
            f["status"] = std::string(code_of(seat.attendance->status));
            f["substitute"] = seat.attendance->substitute_name;
            f["note"] = seat.attendance->note;
        }
        sheet.rows.push_back(tabular::cells(f, sheet.header));
    }
    return sheet;
}

Sheet export_forward_plan(db::Connection& db, const register_::Body& body, std::string_view first_month,
                          std::string_view last_month) {
    Sheet sheet{forward_plan_columns(), {}};
    for (const auto& item : forward_plan_of(db, body.id, first_month, last_month)) {
        Fields f{{"month", item.planned_month},
                 {"kind", std::string(code_of(item.kind))},
                 {"title", item.title},
                 {"organisation", item.organisation_name},
                 {"subject_body", item.subject_body_name},
                 {"notes", item.notes}};
        sheet.rows.push_back(tabular::cells(f, sheet.header));
    }
    return sheet;
}

}  // namespace safeboard::meetings
