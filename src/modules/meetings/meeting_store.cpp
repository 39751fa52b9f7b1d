// Meetings: the list, one meeting, and writing them with their iCalendar sequence.
#include <charconv>

#include "modules/meetings/store_support.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/credentials/secrets.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* meeting_select =
    "SELECT m.id, m.body_id, b.name, m.title, m.starts_at, m.ends_at, m.place, m.online_url, m.status, m.uid, "
    "m.sequence, m.created_at, m.updated_at, m.notes FROM meetings m JOIN bodies b ON b.id = m.body_id ";

Meeting meeting_from(const db::Row& row) {
    Meeting m;
    m.id = row.integer(0);
    m.body_id = row.integer(1);
    m.body_name = row.text(2);
    m.title = row.text(3);
    m.starts_at = row.text(4);
    m.ends_at = row.text(5);
    m.place = row.text(6);
    m.online_url = row.text(7);
    m.status = parse_term<MeetingStatus>(row.text(8)).value_or(MeetingStatus::planned);
    m.uid = row.text(9);
    m.sequence = static_cast<int>(row.integer(10));
    m.created_at = row.text(11);
    m.updated_at = row.text(12);
    m.notes = row.text(13);
    return m;
}

std::optional<Meeting> one_meeting(db::Connection& db, const std::string& where, std::vector<db::Value> params) {
    auto result = db.query(std::string(meeting_select) + "WHERE " + where, params);
    if (result.empty()) return std::nullopt;
    return meeting_from(result.rows.front());
}

Snapshot snapshot(const Meeting& m) {
    return {{"body_id", std::to_string(m.body_id)},
            {"title", m.title},
            {"starts_at", m.starts_at},
            {"ends_at", m.ends_at},
            {"place", m.place},
            {"online_url", m.online_url},
            {"notes", m.notes},
            {"status", std::string(code_of(m.status))},
            {"uid", m.uid},
            {"sequence", std::to_string(m.sequence)}};
}

// 128 random bits as hex: unique across every calendar that ever holds the meeting.
std::string new_uid() {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char byte : credentials::random_bytes(16)) {
        hex += digits[byte >> 4];
        hex += digits[byte & 0x0f];
    }
    return hex + "@safeboard";
}

}  // namespace

MeetingKey key_of(const Meeting& meeting) { return {meeting.starts_at, meeting.id}; }

std::string encode_meeting_key(const MeetingKey& key) { return std::to_string(key.id) + ":" + key.starts_at; }

std::optional<MeetingKey> decode_meeting_key(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + colon, id);
    if (ec != std::errc() || end != text.data() + colon || id < 1) return std::nullopt;
    auto starts_at = parse_wall_clock(text.substr(colon + 1));
    if (!starts_at) return std::nullopt;
    return MeetingKey{*starts_at, id};
}

std::vector<Meeting> list_meetings(db::Connection& db, const MeetingQuery& query) {
    if (query.reach.empty()) return {};
    std::vector<db::Value> params;
    std::string sql = std::string(meeting_select) + "WHERE 1 = 1";
    restrict_to(sql, params, "m.body_id", query.reach);
    if (query.body) sql += " AND m.body_id = " + param(params, *query.body);
    if (query.from) sql += " AND m.starts_at >= " + param(params, *query.from);
    // Every time on the last day sorts before the day followed by "U".
    if (query.to) sql += " AND m.starts_at < " + param(params, *query.to + "U");
    if (query.status) sql += " AND m.status = " + param(params, std::string(code_of(*query.status)));
    if (query.after) {
        auto starts = param(params, query.after->starts_at);
        sql += " AND (m.starts_at > " + starts + " OR (m.starts_at = " + starts + " AND m.id > " +
               param(params, query.after->id) + "))";
    }
    sql += " ORDER BY m.starts_at, m.id LIMIT " + param(params, std::int64_t{query.limit});
    std::vector<Meeting> meetings;
    for (const auto& row : db.query(sql, params).rows) meetings.push_back(meeting_from(row));
    return meetings;
}

std::vector<Meeting> all_meetings(db::Connection& db, MeetingQuery query, std::size_t cap) {
    std::vector<Meeting> found;
    query.limit = 500;
    while (found.size() < cap) {
        auto page = list_meetings(db, query);
        for (auto& m : page) {
            if (found.size() < cap) found.push_back(std::move(m));
        }
        if (page.size() < static_cast<std::size_t>(query.limit)) break;
        query.after = key_of(found.back());
    }
    return found;
}

std::optional<Meeting> find_meeting(db::Connection& db, std::int64_t id) { return one_meeting(db, "m.id = $1", {id}); }

std::optional<Meeting> find_meeting_by_uid(db::Connection& db, std::string_view uid) {
    return one_meeting(db, "m.uid = $1", {std::string(uid)});
}

std::optional<Meeting> find_meeting_at(db::Connection& db, std::int64_t body_id, std::string_view starts_at) {
    return one_meeting(db, "m.body_id = $1 AND m.starts_at = $2 ORDER BY m.id LIMIT 1",
                       {body_id, std::string(starts_at)});
}

std::optional<Meeting> next_meeting(db::Connection& db, const Meeting& meeting) {
    return one_meeting(db,
                       "m.body_id = $1 AND (m.starts_at > $2 OR (m.starts_at = $2 AND m.id > $3)) AND "
                       "m.status <> 'cancelled' ORDER BY m.starts_at, m.id LIMIT 1",
                       {meeting.body_id, meeting.starts_at, meeting.id});
}

std::int64_t create_meeting(db::Connection& db, const Meeting& meeting, const audit::Actor& actor) {
    Meeting m = meeting;
    m.uid = new_uid();
    m.sequence = 0;
    auto now = now_utc();
    auto id = db.query(
                    "INSERT INTO meetings (body_id, title, starts_at, ends_at, place, online_url, notes, status, uid, "
                    "sequence, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10) "
                    "RETURNING id",
                    {m.body_id, m.title, m.starts_at, m.ends_at, m.place, m.online_url, m.notes,
                     std::string(code_of(m.status)), m.uid, now})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "meeting", id, {}, snapshot(m));
    return id;
}

bool update_meeting(db::Connection& db, const Meeting& meeting, const audit::Actor& actor) {
    auto before = find_meeting(db, meeting.id);
    if (!before) return false;
    Meeting after = meeting;
    after.body_id = before->body_id;
    after.uid = before->uid;
    after.sequence = next_sequence(*before, after);
    return apply_update(db, actor, "meeting", after.id, snapshot(*before), snapshot(after), [&] {
        db.query(
            "UPDATE meetings SET title = $2, starts_at = $3, ends_at = $4, place = $5, online_url = $6, "
            "notes = $7, status = $8, sequence = $9, updated_at = $10 WHERE id = $1",
            {after.id, after.title, after.starts_at, after.ends_at, after.place, after.online_url, after.notes,
             std::string(code_of(after.status)), std::int64_t{after.sequence}, now_utc()});
    });
}

}  // namespace safeboard::meetings
