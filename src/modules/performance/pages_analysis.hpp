#pragma once
// What the analysis pages (the dashboard, an indicator, a period's
// completeness and exceptions) share: figures in words, ratings and
// statuses as tags, charts as images with their data as a table, and the
// check that the user reads the partnership's figures. Internal to those pages.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/performance/model.hpp"
#include "modules/performance/pages_support.hpp"
#include "modules/performance/policy.hpp"
#include "platform/charts/charts.hpp"

namespace safeboard::performance::pages {

std::string indicator_href(std::int64_t id);
std::string period_href(std::int64_t id);
std::string exceptions_href(std::int64_t id);
std::string dashboard_href(std::int64_t partnership_id);

// A figure in the indicator's unit, with one decimal only when it needs
// one: "88%", "96.2%", "312", "12.5 days". "No figures" for none.
std::string figure(std::optional<double> value, Unit unit);
// The unit as a chart writes it after a value: "%", "days", "per 10,000".
std::string chart_unit(Unit unit);
// The digits after the point a chart of these values needs: 0 when every
// one is whole to a decimal place, else 1.
int chart_decimals(const std::vector<std::optional<double>>& values);
// "70%, with a tolerance of 5": what a value is rated against.
std::string target_words(const std::optional<Target>& target, Unit unit);
charts::Rating rating_of(std::optional<Rag> rag);
// {rag: "Red", rag_class: "govuk-tag--red"}, or "Not rated" in grey (no target).
data rag_tag(std::optional<Rag> rag);
// Where an expected return stands, never its figures: {status, status_class}.
data status_tag(const ReturnerStatus& returner);
// "quarter", "half year", "year": a period kind within a sentence.
std::string kind_words(PeriodKind kind);
// "1 October 2010 to 30 September 2011".
std::string period_dates(const Period& period);

// A chart as an image for the page: {src (a data: URL of the SVG), alt (its
// title and its summary, or for a chart too detailed to sum up in a sentence
// or two a pointer to the table beside it), width, height}. An image, because pages never insert
// markup unescaped; the data URL keeps it one request and within the
// Content-Security-Policy (images from 'self' and data:).
data chart_image(const std::string& svg, bool summarised = true);
// The chart's numbers as a table beside it: {caption, head: [..], rows: [{first, cells: [..]}]}.
data table_of(const charts::DataTable& table);

// The user's reach, worked out once per request.
Reach reach_for(http::Context& context);

// The periods before and after this one of the same kind, for links
// {previous_href, previous_name, next_href, next_name}; `suffix` follows the
// period's path ("/exceptions").
data neighbours(db::Connection& db, const Period& period, const std::string& suffix);

// The routes of each page file.
void add_dashboard_pages(http::Router& router, const PagesPtr& pages);
void add_indicator_pages(http::Router& router, const PagesPtr& pages);
void add_period_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::performance::pages
