// Settings, the indicator library and targets.
#include <map>

#include "modules/performance/store_support.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/vocabulary.hpp"

namespace safeboard::performance {

using namespace detail;

namespace {

constexpr const char* indicator_select =
    "SELECT id, partnership_id, code, title, definition, unit, numerator, denominator, polarity, frequency, source, "
    "created_at, updated_at FROM performance_indicators ";

Indicator indicator_from(const db::Row& row) {
    Indicator i;
    i.id = row.integer(0);
    i.partnership_id = row.integer(1);
    i.code = row.text(2);
    i.title = row.text(3);
    i.definition = row.text(4);
    i.unit = parse_term<Unit>(row.text(5)).value_or(Unit::count);
    i.numerator = row.text(6);
    i.denominator = row.text(7);
    i.polarity = parse_term<Polarity>(row.text(8)).value_or(Polarity::neither);
    i.frequency = parse_term<Frequency>(row.text(9)).value_or(Frequency::quarterly);
    i.source = row.text(10);
    i.created_at = row.text(11);
    i.updated_at = row.text(12);
    return i;
}

// Fills the returners and targets of the indicators `where` selects by id.
void fill(db::Connection& db, std::vector<Indicator>& indicators, const std::string& ids_sql,
          const std::vector<db::Value>& params) {
    std::map<std::int64_t, Indicator*> by_id;
    for (auto& i : indicators) by_id[i.id] = &i;
    auto returners = db.query(
        "SELECT r.indicator_id, r.kind, r.sector, r.organisation_id, COALESCE(o.name, '') "
        "FROM performance_indicator_returners r LEFT JOIN organisations o ON o.id = r.organisation_id "
        "WHERE r.indicator_id IN (" +
            ids_sql + ") ORDER BY r.indicator_id, r.position",
        params);
    for (const auto& row : returners.rows) {
        Returner r;
        r.kind = parse_term<ReturnerKind>(row.text(1)).value_or(ReturnerKind::partner_agencies);
        if (!row.is_null(2)) r.sector = parse_term<register_::Sector>(row.text(2));
        r.organisation_id = row.optional_integer(3);
        r.organisation_name = row.text(4);
        if (auto it = by_id.find(row.integer(0)); it != by_id.end()) it->second->returned_by.push_back(r);
    }
    auto targets = db.query(
        "SELECT indicator_id, applies_from, target, tolerance FROM performance_indicator_targets "
        "WHERE indicator_id IN (" +
            ids_sql + ") ORDER BY indicator_id, applies_from",
        params);
    for (const auto& row : targets.rows) {
        if (auto it = by_id.find(row.integer(0)); it != by_id.end())
            it->second->targets.push_back({row.text(1), row.real(2), row.real(3)});
    }
}

std::string returner_code(const Returner& r) {
    switch (r.kind) {
    case ReturnerKind::sector: return "sector:" + std::string(r.sector ? code_of(*r.sector) : "");
    case ReturnerKind::organisation: return "organisation:" + shown(r.organisation_id);
    case ReturnerKind::partner_agencies:
    case ReturnerKind::partnership: break;
    }
    return std::string(code_of(r.kind));
}

Snapshot snapshot(const Indicator& i) {
    std::string returners;
    for (const auto& r : i.returned_by) returners += (returners.empty() ? "" : "; ") + returner_code(r);
    return {{"code", i.code},
            {"title", i.title},
            {"definition", i.definition},
            {"unit", std::string(code_of(i.unit))},
            {"numerator", i.numerator},
            {"denominator", i.denominator},
            {"polarity", std::string(code_of(i.polarity))},
            {"frequency", std::string(code_of(i.frequency))},
            {"returned_by", returners},
            {"source", i.source}};
}

void write_returners(db::Connection& db, const Indicator& i) {
    db.query("DELETE FROM performance_indicator_returners WHERE indicator_id = $1", {i.id});
    std::int64_t position = 0;
    for (const auto& r : i.returned_by) {
        db.query(
            "INSERT INTO performance_indicator_returners (indicator_id, position, kind, sector, organisation_id) "
            "VALUES ($1, $2, $3, $4, $5)",
            {i.id, ++position, std::string(code_of(r.kind)),
             r.sector ? db::Value(std::string(code_of(*r.sector))) : db::Value(db::Null{}),
             nullable(r.organisation_id)});
    }
}

Snapshot snapshot(const Target& t) {
    return {{"applies_from", t.applies_from}, {"target", shown(t.value)}, {"tolerance", shown(t.tolerance)}};
}

std::string target_id(std::int64_t indicator_id, std::string_view applies_from) {
    return std::to_string(indicator_id) + "@" + (applies_from.empty() ? "start" : std::string(applies_from));
}

}  // namespace

// ---- settings ------------------------------------------------------------------------------

Settings settings_of(db::Connection& db, std::int64_t partnership_id) {
    auto own = db.query("SELECT year_starts_month, due_days FROM performance_settings WHERE partnership_id = $1",
                        {partnership_id});
    Settings s;
    s.partnership_id = partnership_id;
    if (!own.empty()) {
        s.year_starts_month = static_cast<int>(own.rows.front().integer(0));
        s.due_days = static_cast<int>(own.rows.front().integer(1));
        return s;
    }
    plans::PlanQuery query;
    query.reach.everything = true;
    query.partnership = partnership_id;
    query.limit = 1;
    auto latest = plans::list_plans(db, query);
    if (!latest.empty()) s.year_starts_month = latest.front().year_starts_month;
    return s;
}

bool save_settings(db::Connection& db, const Settings& settings, const audit::Actor& actor, Audit audit) {
    auto before = db.query("SELECT year_starts_month, due_days FROM performance_settings WHERE partnership_id = $1",
                           {settings.partnership_id});
    Snapshot after{{"year_starts_month", std::to_string(settings.year_starts_month)},
                   {"due_days", std::to_string(settings.due_days)}};
    if (before.empty()) {
        db.query("INSERT INTO performance_settings (partnership_id, year_starts_month, due_days) VALUES ($1, $2, $3)",
                 {settings.partnership_id, std::int64_t{settings.year_starts_month}, std::int64_t{settings.due_days}});
        if (audit == Audit::each)
            record(db, actor, "create", "performance_settings", settings.partnership_id, {}, after);
        return true;
    }
    Snapshot was{{"year_starts_month", std::to_string(before.rows.front().integer(0))},
                 {"due_days", std::to_string(before.rows.front().integer(1))}};
    return apply_update(db, actor, "performance_settings", settings.partnership_id, was, after, [&] {
        db.query(
            "UPDATE performance_settings SET year_starts_month = $2, due_days = $3, updated_at = $4 "
            "WHERE partnership_id = $1",
            {settings.partnership_id, std::int64_t{settings.year_starts_month}, std::int64_t{settings.due_days},
             now_utc()});
    });
}

bool has_periods(db::Connection& db, std::int64_t partnership_id) {
    return !db.query("SELECT 1 FROM performance_periods WHERE partnership_id = $1 LIMIT 1", {partnership_id}).empty();
}

// ---- indicators ----------------------------------------------------------------------------

std::vector<Indicator> indicators_of(db::Connection& db, std::int64_t partnership_id) {
    std::vector<Indicator> found;
    for (const auto& row :
         db.query(std::string(indicator_select) + "WHERE partnership_id = $1 ORDER BY code_key", {partnership_id}).rows)
        found.push_back(indicator_from(row));
    fill(db, found, "SELECT id FROM performance_indicators WHERE partnership_id = $1", {partnership_id});
    return found;
}

std::optional<Indicator> find_indicator(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(indicator_select) + "WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    std::vector<Indicator> one{indicator_from(result.rows.front())};
    fill(db, one, "$1", {id});
    return one.front();
}

std::optional<Indicator> find_indicator_by_code(db::Connection& db, std::int64_t partnership_id,
                                                std::string_view code) {
    auto result = db.query("SELECT id FROM performance_indicators WHERE partnership_id = $1 AND code_key = $2",
                           {partnership_id, code_key(code)});
    if (result.empty()) return std::nullopt;
    return find_indicator(db, result.rows.front().integer(0));
}

std::int64_t create_indicator(db::Connection& db, const Indicator& indicator, const audit::Actor& actor) {
    Indicator i = indicator;
    auto now = now_utc();
    i.id = db.query(
                 "INSERT INTO performance_indicators (partnership_id, code, code_key, title, definition, unit, "
                 "numerator, denominator, polarity, frequency, source, created_at, updated_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
                 {i.partnership_id, i.code, code_key(i.code), i.title, i.definition, std::string(code_of(i.unit)),
                  i.numerator, i.denominator, std::string(code_of(i.polarity)), std::string(code_of(i.frequency)),
                  i.source, now})
               .rows.front()
               .integer(0);
    write_returners(db, i);
    for (const auto& t : i.targets) save_target(db, i.id, t, actor);
    record(db, actor, "create", "performance_indicator", i.id, {}, snapshot(i));
    return i.id;
}

bool update_indicator(db::Connection& db, const Indicator& indicator, const audit::Actor& actor) {
    auto before = find_indicator(db, indicator.id);
    if (!before) return false;
    return apply_update(db, actor, "performance_indicator", indicator.id, snapshot(*before), snapshot(indicator), [&] {
        const auto& i = indicator;
        db.query(
            "UPDATE performance_indicators SET code = $2, code_key = $3, title = $4, definition = $5, unit = $6, "
            "numerator = $7, denominator = $8, polarity = $9, frequency = $10, source = $11, updated_at = $12 "
            "WHERE id = $1",
            {i.id, i.code, code_key(i.code), i.title, i.definition, std::string(code_of(i.unit)), i.numerator,
             i.denominator, std::string(code_of(i.polarity)), std::string(code_of(i.frequency)), i.source, now_utc()});
        write_returners(db, i);
    });
}

Saved save_target(db::Connection& db, std::int64_t indicator_id, const Target& target, const audit::Actor& actor) {
    auto existing = db.query(
        "SELECT target, tolerance FROM performance_indicator_targets "
        "WHERE indicator_id = $1 AND applies_from = $2",
        {indicator_id, target.applies_from});
    auto id = target_id(indicator_id, target.applies_from);
    if (existing.empty()) {
        db.query(
            "INSERT INTO performance_indicator_targets (indicator_id, applies_from, target, tolerance) "
            "VALUES ($1, $2, $3, $4)",
            {indicator_id, target.applies_from, target.value, target.tolerance});
        audit::append(db, actor, {"create", "performance_target", id, audit::diff({}, snapshot(target)), {}});
        return Saved::created;
    }
    Target was{target.applies_from, existing.rows.front().real(0), existing.rows.front().real(1)};
    if (was == target) return Saved::unchanged;
    db.query(
        "UPDATE performance_indicator_targets SET target = $3, tolerance = $4 "
        "WHERE indicator_id = $1 AND applies_from = $2",
        {indicator_id, target.applies_from, target.value, target.tolerance});
    audit::append(db, actor, {"update", "performance_target", id, audit::diff(snapshot(was), snapshot(target)), {}});
    return Saved::updated;
}

bool has_values(db::Connection& db, std::int64_t indicator_id) {
    return !db.query("SELECT 1 FROM performance_values WHERE indicator_id = $1 LIMIT 1", {indicator_id}).empty();
}

bool remove_target(db::Connection& db, std::int64_t indicator_id, std::string_view applies_from,
                   const audit::Actor& actor) {
    auto removed = db.query("DELETE FROM performance_indicator_targets WHERE indicator_id = $1 AND applies_from = $2",
                            {indicator_id, std::string(applies_from)});
    if (removed.affected == 0) return false;
    audit::append(db, actor, {"delete", "performance_target", target_id(indicator_id, applies_from), {}, {}});
    return true;
}

}  // namespace safeboard::performance
