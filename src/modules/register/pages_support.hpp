#pragma once
// What the register's page files share: rendering, reading the lists'
// filters from the request, and loading what a form offers to choose from.
// What any module's pages share comes from auth/page.hpp (reading the
// request, answering) and web/form_values.hpp (the values of the web/pages/*
// partials), named here so the page files can use it unqualified. Internal to
// the register's pages.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/register/choices.hpp"
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
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::register_::pages {

using kainjow::mustache::data;
using Errors = std::vector<FieldError>;
using web::QueryParams;

struct Pages {
    const web::Templates& templates;
};
using PagesPtr = std::shared_ptr<const Pages>;

// Lists show this many rows a page.
inline constexpr int per_page = 50;

// ---- answering -------------------------------------------------------------------

using auth::missing;
// auth::render_page, with a back link above the page when `back_link` is given.
http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status = 200, std::string back_link = {});
// A page route of the register (auth::page_route, tagged "register").
http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages,
                  http::Response (*handler)(const Pages&, const http::Request&, http::Context&));

// ---- reading the request --------------------------------------------------------------

using auth::path_id;
using auth::query_id;
using auth::query_text;
using auth::QueryId;
using web::link;

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

using web::choice_field;
using web::Choice;
using web::detail_row;
using web::error_for;
using web::field;
using web::order_errors;
using web::paragraphs;
using web::set_form_errors;
using web::text;
using web::vocabulary_choices;

// Links to the CSV and XLSX exports of these kinds, for {{> register/pages/export_links}}.
data export_links(std::int64_t partnership_id, const std::vector<ImportKind>& kinds);

// ---- what forms offer --------------------------------------------------------------------

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
