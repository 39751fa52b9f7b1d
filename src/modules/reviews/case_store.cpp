// Cases: the record, its decision, agencies and steps done.
#include <algorithm>

#include "modules/reviews/store.hpp"
#include "modules/reviews/store_support.hpp"
#include "modules/reviews/vocabulary.hpp"

namespace safeboard::reviews {

using namespace detail;

namespace {

constexpr const char* case_select =
    "SELECT id, partnership_id, reference, incident_on, became_aware_on, status, decision, ratified_by, "
    "ratified_on, created_at, updated_at, learning FROM review_cases ";

Case case_from(const db::Row& row) {
    Case c;
    c.id = row.integer(0);
    c.partnership_id = row.integer(1);
    c.reference = row.text(2);
    c.incident_on = row.text(3);
    c.became_aware_on = row.text(4);
    c.status = parse_term<CaseStatus>(row.text(5)).value_or(CaseStatus::open);
    if (!row.is_null(6)) {
        c.decision = Decision{parse_term<DecisionKind>(row.text(6)).value_or(DecisionKind::lcspr), row.integer(7),
                              row.text(8)};
    }
    c.created_at = row.text(9);
    c.updated_at = row.text(10);
    c.learning = row.text(11);
    return c;
}

// The agencies and steps, which live in their own tables.
void fill(db::Connection& db, Case& c) {
    for (const auto& row :
         db.query("SELECT organisation_id FROM review_case_agencies WHERE case_id = $1 ORDER BY organisation_id",
                  {c.id})
             .rows) {
        c.agencies.push_back(row.integer(0));
    }
    for (const auto& row :
         db.query("SELECT step, done_on, evidence FROM review_case_steps WHERE case_id = $1", {c.id}).rows) {
        c.steps[row.text(0)] = StepDone{row.text(1), row.text(2)};
    }
}

std::optional<Case> one_case(db::Connection& db, const std::string& where, std::vector<db::Value> params) {
    auto result = db.query(std::string(case_select) + "WHERE " + where, params);
    if (result.empty()) return std::nullopt;
    auto c = case_from(result.rows.front());
    fill(db, c);
    return c;
}

Snapshot snapshot(const Case& c) {
    Snapshot s{{"partnership_id", std::to_string(c.partnership_id)},
               {"reference", c.reference},
               {"incident_on", c.incident_on},
               {"became_aware_on", c.became_aware_on},
               {"status", std::string(code_of(c.status))},
               {"learning", c.learning}};
    if (c.decision) {
        s["decision"] = std::string(code_of(c.decision->kind));
        s["ratified_by"] = std::to_string(c.decision->ratified_by);
        s["ratified_on"] = c.decision->ratified_on;
    }
    return s;
}

std::vector<db::Value> decision_values(const Case& c) {
    if (!c.decision) return {db::Null{}, db::Null{}, db::Null{}};
    return {std::string(code_of(c.decision->kind)), c.decision->ratified_by, c.decision->ratified_on};
}

}  // namespace

std::int64_t create_case(db::Connection& db, const Case& c, const audit::Actor& actor) {
    auto decision = decision_values(c);
    auto id = db.query(
                    "INSERT INTO review_cases (partnership_id, reference, incident_on, became_aware_on, status, "
                    "decision, ratified_by, ratified_on, created_at, updated_at, learning) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING id",
                    {c.partnership_id, c.reference, c.incident_on, c.became_aware_on, std::string(code_of(c.status)),
                     decision[0], decision[1], decision[2], now_utc(), c.learning})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "review_case", id, {}, snapshot(c));
    for (auto organisation : c.agencies) add_agency(db, id, organisation, actor);
    for (const auto& [step, done] : c.steps) record_step(db, id, step, done, actor);
    return id;
}

std::optional<Case> find_case(db::Connection& db, std::int64_t id) { return one_case(db, "id = $1", {id}); }

std::optional<Case> find_case_by_reference(db::Connection& db, std::int64_t partnership_id,
                                           std::string_view reference) {
    return one_case(db, "partnership_id = $1 AND reference = $2", {partnership_id, std::string(reference)});
}

std::vector<Case> cases_of(db::Connection& db, const std::vector<std::int64_t>& partnership_ids, bool closed_too) {
    std::vector<db::Value> params;
    std::string sql = std::string(case_select) + "WHERE partnership_id IN (" + bind_list(params, partnership_ids) + ")";
    if (!closed_too) sql += " AND status = 'open'";
    sql += " ORDER BY id";
    std::vector<Case> found;
    for (const auto& row : db.query(sql, params).rows) found.push_back(case_from(row));
    for (auto& c : found) fill(db, c);
    return found;
}

bool update_case(db::Connection& db, const Case& c, const audit::Actor& actor) {
    auto before = find_case(db, c.id);
    if (!before) return false;
    Case after = c;
    after.partnership_id = before->partnership_id;
    return apply_update(db, actor, "review_case", c.id, snapshot(*before), snapshot(after), [&] {
        auto decision = decision_values(after);
        db.query(
            "UPDATE review_cases SET reference = $2, incident_on = $3, became_aware_on = $4, status = $5, "
            "decision = $6, ratified_by = $7, ratified_on = $8, updated_at = $9, learning = $10 WHERE id = $1",
            {after.id, after.reference, after.incident_on, after.became_aware_on, std::string(code_of(after.status)),
             decision[0], decision[1], decision[2], now_utc(), after.learning});
    });
}

bool record_step(db::Connection& db, std::int64_t case_id, const std::string& step, const StepDone& done,
                 const audit::Actor& actor) {
    auto found = db.query("SELECT done_on, evidence FROM review_case_steps WHERE case_id = $1 AND step = $2",
                          {case_id, step});
    Snapshot before;
    if (!found.empty()) before = {{"done_on", found.rows[0].text(0)}, {"evidence", found.rows[0].text(1)}};
    Snapshot after{{"done_on", done.done_on}, {"evidence", done.evidence}};
    if (before == after) return false;
    if (found.empty()) {
        db.query("INSERT INTO review_case_steps (case_id, step, done_on, evidence) VALUES ($1, $2, $3, $4)",
                 {case_id, step, done.done_on, done.evidence});
    } else {
        db.query("UPDATE review_case_steps SET done_on = $3, evidence = $4 WHERE case_id = $1 AND step = $2",
                 {case_id, step, done.done_on, done.evidence});
    }
    return record(db, actor, found.empty() ? "create" : "update", "review_case", case_id, before, after,
                  "step " + step);
}

bool add_agency(db::Connection& db, std::int64_t case_id, std::int64_t organisation_id, const audit::Actor& actor) {
    auto added = db.query(
        "INSERT INTO review_case_agencies (case_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        {case_id, organisation_id});
    if (added.affected == 0) return false;
    record(db, actor, "update", "review_case", case_id, {}, {{"agency", std::to_string(organisation_id)}},
           "agency involved");
    return true;
}

}  // namespace safeboard::reviews
