#include "modules/register/store.hpp"

#include <algorithm>
#include <charconv>

#include "modules/register/store_support.hpp"

namespace safeboard::register_ {

using namespace detail;

namespace {

Partnership partnership_from(const db::Row& row) {
    return {row.integer(0), row.text(1), row.text(2)};
}

bool exists(db::Connection& db, std::string_view sql, std::int64_t id) {
    return !db.query(sql, {id}).empty();
}

}  // namespace

std::vector<Partnership> list_partnerships(db::Connection& db, int limit, std::optional<std::int64_t> after,
                                           const access::ScopeFilter& reach) {
    if (reach.empty()) return {};
    std::string sql = "SELECT id, code, name FROM partnerships WHERE id > $1";
    std::vector<db::Value> params{after.value_or(0), std::int64_t{limit}};
    if (!reach.everything) sql += " AND id IN (" + bind_list(params, reach.ids) + ")";
    sql += " ORDER BY id LIMIT $2";
    std::vector<Partnership> partnerships;
    for (const auto& row : db.query(sql, params).rows) partnerships.push_back(partnership_from(row));
    return partnerships;
}

std::optional<Partnership> find_partnership(db::Connection& db, std::int64_t id) {
    auto result = db.query("SELECT id, code, name FROM partnerships WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    return partnership_from(result.rows.front());
}

std::optional<Partnership> find_partnership_by_code(db::Connection& db, std::string_view code) {
    auto result = db.query("SELECT id, code, name FROM partnerships WHERE code = $1", {name_key(code)});
    if (result.empty()) return std::nullopt;
    return partnership_from(result.rows.front());
}

bool scope_exists(db::Connection& db, const access::Scope& scope) {
    switch (scope.kind) {
    case access::ScopeKind::instance: return true;
    case access::ScopeKind::partnership: return find_partnership(db, scope.id).has_value();
    case access::ScopeKind::organisation: return exists(db, "SELECT 1 FROM organisations WHERE id = $1", scope.id);
    case access::ScopeKind::body: return exists(db, "SELECT 1 FROM bodies WHERE id = $1", scope.id);
    }
    return false;
}

std::int64_t upsert_partnership(db::Connection& db, const Partnership& partnership, const audit::Actor& actor) {
    auto existing = db.query("SELECT id, code, name FROM partnerships WHERE code = $1", {partnership.code});
    Snapshot before;
    std::int64_t id = 0;
    if (!existing.empty()) {
        auto found = partnership_from(existing.rows.front());
        if (found.name == partnership.name) return found.id;
        before = {{"code", found.code}, {"name", found.name}};
        id = found.id;
        db.query("UPDATE partnerships SET name = $2 WHERE id = $1", {id, partnership.name});
    } else {
        id = db.query("INSERT INTO partnerships (code, name) VALUES ($1, $2) RETURNING id",
                      {partnership.code, partnership.name})
                 .rows.front()
                 .integer(0);
    }
    record(db, actor, existing.empty() ? "create" : "update", "partnership", id, before,
           {{"code", partnership.code}, {"name", partnership.name}});
    return id;
}

access::ScopeFilter partnership_reach(db::Connection& db, const access::Principal& principal,
                                      access::Permission permission) {
    auto filter = principal.reach(permission, access::ScopeKind::partnership);
    if (filter.everything) return filter;
    auto add_from = [&](access::ScopeKind kind, std::string_view sql) {
        for (auto id : principal.reach(permission, kind).ids) {
            for (const auto& row : db.query(sql, {id}).rows) filter.ids.push_back(row.integer(0));
        }
    };
    add_from(access::ScopeKind::organisation,
             "SELECT partnership_id FROM organisation_partnerships WHERE organisation_id = $1");
    add_from(access::ScopeKind::body, "SELECT partnership_id FROM body_partnerships WHERE body_id = $1");
    std::sort(filter.ids.begin(), filter.ids.end());
    filter.ids.erase(std::unique(filter.ids.begin(), filter.ids.end()), filter.ids.end());
    return filter;
}

NameKey key_after(std::string_view name, std::int64_t id) { return {name_key(name), id}; }

namespace {

template <typename Record, typename List>
std::vector<Record> every(db::Connection& db, ListQuery query, std::size_t cap, List list) {
    constexpr int batch = 500;
    query.limit = batch;
    query.after.reset();
    std::vector<Record> all;
    while (all.size() < cap) {
        auto rows = list(db, query);
        all.insert(all.end(), rows.begin(), rows.end());
        if (rows.size() < static_cast<std::size_t>(batch)) break;
        query.after = key_after(rows.back().name, rows.back().id);
    }
    if (all.size() > cap) all.resize(cap);
    return all;
}

}  // namespace

std::vector<Organisation> all_organisations(db::Connection& db, ListQuery query, std::size_t cap) {
    return every<Organisation>(db, std::move(query), cap, list_organisations);
}

std::vector<Person> all_people(db::Connection& db, ListQuery query, std::size_t cap) {
    return every<Person>(db, std::move(query), cap, list_people);
}

std::vector<Body> all_bodies(db::Connection& db, ListQuery query, std::size_t cap) {
    return every<Body>(db, std::move(query), cap, list_bodies);
}

std::string encode_key(const NameKey& key) { return std::to_string(key.id) + ":" + key.name_key; }

std::optional<NameKey> decode_key(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + colon, id);
    if (ec != std::errc{} || end != text.data() + colon || id < 1) return std::nullopt;
    return NameKey{std::string(text.substr(colon + 1)), id};
}

}  // namespace safeboard::register_
