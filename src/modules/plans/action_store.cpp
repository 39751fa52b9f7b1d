#include <algorithm>
#include <charconv>
#include <map>

#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store_support.hpp"
#include "modules/plans/vocabulary.hpp"

namespace safeboard::plans {

using namespace detail;

namespace {

constexpr const char* action_select =
    "SELECT a.id, a.partnership_id, a.plan_id, a.objective_id, a.recommendation_id, a.number, a.title, a.required, "
    "a.outcome, a.timescale, a.target_date, a.responsibility, a.status, a.rag, a.operational_lead_id, "
    "COALESCE(ol.name, ''), a.senior_lead_id, COALESCE(sl.name, ''), a.achievement, a.issues_for_revised_plan, "
    "a.carried_from_id, a.updated_at, a.sort_key, a.meeting_id, a.agenda_item_id FROM actions a "
    "LEFT JOIN people ol ON ol.id = a.operational_lead_id LEFT JOIN people sl ON sl.id = a.senior_lead_id ";

Action action_from(const db::Row& row) {
    Action a;
    a.id = row.integer(0);
    a.partnership_id = row.integer(1);
    a.plan_id = row.optional_integer(2);
    a.objective_id = row.optional_integer(3);
    a.recommendation_id = row.optional_integer(4);
    a.number = row.text(5);
    a.title = row.text(6);
    a.required = row.text(7);
    a.outcome = row.text(8);
    a.timescale.wording = row.text(9);
    a.target_date = row.optional_text(10);
    a.responsibility = row.text(11);
    a.status = parse_term<Status>(row.text(12)).value_or(Status::not_started);
    if (auto rag = row.optional_text(13)) a.rag = parse_term<Rag>(*rag);
    a.operational_lead_id = row.optional_integer(14);
    a.operational_lead_name = row.text(15);
    a.senior_lead_id = row.optional_integer(16);
    a.senior_lead_name = row.text(17);
    a.achievement = row.text(18);
    a.issues_for_revised_plan = row.text(19);
    a.carried_from_id = row.optional_integer(20);
    a.updated_at = row.text(21);
    a.meeting_id = row.optional_integer(23);
    a.agenda_item_id = row.optional_integer(24);
    return a;
}

std::map<std::int64_t, Action*> by_id(std::vector<Action>& actions) {
    std::map<std::int64_t, Action*> index;
    for (auto& action : actions) index[action.id] = &action;
    return index;
}

void fill_timescales(db::Connection& db, std::vector<Action>& actions, std::map<std::int64_t, Action*>& index,
                     const std::vector<std::int64_t>& ids) {
    std::vector<db::Value> params;
    auto sql = "SELECT action_id, kind, COALESCE(starts_on, ''), COALESCE(ends_on, ''), from_only, recurrence, wording "
               "FROM action_timescales WHERE action_id IN (" +
               bind_list(params, ids) + ") ORDER BY action_id, position";
    for (const auto& row : db.query(sql, params).rows) {
        TimescaleEntry entry;
        entry.kind = parse_term<TimescaleKind>(row.text(1)).value_or(TimescaleKind::ongoing);
        entry.starts_on = row.text(2);
        entry.ends_on = row.text(3);
        entry.from_only = row.integer(4) != 0;
        if (auto recurrence = row.optional_text(5)) entry.recurrence = parse_term<Recurrence>(*recurrence);
        entry.wording = row.text(6);
        index[row.integer(0)]->timescale.entries.push_back(std::move(entry));
    }
    (void)actions;
}

void fill_parties(db::Connection& db, std::map<std::int64_t, Action*>& index, const std::vector<std::int64_t>& ids) {
    std::vector<db::Value> params;
    auto sql = "SELECT ap.action_id, ap.kind, COALESCE(ap.body_id, ap.person_id, ap.organisation_id), "
               "COALESCE(b.name, p.name, o.name, '') FROM action_parties ap "
               "LEFT JOIN bodies b ON b.id = ap.body_id LEFT JOIN people p ON p.id = ap.person_id "
               "LEFT JOIN organisations o ON o.id = ap.organisation_id WHERE ap.action_id IN (" +
               bind_list(params, ids) + ") ORDER BY ap.action_id, ap.position";
    for (const auto& row : db.query(sql, params).rows) {
        Party party{parse_term<PartyKind>(row.text(1)).value_or(PartyKind::body), row.integer(2), row.text(3)};
        index[row.integer(0)]->responsible.push_back(std::move(party));
    }
}

void fill_priorities(db::Connection& db, std::map<std::int64_t, Action*>& index,
                     const std::vector<std::int64_t>& ids) {
    std::vector<db::Value> params;
    auto sql = "SELECT x.action_id, pp.code FROM action_priorities x JOIN plan_priorities pp ON pp.id = x.priority_id "
               "WHERE x.action_id IN (" +
               bind_list(params, ids) + ") ORDER BY x.action_id, pp.position, pp.code";
    for (const auto& row : db.query(sql, params).rows) index[row.integer(0)]->priorities.push_back(row.text(1));
}

// The rows' timescales, parties and priorities, three queries for the lot.
std::vector<Action> filled(db::Connection& db, std::vector<Action> actions) {
    if (actions.empty()) return actions;
    auto index = by_id(actions);
    std::vector<std::int64_t> ids;
    for (const auto& action : actions) ids.push_back(action.id);
    fill_timescales(db, actions, index, ids);
    fill_parties(db, index, ids);
    fill_priorities(db, index, ids);
    return actions;
}

std::string parties_text(const std::vector<Party>& parties) {
    std::string text;
    for (const auto& party : parties) {
        text += (text.empty() ? "" : ";") + std::string(code_of(party.kind)) + ":" + std::to_string(party.id);
    }
    return text;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ";") + item;
    return text;
}

Snapshot snapshot(const Action& a) {
    return {{"partnership_id", std::to_string(a.partnership_id)},
            {"plan_id", text_of(a.plan_id)},
            {"objective_id", text_of(a.objective_id)},
            {"recommendation_id", text_of(a.recommendation_id)},
            {"meeting_id", text_of(a.meeting_id)},
            {"agenda_item_id", text_of(a.agenda_item_id)},
            {"number", a.number},
            {"title", a.title},
            {"required", a.required},
            {"outcome", a.outcome},
            {"timescale", a.timescale.wording},
            {"target_date", a.target_date},
            {"responsibility", a.responsibility},
            {"responsible", parties_text(a.responsible)},
            {"priorities", joined(a.priorities)},
            {"status", std::string(code_of(a.status))},
            {"rag", a.rag ? std::optional<std::string>(std::string(code_of(*a.rag))) : std::nullopt},
            {"operational_lead_id", text_of(a.operational_lead_id)},
            {"senior_lead_id", text_of(a.senior_lead_id)},
            {"achievement", a.achievement},
            {"issues_for_revised_plan", a.issues_for_revised_plan},
            {"carried_from_id", text_of(a.carried_from_id)}};
}

std::optional<std::string> first_due(const Action& action) {
    auto dates = due_dates(action);
    if (dates.empty()) return std::nullopt;
    return dates.front();
}

db::Value rag_value(const Action& action) {
    if (!action.rag) return db::Null{};
    return std::string(code_of(*action.rag));
}

void write_children(db::Connection& db, const Action& action, std::int64_t id) {
    db.query("DELETE FROM action_timescales WHERE action_id = $1", {id});
    db.query("DELETE FROM action_parties WHERE action_id = $1", {id});
    db.query("DELETE FROM action_priorities WHERE action_id = $1", {id});
    std::int64_t position = 0;
    for (const auto& entry : action.timescale.entries) {
        db.query("INSERT INTO action_timescales (action_id, position, kind, starts_on, ends_on, from_only, recurrence, "
                 "wording, due_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                 {id, position++, std::string(code_of(entry.kind)),
                  nullable(entry.starts_on.empty() ? std::nullopt : std::optional(entry.starts_on)),
                  nullable(entry.ends_on.empty() ? std::nullopt : std::optional(entry.ends_on)),
                  std::int64_t{entry.from_only ? 1 : 0},
                  entry.recurrence ? db::Value(std::string(code_of(*entry.recurrence))) : db::Value(db::Null{}),
                  entry.wording, nullable(entry.due_on())});
    }
    position = 0;
    for (const auto& party : action.responsible) {
        auto column = std::string(code_of(party.kind)) + "_id";
        db.query("INSERT INTO action_parties (action_id, position, kind, " + column + ") VALUES ($1, $2, $3, $4)",
                 {id, position++, std::string(code_of(party.kind)), party.id});
    }
    if (action.plan_id && !action.priorities.empty()) {
        std::vector<db::Value> params{id, *action.plan_id};
        std::string codes;
        for (const auto& code : action.priorities) codes += (codes.empty() ? "" : ", ") + param(params, code);
        db.query("INSERT INTO action_priorities (action_id, priority_id) SELECT $1, id FROM plan_priorities "
                 "WHERE plan_id = $2 AND code IN (" + codes + ")",
                 params);
    }
}

// Adds the responsible party filter: a body, an organisation (its own and its
// people's actions) or a person (named responsible or leading).
void responsible_filter(std::string& sql, std::vector<db::Value>& params, const Party& party) {
    auto id = param(params, party.id);
    switch (party.kind) {
    case PartyKind::body:
        sql += " AND EXISTS (SELECT 1 FROM action_parties ap WHERE ap.action_id = a.id AND ap.body_id = " + id + ")";
        break;
    case PartyKind::person:
        sql += " AND (a.operational_lead_id = " + id + " OR a.senior_lead_id = " + id +
               " OR EXISTS (SELECT 1 FROM action_parties ap WHERE ap.action_id = a.id AND ap.person_id = " + id + "))";
        break;
    case PartyKind::organisation:
        sql += " AND (EXISTS (SELECT 1 FROM action_parties ap WHERE ap.action_id = a.id AND (ap.organisation_id = " +
               id + " OR ap.person_id IN (SELECT id FROM people WHERE organisation_id = " + id +
               "))) OR a.operational_lead_id IN (SELECT id FROM people WHERE organisation_id = " + id +
               ") OR a.senior_lead_id IN (SELECT id FROM people WHERE organisation_id = " + id + "))";
        break;
    }
}

void filters(std::string& sql, std::vector<db::Value>& params, const ActionQuery& q) {
    restrict_to(sql, params, "a.partnership_id", q.reach);
    if (q.partnership) sql += " AND a.partnership_id = " + param(params, *q.partnership);
    if (q.plan) sql += " AND a.plan_id = " + param(params, *q.plan);
    if (q.objective) sql += " AND a.objective_id = " + param(params, *q.objective);
    if (q.recommendation) sql += " AND a.recommendation_id = " + param(params, *q.recommendation);
    if (q.meeting) sql += " AND a.meeting_id = " + param(params, *q.meeting);
    if (q.plans_only) sql += " AND a.plan_id IS NOT NULL";
    if (q.responsible) responsible_filter(sql, params, *q.responsible);
    if (q.status) sql += " AND a.status = " + param(params, std::string(code_of(*q.status)));
    if (q.priority) {
        sql += " AND EXISTS (SELECT 1 FROM action_priorities x JOIN plan_priorities pp ON pp.id = x.priority_id "
               "WHERE x.action_id = a.id AND pp.code = " + param(params, *q.priority) + ")";
    }
    const char* open = " AND a.status NOT IN ('complete', 'superseded')";
    if (q.overdue_on) sql += std::string(open) + " AND a.first_due_on < " + param(params, *q.overdue_on);
    if (q.due_by) sql += std::string(open) + " AND a.first_due_on <= " + param(params, *q.due_by);
    if (q.after) {
        auto key = param(params, q.after->sort_key);
        sql += " AND (a.sort_key > " + key + " OR (a.sort_key = " + key + " AND a.id > " + param(params, q.after->id) +
               "))";
    }
}

}  // namespace

std::vector<Action> list_actions(db::Connection& db, const ActionQuery& query) {
    if (query.reach.empty()) return {};
    std::vector<db::Value> params;
    std::string sql = std::string(action_select) + "WHERE 1 = 1";
    filters(sql, params, query);
    sql += " ORDER BY a.sort_key, a.id LIMIT " + param(params, std::int64_t{query.limit});
    std::vector<Action> actions;
    for (const auto& row : db.query(sql, params).rows) {
        actions.push_back(action_from(row));
    }
    return filled(db, std::move(actions));
}

std::vector<Action> all_actions(db::Connection& db, ActionQuery query, std::size_t cap) {
    std::vector<Action> all;
    query.limit = 500;
    while (all.size() < cap) {
        auto page = list_actions(db, query);
        if (page.empty()) break;
        query.after = key_of(page.back());
        bool last = page.size() < static_cast<std::size_t>(query.limit);
        for (auto& action : page) {
            if (all.size() < cap) all.push_back(std::move(action));
        }
        if (last) break;
    }
    return all;
}

ActionKey key_of(const Action& action) { return {sort_key(action.number), action.id}; }

std::string encode_action_key(const ActionKey& key) { return std::to_string(key.id) + ":" + key.sort_key; }

std::optional<ActionKey> decode_action_key(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::int64_t id = 0;
    auto digits = text.substr(0, colon);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
    return ActionKey{std::string(text.substr(colon + 1)), id};
}

std::optional<Action> find_action(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(action_select) + "WHERE a.id = $1", {id});
    if (result.empty()) return std::nullopt;
    return filled(db, {action_from(result.rows.front())}).front();
}

std::optional<Action> find_action_numbered(db::Connection& db, std::optional<std::int64_t> plan_id,
                                           std::optional<std::int64_t> recommendation_id, std::string_view number) {
    auto result = plan_id ? db.query(std::string(action_select) + "WHERE a.plan_id = $1 AND a.number = $2",
                                     {*plan_id, std::string(number)})
                          : db.query(std::string(action_select) + "WHERE a.recommendation_id = $1 AND a.number = $2",
                                     {recommendation_id.value_or(0), std::string(number)});
    if (result.empty()) return std::nullopt;
    return filled(db, {action_from(result.rows.front())}).front();
}

std::int64_t create_action(db::Connection& db, const Action& a, const audit::Actor& actor) {
    auto id = db.query("INSERT INTO actions (partnership_id, plan_id, objective_id, recommendation_id, number, sort_key, "
                       "title, required, outcome, timescale, target_date, responsibility, status, rag, "
                       "operational_lead_id, senior_lead_id, achievement, issues_for_revised_plan, carried_from_id, "
                       "first_due_on, meeting_id, agenda_item_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                       "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id",
                       {a.partnership_id, nullable(a.plan_id), nullable(a.objective_id), nullable(a.recommendation_id),
                        a.number, sort_key(a.number), a.title, a.required, a.outcome, a.timescale.wording,
                        nullable(a.target_date), a.responsibility, std::string(code_of(a.status)), rag_value(a),
                        nullable(a.operational_lead_id), nullable(a.senior_lead_id), a.achievement,
                        a.issues_for_revised_plan, nullable(a.carried_from_id), nullable(first_due(a)),
                        nullable(a.meeting_id), nullable(a.agenda_item_id)})
                  .rows.front()
                  .integer(0);
    write_children(db, a, id);
    record(db, actor, "create", "action", id, {}, snapshot(a));
    return id;
}

bool update_action(db::Connection& db, const Action& a, const audit::Actor& actor) {
    auto before = find_action(db, a.id);
    if (!before) return false;
    return apply_update(db, actor, "action", a.id, snapshot(*before), snapshot(a), [&] {
        db.query("UPDATE actions SET objective_id = $2, number = $3, sort_key = $4, title = $5, required = $6, "
                 "outcome = $7, timescale = $8, target_date = $9, responsibility = $10, status = $11, rag = $12, "
                 "operational_lead_id = $13, senior_lead_id = $14, achievement = $15, issues_for_revised_plan = $16, "
                 "carried_from_id = $17, first_due_on = $18, updated_at = $19, agenda_item_id = $20 WHERE id = $1",
                 {a.id, nullable(a.objective_id), a.number, sort_key(a.number), a.title, a.required, a.outcome,
                  a.timescale.wording, nullable(a.target_date), a.responsibility, std::string(code_of(a.status)),
                  rag_value(a), nullable(a.operational_lead_id), nullable(a.senior_lead_id), a.achievement,
                  a.issues_for_revised_plan, nullable(a.carried_from_id), nullable(first_due(a)),
                  iso_utc(system_now()), nullable(a.agenda_item_id)});
        write_children(db, a, a.id);
    });
}

namespace {

std::vector<std::int64_t> ids_of(const db::ResultSet& result) {
    std::vector<std::int64_t> ids;
    for (const auto& row : result.rows) {
        if (!row.is_null(0)) ids.push_back(row.integer(0));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

}  // namespace

std::vector<std::int64_t> owning_organisations(db::Connection& db, const Action& action) {
    return ids_of(db.query(
        "SELECT ap.organisation_id FROM action_parties ap WHERE ap.action_id = $1 AND ap.organisation_id IS NOT NULL "
        "UNION SELECT p.organisation_id FROM action_parties ap JOIN people p ON p.id = ap.person_id "
        "WHERE ap.action_id = $1 "
        "UNION SELECT p.organisation_id FROM actions a JOIN people p ON p.id IN (a.operational_lead_id, a.senior_lead_id) "
        "WHERE a.id = $1 "
        "UNION SELECT r.owner_organisation_id FROM actions a JOIN recommendations r ON r.id = a.recommendation_id "
        "WHERE a.id = $1 "
        "UNION SELECT p.organisation_id FROM actions a JOIN recommendations r ON r.id = a.recommendation_id "
        "JOIN people p ON p.id = r.owner_person_id WHERE a.id = $1",
        {action.id}));
}

std::vector<std::int64_t> owning_bodies(db::Connection& db, const Action& action) {
    return ids_of(db.query("SELECT ap.body_id FROM action_parties ap WHERE ap.action_id = $1 AND ap.body_id IS NOT NULL "
                           "UNION SELECT r.owner_body_id FROM actions a JOIN recommendations r "
                           "ON r.id = a.recommendation_id WHERE a.id = $1",
                           {action.id}));
}

}  // namespace safeboard::plans
