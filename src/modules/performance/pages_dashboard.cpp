// The partnership's dashboard: for the latest period of each kind, each
// indicator's partnership figure, rating and trend, how complete the
// period's returns are and how many exceptions it has. Also what the
// analysis pages share (pages_analysis.hpp).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>

#include "modules/performance/pages_analysis.hpp"
#include "modules/performance/store.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/choices.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/charts/scale.hpp"
#include "platform/mail/encoding.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::performance::pages {

// ---- what the analysis pages share ---------------------------------------------------------

std::string indicator_href(std::int64_t id) { return "/performance/indicators/" + std::to_string(id); }
std::string period_href(std::int64_t id) { return "/performance/periods/" + std::to_string(id); }
std::string exceptions_href(std::int64_t id) { return period_href(id) + "/exceptions"; }
std::string dashboard_href(std::int64_t partnership_id) {
    return "/performance?partnership=" + std::to_string(partnership_id);
}

namespace {

// Whether a value reads the same without its decimal place.
bool whole_to_a_decimal(double value) { return std::abs(std::round(value * 10) / 10 - std::round(value)) < 1e-9; }

}  // namespace

std::string figure(std::optional<double> value, Unit unit) {
    if (!value) return "No figures";
    return charts::format_value(*value, whole_to_a_decimal(*value) ? 0 : 1, chart_unit(unit));
}

std::string chart_unit(Unit unit) {
    switch (unit) {
    case Unit::percentage: return "%";
    case Unit::rate_per_10000: return "per 10,000";
    case Unit::days: return "days";
    case Unit::count: return "";
    }
    return "";
}

int chart_decimals(const std::vector<std::optional<double>>& values) {
    bool whole = std::ranges::all_of(values, [](const auto& v) { return !v || whole_to_a_decimal(*v); });
    return whole ? 0 : 1;
}

std::string target_words(const std::optional<Target>& target, Unit unit) {
    if (!target) return "No target";
    auto words = figure(target->value, unit);
    if (target->tolerance > 0) words += ", with a tolerance of " + figure(target->tolerance, unit);
    return words;
}

charts::Rating rating_of(std::optional<Rag> rag) {
    if (!rag) return charts::Rating::none;
    switch (*rag) {
    case Rag::red: return charts::Rating::red;
    case Rag::amber: return charts::Rating::amber;
    case Rag::green: return charts::Rating::green;
    }
    return charts::Rating::none;
}

data rag_tag(std::optional<Rag> rag) {
    static const std::map<Rag, std::string> classes{
        {Rag::red, "govuk-tag--red"}, {Rag::amber, "govuk-tag--orange"}, {Rag::green, "govuk-tag--green"}};
    data tag;
    tag.set("rag", rag ? std::string(label_of(*rag)) : std::string("Not rated"));
    tag.set("rag_class", rag ? classes.at(*rag) : std::string("govuk-tag--grey"));
    return tag;
}

data status_tag(const ReturnerStatus& returner) {
    data tag;
    tag.set("status", returner.status ? std::string(label_of(*returner.status)) : std::string("Not started"));
    tag.set("status_class", returner.status ? status_tag_class(*returner.status) : std::string("govuk-tag--grey"));
    tag.set("late", returner.late);
    tag.set("overdue", returner.overdue);
    return tag;
}

std::string kind_words(PeriodKind kind) {
    std::string words(label_of(kind));
    std::ranges::transform(words, words.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return words;
}

std::string period_dates(const Period& period) {
    return calendar::date_in_words(period.starts_on) + " to " + calendar::date_in_words(period.ends_on);
}

namespace {

// The text of an SVG element that holds no markup (the chart escaped it):
// between `open` and the next '<', with the five XML entities read back.
std::string svg_text(const std::string& svg, const std::string& open) {
    auto at = svg.find(open);
    if (at == std::string::npos) return {};
    at += open.size();
    auto text = svg.substr(at, svg.find('<', at) - at);
    static const std::pair<std::string, std::string> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : entities) {
        for (auto found = text.find(entity); found != std::string::npos;
             found = text.find(entity, found + character.size())) {
            text.replace(found, entity.size(), character);
        }
    }
    return text;
}

std::string svg_attribute(const std::string& svg, const std::string& name) {
    auto head = svg.substr(0, svg.find('>'));
    auto at = head.find(" " + name + "=\"");
    if (at == std::string::npos) return {};
    at += name.size() + 3;
    return head.substr(at, head.find('"', at) - at);
}

}  // namespace

data chart_image(const std::string& svg, bool summarised) {
    // An <img> does not expose the SVG's own title and description, so the
    // alternative text carries them.
    auto title = svg_text(svg, "-title\">");
    auto summary = summarised ? svg_text(svg, "-desc\">") : "The figures are in the table below.";
    data image;
    image.set("src", "data:image/svg+xml;base64," + mail::base64(svg));
    image.set("alt", summary.empty() ? title : title + ". " + summary);
    image.set("width", svg_attribute(svg, "width"));
    image.set("height", svg_attribute(svg, "height"));
    return image;
}

data table_of(const charts::DataTable& table) {
    data head{data::type::list};
    for (const auto& h : table.head) head.push_back(data(h));
    data rows{data::type::list};
    for (const auto& row : table.rows) {
        data cells{data::type::list};
        for (std::size_t i = 1; i < row.size(); ++i) cells.push_back(data(row[i]));
        data item;
        item.set("first", row.empty() ? std::string() : row.front());
        item.set("cells", cells);
        rows.push_back(item);
    }
    data out;
    out.set("caption", table.caption);
    out.set("head", head);
    out.set("rows", rows);
    return out;
}

Reach reach_for(http::Context& context) { return reach_of(context.db(), context.user()); }

data neighbours(db::Connection& db, const Period& period, const std::string& suffix) {
    auto same_kind = list_periods(db, {period.partnership_id, period.kind, std::nullopt, std::nullopt});
    auto at = std::ranges::find(same_kind, period.id, &Period::id);
    data links;
    if (at == same_kind.end()) return links;
    if (at != same_kind.begin()) {
        links.set("previous_href", period_href(std::prev(at)->id) + suffix);
        links.set("previous_name", std::prev(at)->name);
    }
    if (std::next(at) != same_kind.end()) {
        links.set("next_href", period_href(std::next(at)->id) + suffix);
        links.set("next_name", std::next(at)->name);
    }
    links.set("has_neighbours", at != same_kind.begin() || std::next(at) != same_kind.end());
    return links;
}

// ---- the dashboard -------------------------------------------------------------------------

namespace {

constexpr std::size_t sparkline_periods = 8;

// Every partnership whose figures the user reads.
std::vector<register_::Partnership> readable_partnerships(db::Connection& db, const Reach& reach) {
    access::ScopeFilter either = reach.read;
    either.everything = either.everything || reach.review.everything;
    for (auto id : reach.review.ids) {
        if (!either.allows(id)) either.ids.push_back(id);
    }
    return register_::partnerships_in(db, either);
}

http::Response chooser(const Pages& pages, http::Context& context,
                       const std::vector<register_::Partnership>& partnerships) {
    data list{data::type::list};
    for (const auto& p : partnerships) {
        data item;
        item.set("name", p.name);
        item.set("href", dashboard_href(p.id));
        list.push_back(item);
    }
    data values;
    values.set("partnerships", list);
    values.set("has_partnerships", !partnerships.empty());
    return render(pages, context, "performance/pages/choose_partnership", std::move(values), "Performance");
}

// The latest period of each kind, the shortest kind first.
std::vector<Period> latest_periods(db::Connection& db, std::int64_t partnership_id) {
    std::map<PeriodKind, Period> latest;
    for (auto& p : list_periods(db, {partnership_id, std::nullopt, std::nullopt, std::nullopt})) {
        latest.insert_or_assign(p.kind, std::move(p));  // by start: the last of a kind is its latest
    }
    std::vector<Period> found;
    for (auto& [kind, p] : latest) found.push_back(std::move(p));
    return found;
}

// The indicator's partnership figure over the periods up to this one.
data sparkline(db::Connection& db, const Indicator& indicator, const Period& period) {
    TrendQuery query;
    query.to = period.starts_on;
    query.per_returner = false;
    auto t = trend(db, indicator, query);
    auto first = t.points.size() > sparkline_periods
                     ? t.points.end() - static_cast<std::ptrdiff_t>(sparkline_periods)
                     : t.points.begin();
    charts::Sparkline chart;
    chart.id = "spark-" + std::to_string(period.id) + "-" + std::to_string(indicator.id);
    chart.title = indicator.code + ": the partnership's figure up to " + period.name;
    chart.unit = chart_unit(indicator.unit);
    for (auto it = first; it != t.points.end(); ++it) {
        chart.categories.push_back(it->period.name);
        chart.values.push_back(it->aggregate.value);
    }
    chart.decimals = chart_decimals(chart.values);
    if (!t.points.empty() && t.points.back().target) chart.target = t.points.back().target->value;
    return chart_image(charts::sparkline_svg(chart));
}

data summary_rows(db::Connection& db, const Period& period) {
    data rows{data::type::list};
    for (const auto& s : period_summary(db, period)) {
        data row;
        row.set("href", indicator_href(s.indicator.id));
        row.set("code", s.indicator.code);
        row.set("title", s.indicator.title);
        row.set("figure", figure(s.aggregate.value, s.indicator.unit));
        row.set("target", target_words(s.target, s.indicator.unit));
        row.set("rating", rag_tag(s.rag));
        row.set("spark", sparkline(db, s.indicator, period));
        rows.push_back(row);
    }
    return rows;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

data period_section(db::Connection& db, const Period& period, const std::string& today) {
    auto done = completeness(db, period, today);
    auto found = exceptions(db, period, today);
    data section;
    section.set("id", std::to_string(period.id));
    section.set("kind", kind_words(period.kind));
    section.set("name", period.name);
    section.set("dates", period_dates(period));
    section.set("due", calendar::date_in_words(period.due_on));
    section.set("completeness", std::to_string(done.returned) + " of " + std::to_string(done.expected) +
                                    " expected returns received (" + std::to_string(done.percent) + "%)");
    section.set("late", web::text(done.late > 0 ? plural(static_cast<std::size_t>(done.late), "late", "late") : ""));
    section.set("period_href", period_href(period.id));
    section.set("exceptions_href", exceptions_href(period.id));
    section.set("exceptions", plural(found.outside_tolerance.size() + found.missing.size(), "exception", "exceptions") +
                                  ": " + plural(found.outside_tolerance.size(), "red value", "red values") + " and " +
                                  plural(found.missing.size(), "missing return", "missing returns"));
    auto rows = summary_rows(db, period);
    section.set("has_indicators", !rows.is_empty_list());
    section.set("indicators", rows);
    return section;
}

data indicator_list(db::Connection& db, std::int64_t partnership_id) {
    data list{data::type::list};
    for (const auto& i : indicators_of(db, partnership_id)) {
        data item;
        item.set("href", indicator_href(i.id));
        item.set("code", i.code);
        item.set("title", i.title);
        item.set("frequency", std::string(label_of(i.frequency)));
        list.push_back(item);
    }
    return list;
}

http::Response dashboard(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = reach_for(context);
    auto asked = auth::query_id(request, "partnership");
    if (asked.bad) return auth::missing(request, "partnership");
    auto readable = readable_partnerships(db, reach);
    if (!asked.id && readable.size() != 1) return chooser(pages, context, readable);
    auto id = asked.id.value_or(readable.empty() ? 0 : readable.front().id);
    auto partnership = may_read_figures(reach, id) ? register_::find_partnership(db, id) : std::nullopt;
    if (!partnership) return auth::missing(request, "partnership");

    auto today = pages::today();
    data sections{data::type::list};
    for (const auto& p : latest_periods(db, partnership->id)) sections.push_back(period_section(db, p, today));
    auto indicators = indicator_list(db, partnership->id);
    data values;
    values.set("partnership", partnership->name);
    values.set("sections", sections);
    values.set("has_sections", !sections.is_empty_list());
    values.set("indicators", indicators);
    values.set("has_indicators", !indicators.is_empty_list());
    bool returns = !reach.enter.empty() || may_manage(reach, partnership->id);
    values.set("has_links", returns || readable.size() > 1);
    values.set("several", readable.size() > 1);
    values.set("returns", returns);
    values.set("returns_words", std::string(reach.enter.empty() ? "Returns to review" : "Your returns"));
    auto import_href = web::link("/performance/import", {{"partnership", std::to_string(partnership->id)}});
    values.set("import_href", web::text(may_manage(reach, partnership->id) ? import_href : ""));
    return render(pages, context, "performance/pages/dashboard", std::move(values),
                  "Performance: " + partnership->name);
}

}  // namespace

void add_dashboard_pages(http::Router& router, const PagesPtr& pages) {
    router.add(route(http::Method::get, "/performance", http::Access::needs(read_permission),
                     "The partnership's performance dashboard", pages, dashboard));
}

void add_analysis_pages(http::Router& router, const PagesPtr& pages) {
    add_dashboard_pages(router, pages);
    add_indicator_pages(router, pages);
    add_period_pages(router, pages);
}

}  // namespace safeboard::performance::pages
