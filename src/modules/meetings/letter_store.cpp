// Post-meeting letters to member agencies, and their responses.
#include "modules/meetings/store_support.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* letter_select =
    "SELECT l.id, l.meeting_id, l.organisation_id, o.name, l.recipient_membership_id, l.recipient_person_id, "
    "COALESCE(p.name, ms.seat_title, ''), l.text, l.sent_on, l.response_due_on, l.response_received_on, l.response "
    "FROM letters l JOIN organisations o ON o.id = l.organisation_id LEFT JOIN people p ON p.id = "
    "l.recipient_person_id "
    "LEFT JOIN memberships ms ON ms.id = l.recipient_membership_id ";

Letter letter_from(const db::Row& row) {
    Letter l;
    l.id = row.integer(0);
    l.meeting_id = row.integer(1);
    l.organisation_id = row.integer(2);
    l.organisation_name = row.text(3);
    l.recipient_membership_id = row.optional_integer(4);
    l.recipient_person_id = row.optional_integer(5);
    l.recipient_name = row.text(6);
    l.text = row.text(7);
    l.sent_on = row.optional_text(8);
    l.response_due_on = row.optional_text(9);
    l.response_received_on = row.optional_text(10);
    l.response = row.text(11);
    return l;
}

Snapshot snapshot(const Letter& l) {
    return {{"meeting_id", std::to_string(l.meeting_id)},
            {"organisation_id", std::to_string(l.organisation_id)},
            {"recipient_membership_id", text_of(l.recipient_membership_id)},
            {"recipient_person_id", text_of(l.recipient_person_id)},
            {"text", l.text},
            {"sent_on", l.sent_on},
            {"response_due_on", l.response_due_on},
            {"response_received_on", l.response_received_on},
            {"response", l.response}};
}

std::vector<Letter> letters_where(db::Connection& db, const std::string& where, const std::vector<db::Value>& params) {
    std::vector<Letter> letters;
    for (const auto& row : db.query(std::string(letter_select) + "WHERE " + where, params).rows) {
        letters.push_back(letter_from(row));
    }
    return letters;
}

}  // namespace

std::vector<Letter> letters_of(db::Connection& db, std::int64_t meeting_id) {
    return letters_where(db, "l.meeting_id = $1 ORDER BY o.name_key, l.id", {meeting_id});
}

std::optional<Letter> find_letter(db::Connection& db, std::int64_t id) {
    auto found = letters_where(db, "l.id = $1", {id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

Saved save_letter(db::Connection& db, const Letter& l, const audit::Actor& actor) {
    auto existing =
        letters_where(db, "l.meeting_id = $1 AND l.organisation_id = $2", {l.meeting_id, l.organisation_id});
    if (existing.empty()) {
        auto id = db.query(
                        "INSERT INTO letters (meeting_id, organisation_id, recipient_membership_id, "
                        "recipient_person_id, text, sent_on, response_due_on, response_received_on, response) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                        {l.meeting_id, l.organisation_id, nullable(l.recipient_membership_id),
                         nullable(l.recipient_person_id), l.text, nullable(l.sent_on), nullable(l.response_due_on),
                         nullable(l.response_received_on), l.response})
                      .rows.front()
                      .integer(0);
        record(db, actor, "create", "letter", id, {}, snapshot(l));
        return Saved::created;
    }
    const auto& before = existing.front();
    bool changed = apply_update(db, actor, "letter", before.id, snapshot(before), snapshot(l), [&] {
        db.query(
            "UPDATE letters SET recipient_membership_id = $2, recipient_person_id = $3, text = $4, sent_on = $5, "
            "response_due_on = $6, response_received_on = $7, response = $8, updated_at = $9 WHERE id = $1",
            {before.id, nullable(l.recipient_membership_id), nullable(l.recipient_person_id), l.text,
             nullable(l.sent_on), nullable(l.response_due_on), nullable(l.response_received_on), l.response,
             now_utc()});
    });
    return changed ? Saved::updated : Saved::unchanged;
}

std::vector<Letter> overdue_responses(db::Connection& db, const access::ScopeFilter& reach, std::string_view on) {
    if (reach.empty()) return {};
    std::vector<db::Value> params{std::string(on)};
    std::string where =
        "l.sent_on IS NOT NULL AND l.response_received_on IS NULL AND l.response_due_on < $1 AND l.meeting_id IN "
        "(SELECT m.id FROM meetings m WHERE 1 = 1";
    restrict_to(where, params, "m.body_id", reach);
    where += ") ORDER BY l.response_due_on, l.id";
    return letters_where(db, where, params);
}

}  // namespace safeboard::meetings
