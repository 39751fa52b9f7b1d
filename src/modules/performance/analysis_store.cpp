// Completeness, values against target, exceptions, trends and comparisons:
// each filtered by period or indicator in SQL, sums added up in SQL.
#include <algorithm>
#include <map>

#include "modules/performance/periods.hpp"
#include "modules/performance/rules.hpp"
#include "modules/performance/store_support.hpp"
#include "modules/performance/vocabulary.hpp"

namespace safeboard::performance {

using namespace detail;

namespace {

constexpr const char* returned = "r.status IN ('submitted', 'accepted')";

// Whether an organisation of the partnership (op, o) returns an indicator (i, ir).
constexpr const char* owes =
    "((ir.kind = 'partner_agencies' AND (op.statutory_partner = 1 OR op.relevant_agency = 1)) "
    "OR (ir.kind = 'sector' AND ir.sector = o.sector) OR (ir.kind = 'organisation' AND ir.organisation_id = o.id))";

std::string indicators_due(std::vector<db::Value>& params, const Period& period,
                           std::optional<std::int64_t> indicator_id, const std::string& returner_test) {
    std::string sql =
        "EXISTS (SELECT 1 FROM performance_indicators i JOIN performance_indicator_returners ir "
        "ON ir.indicator_id = i.id WHERE i.partnership_id = " +
        param(params, period.partnership_id) +
        " AND i.frequency = " + param(params, std::string(code_of(frequency_for(period.kind))));
    if (indicator_id) sql += " AND i.id = " + param(params, *indicator_id);
    return sql + " AND " + returner_test + ")";
}

ReturnerStatus status_from(const db::Row& row, std::optional<std::int64_t> organisation_id) {
    ReturnerStatus s;
    s.organisation_id = organisation_id;
    s.name = row.text(1);
    s.return_id = row.optional_integer(2);
    if (!row.is_null(3)) s.status = parse_term<ReturnStatus>(row.text(3));
    s.submitted_at = row.optional_text(4);
    return s;
}

std::optional<ReturnerStatus> partnership_returner(db::Connection& db, const Period& period,
                                                   std::optional<std::int64_t> indicator_id) {
    std::vector<db::Value> params;
    std::string sql =
        "SELECT 0, pa.name, r.id, r.status, r.first_submitted_at FROM partnerships pa "
        "LEFT JOIN performance_returns r ON r.period_id = " +
        param(params, period.id) + " AND r.returner_key = 0 WHERE pa.id = " + param(params, period.partnership_id) +
        " AND " + indicators_due(params, period, indicator_id, "ir.kind = 'partnership'");
    auto result = db.query(sql, params);
    if (result.empty()) return std::nullopt;
    return status_from(result.rows.front(), std::nullopt);
}

// The sums of an indicator's returned values, grouped by `group` (a column).
std::string sums_sql(const std::string& group) {
    return "SELECT " + group +
           ", COUNT(*), COUNT(v.denominator), COALESCE(SUM(v.numerator), 0), "
           "COALESCE(SUM(v.denominator), 0), COALESCE(SUM(v.value), 0) FROM performance_values v "
           "JOIN performance_returns r ON r.id = v.return_id JOIN performance_periods p ON p.id = r.period_id WHERE " +
           std::string(returned);
}

Sums sums_from(const db::Row& row) {
    return {row.integer(1), row.integer(2), row.integer(3), row.integer(4), row.real(5)};
}

// A returned value's row: indicator, organisation, returner name, return, status, value, counts, note.
constexpr const char* value_columns =
    "SELECT v.indicator_id, r.organisation_id, COALESCE(o.name, pa.name), r.id, r.status, v.value, v.numerator, "
    "v.denominator, v.note, r.period_id FROM performance_values v JOIN performance_returns r ON r.id = v.return_id "
    "JOIN partnerships pa ON pa.id = r.partnership_id LEFT JOIN organisations o ON o.id = r.organisation_id ";

RatedValue rated(const db::Row& row, const Indicator& indicator, std::string_view starts_on) {
    RatedValue v;
    v.indicator_id = indicator.id;
    v.indicator_code = indicator.code;
    v.indicator_title = indicator.title;
    v.unit = indicator.unit;
    v.polarity = indicator.polarity;
    v.organisation_id = row.optional_integer(1);
    v.returner_name = row.text(2);
    v.return_id = row.integer(3);
    v.status = parse_term<ReturnStatus>(row.text(4)).value_or(ReturnStatus::submitted);
    v.value = {v.return_id, indicator.id, indicator.code, row.real(5), row.optional_integer(6), row.optional_integer(7),
               row.text(8)};
    v.target = target_for(indicator.targets, starts_on);
    v.rag = rag_of(v.value.value, indicator.polarity, v.target);
    return v;
}

Aggregate aggregate_for(db::Connection& db, const Indicator& indicator, const Period& period) {
    auto result = db.query(sums_sql("v.indicator_id") +
                               " AND r.period_id = $1 AND v.indicator_id = $2 "
                               "GROUP BY v.indicator_id",
                           {period.id, indicator.id});
    return aggregate_of(indicator.unit, result.empty() ? Sums{} : sums_from(result.rows.front()));
}

}  // namespace

std::vector<ReturnerStatus> expected_returners(db::Connection& db, const Period& period,
                                               std::optional<std::int64_t> indicator_id) {
    std::vector<ReturnerStatus> found;
    if (auto own = partnership_returner(db, period, indicator_id)) found.push_back(*own);
    std::vector<db::Value> params;
    std::string sql =
        "SELECT o.id, o.name, r.id, r.status, r.first_submitted_at FROM organisation_partnerships op "
        "JOIN organisations o ON o.id = op.organisation_id LEFT JOIN performance_returns r ON r.period_id = " +
        param(params, period.id) +
        " AND r.returner_key = o.id WHERE op.partnership_id = " + param(params, period.partnership_id) +
        " AND (o.active_from IS NULL OR o.active_from <= " + param(params, period.ends_on) +
        ") AND (o.active_to IS NULL OR o.active_to >= " + param(params, period.starts_on) + ") AND " +
        indicators_due(params, period, indicator_id, owes) + " ORDER BY lower(o.name), o.id";
    for (const auto& row : db.query(sql, params).rows) found.push_back(status_from(row, row.integer(0)));
    return found;
}

Completeness completeness(db::Connection& db, const Period& period, std::string_view today) {
    return completeness_of(period, expected_returners(db, period), today);
}

std::vector<RatedValue> period_values(db::Connection& db, const Period& period,
                                      std::optional<std::int64_t> indicator_id) {
    std::map<std::int64_t, Indicator> indicators;
    for (auto& i : indicators_of(db, period.partnership_id)) indicators.emplace(i.id, std::move(i));
    std::vector<db::Value> params{period.id};
    std::string sql = std::string(value_columns) +
                      "JOIN performance_indicators i ON i.id = v.indicator_id "
                      "WHERE r.period_id = $1 AND " +
                      returned;
    if (indicator_id) sql += " AND v.indicator_id = " + param(params, *indicator_id);
    sql += " ORDER BY i.code_key, lower(COALESCE(o.name, pa.name)), r.id";
    std::vector<RatedValue> values;
    for (const auto& row : db.query(sql, params).rows) {
        auto it = indicators.find(row.integer(0));
        if (it != indicators.end()) values.push_back(rated(row, it->second, period.starts_on));
    }
    return values;
}

std::vector<IndicatorSummary> period_summary(db::Connection& db, const Period& period) {
    std::map<std::int64_t, Sums> sums;
    for (const auto& row :
         db.query(sums_sql("v.indicator_id") + " AND r.period_id = $1 GROUP BY v.indicator_id", {period.id}).rows)
        sums[row.integer(0)] = sums_from(row);
    std::vector<IndicatorSummary> summary;
    for (auto& indicator : indicators_of(db, period.partnership_id)) {
        if (period_kind_for(indicator.frequency) != period.kind) continue;
        IndicatorSummary s;
        s.aggregate = aggregate_of(indicator.unit, sums[indicator.id]);
        s.target = target_for(indicator.targets, period.starts_on);
        if (s.aggregate.value) s.rag = rag_of(*s.aggregate.value, indicator.polarity, s.target);
        s.indicator = std::move(indicator);
        summary.push_back(std::move(s));
    }
    return summary;
}

Exceptions exceptions(db::Connection& db, const Period& period, std::string_view today) {
    Exceptions e;
    e.period = period;
    for (auto& v : period_values(db, period)) {
        if (v.rag == Rag::red) e.outside_tolerance.push_back(std::move(v));
    }
    e.missing = completeness(db, period, today).missing();
    return e;
}

Trend trend(db::Connection& db, const Indicator& indicator, const TrendQuery& query) {
    Trend t;
    t.indicator = indicator;
    auto periods =
        list_periods(db, {indicator.partnership_id, period_kind_for(indicator.frequency), query.from, query.to});
    std::map<std::int64_t, std::size_t> position;
    for (const auto& p : periods) {
        position[p.id] = t.points.size();
        t.points.push_back({p, {}, target_for(indicator.targets, p.starts_on), std::nullopt});
    }
    std::vector<db::Value> params{indicator.id};
    std::string range = " AND v.indicator_id = $1";
    if (query.from) range += " AND p.starts_on >= " + param(params, *query.from);
    if (query.to) range += " AND p.starts_on <= " + param(params, *query.to);
    for (const auto& row : db.query(sums_sql("r.period_id") + range + " GROUP BY r.period_id", params).rows) {
        auto it = position.find(row.integer(0));
        if (it == position.end()) continue;
        auto& point = t.points[it->second];
        point.aggregate = aggregate_of(indicator.unit, sums_from(row));
        if (point.aggregate.value) point.rag = rag_of(*point.aggregate.value, indicator.polarity, point.target);
    }
    if (!query.per_returner) return t;
    if (query.organisation) range += " AND r.returner_key = " + param(params, *query.organisation);
    std::string sql = std::string(value_columns) + "JOIN performance_periods p ON p.id = r.period_id WHERE " +
                      returned + range + " ORDER BY lower(COALESCE(o.name, pa.name)), r.returner_key, p.starts_on";
    std::map<std::int64_t, std::size_t> series;  // returner key → its place in t.returners
    for (const auto& row : db.query(sql, params).rows) {
        auto it = position.find(row.integer(9));
        if (it == position.end()) continue;
        auto key = row.optional_integer(1).value_or(0);
        auto [entry, added] = series.emplace(key, t.returners.size());
        if (added) t.returners.push_back({row.optional_integer(1), row.text(2), {}});
        auto& s = t.returners[entry->second];
        s.points.resize(periods.size());
        s.points[it->second] = rated(row, indicator, periods[it->second].starts_on);
    }
    return t;
}

Comparison compare(db::Connection& db, const Indicator& indicator, const Period& period) {
    Comparison c;
    c.indicator = indicator;
    c.period = period;
    c.target = target_for(indicator.targets, period.starts_on);
    c.aggregate = aggregate_for(db, indicator, period);
    if (c.aggregate.value) c.rag = rag_of(*c.aggregate.value, indicator.polarity, c.target);
    c.values = period_values(db, period, indicator.id);
    rank(c.values, indicator.polarity, c.target);
    for (auto& r : expected_returners(db, period, indicator.id)) {
        bool has_value = std::any_of(c.values.begin(), c.values.end(),
                                     [&](const RatedValue& v) { return v.organisation_id == r.organisation_id; });
        if (!has_value) c.missing.push_back(std::move(r));
    }
    return c;
}

}  // namespace safeboard::performance
