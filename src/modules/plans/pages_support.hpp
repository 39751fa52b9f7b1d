#pragma once
// What the plans module's page files share: rendering, the values every
// table of actions shows, and the choices the filters offer. Internal to the
// plans pages; what every module's pages share comes from auth/page.hpp and
// web/form_values.hpp.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/plans/model.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/model.hpp"
#include "platform/auth/page.hpp"
#include "platform/files/file_store.hpp"
#include "platform/http/context.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/http/router.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::plans::pages {

using kainjow::mustache::data;
using Errors = std::vector<FieldError>;
using web::QueryParams;

struct Pages {
    const web::Templates& templates;
    files::FileStore files;  // evidence uploaded with progress updates
};
using PagesPtr = std::shared_ptr<const Pages>;
using Handler = http::Response (*)(const Pages&, const http::Request&, http::Context&);

// Lists show this many rows a page.
inline constexpr int per_page = 50;
// The most actions one page of a plan (or its report) shows: far more than
// any plan holds, but a bound all the same.
inline constexpr std::size_t plan_action_cap = 2000;

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status = 200, std::string back_link = {});
// A page route of the plans module (auth::page_route, tagged "plans").
http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler);

using auth::missing;
using auth::path_id;
using auth::query_id;
using auth::query_text;
using web::choice_field;
using web::Choice;
using web::detail_row;
using web::field;
using web::link;
using web::paragraphs;
using web::set_form_errors;
using web::text;
using web::vocabulary_choices;

// ---- what tables show ------------------------------------------------------------------

// The GOV.UK tag colour of a status and of a RAG rating.
std::string status_tag(Status status);
std::string rag_tag(std::optional<Rag> rag);
// "2011–2014" for a plan starting 2011-10-01 and ending 2014-09-30; one year
// for a plan within one calendar year.
std::string period_of(const Plan& plan);
// "October to September".
std::string reporting_year(const Plan& plan);

// One action as a table row reads it on `on`: id, href, number, title,
// timescale, responsibility, status and status_tag, rag and rag_tag (or
// no_rag), overdue, next_due; home and home_href (its plan,
// recommendation or meeting: homes.hpp) when `with_home`.
data action_row(db::Connection& db, const Action& action, const std::string& on, bool with_home);
data action_rows(db::Connection& db, const std::vector<Action>& actions, const std::string& on, bool with_home);

// The timescale as written, or the target date when none is written.
std::string timescale_text(const Action& action);
// The href of a party's page in the register.
std::string party_href(const Party& party);

// "body:3", "person:5", "organisation:7" → the party, named from the
// register; nullopt for text that names no party.
std::optional<Party> party_named(db::Connection& db, std::string_view text);
// The party as such text: "body:3".
std::string party_code(const Party& party);

// ---- who the user is in the register --------------------------------------------------

// The register's people records with the signed-in user's e-mail, and the
// bodies they currently sit on (on `date`): what "my actions" and "my
// groups' actions" mean.
struct Me {
    std::vector<std::int64_t> people;
    std::vector<register_::Body> bodies;
};
Me me(db::Connection& db, const access::Principal& user, const std::string& date);

// ---- what filters offer ---------------------------------------------------------------

// Where a list keyed by id starts: ?partnership= (within `reach`) and the
// ?after= id of the page before; `bad` when either is not one we would give.
struct ListStart {
    std::optional<std::int64_t> partnership;
    std::optional<std::int64_t> after;
    bool bad = false;
};
ListStart list_start(const http::Request& request, const access::ScopeFilter& reach);
// A date typed in a filter: the date, or nullopt with an error for `field`.
std::optional<std::string> filter_day(const http::Request& request, const std::string& field, Errors& errors);

// ---- the pages of each file -------------------------------------------------------------

void add_plan_pages(http::Router& router, const PagesPtr& pages);
void add_action_pages(http::Router& router, const PagesPtr& pages);
void add_recommendation_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::plans::pages
