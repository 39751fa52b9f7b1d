#include "modules/register/store.hpp"

namespace safeboard::register_ {

namespace {

Partnership partnership_from(const db::Row& row) {
    return {row.integer(0), row.text(1), row.text(2)};
}

}  // namespace

std::vector<Partnership> list_partnerships(db::Connection& db, int limit, std::optional<std::int64_t> after) {
    auto result = db.query(
        "SELECT id, code, name FROM partnerships WHERE id > $1 ORDER BY id LIMIT $2",
        {after.value_or(0), std::int64_t{limit}});
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

std::int64_t upsert_partnership(db::Connection& db, const Partnership& partnership) {
    auto result = db.query(
        "INSERT INTO partnerships (code, name) VALUES ($1, $2) "
        "ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id",
        {partnership.code, partnership.name});
    return result.rows.front().integer(0);
}

}  // namespace safeboard::register_
