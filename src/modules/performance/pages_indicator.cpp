// One indicator: its definition and targets, the partnership's figure over
// the periods of its frequency against the target (and, when asked, one
// agency's beside it), and the agencies compared in one period; each chart
// with its numbers as a table.
#include <algorithm>
#include <map>

#include "modules/performance/pages_analysis.hpp"
#include "modules/performance/periods.hpp"
#include "modules/performance/rules.hpp"
#include "modules/performance/store.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/vocabulary.hpp"
#include "platform/calendar/date.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::performance::pages {

namespace {

std::string returner_words(const Returner& r) {
    switch (r.kind) {
    case ReturnerKind::partner_agencies: return "Every partner agency (statutory partners and relevant agencies)";
    case ReturnerKind::sector:
        return "Every organisation of the sector " + (r.sector ? std::string(label_of(*r.sector)) : std::string());
    case ReturnerKind::organisation: return r.organisation_name;
    case ReturnerKind::partnership: return "The partnership's business unit";
    }
    return {};
}

data details_of(const Indicator& indicator) {
    std::string returners;
    for (const auto& r : indicator.returned_by) returners += (returners.empty() ? "" : "; ") + returner_words(r);
    data rows{data::type::list};
    rows.push_back(web::detail_row("Code", indicator.code));
    rows.push_back(web::detail_row("Definition", indicator.definition));
    rows.push_back(web::detail_row("Unit", std::string(label_of(indicator.unit))));
    if (is_ratio(indicator.unit)) {
        rows.push_back(web::detail_row("Numerator", indicator.numerator));
        rows.push_back(web::detail_row("Denominator", indicator.denominator));
    }
    rows.push_back(web::detail_row("Which way is better", std::string(label_of(indicator.polarity))));
    rows.push_back(web::detail_row("How often it is returned", std::string(label_of(indicator.frequency))));
    rows.push_back(web::detail_row("Returned by", returners));
    rows.push_back(web::detail_row("Source", indicator.source));
    return rows;
}

data targets_of(const Indicator& indicator) {
    data rows{data::type::list};
    for (const auto& t : indicator.targets) {
        data row;
        row.set("from", t.applies_from.empty() ? std::string("The start") : calendar::date_in_words(t.applies_from));
        row.set("target", figure(t.value, indicator.unit));
        row.set("tolerance", figure(t.tolerance, indicator.unit));
        rows.push_back(row);
    }
    return rows;
}

// The period to compare agencies in: the one asked for, else the latest
// with figures, else the latest. None when the indicator has no periods.
std::optional<Period> comparison_period(const Trend& t, std::optional<std::int64_t> asked) {
    if (asked) {
        auto at = std::ranges::find_if(t.points, [&](const TrendPoint& p) { return p.period.id == *asked; });
        if (at == t.points.end()) return std::nullopt;
        return at->period;
    }
    auto with_figures = std::ranges::find_if(t.points.rbegin(), t.points.rend(),
                                             [](const TrendPoint& p) { return p.aggregate.values > 0; });
    if (with_figures != t.points.rend()) return with_figures->period;
    if (t.points.empty()) return std::nullopt;
    return t.points.back().period;
}

data trend_section(const Trend& t, const std::optional<Series>& agency) {
    const auto& indicator = t.indicator;
    charts::TrendChart chart;
    chart.id = "trend";
    chart.title = indicator.code + ": the partnership's figure in each " + kind_words(period_kind_for(indicator.frequency));
    chart.unit = chart_unit(indicator.unit);
    chart.value_label = std::string(label_of(indicator.unit));
    charts::Series partnership{"Partnership figure", {}};
    std::vector<std::optional<double>> all;
    for (const auto& p : t.points) {
        chart.categories.push_back(p.period.name);
        partnership.values.push_back(p.aggregate.value);
        all.push_back(p.aggregate.value);
    }
    chart.series.push_back(std::move(partnership));
    if (agency) {
        charts::Series own{agency->name, {}};
        for (const auto& v : agency->points) {
            own.values.push_back(v ? std::optional<double>(v->value.value) : std::nullopt);
            all.push_back(own.values.back());
        }
        chart.series.push_back(std::move(own));
    }
    if (!t.points.empty() && t.points.back().target) chart.target = t.points.back().target->value;
    chart.decimals = chart_decimals(all);
    // The table adds each period's rating in words, which the line cannot show.
    auto table = charts::data_table(chart);
    table.head.push_back("Rating");
    for (std::size_t i = 0; i < table.rows.size() && i < t.points.size(); ++i) {
        const auto& rag = t.points[i].rag;
        table.rows[i].push_back(rag ? std::string(label_of(*rag)) : std::string("None"));
    }
    data section;
    section.set("chart", chart_image(charts::trend_svg(chart)));
    section.set("table", table_of(table));
    return section;
}

data comparison_section(const Comparison& c) {
    const auto& indicator = c.indicator;
    charts::BarChart chart;
    chart.id = "compare";
    chart.title = indicator.code + " in " + c.period.name + ": each agency's figure";
    chart.unit = chart_unit(indicator.unit);
    chart.category_label = "Agency";
    chart.value_label = std::string(label_of(indicator.unit));
    std::vector<std::optional<double>> all;
    for (const auto& v : c.values) {
        chart.bars.push_back({v.returner_name, v.value.value, rating_of(v.rag)});
        all.push_back(v.value.value);
    }
    if (c.target) chart.target = c.target->value;
    chart.decimals = chart_decimals(all);
    data missing{data::type::list};
    for (const auto& m : c.missing) missing.push_back(data(m.name));
    data section;
    section.set("period", c.period.name);
    section.set("period_href", period_href(c.period.id));
    section.set("figure", figure(c.aggregate.value, indicator.unit));
    section.set("target", target_words(c.target, indicator.unit));
    section.set("rating", rag_tag(c.rag));
    section.set("has_values", !c.values.empty());
    // A bar for each agency is too much to read out; the table beside it has them.
    section.set("chart", chart_image(charts::bar_svg(chart), false));
    section.set("table", table_of(charts::data_table(chart)));
    section.set("has_missing", !c.missing.empty());
    section.set("missing", missing);
    return section;
}

// The other periods to compare agencies in: those with figures.
data period_links(const Trend& t, const Period& shown, const std::string& organisation) {
    data links{data::type::list};
    for (const auto& p : t.points) {
        if (p.aggregate.values == 0 || p.period.id == shown.id) continue;
        data link;
        link.set("name", p.period.name);
        link.set("href", web::link(indicator_href(t.indicator.id),
                                   {{"period", std::to_string(p.period.id)}, {"organisation", organisation}}));
        links.push_back(link);
    }
    return links;
}

// The agencies whose own figures may be shown beside the partnership's:
// those that returned any, and those expected in the compared period.
std::map<std::int64_t, std::string> agencies_of(const Trend& all, const std::optional<Comparison>& c) {
    std::map<std::int64_t, std::string> found;
    for (const auto& s : all.returners) {
        if (s.organisation_id) found.emplace(*s.organisation_id, s.name);
    }
    if (c) {
        for (const auto& v : c->values) {
            if (v.organisation_id) found.emplace(*v.organisation_id, v.returner_name);
        }
        for (const auto& m : c->missing) {
            if (m.organisation_id) found.emplace(*m.organisation_id, m.name);
        }
    }
    return found;
}

data agency_field(const std::map<std::int64_t, std::string>& agencies, std::optional<std::int64_t> chosen) {
    std::vector<web::Choice> choices{{"", "None: the partnership's figure only", {}}};
    for (const auto& [id, name] : agencies) choices.push_back({std::to_string(id), name, {}});
    std::ranges::sort(choices.begin() + 1, choices.end(), {}, &web::Choice::label);
    return web::choice_field("organisation", "Show one agency's figures beside the partnership's", choices,
                             {chosen ? std::to_string(*chosen) : std::string()}, {});
}

http::Response indicator_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = reach_for(context);
    auto id = auth::path_id(request);
    auto indicator = id ? find_indicator(db, *id) : std::nullopt;
    if (!indicator || !may_read_figures(reach, indicator->partnership_id)) return auth::missing(request, "indicator");
    auto asked_period = auth::query_id(request, "period");
    auto asked_agency = auth::query_id(request, "organisation");
    if (asked_period.bad) return auth::missing(request, "period");
    if (asked_agency.bad) return auth::missing(request, "organisation");

    // Every returner's series: what the agency choice offers, and the one chosen.
    auto all = trend(db, *indicator, {});
    auto period = comparison_period(all, asked_period.id);
    if (asked_period.id && !period) return auth::missing(request, "period");
    std::optional<Comparison> comparison;
    if (period) comparison = compare(db, *indicator, *period);
    auto agencies = agencies_of(all, comparison);
    std::optional<Series> agency;
    if (asked_agency.id) {
        auto named = agencies.find(*asked_agency.id);
        if (named == agencies.end()) return auth::missing(request, "organisation");
        auto own = std::ranges::find(all.returners, asked_agency.id, &Series::organisation_id);
        agency = own != all.returners.end() ? *own : Series{asked_agency.id, named->second, {}};
    }

    std::string chosen = asked_agency.id ? std::to_string(*asked_agency.id) : std::string();
    data values;
    values.set("code", indicator->code);
    values.set("title", indicator->title);
    values.set("details", details_of(*indicator));
    auto targets = targets_of(*indicator);
    values.set("has_targets", !targets.is_empty_list());
    values.set("targets", targets);
    values.set("has_periods", !all.points.empty());
    values.set("trend", trend_section(all, agency));
    values.set("agency_field", agency_field(agencies, asked_agency.id));
    values.set("action", indicator_href(indicator->id));
    values.set("period_id", web::text(asked_period.id ? std::to_string(*asked_period.id) : std::string()));
    if (comparison) {
        values.set("comparison", comparison_section(*comparison));
        auto others = period_links(all, *period, chosen);
        values.set("has_other_periods", !others.is_empty_list());
        values.set("other_periods", others);
    }
    return render(pages, context, "performance/pages/indicator", std::move(values),
                  indicator->code + ": " + indicator->title, 200, dashboard_href(indicator->partnership_id));
}

}  // namespace

void add_indicator_pages(http::Router& router, const PagesPtr& pages) {
    router.add(route(http::Method::get, "/performance/indicators/{id}", http::Access::needs(read_permission),
                     "An indicator: its definition, targets, trend and agencies compared", pages, indicator_page));
}

}  // namespace safeboard::performance::pages
