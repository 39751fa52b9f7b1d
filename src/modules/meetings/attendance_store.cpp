// Who is expected at a meeting (the register's seats on its date) and what
// was recorded for each seat.
#include <algorithm>
#include <map>

#include "modules/meetings/store_support.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* attendance_select =
    "SELECT a.id, a.meeting_id, a.membership_id, ms.seat_title, a.person_id, COALESCE(p.name, ''), "
    "a.organisation_id, COALESCE(o.name, ''), a.status, a.substitute_name, a.substitute_person_id, a.note "
    "FROM attendance a JOIN memberships ms ON ms.id = a.membership_id LEFT JOIN people p ON p.id = a.person_id "
    "LEFT JOIN organisations o ON o.id = a.organisation_id ";

Attendance attendance_from(const db::Row& row) {
    Attendance a;
    a.id = row.integer(0);
    a.meeting_id = row.integer(1);
    a.membership_id = row.integer(2);
    a.seat_title = row.text(3);
    a.person_id = row.optional_integer(4);
    a.person_name = row.text(5);
    a.organisation_id = row.optional_integer(6);
    a.organisation_name = row.text(7);
    a.status = parse_term<AttendanceStatus>(row.text(8)).value_or(AttendanceStatus::absent);
    a.substitute_name = row.text(9);
    a.substitute_person_id = row.optional_integer(10);
    a.note = row.text(11);
    return a;
}

Snapshot snapshot(const Attendance& a) {
    return {{"meeting_id", std::to_string(a.meeting_id)},
            {"membership_id", std::to_string(a.membership_id)},
            {"person_id", text_of(a.person_id)},
            {"organisation_id", text_of(a.organisation_id)},
            {"status", std::string(code_of(a.status))},
            {"substitute_name", a.substitute_name},
            {"substitute_person_id", text_of(a.substitute_person_id)},
            {"note", a.note}};
}

// The short names of the seats' organisations ("CAFCASS"), which attendance.csv may use.
std::map<std::int64_t, std::string> short_names(db::Connection& db, const std::vector<register_::Membership>& seats) {
    std::vector<std::int64_t> ids;
    for (const auto& seat : seats) {
        if (seat.organisation_id) ids.push_back(*seat.organisation_id);
    }
    std::map<std::int64_t, std::string> names;
    if (ids.empty()) return names;
    std::vector<db::Value> params;
    auto sql = "SELECT id, short_name FROM organisations WHERE id IN (" + bind_list(params, ids) + ")";
    for (const auto& row : db.query(sql, params).rows) names[row.integer(0)] = row.text(1);
    return names;
}

}  // namespace

std::vector<Meeting> meetings_of_person(db::Connection& db, std::int64_t person_id,
                                        const std::optional<std::string>& from, const std::optional<std::string>& to) {
    std::map<std::int64_t, std::vector<register_::Membership>> seats_by_body;
    for (auto& seat : register_::memberships_of_person(db, person_id))
        seats_by_body[seat.body_id].push_back(std::move(seat));
    std::vector<Meeting> found;
    for (const auto& [body_id, seats] : seats_by_body) {
        MeetingQuery query;
        query.reach.everything = true;
        query.body = body_id;
        query.from = from;
        query.to = to;
        for (auto& meeting : all_meetings(db, query)) {
            auto date = meeting.date();
            if (std::any_of(seats.begin(), seats.end(), [&](const auto& s) { return s.current_on(date); })) {
                found.push_back(std::move(meeting));
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const Meeting& a, const Meeting& b) {
        return std::pair(a.starts_at, a.id) < std::pair(b.starts_at, b.id);
    });
    return found;
}

std::vector<ExpectedSeat> expected_seats(db::Connection& db, const Meeting& meeting) {
    std::vector<register_::Membership> current;
    for (auto& seat : register_::memberships_of_body(db, meeting.body_id)) {
        if (seat.current_on(meeting.date())) current.push_back(std::move(seat));
    }
    std::map<std::int64_t, Attendance> recorded;
    for (auto& a : attendance_of(db, meeting.id)) recorded.emplace(a.membership_id, std::move(a));
    auto names = short_names(db, current);
    std::vector<ExpectedSeat> seats;
    for (auto& seat : current) {
        ExpectedSeat expected{std::move(seat), {}, {}};
        if (expected.membership.organisation_id)
            expected.organisation_short_name = names[*expected.membership.organisation_id];
        if (auto it = recorded.find(expected.membership.id); it != recorded.end()) expected.attendance = it->second;
        seats.push_back(std::move(expected));
    }
    return seats;
}

std::vector<Attendance> attendance_of(db::Connection& db, std::int64_t meeting_id) {
    std::vector<Attendance> found;
    for (const auto& row :
         db.query(std::string(attendance_select) + "WHERE a.meeting_id = $1 ORDER BY a.id", {meeting_id}).rows) {
        found.push_back(attendance_from(row));
    }
    return found;
}

std::optional<Attendance> find_attendance(db::Connection& db, std::int64_t meeting_id, std::int64_t membership_id) {
    auto result = db.query(std::string(attendance_select) + "WHERE a.meeting_id = $1 AND a.membership_id = $2",
                           {meeting_id, membership_id});
    if (result.empty()) return std::nullopt;
    return attendance_from(result.rows.front());
}

Saved save_attendance(db::Connection& db, const Attendance& a, const audit::Actor& actor) {
    auto existing = find_attendance(db, a.meeting_id, a.membership_id);
    if (!existing) {
        auto id = db.query(
                        "INSERT INTO attendance (meeting_id, membership_id, person_id, organisation_id, status, "
                        "substitute_name, substitute_person_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                        "RETURNING id",
                        {a.meeting_id, a.membership_id, nullable(a.person_id), nullable(a.organisation_id),
                         std::string(code_of(a.status)), a.substitute_name, nullable(a.substitute_person_id), a.note})
                      .rows.front()
                      .integer(0);
        record(db, actor, "create", "attendance", id, {}, snapshot(a));
        return Saved::created;
    }
    bool changed = apply_update(db, actor, "attendance", existing->id, snapshot(*existing), snapshot(a), [&] {
        db.query(
            "UPDATE attendance SET person_id = $2, organisation_id = $3, status = $4, substitute_name = $5, "
            "substitute_person_id = $6, note = $7, updated_at = $8 WHERE id = $1",
            {existing->id, nullable(a.person_id), nullable(a.organisation_id), std::string(code_of(a.status)),
             a.substitute_name, nullable(a.substitute_person_id), a.note, now_utc()});
    });
    return changed ? Saved::updated : Saved::unchanged;
}

std::vector<MeetingRecord> attendance_records(db::Connection& db, const AttendanceQuery& query) {
    MeetingQuery meetings;
    meetings.reach = query.reach;
    meetings.body = query.body;
    meetings.from = query.from;
    meetings.to = query.to;
    meetings.status = MeetingStatus::held;
    std::map<std::int64_t, std::vector<register_::Membership>> seats;  // by body: read once
    std::vector<MeetingRecord> records;
    for (auto& meeting : all_meetings(db, meetings)) {
        auto [it, added] = seats.try_emplace(meeting.body_id);
        if (added) it->second = register_::memberships_of_body(db, meeting.body_id);
        auto attendance = attendance_of(db, meeting.id);
        records.push_back({std::move(meeting), it->second, std::move(attendance)});
    }
    return records;
}

}  // namespace safeboard::meetings
