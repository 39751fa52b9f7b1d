#pragma once
// What the register's page files share: rendering, reading ids and filters
// from the request, the values form templates read, and loading what a form
// offers to choose from. Internal to the register's pages.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/register/import.hpp"
#include "modules/register/model.hpp"
#include "modules/register/rules.hpp"
#include "modules/register/store.hpp"
#include "modules/register/store_support.hpp"
#include "modules/register/vocabulary.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/text.hpp"
#include "platform/http/context.hpp"
#include "platform/http/form.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::register_::pages {

using kainjow::mustache::data;
using Errors = std::vector<FieldError>;
using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Pages {
    const web::Templates& templates;
};
using PagesPtr = std::shared_ptr<const Pages>;

// Lists show this many rows a page.
inline constexpr int per_page = 50;

// ---- answering -------------------------------------------------------------------

// auth::render_page, with a back link above the page when `back_link` is given.
http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status = 200, std::string back_link = {});
// 404 "There is no such <what>": also the answer for a record outside the user's reach.
http::Response missing(const http::Request& request, std::string_view what);
// A page route of the register (on the workers, tagged "register").
http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages,
                  http::Response (*handler)(const Pages&, const http::Request&, http::Context&));

// ---- reading the request --------------------------------------------------------------

std::optional<std::int64_t> path_id(const http::Request& request);
// An id in the query string: none when absent or blank, `bad` when it is not an id.
struct QueryId {
    std::optional<std::int64_t> id;
    bool bad = false;
};
QueryId query_id(const http::Request& request, std::string_view name);
std::string query_text(const http::Request& request, std::string_view name);  // trimmed; "" when absent
// `path` with the non-empty params as a query string, every byte but the unreserved ones escaped.
std::string link(std::string_view path, const QueryParams& params);

// The filters every list shares: partnership, q and the page key.
struct ListRequest {
    ListQuery query;
    QueryParams given;  // as typed, for the form and the next page's link
    bool bad = false;   // a partnership beyond reach, or a page key we did not issue
};
ListRequest list_request(const http::Request& request, http::Context& context);

// What every list page shows besides its rows: whether this is a later page,
// the next page's link, and the downloads of the chosen partnership.
void set_list_values(data& values, const ListRequest& list, const std::string& next, std::string_view path,
                     ImportKind kind);

// One page of a list: `rows` and the key of the next page, if any.
template <typename Record>
struct Paged {
    std::vector<Record> rows;
    std::string next;
};
template <typename Record>
Paged<Record> paged(std::vector<Record> rows) {
    Paged<Record> page{std::move(rows), {}};
    if (page.rows.size() > static_cast<std::size_t>(per_page)) {
        page.rows.resize(per_page);
        page.next = encode_key(key_after(page.rows.back().name, page.rows.back().id));
    }
    return page;
}

// ---- template values ---------------------------------------------------------------------

// The text, or false when empty, so that {{#x}} hides an empty value.
data text(const std::string& value);
// Text as GOV.UK paragraphs, for {{> register/pages/paragraphs}}: split on
// blank lines, each keeping its line breaks ({blank, paras: [{lines: [{line, more}]}]}).
data paragraphs(std::string_view text);
// A row of {{> register/pages/summary}}: key, value ("Not recorded" when
// empty) and href (a link, when there is a value).
data detail_row(std::string key, std::string value, std::string href = {});
std::string error_for(const Errors& errors, std::string_view field);
// The values of one form field for the field partials: id (also the name),
// label, value, hint, error, described (aria-describedby), width, type, rows.
data field(std::string_view id, std::string_view label, std::string value, const Errors& errors,
           std::string_view hint = {});
struct Choice {
    std::string value;
    std::string label;
    std::string hint;
};
// Radios, checkboxes and selects: `field` with items of input_id, value,
// label, hint, checked (the first input's id is the field's, so the error
// summary's link lands on it).
data choice_field(std::string_view id, std::string_view label, const std::vector<Choice>& choices,
                  const std::set<std::string>& chosen, const Errors& errors, std::string_view hint = {});
// The choices of a vocabulary: its codes, shown as its words.
template <typename E>
std::vector<Choice> vocabulary_choices() {
    std::vector<Choice> choices;
    for (const auto& term : terms<E>()) choices.push_back({std::string(term.code), std::string(term.label), {}});
    return choices;
}
// Errors in the order the form shows its fields.
void order_errors(Errors& errors, const std::vector<std::string>& fields);
// Sets the error summary (web::set_errors) after ordering the errors.
void set_form_errors(data& values, Errors errors, const std::vector<std::string>& fields);

// Links to the CSV and XLSX exports of these kinds, for {{> register/pages/export_links}}.
data export_links(std::int64_t partnership_id, const std::vector<ImportKind>& kinds);

// ---- what forms offer --------------------------------------------------------------------

std::vector<Partnership> partnerships_in(db::Connection& db, const access::ScopeFilter& reach);
// The partnership filter of a list: "All partnerships", then those the user can see.
data partnership_filter(db::Connection& db, const access::ScopeFilter& reach, std::optional<std::int64_t> chosen);
std::optional<Partnership> partnership_in(db::Connection& db, const access::ScopeFilter& reach,
                                          std::optional<std::int64_t> id);
// The most records a select list on a form offers (a longer list is no use to
// anyone choosing from it, and would read a whole table on every form).
inline constexpr std::size_t choice_limit = 5000;
// "name (short name)" when there is a short name.
std::string named(const std::string& name, const std::string& short_name);

// ---- the pages of each file -------------------------------------------------------------

void add_home_pages(http::Router& router, const PagesPtr& pages);
void add_organisation_pages(http::Router& router, const PagesPtr& pages);
void add_people_pages(http::Router& router, const PagesPtr& pages);
void add_body_pages(http::Router& router, const PagesPtr& pages);
void add_member_pages(http::Router& router, const PagesPtr& pages);
void add_report_pages(http::Router& router, const PagesPtr& pages);
void add_file_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::register_::pages
