// People: who holds the seats.
#include "modules/register/store.hpp"
#include "modules/register/store_support.hpp"
#include "platform/core/text.hpp"

namespace safeboard::register_ {

using namespace detail;

namespace {

Person person_from(const db::Row& row) {
    return {row.integer(0), row.text(1), row.text(2), row.optional_integer(3), row.optional_text(4).value_or(""),
            row.text(5), row.text(6)};
}

std::vector<Person> people_where(db::Connection& db, const std::string& where, const std::vector<db::Value>& params,
                                 const std::string& tail = "") {
    std::string sql =
        "SELECT pe.id, pe.name, pe.job_title, pe.organisation_id, o.name, pe.email, pe.phone "
        "FROM people pe LEFT JOIN organisations o ON o.id = pe.organisation_id WHERE " +
        where + " ORDER BY pe.name_key, pe.id" + tail;
    std::vector<Person> found;
    for (const auto& row : db.query(sql, params).rows) found.push_back(person_from(row));
    return found;
}

Snapshot snapshot(const Person& p) {
    return {{"name", p.name},
            {"job_title", p.job_title},
            {"organisation_id", text_of(p.organisation_id)},
            {"email", p.email},
            {"phone", p.phone}};
}

// People whose organisation, or a seat they hold, is in the partnerships.
std::string in_partnerships(const std::string& ids) {
    return "(pe.organisation_id IN (SELECT organisation_id FROM organisation_partnerships WHERE partnership_id IN (" +
           ids + ")) OR pe.id IN (SELECT m.person_id FROM memberships m JOIN body_partnerships bp ON bp.body_id = "
           "m.body_id WHERE m.person_id IS NOT NULL AND bp.partnership_id IN (" + ids + ")))";
}

}  // namespace

std::vector<Person> list_people(db::Connection& db, const ListQuery& query) {
    if (query.reach.empty()) return {};
    std::string where = "1 = 1";
    std::vector<db::Value> params;
    // Someone with no organisation (an independent chair, a lay member) belongs
    // to no agency, so anyone who reads a register may see, and seat, them.
    if (!query.reach.everything) {
        where += " AND (pe.organisation_id IS NULL OR " + in_partnerships(bind_list(params, query.reach.ids)) + ")";
    }
    if (query.partnership) where += " AND " + in_partnerships(bind_list(params, {*query.partnership}));
    if (query.organisation) {
        params.emplace_back(*query.organisation);
        where += " AND pe.organisation_id = $" + std::to_string(params.size());
    }
    if (!query.text.empty()) {
        params.emplace_back(like_pattern(query.text));
        auto p = "$" + std::to_string(params.size());
        where += " AND (pe.name_key LIKE " + p + " ESCAPE '\\' OR lower(pe.job_title) LIKE " + p + " ESCAPE '\\')";
    }
    after_key(where, params, "pe", query.after);
    params.emplace_back(std::int64_t{query.limit});
    return people_where(db, where, params, " LIMIT $" + std::to_string(params.size()));
}

std::optional<Person> find_person(db::Connection& db, std::int64_t id) {
    auto found = people_where(db, "pe.id = $1", {id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Person> find_people_named(db::Connection& db, std::string_view name,
                                      std::optional<std::int64_t> organisation_id) {
    if (organisation_id) return people_where(db, "pe.name_key = $1 AND pe.organisation_key = $2", {name_key(name), *organisation_id});
    return people_where(db, "pe.name_key = $1", {name_key(name)});
}

std::int64_t create_person(db::Connection& db, const Person& p, const audit::Actor& actor) {
    auto id = db.query("INSERT INTO people (name, name_key, job_title, organisation_id, organisation_key, email, "
                       "phone) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                       {p.name, name_key(p.name), p.job_title, nullable(p.organisation_id),
                        p.organisation_id.value_or(0), p.email, p.phone})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "person", id, {}, snapshot(p));
    return id;
}

bool update_person(db::Connection& db, const Person& p, const audit::Actor& actor) {
    auto before = find_person(db, p.id);
    if (!before) return false;
    return apply_update(db, actor, "person", p.id, snapshot(*before), snapshot(p), [&] {
        db.query("UPDATE people SET name = $2, name_key = $3, job_title = $4, organisation_id = $5, "
                 "organisation_key = $6, email = $7, phone = $8, updated_at = $9 WHERE id = $1",
                 {p.id, p.name, name_key(p.name), p.job_title, nullable(p.organisation_id), p.organisation_id.value_or(0),
                  p.email, p.phone, iso_utc(system_now())});
    });
}

bool person_visible(db::Connection& db, std::int64_t person_id, const access::ScopeFilter& reach) {
    if (reach.everything) return find_person(db, person_id).has_value();
    if (reach.empty()) return false;
    std::vector<db::Value> params{person_id};
    auto ids = bind_list(params, reach.ids);
    return !db.query("SELECT 1 FROM people pe WHERE pe.id = $1 AND (pe.organisation_id IS NULL OR " + in_partnerships(ids) + ")", params).empty();
}

std::vector<std::int64_t> people_with_email(db::Connection& db, std::string_view email) {
    std::vector<std::int64_t> ids;
    if (trim(email).empty()) return ids;
    for (const auto& row :
         db.query("SELECT id FROM people WHERE lower(email) = $1 ORDER BY id", {lower_ascii(trim(email))}).rows) {
        ids.push_back(row.integer(0));
    }
    return ids;
}

}  // namespace safeboard::register_
