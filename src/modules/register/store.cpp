#include "modules/register/store.hpp"

#include <map>

namespace safeboard::register_ {

namespace {

Partnership partnership_from(const db::Row& row) {
    return {row.integer(0), row.text(1), row.text(2)};
}

}  // namespace

std::vector<Partnership> list_partnerships(db::Connection& db, int limit, std::optional<std::int64_t> after,
                                           const access::ScopeFilter& reach) {
    if (reach.empty()) return {};
    std::string sql = "SELECT id, code, name FROM partnerships WHERE id > $1";
    std::vector<db::Value> params{after.value_or(0), std::int64_t{limit}};
    if (!reach.everything) {
        // A handful of ids at most (the partnerships one person is granted), each bound.
        sql += " AND id IN (";
        for (std::size_t i = 0; i < reach.ids.size(); ++i) {
            sql += (i ? ", $" : "$") + std::to_string(i + 3);
            params.emplace_back(reach.ids[i]);
        }
        sql += ")";
    }
    sql += " ORDER BY id LIMIT $2";
    auto result = db.query(sql, params);
    std::vector<Partnership> partnerships;
    partnerships.reserve(result.rows.size());
    for (const auto& row : result.rows) partnerships.push_back(partnership_from(row));
    return partnerships;
}

std::optional<Partnership> find_partnership(db::Connection& db, std::int64_t id) {
    auto result = db.query("SELECT id, code, name FROM partnerships WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    return partnership_from(result.rows.front());
}

bool scope_exists(db::Connection& db, const access::Scope& scope) {
    switch (scope.kind) {
    case access::ScopeKind::instance: return true;
    case access::ScopeKind::partnership: return find_partnership(db, scope.id).has_value();
    // The register holds no organisations or bodies yet, so none can be named.
    case access::ScopeKind::organisation:
    case access::ScopeKind::body: return false;
    }
    return false;
}

std::int64_t upsert_partnership(db::Connection& db, const Partnership& partnership, const audit::Actor& actor) {
    auto existing = db.query("SELECT id, code, name FROM partnerships WHERE code = $1", {partnership.code});
    std::map<std::string, std::optional<std::string>> before;
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
    std::map<std::string, std::optional<std::string>> after{{"code", partnership.code}, {"name", partnership.name}};
    audit::append(db, actor, {existing.empty() ? "create" : "update", "partnership", std::to_string(id),
                              audit::diff(before, after), ""});
    return id;
}

}  // namespace safeboard::register_
