// Reporting periods.
#include "modules/performance/store_support.hpp"
#include "modules/performance/vocabulary.hpp"

namespace safeboard::performance {

using namespace detail;

namespace {

constexpr const char* period_select =
    "SELECT id, partnership_id, kind, name, starts_on, ends_on, due_on FROM performance_periods ";

Period period_from(const db::Row& row) {
    Period p;
    p.id = row.integer(0);
    p.partnership_id = row.integer(1);
    p.kind = parse_term<PeriodKind>(row.text(2)).value_or(PeriodKind::quarter);
    p.name = row.text(3);
    p.starts_on = row.text(4);
    p.ends_on = row.text(5);
    p.due_on = row.text(6);
    return p;
}

std::optional<Period> one_period(db::Connection& db, const std::string& where, std::vector<db::Value> params) {
    auto result = db.query(std::string(period_select) + "WHERE " + where, params);
    if (result.empty()) return std::nullopt;
    return period_from(result.rows.front());
}

Snapshot snapshot(const Period& p) {
    return {{"partnership_id", std::to_string(p.partnership_id)},
            {"kind", std::string(code_of(p.kind))},
            {"name", p.name},
            {"starts_on", p.starts_on},
            {"ends_on", p.ends_on},
            {"due_on", p.due_on}};
}

}  // namespace

std::vector<Period> list_periods(db::Connection& db, const PeriodQuery& query) {
    std::vector<db::Value> params;
    std::string sql = std::string(period_select) + "WHERE partnership_id = " + param(params, query.partnership_id);
    if (query.kind) sql += " AND kind = " + param(params, std::string(code_of(*query.kind)));
    if (query.from) sql += " AND starts_on >= " + param(params, *query.from);
    if (query.to) sql += " AND starts_on <= " + param(params, *query.to);
    sql += " ORDER BY starts_on, ends_on";
    std::vector<Period> periods;
    for (const auto& row : db.query(sql, params).rows) periods.push_back(period_from(row));
    return periods;
}

std::optional<Period> find_period(db::Connection& db, std::int64_t id) { return one_period(db, "id = $1", {id}); }

std::optional<Period> find_period_between(db::Connection& db, std::int64_t partnership_id, std::string_view starts_on,
                                          std::string_view ends_on) {
    return one_period(db, "partnership_id = $1 AND starts_on = $2 AND ends_on = $3",
                      {partnership_id, std::string(starts_on), std::string(ends_on)});
}

std::int64_t create_period(db::Connection& db, const Period& period, const audit::Actor& actor, Audit audit) {
    auto id = db.query(
                    "INSERT INTO performance_periods (partnership_id, kind, name, starts_on, ends_on, due_on) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    {period.partnership_id, std::string(code_of(period.kind)), period.name, period.starts_on,
                     period.ends_on, period.due_on})
                  .rows.front()
                  .integer(0);
    if (audit == Audit::each) record(db, actor, "create", "performance_period", id, {}, snapshot(period));
    return id;
}

bool set_due_on(db::Connection& db, std::int64_t period_id, std::string_view due_on, const audit::Actor& actor) {
    auto before = find_period(db, period_id);
    if (!before) return false;
    auto after = *before;
    after.due_on = std::string(due_on);
    return apply_update(db, actor, "performance_period", period_id, snapshot(*before), snapshot(after), [&] {
        db.query("UPDATE performance_periods SET due_on = $2 WHERE id = $1", {period_id, after.due_on});
    });
}

}  // namespace safeboard::performance
