// Bodies (boards, sub-groups, panels ...), the partnerships they belong to,
// and the lines between them.
#include <algorithm>
#include <map>

#include "modules/register/store.hpp"
#include "modules/register/store_support.hpp"
#include "modules/register/vocabulary.hpp"

namespace safeboard::register_ {

using namespace detail;

namespace {

Body body_from(const db::Row& row) {
    Body b;
    b.id = row.integer(0);
    b.name = row.text(1);
    b.short_name = row.text(2);
    b.kind = parse_term<BodyKind>(row.text(3)).value_or(BodyKind::sub_group);
    b.purpose = row.text(4);
    b.terms_of_reference = row.text(5);
    b.meeting_frequency = row.text(6);
    return b;
}

// The partnerships of a page of bodies, in one query.
void add_partnerships(db::Connection& db, std::vector<Body>& bodies) {
    if (bodies.empty()) return;
    std::vector<std::int64_t> ids;
    for (const auto& body : bodies) ids.push_back(body.id);
    std::vector<db::Value> params;
    auto list = bind_list(params, ids);
    std::map<std::int64_t, Body*> by_id;
    for (auto& body : bodies) by_id[body.id] = &body;
    for (const auto& row : db.query("SELECT bp.body_id, p.id, p.code FROM body_partnerships bp JOIN partnerships p "
                                    "ON p.id = bp.partnership_id WHERE bp.body_id IN (" + list + ") ORDER BY p.id",
                                    params)
                               .rows) {
        auto* body = by_id.at(row.integer(0));
        body->partnership_ids.push_back(row.integer(1));
        body->partnership_codes.push_back(row.text(2));
    }
}

std::vector<Body> bodies_where(db::Connection& db, const std::string& where, const std::vector<db::Value>& params,
                               const std::string& tail = "") {
    std::string sql =
        "SELECT b.id, b.name, b.short_name, b.kind, b.purpose, b.terms_of_reference, b.meeting_frequency "
        "FROM bodies b WHERE " + where + " ORDER BY b.name_key, b.id" + tail;
    std::vector<Body> found;
    for (const auto& row : db.query(sql, params).rows) found.push_back(body_from(row));
    add_partnerships(db, found);
    return found;
}

Snapshot snapshot(const Body& b) {
    std::vector<std::int64_t> ids = b.partnership_ids;
    std::sort(ids.begin(), ids.end());
    std::string partnerships;
    for (auto id : ids) partnerships += (partnerships.empty() ? "" : ",") + std::to_string(id);
    return {{"name", b.name},
            {"short_name", b.short_name},
            {"kind", std::string(code_of(b.kind))},
            {"purpose", b.purpose},
            {"terms_of_reference", b.terms_of_reference},
            {"meeting_frequency", b.meeting_frequency},
            {"partnership_ids", partnerships}};
}

void write_partnerships(db::Connection& db, const Body& body) {
    db.query("DELETE FROM body_partnerships WHERE body_id = $1", {body.id});
    auto ids = body.partnership_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (auto id : ids) db.query("INSERT INTO body_partnerships (body_id, partnership_id) VALUES ($1, $2)", {body.id, id});
}

std::vector<Relation> relations_where(db::Connection& db, const std::string& where, const std::vector<db::Value>& params) {
    std::vector<Relation> found;
    auto rows = db.query(
        "SELECT r.id, r.from_body_id, f.name, r.to_body_id, t.name, r.kind FROM body_relations r "
        "JOIN bodies f ON f.id = r.from_body_id JOIN bodies t ON t.id = r.to_body_id WHERE " + where +
            " ORDER BY r.kind, f.name_key, t.name_key, r.id",
        params);
    for (const auto& row : rows.rows) {
        found.push_back({row.integer(0), row.integer(1), row.text(2), row.integer(3), row.text(4),
                         parse_term<RelationKind>(row.text(5)).value_or(RelationKind::links_with)});
    }
    return found;
}

Snapshot snapshot(const Relation& r) {
    return {{"from_body_id", std::to_string(r.from_body_id)},
            {"kind", std::string(code_of(r.kind))},
            {"to_body_id", std::to_string(r.to_body_id)}};
}

}  // namespace

std::vector<Body> list_bodies(db::Connection& db, const ListQuery& query) {
    if (query.reach.empty()) return {};
    std::string where = "1 = 1";
    std::vector<db::Value> params;
    if (!query.reach.everything) {
        where += " AND b.id IN (SELECT body_id FROM body_partnerships WHERE partnership_id IN (" +
                 bind_list(params, query.reach.ids) + "))";
    }
    if (query.partnership) {
        params.emplace_back(*query.partnership);
        where += " AND b.id IN (SELECT body_id FROM body_partnerships WHERE partnership_id = $" +
                 std::to_string(params.size()) + ")";
    }
    if (query.kind) {
        params.emplace_back(*query.kind);
        where += " AND b.kind = $" + std::to_string(params.size());
    }
    if (!query.text.empty()) {
        params.emplace_back(like_pattern(query.text));
        auto p = "$" + std::to_string(params.size());
        where += " AND (b.name_key LIKE " + p + " ESCAPE '\\' OR lower(b.short_name) LIKE " + p + " ESCAPE '\\')";
    }
    after_key(where, params, "b", query.after);
    params.emplace_back(std::int64_t{query.limit});
    return bodies_where(db, where, params, " LIMIT $" + std::to_string(params.size()));
}

std::optional<Body> find_body(db::Connection& db, std::int64_t id) {
    auto found = bodies_where(db, "b.id = $1", {id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Body> find_bodies_named(db::Connection& db, std::string_view text) {
    auto key = name_key(text);
    auto by_name = bodies_where(db, "b.name_key = $1", {key});
    if (!by_name.empty()) return by_name;
    return bodies_where(db, "lower(b.short_name) = $1 AND b.short_name <> ''", {key});
}

std::int64_t create_body(db::Connection& db, const Body& b, const audit::Actor& actor) {
    Body created = b;
    created.id = db.query("INSERT INTO bodies (name, name_key, short_name, kind, purpose, terms_of_reference, "
                          "meeting_frequency) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                          {b.name, name_key(b.name), b.short_name, std::string(code_of(b.kind)), b.purpose,
                           b.terms_of_reference, b.meeting_frequency})
                     .rows.front()
                     .integer(0);
    write_partnerships(db, created);
    record(db, actor, "create", "body", created.id, {}, snapshot(created));
    return created.id;
}

bool update_body(db::Connection& db, const Body& b, const audit::Actor& actor) {
    auto before = find_body(db, b.id);
    if (!before) return false;
    return apply_update(db, actor, "body", b.id, snapshot(*before), snapshot(b), [&] {
        db.query("UPDATE bodies SET name = $2, name_key = $3, short_name = $4, kind = $5, purpose = $6, "
                 "terms_of_reference = $7, meeting_frequency = $8, updated_at = $9 WHERE id = $1",
                 {b.id, b.name, name_key(b.name), b.short_name, std::string(code_of(b.kind)), b.purpose,
                  b.terms_of_reference, b.meeting_frequency, iso_utc(system_now())});
        write_partnerships(db, b);
    });
}

std::vector<Relation> relations_of(db::Connection& db, std::int64_t body_id) {
    return relations_where(db, "r.from_body_id = $1 OR r.to_body_id = $1", {body_id});
}

std::vector<Relation> relations_in(db::Connection& db, std::int64_t partnership_id) {
    return relations_where(db,
                           "r.from_body_id IN (SELECT body_id FROM body_partnerships WHERE partnership_id = $1) AND "
                           "r.to_body_id IN (SELECT body_id FROM body_partnerships WHERE partnership_id = $1)",
                           {partnership_id});
}

std::optional<Relation> find_relation(db::Connection& db, std::int64_t relation_id) {
    auto found = relations_where(db, "r.id = $1", {relation_id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

bool add_relation(db::Connection& db, const Relation& r, const audit::Actor& actor) {
    auto kind = std::string(code_of(r.kind));
    if (!db.query("SELECT 1 FROM body_relations WHERE from_body_id = $1 AND to_body_id = $2 AND kind = $3",
                  {r.from_body_id, r.to_body_id, kind})
             .empty()) {
        return false;
    }
    auto id = db.query("INSERT INTO body_relations (from_body_id, to_body_id, kind) VALUES ($1, $2, $3) RETURNING id",
                       {r.from_body_id, r.to_body_id, kind})
                  .rows.front()
                  .integer(0);
    return record(db, actor, "create", "body_relation", id, {}, snapshot(r));
}

bool remove_relation(db::Connection& db, std::int64_t relation_id, const audit::Actor& actor) {
    auto found = find_relation(db, relation_id);
    if (!found) return false;
    db.query("DELETE FROM body_relations WHERE id = $1", {relation_id});
    return record(db, actor, "delete", "body_relation", relation_id, snapshot(*found), {});
}

std::vector<Body> bodies_of(db::Connection& db, std::int64_t partnership_id) {
    return bodies_where(db, "b.id IN (SELECT body_id FROM body_partnerships WHERE partnership_id = $1)",
                        {partnership_id});
}

}  // namespace safeboard::register_
