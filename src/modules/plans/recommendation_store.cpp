#include <map>

#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store_support.hpp"
#include "modules/plans/vocabulary.hpp"

namespace safeboard::plans {

using namespace detail;

namespace {

constexpr const char* recommendation_select =
    "SELECT r.id, r.partnership_id, r.source, r.source_reference, r.source_title, r.source_date, r.number, r.text, "
    "r.owner_wording, r.owner_kind, COALESCE(r.owner_body_id, r.owner_person_id, r.owner_organisation_id), "
    "COALESCE(b.name, p.name, o.name, ''), r.response, r.acceptance, r.acceptance_reasons, r.resource_implications "
    "FROM recommendations r LEFT JOIN bodies b ON b.id = r.owner_body_id LEFT JOIN people p ON p.id = r.owner_person_id "
    "LEFT JOIN organisations o ON o.id = r.owner_organisation_id ";

Recommendation recommendation_from(const db::Row& row) {
    Recommendation r;
    r.id = row.integer(0);
    r.partnership_id = row.integer(1);
    r.source = parse_term<Source>(row.text(2)).value_or(Source::other);
    r.source_reference = row.text(3);
    r.source_title = row.text(4);
    r.source_date = row.optional_text(5);
    r.number = row.text(6);
    r.text = row.text(7);
    r.owner_wording = row.text(8);
    if (auto kind = row.optional_text(9)) {
        r.owner = Party{parse_term<PartyKind>(*kind).value_or(PartyKind::body), row.integer(10), row.text(11)};
    }
    r.response = row.text(12);
    if (auto acceptance = row.optional_text(13)) r.acceptance = parse_term<Acceptance>(*acceptance);
    r.acceptance_reasons = row.text(14);
    r.resource_implications = row.text(15);
    return r;
}

// Each recommendation's status, rolled up from its actions' (one query).
void roll_up_statuses(db::Connection& db, std::vector<Recommendation>& recommendations) {
    if (recommendations.empty()) return;
    std::vector<std::int64_t> ids;
    for (const auto& r : recommendations) ids.push_back(r.id);
    std::vector<db::Value> params;
    auto sql = "SELECT recommendation_id, status FROM actions WHERE recommendation_id IN (" + bind_list(params, ids) +
               ")";
    std::map<std::int64_t, std::vector<Status>> statuses;
    for (const auto& row : db.query(sql, params).rows) {
        statuses[row.integer(0)].push_back(parse_term<Status>(row.text(1)).value_or(Status::not_started));
    }
    for (auto& r : recommendations) r.status = roll_up(statuses[r.id]);
}

std::optional<std::string> owner_column(const std::optional<Party>& owner, PartyKind kind) {
    if (!owner || owner->kind != kind) return std::nullopt;
    return std::to_string(owner->id);
}

Snapshot snapshot(const Recommendation& r) {
    return {{"partnership_id", std::to_string(r.partnership_id)},
            {"source", std::string(code_of(r.source))},
            {"source_reference", r.source_reference},
            {"source_title", r.source_title},
            {"source_date", r.source_date},
            {"number", r.number},
            {"text", r.text},
            {"owner_wording", r.owner_wording},
            {"owner_body_id", owner_column(r.owner, PartyKind::body)},
            {"owner_person_id", owner_column(r.owner, PartyKind::person)},
            {"owner_organisation_id", owner_column(r.owner, PartyKind::organisation)},
            {"response", r.response},
            {"acceptance", r.acceptance ? std::optional(std::string(code_of(*r.acceptance))) : std::nullopt},
            {"acceptance_reasons", r.acceptance_reasons},
            {"resource_implications", r.resource_implications}};
}

db::Value id_value(const std::optional<Party>& owner, PartyKind kind) {
    if (!owner || owner->kind != kind) return db::Null{};
    return owner->id;
}

std::vector<db::Value> values_of(const Recommendation& r) {
    return {r.partnership_id,
            std::string(code_of(r.source)),
            r.source_reference,
            r.source_title,
            nullable(r.source_date),
            r.number,
            sort_key(r.number),
            r.text,
            r.owner_wording,
            r.owner ? db::Value(std::string(code_of(r.owner->kind))) : db::Value(db::Null{}),
            id_value(r.owner, PartyKind::body),
            id_value(r.owner, PartyKind::person),
            id_value(r.owner, PartyKind::organisation),
            r.response,
            r.acceptance ? db::Value(std::string(code_of(*r.acceptance))) : db::Value(db::Null{}),
            r.acceptance_reasons,
            r.resource_implications};
}

std::vector<Recommendation> page_of(db::Connection& db, const RecommendationQuery& q, std::optional<std::int64_t> after,
                                    int limit) {
    std::vector<db::Value> params;
    std::string sql = std::string(recommendation_select) + "WHERE 1 = 1";
    restrict_to(sql, params, "r.partnership_id", q.reach);
    if (q.partnership) sql += " AND r.partnership_id = " + param(params, *q.partnership);
    if (q.source) sql += " AND r.source = " + param(params, std::string(code_of(*q.source)));
    if (q.owner) {
        sql += " AND r.owner_" + std::string(code_of(q.owner->kind)) + "_id = " + param(params, q.owner->id);
    }
    if (after) sql += " AND r.id > " + param(params, *after);
    sql += " ORDER BY r.id LIMIT " + param(params, std::int64_t{limit});
    std::vector<Recommendation> page;
    for (const auto& row : db.query(sql, params).rows) page.push_back(recommendation_from(row));
    roll_up_statuses(db, page);
    return page;
}

}  // namespace

std::vector<Recommendation> list_recommendations(db::Connection& db, const RecommendationQuery& query) {
    if (query.reach.empty()) return {};
    if (!query.status) return page_of(db, query, query.after, query.limit);
    // The status is rolled up from actions, so filter after reading, a batch at a time.
    std::vector<Recommendation> found;
    auto after = query.after;
    while (found.size() < static_cast<std::size_t>(query.limit)) {
        auto batch = page_of(db, query, after, 500);
        if (batch.empty()) break;
        after = batch.back().id;
        for (auto& r : batch) {
            if (r.status == *query.status && found.size() < static_cast<std::size_t>(query.limit)) {
                found.push_back(std::move(r));
            }
        }
        if (batch.size() < 500) break;
    }
    return found;
}

std::optional<Recommendation> find_recommendation(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(recommendation_select) + "WHERE r.id = $1", {id});
    if (result.empty()) return std::nullopt;
    std::vector<Recommendation> one{recommendation_from(result.rows.front())};
    roll_up_statuses(db, one);
    return one.front();
}

std::optional<Recommendation> find_recommendation_numbered(db::Connection& db, std::int64_t partnership_id,
                                                           std::string_view source_reference, std::string_view number) {
    auto result = db.query(std::string(recommendation_select) +
                               "WHERE r.partnership_id = $1 AND r.source_reference = $2 AND r.number = $3",
                           {partnership_id, std::string(source_reference), std::string(number)});
    if (result.empty()) return std::nullopt;
    std::vector<Recommendation> one{recommendation_from(result.rows.front())};
    roll_up_statuses(db, one);
    return one.front();
}

std::vector<Recommendation> recommendations_from(db::Connection& db, std::int64_t partnership_id, Source source,
                                                 std::string_view source_reference) {
    std::vector<Recommendation> found;
    for (const auto& row : db.query(std::string(recommendation_select) +
                                        "WHERE r.partnership_id = $1 AND r.source = $2 AND r.source_reference = $3 "
                                        "ORDER BY r.sort_key, r.id",
                                    {partnership_id, std::string(code_of(source)), std::string(source_reference)})
                               .rows) {
        found.push_back(recommendation_from(row));
    }
    roll_up_statuses(db, found);
    return found;
}

std::int64_t create_recommendation(db::Connection& db, const Recommendation& r, const audit::Actor& actor) {
    auto values = values_of(r);
    auto id = db.query("INSERT INTO recommendations (partnership_id, source, source_reference, source_title, "
                       "source_date, number, sort_key, text, owner_wording, owner_kind, owner_body_id, owner_person_id, "
                       "owner_organisation_id, response, acceptance, acceptance_reasons, resource_implications) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
                       values)
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "recommendation", id, {}, snapshot(r));
    return id;
}

bool update_recommendation(db::Connection& db, const Recommendation& r, const audit::Actor& actor) {
    auto before = find_recommendation(db, r.id);
    if (!before) return false;
    return apply_update(db, actor, "recommendation", r.id, snapshot(*before), snapshot(r), [&] {
        auto values = values_of(r);
        values.push_back(iso_utc(system_now()));
        values.push_back(r.id);
        db.query("UPDATE recommendations SET partnership_id = $1, source = $2, source_reference = $3, "
                 "source_title = $4, source_date = $5, number = $6, sort_key = $7, text = $8, owner_wording = $9, "
                 "owner_kind = $10, owner_body_id = $11, owner_person_id = $12, owner_organisation_id = $13, "
                 "response = $14, acceptance = $15, acceptance_reasons = $16, resource_implications = $17, "
                 "updated_at = $18 WHERE id = $19",
                 values);
    });
}

}  // namespace safeboard::plans
