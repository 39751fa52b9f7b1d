// Organisations, and what each is to the partnerships it belongs to.
#include <map>

#include "modules/register/store.hpp"
#include "modules/register/store_support.hpp"
#include "modules/register/vocabulary.hpp"

namespace safeboard::register_ {

using namespace detail;

namespace {

constexpr std::string_view organisation_columns =
    "o.id, o.name, o.short_name, o.sector, o.parent_id, p.name, o.active_from, o.active_to";

Organisation organisation_from(const db::Row& row) {
    Organisation o;
    o.id = row.integer(0);
    o.name = row.text(1);
    o.short_name = row.text(2);
    o.sector = parse_term<Sector>(row.text(3)).value_or(Sector::other);
    o.parent_id = row.optional_integer(4);
    o.parent_name = row.optional_text(5).value_or("");
    o.active_from = row.optional_text(6);
    o.active_to = row.optional_text(7);
    return o;
}

// What each organisation is to its partnerships, for a page of them at once
// (two queries, however many organisations).
void add_statuses(db::Connection& db, std::vector<Organisation>& organisations) {
    if (organisations.empty()) return;
    std::vector<std::int64_t> ids;
    for (const auto& o : organisations) ids.push_back(o.id);
    std::vector<db::Value> params;
    auto list = bind_list(params, ids);
    std::map<std::int64_t, std::vector<PartnerStatus>> statuses;
    for (const auto& row : db.query("SELECT op.organisation_id, op.partnership_id, p.code, op.statutory_partner, "
                                    "op.relevant_agency FROM organisation_partnerships op JOIN partnerships p ON "
                                    "p.id = op.partnership_id WHERE op.organisation_id IN (" + list +
                                        ") ORDER BY op.organisation_id, op.partnership_id",
                                    params)
                               .rows) {
        statuses[row.integer(0)].push_back({row.integer(1), row.text(2), row.integer(3) != 0, row.integer(4) != 0, {}});
    }
    for (const auto& row : db.query("SELECT organisation_id, partnership_id, description FROM lead_areas WHERE "
                                    "organisation_id IN (" + list + ") ORDER BY position, id",
                                    params)
                               .rows) {
        for (auto& status : statuses[row.integer(0)]) {
            if (status.partnership_id == row.integer(1)) status.lead_areas.push_back(row.text(2));
        }
    }
    for (auto& o : organisations) o.partnerships = std::move(statuses[o.id]);
}

std::vector<Organisation> organisations_where(db::Connection& db, const std::string& where,
                                              const std::vector<db::Value>& params, const std::string& tail = "") {
    std::string sql = "SELECT " + std::string(organisation_columns) +
                      " FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id WHERE " + where +
                      " ORDER BY o.name_key, o.id" + tail;
    std::vector<Organisation> found;
    for (const auto& row : db.query(sql, params).rows) found.push_back(organisation_from(row));
    add_statuses(db, found);
    return found;
}

Snapshot snapshot(const Organisation& o) {
    return {{"name", o.name},
            {"short_name", o.short_name},
            {"sector", std::string(code_of(o.sector))},
            {"parent_id", text_of(o.parent_id)},
            {"active_from", o.active_from},
            {"active_to", o.active_to}};
}

Snapshot snapshot(const PartnerStatus& s) {
    std::string areas;
    for (const auto& area : s.lead_areas) areas += (areas.empty() ? "" : "; ") + area;
    return {{"statutory_partner", yes_no(s.statutory_partner)},
            {"relevant_agency", yes_no(s.relevant_agency)},
            {"lead_areas", areas}};
}

}  // namespace

std::vector<Organisation> list_organisations(db::Connection& db, const ListQuery& query) {
    if (query.reach.empty()) return {};
    std::string where = "1 = 1";
    std::vector<db::Value> params;
    // Membership of a partnership: in the one asked for (and reached), or in any reached.
    std::string in_partnership = "SELECT op.organisation_id FROM organisation_partnerships op WHERE 1 = 1";
    if (query.partnership) {
        params.emplace_back(*query.partnership);
        in_partnership += " AND op.partnership_id = $" + std::to_string(params.size());
    }
    if (!query.reach.everything) in_partnership += " AND op.partnership_id IN (" + bind_list(params, query.reach.ids) + ")";
    if (query.statutory_partner) {
        params.emplace_back(std::int64_t{*query.statutory_partner ? 1 : 0});
        in_partnership += " AND op.statutory_partner = $" + std::to_string(params.size());
    }
    if (query.relevant_agency) {
        params.emplace_back(std::int64_t{*query.relevant_agency ? 1 : 0});
        in_partnership += " AND op.relevant_agency = $" + std::to_string(params.size());
    }
    if (query.partnership || !query.reach.everything || query.statutory_partner || query.relevant_agency) {
        where += " AND o.id IN (" + in_partnership + ")";
    }
    if (!query.text.empty()) {
        params.emplace_back(like_pattern(query.text));
        auto p = "$" + std::to_string(params.size());
        where += " AND (o.name_key LIKE " + p + " ESCAPE '\\' OR lower(o.short_name) LIKE " + p + " ESCAPE '\\')";
    }
    if (query.sector) {
        params.emplace_back(*query.sector);
        where += " AND o.sector = $" + std::to_string(params.size());
    }
    after_key(where, params, "o", query.after);
    params.emplace_back(std::int64_t{query.limit});
    return organisations_where(db, where, params, " LIMIT $" + std::to_string(params.size()));
}

std::optional<Organisation> find_organisation(db::Connection& db, std::int64_t id) {
    auto found = organisations_where(db, "o.id = $1", {id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Organisation> find_organisations_named(db::Connection& db, std::string_view text) {
    auto key = name_key(text);
    auto by_name = organisations_where(db, "o.name_key = $1", {key});
    if (!by_name.empty()) return by_name;
    return organisations_where(db, "lower(o.short_name) = $1 AND o.short_name <> ''", {key});
}

std::int64_t create_organisation(db::Connection& db, const Organisation& o, const audit::Actor& actor) {
    auto id = db.query("INSERT INTO organisations (name, name_key, short_name, sector, parent_id, active_from, "
                       "active_to) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                       {o.name, name_key(o.name), o.short_name, std::string(code_of(o.sector)), nullable(o.parent_id),
                        nullable(o.active_from), nullable(o.active_to)})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "organisation", id, {}, snapshot(o));
    return id;
}

bool update_organisation(db::Connection& db, const Organisation& o, const audit::Actor& actor) {
    auto before = find_organisation(db, o.id);
    if (!before) return false;
    return apply_update(db, actor, "organisation", o.id, snapshot(*before), snapshot(o), [&] {
        db.query("UPDATE organisations SET name = $2, name_key = $3, short_name = $4, sector = $5, parent_id = $6, "
                 "active_from = $7, active_to = $8, updated_at = $9 WHERE id = $1",
                 {o.id, o.name, name_key(o.name), o.short_name, std::string(code_of(o.sector)), nullable(o.parent_id),
                  nullable(o.active_from), nullable(o.active_to), iso_utc(system_now())});
    });
}

bool set_partner_status(db::Connection& db, std::int64_t organisation_id, const PartnerStatus& status,
                        const audit::Actor& actor) {
    Snapshot was;
    bool existed = false;
    auto organisation = find_organisation(db, organisation_id);
    for (const auto& s : organisation ? organisation->partnerships : std::vector<PartnerStatus>{}) {
        if (s.partnership_id == status.partnership_id) {
            was = snapshot(s);
            existed = true;
        }
    }
    auto now = snapshot(status);
    if (existed && was == now) return false;
    std::int64_t statutory = status.statutory_partner ? 1 : 0;
    std::int64_t relevant = status.relevant_agency ? 1 : 0;
    if (existed) {
        db.query("UPDATE organisation_partnerships SET statutory_partner = $3, relevant_agency = $4 "
                 "WHERE organisation_id = $1 AND partnership_id = $2",
                 {organisation_id, status.partnership_id, statutory, relevant});
        db.query("DELETE FROM lead_areas WHERE organisation_id = $1 AND partnership_id = $2",
                 {organisation_id, status.partnership_id});
    } else {
        db.query("INSERT INTO organisation_partnerships (organisation_id, partnership_id, statutory_partner, "
                 "relevant_agency) VALUES ($1, $2, $3, $4)",
                 {organisation_id, status.partnership_id, statutory, relevant});
    }
    std::int64_t position = 0;
    for (const auto& area : status.lead_areas) {
        db.query("INSERT INTO lead_areas (organisation_id, partnership_id, description, position) "
                 "VALUES ($1, $2, $3, $4)",
                 {organisation_id, status.partnership_id, area, position++});
    }
    return record(db, actor, existed ? "update" : "create", "organisation_partnership", organisation_id, was, now,
                  "partnership " + std::to_string(status.partnership_id));
}

}  // namespace safeboard::register_
