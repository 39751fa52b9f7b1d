#include <algorithm>

#include "modules/plans/store_support.hpp"
#include "platform/core/text.hpp"

namespace safeboard::plans {

using namespace detail;

namespace {

constexpr const char* plan_columns =
    "p.id, p.partnership_id, p.title, p.starts_on, p.ends_on, p.year_starts_month, p.previous_plan_id, "
    "p.reviewed_on, COALESCE(prev.title, '') FROM plans p LEFT JOIN plans prev ON prev.id = p.previous_plan_id";

Plan plan_from(const db::Row& row) {
    return {row.integer(0), row.integer(1),          row.text(2),          row.text(3), row.text(4),
            static_cast<int>(row.integer(5)), row.optional_integer(6), row.text(8), row.optional_text(7)};
}

Snapshot snapshot(const Plan& p) {
    return {{"partnership_id", std::to_string(p.partnership_id)},
            {"title", p.title},
            {"starts_on", p.starts_on},
            {"ends_on", p.ends_on},
            {"year_starts_month", std::to_string(p.year_starts_month)},
            {"previous_plan_id", text_of(p.previous_plan_id)},
            {"reviewed_on", p.reviewed_on}};
}

std::optional<Plan> one_plan(db::Connection& db, const std::string& where, std::vector<db::Value> params) {
    auto result = db.query(std::string("SELECT ") + plan_columns + " WHERE " + where, params);
    if (result.empty()) return std::nullopt;
    return plan_from(result.rows.front());
}

}  // namespace

std::vector<Plan> list_plans(db::Connection& db, const PlanQuery& query) {
    if (query.reach.empty()) return {};
    std::vector<db::Value> params;
    std::string sql = std::string("SELECT ") + plan_columns + " WHERE 1 = 1";
    restrict_to(sql, params, "p.partnership_id", query.reach);
    if (query.partnership) sql += " AND p.partnership_id = " + param(params, *query.partnership);
    if (query.after) {
        auto after = find_plan(db, *query.after);
        if (!after) return {};
        auto starts = param(params, after->starts_on);
        sql += " AND (p.starts_on < " + starts + " OR (p.starts_on = " + starts + " AND p.id > " +
               param(params, after->id) + "))";
    }
    sql += " ORDER BY p.starts_on DESC, p.id LIMIT " + param(params, std::int64_t{query.limit});
    std::vector<Plan> plans;
    for (const auto& row : db.query(sql, params).rows) plans.push_back(plan_from(row));
    return plans;
}

std::optional<Plan> find_plan(db::Connection& db, std::int64_t id) { return one_plan(db, "p.id = $1", {id}); }

std::optional<Plan> find_plan_titled(db::Connection& db, std::int64_t partnership_id, std::string_view title) {
    return one_plan(db, "p.partnership_id = $1 AND p.title_key = $2", {partnership_id, lower_ascii(trim(title))});
}

std::int64_t create_plan(db::Connection& db, const Plan& p, const audit::Actor& actor) {
    auto id = db.query("INSERT INTO plans (partnership_id, title, title_key, starts_on, ends_on, year_starts_month, "
                       "previous_plan_id, reviewed_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       {p.partnership_id, p.title, lower_ascii(trim(p.title)), p.starts_on, p.ends_on,
                        std::int64_t{p.year_starts_month}, nullable(p.previous_plan_id), nullable(p.reviewed_on)})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "plan", id, {}, snapshot(p));
    return id;
}

bool update_plan(db::Connection& db, const Plan& p, const audit::Actor& actor) {
    auto before = find_plan(db, p.id);
    if (!before) return false;
    return apply_update(db, actor, "plan", p.id, snapshot(*before), snapshot(p), [&] {
        db.query("UPDATE plans SET title = $2, title_key = $3, starts_on = $4, ends_on = $5, year_starts_month = $6, "
                 "previous_plan_id = $7, reviewed_on = $8, updated_at = $9 WHERE id = $1",
                 {p.id, p.title, lower_ascii(trim(p.title)), p.starts_on, p.ends_on, std::int64_t{p.year_starts_month},
                  nullable(p.previous_plan_id), nullable(p.reviewed_on), iso_utc(system_now())});
    });
}

std::vector<Priority> priorities_of(db::Connection& db, std::int64_t plan_id) {
    std::vector<Priority> priorities;
    for (const auto& row : db.query("SELECT id, plan_id, code, title FROM plan_priorities WHERE plan_id = $1 "
                                    "ORDER BY position, code",
                                    {plan_id})
                               .rows) {
        priorities.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3)});
    }
    return priorities;
}

std::int64_t save_priority(db::Connection& db, const Priority& priority, const audit::Actor& actor) {
    auto existing = db.query("SELECT id, title FROM plan_priorities WHERE plan_id = $1 AND code = $2",
                             {priority.plan_id, priority.code});
    Snapshot after{{"plan_id", std::to_string(priority.plan_id)}, {"code", priority.code}, {"title", priority.title}};
    if (!existing.empty()) {
        auto id = existing.rows.front().integer(0);
        auto before = after;
        before["title"] = existing.rows.front().text(1);
        apply_update(db, actor, "plan_priority", id, before, after, [&] {
            db.query("UPDATE plan_priorities SET title = $2 WHERE id = $1", {id, priority.title});
        });
        return id;
    }
    auto position = db.query("SELECT COUNT(*) FROM plan_priorities WHERE plan_id = $1", {priority.plan_id})
                        .rows.front()
                        .integer(0);
    auto id = db.query("INSERT INTO plan_priorities (plan_id, code, title, position) VALUES ($1, $2, $3, $4) "
                       "RETURNING id",
                       {priority.plan_id, priority.code, priority.title, position})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "plan_priority", id, {}, after);
    return id;
}

namespace {

Objective objective_from(const db::Row& row) {
    return {row.integer(0), row.integer(1), static_cast<int>(row.integer(2)), row.text(3), row.optional_integer(4)};
}

constexpr const char* objective_columns = "SELECT id, plan_id, number, title, carried_from_id FROM plan_objectives ";

}  // namespace

std::vector<Objective> objectives_of(db::Connection& db, std::int64_t plan_id) {
    std::vector<Objective> objectives;
    for (const auto& row :
         db.query(std::string(objective_columns) + "WHERE plan_id = $1 ORDER BY number", {plan_id}).rows) {
        objectives.push_back(objective_from(row));
    }
    return objectives;
}

std::optional<Objective> find_objective(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(objective_columns) + "WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    return objective_from(result.rows.front());
}

std::optional<Objective> find_objective_numbered(db::Connection& db, std::int64_t plan_id, int number) {
    auto result = db.query(std::string(objective_columns) + "WHERE plan_id = $1 AND number = $2",
                           {plan_id, std::int64_t{number}});
    if (result.empty()) return std::nullopt;
    return objective_from(result.rows.front());
}

std::int64_t save_objective(db::Connection& db, const Objective& o, const audit::Actor& actor) {
    Snapshot after{{"plan_id", std::to_string(o.plan_id)},
                   {"number", std::to_string(o.number)},
                   {"title", o.title},
                   {"carried_from_id", text_of(o.carried_from_id)}};
    if (auto existing = find_objective_numbered(db, o.plan_id, o.number)) {
        Snapshot before = after;
        before["title"] = existing->title;
        before["carried_from_id"] = text_of(existing->carried_from_id);
        apply_update(db, actor, "plan_objective", existing->id, before, after, [&] {
            db.query("UPDATE plan_objectives SET title = $2, carried_from_id = $3 WHERE id = $1",
                     {existing->id, o.title, nullable(o.carried_from_id)});
        });
        return existing->id;
    }
    auto id = db.query("INSERT INTO plan_objectives (plan_id, number, title, carried_from_id) VALUES ($1, $2, $3, $4) "
                       "RETURNING id",
                       {o.plan_id, std::int64_t{o.number}, o.title, nullable(o.carried_from_id)})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "plan_objective", id, {}, after);
    return id;
}

}  // namespace safeboard::plans
