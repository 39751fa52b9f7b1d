// Seats on bodies, and the reports built from them.
#include "modules/register/store.hpp"
#include "modules/register/store_support.hpp"
#include "modules/register/vocabulary.hpp"

namespace safeboard::register_ {

using namespace detail;

namespace {

constexpr std::string_view membership_select =
    "SELECT m.id, m.body_id, b.name, m.seat_title, m.role, m.organisation_id, o.name, m.person_id, pe.name, "
    "m.vacancy, m.starts_on, m.ends_on FROM memberships m JOIN bodies b ON b.id = m.body_id "
    "LEFT JOIN organisations o ON o.id = m.organisation_id LEFT JOIN people pe ON pe.id = m.person_id WHERE ";

// Chair first, then vice-chair, members, lay members, observers and advisers.
constexpr std::string_view role_order =
    "CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 WHEN 'lay_member' THEN 3 "
    "WHEN 'observer' THEN 4 ELSE 5 END";

constexpr std::string_view current_on = "(m.starts_on IS NULL OR m.starts_on <= $2) AND (m.ends_on IS NULL OR m.ends_on >= $2)";

Membership membership_from(const db::Row& row) {
    Membership m;
    m.id = row.integer(0);
    m.body_id = row.integer(1);
    m.body_name = row.text(2);
    m.seat_title = row.text(3);
    m.role = parse_term<SeatRole>(row.text(4)).value_or(SeatRole::member);
    m.organisation_id = row.optional_integer(5);
    m.organisation_name = row.optional_text(6).value_or("");
    m.person_id = row.optional_integer(7);
    m.person_name = row.optional_text(8).value_or("");
    m.vacancy = row.text(9);
    m.starts_on = row.optional_text(10);
    m.ends_on = row.optional_text(11);
    return m;
}

std::vector<Membership> memberships_where(db::Connection& db, const std::string& where, const std::vector<db::Value>& params,
                                          const std::string& order) {
    std::vector<Membership> found;
    for (const auto& row : db.query(std::string(membership_select) + where + " ORDER BY " + order, params).rows) {
        found.push_back(membership_from(row));
    }
    return found;
}

std::string seat_order() { return "b.name_key, " + std::string(role_order) + ", m.seat_title, m.id"; }

Snapshot snapshot(const Membership& m) {
    return {{"body_id", std::to_string(m.body_id)},
            {"seat_title", m.seat_title},
            {"role", std::string(code_of(m.role))},
            {"organisation_id", text_of(m.organisation_id)},
            {"person_id", text_of(m.person_id)},
            {"vacancy", m.vacancy},
            {"starts_on", m.starts_on},
            {"ends_on", m.ends_on}};
}

}  // namespace

std::vector<Membership> memberships_of_body(db::Connection& db, std::int64_t body_id) {
    return memberships_where(db, "m.body_id = $1", {body_id},
                             std::string(role_order) + ", m.seat_title, m.starts_on, m.id");
}

std::vector<Membership> memberships_of_person(db::Connection& db, std::int64_t person_id) {
    return memberships_where(db, "m.person_id = $1", {person_id}, seat_order());
}

std::vector<Membership> memberships_of_organisation(db::Connection& db, std::int64_t organisation_id) {
    return memberships_where(db, "m.organisation_id = $1", {organisation_id}, seat_order());
}

std::optional<Membership> find_membership(db::Connection& db, std::int64_t id) {
    auto found = memberships_where(db, "m.id = $1", {id}, "m.id");
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Membership> find_same_seats(db::Connection& db, const Membership& m) {
    return memberships_where(
        db,
        "m.body_id = $1 AND m.seat_title = $2 AND COALESCE(m.organisation_id, 0) = $3 AND "
        "COALESCE(m.person_id, 0) = $4 AND COALESCE(m.starts_on, '') = $5",
        {m.body_id, m.seat_title, m.organisation_id.value_or(0), m.person_id.value_or(0), m.starts_on.value_or("")},
        "m.id");
}

std::int64_t create_membership(db::Connection& db, const Membership& m, const audit::Actor& actor) {
    auto id = db.query("INSERT INTO memberships (body_id, seat_title, role, organisation_id, person_id, vacancy, "
                       "starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       {m.body_id, m.seat_title, std::string(code_of(m.role)), nullable(m.organisation_id),
                        nullable(m.person_id), m.vacancy, nullable(m.starts_on), nullable(m.ends_on)})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "membership", id, {}, snapshot(m));
    return id;
}

bool update_membership(db::Connection& db, const Membership& m, const audit::Actor& actor) {
    auto before = find_membership(db, m.id);
    if (!before) return false;
    return apply_update(db, actor, "membership", m.id, snapshot(*before), snapshot(m), [&] {
        db.query("UPDATE memberships SET seat_title = $2, role = $3, organisation_id = $4, person_id = $5, vacancy = $6, "
                 "starts_on = $7, ends_on = $8, updated_at = $9 WHERE id = $1",
                 {m.id, m.seat_title, std::string(code_of(m.role)), nullable(m.organisation_id), nullable(m.person_id),
                  m.vacancy, nullable(m.starts_on), nullable(m.ends_on), iso_utc(system_now())});
    });
}

std::vector<Membership> vacancies(db::Connection& db, std::int64_t partnership_id, const std::string& date) {
    return memberships_where(db,
                             "m.body_id IN (SELECT body_id FROM body_partnerships WHERE partnership_id = $1) AND " +
                                 std::string(current_on) +
                                 " AND m.person_id IS NULL",
                             {partnership_id, date}, seat_order());
}

std::vector<Membership> seats_by_organisation(db::Connection& db, std::int64_t partnership_id, const std::string& date) {
    return memberships_where(db,
                             "m.body_id IN (SELECT body_id FROM body_partnerships WHERE partnership_id = $1) AND " +
                                 std::string(current_on) + " AND m.organisation_id IS NOT NULL",
                             {partnership_id, date}, "o.name_key, " + seat_order());
}

std::vector<Organisation> statutory_partners(db::Connection& db, std::int64_t partnership_id) {
    ListQuery query;
    query.reach.everything = true;
    query.partnership = partnership_id;
    query.statutory_partner = true;
    query.limit = 1000;
    return list_organisations(db, query);
}

}  // namespace safeboard::register_
