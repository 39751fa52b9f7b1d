// A period's completeness (who has returned, who is late, who is missing)
// and its exceptions (every red value and every missing return). Where a
// return stands is shown for each expected returner; its figures only once
// submitted, and a link to it only for those policy lets see it.
#include "modules/performance/pages_analysis.hpp"
#include "modules/performance/store.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::performance::pages {

namespace {

// A returner's row: name, where its return stands, and a link to the return
// when the user may see it.
data returner_row(const ReturnerStatus& r, const Reach& reach, const Period& period) {
    data row = status_tag(r);
    row.set("name", r.name);
    row.set("submitted", web::text(r.submitted_at ? calendar::date_in_words(r.submitted_at->substr(0, 10)) : ""));
    std::string href;
    if (r.return_id && r.status) {
        Return ret;
        ret.id = *r.return_id;
        ret.partnership_id = period.partnership_id;
        ret.period_id = period.id;
        ret.organisation_id = r.organisation_id;
        ret.status = *r.status;
        if (may_read(reach, ret)) href = return_href(ret.id);
    }
    row.set("href", web::text(href));
    return row;
}

// A table of returners for the period_returners partial: {rows}.
data returners_table(const std::vector<ReturnerStatus>& returners, const Reach& reach, const Period& period) {
    data rows{data::type::list};
    for (const auto& r : returners) rows.push_back(returner_row(r, reach, period));
    data table;
    table.set("rows", rows);
    return table;
}

data value_row(const RatedValue& v) {
    data row;
    row.set("indicator_href", indicator_href(v.indicator_id));
    row.set("code", v.indicator_code);
    row.set("indicator", v.indicator_title);
    row.set("returner", v.returner_name);
    row.set("value", figure(v.value.value, v.unit));
    row.set("target", target_words(v.target, v.unit));
    row.set("rating", rag_tag(v.rag));
    return row;
}

// A table of rated values for the period_values partial: {rows}.
data values_table(const std::vector<RatedValue>& values) {
    data rows{data::type::list};
    for (const auto& v : values) rows.push_back(value_row(v));
    data table;
    table.set("rows", rows);
    return table;
}

data summary_rows(const std::vector<IndicatorSummary>& summary) {
    data rows{data::type::list};
    for (const auto& s : summary) {
        data row;
        row.set("href", indicator_href(s.indicator.id));
        row.set("code", s.indicator.code);
        row.set("title", s.indicator.title);
        row.set("figure", figure(s.aggregate.value, s.indicator.unit));
        row.set("counted", std::to_string(s.aggregate.values));
        row.set("target", target_words(s.target, s.indicator.unit));
        row.set("rating", rag_tag(s.rag));
        rows.push_back(row);
    }
    return rows;
}

// What both pages of a period say about it.
data period_values_base(db::Connection& db, const Period& period, const std::string& suffix) {
    data values = neighbours(db, period, suffix);
    auto partnership = register_::find_partnership(db, period.partnership_id);
    values.set("partnership", partnership ? partnership->name : std::string());
    values.set("dashboard_href", dashboard_href(period.partnership_id));
    values.set("name", period.name);
    values.set("kind", std::string(label_of(period.kind)));
    values.set("dates", period_dates(period));
    values.set("kind_lower", kind_words(period.kind));
    values.set("due", calendar::date_in_words(period.due_on));
    values.set("period_href", period_href(period.id));
    values.set("exceptions_href", exceptions_href(period.id));
    return values;
}

// The period of the path's {id}, when the user reads its partnership's figures.
std::optional<Period> readable_period(const http::Request& request, http::Context& context, const Reach& reach) {
    auto id = auth::path_id(request);
    auto period = id ? find_period(context.db(), *id) : std::nullopt;
    if (!period || !may_read_figures(reach, period->partnership_id)) return std::nullopt;
    return period;
}

http::Response period_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto reach = reach_for(context);
    auto period = readable_period(request, context, reach);
    if (!period) return auth::missing(request, "period");
    auto& db = context.db();
    auto done = completeness(db, *period, today());
    auto values = period_values_base(db, *period, "");
    values.set("returned", std::to_string(done.returned));
    values.set("expected", std::to_string(done.expected));
    values.set("percent", std::to_string(done.percent));
    values.set("late_count", std::to_string(done.late));
    auto late = done.late_ones();
    auto missing = done.missing();
    values.set("has_late", !late.empty());
    values.set("late_table", returners_table(late, reach, *period));
    values.set("has_missing", !missing.empty());
    values.set("missing_table", returners_table(missing, reach, *period));
    values.set("has_returners", !done.returners.empty());
    values.set("returners_table", returners_table(done.returners, reach, *period));
    auto summary = period_summary(db, *period);
    values.set("has_summary", !summary.empty());
    values.set("summary", summary_rows(summary));
    auto rated = period_values(db, *period);
    values.set("has_values", !rated.empty());
    values.set("values_table", values_table(rated));
    return render(pages, context, "performance/pages/period", std::move(values), "Returns for " + period->name, 200,
                  dashboard_href(period->partnership_id));
}

http::Response exceptions_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto reach = reach_for(context);
    auto period = readable_period(request, context, reach);
    if (!period) return auth::missing(request, "period");
    auto& db = context.db();
    auto found = exceptions(db, *period, today());
    auto values = period_values_base(db, *period, "/exceptions");
    values.set("has_red", !found.outside_tolerance.empty());
    values.set("red_table", values_table(found.outside_tolerance));
    values.set("has_missing", !found.missing.empty());
    values.set("missing_table", returners_table(found.missing, reach, *period));
    return render(pages, context, "performance/pages/exceptions", std::move(values), "Exceptions in " + period->name,
                  200, period_href(period->id));
}

}  // namespace

void add_period_pages(http::Router& router, const PagesPtr& pages) {
    auto readers = http::Access::needs(read_permission);
    router.add(route(http::Method::get, "/performance/periods/{id}", readers,
                     "A period's returns: who returned, who is late, who is missing, and the figures", pages,
                     period_page));
    router.add(route(http::Method::get, "/performance/periods/{id}/exceptions", readers,
                     "A period's exceptions: every red value and every missing return", pages, exceptions_page));
}

}  // namespace safeboard::performance::pages
