#pragma once
// What the meetings module's page files share. Internal to its pages.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/meetings/model.hpp"
#include "modules/meetings/rules.hpp"
#include "platform/auth/page.hpp"
#include "platform/files/file_store.hpp"
#include "platform/http/context.hpp"
#include "platform/http/form.hpp"
#include "platform/http/router.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::meetings::pages {

using kainjow::mustache::data;
using Errors = std::vector<FieldError>;

struct Pages {
    const web::Templates& templates;
    files::FileStore files;  // the papers
};
using PagesPtr = std::shared_ptr<const Pages>;
using Handler = http::Response (*)(const Pages&, const http::Request&, http::Context&);

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status = 200, std::string back_link = {});
// A page route of the meetings module (auth::page_route, tagged "meetings").
http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler);

std::string meeting_href(std::int64_t id);

// The form's fields of these names (platform/http/form.hpp).
using http::posted_fields;

// Field errors moved from the rules' names to a form's (the form asks for
// a link as one choice, say); others are kept.
Errors renamed(Errors errors, const std::map<std::string, std::string>& names);

// The meeting of the path's {id} and its body, when the user may change it;
// otherwise the answer to give (404 when they may not read it, else 403).
struct Changing {
    Meeting meeting;
    register_::Body body;
};
std::variant<Changing, http::Response> changing(const http::Request& request, http::Context& context);

// The body, when the user may change its meetings and forward plan;
// otherwise the answer to give (404 when they may not read it, else 403).
std::variant<register_::Body, http::Response> changeable_body(const http::Request& request, http::Context& context,
                                                              std::optional<std::int64_t> body_id);

// The rules' choices of the register's records as a select's, after a first
// choice with no value (`none_label`).
std::vector<web::Choice> select_choices(const std::vector<Choice>& choices, const std::string& none_label);

// "Thursday 17 November 2011, 14:00 to 16:30".
std::string when_text(const Meeting& meeting);
std::string status_tag(MeetingStatus status);
// A select of the bodies of every partnership within `reach` (field "body"),
// after a first choice `any_label` with no value.
data body_field(db::Connection& db, const access::ScopeFilter& reach, const std::string& chosen,
                const std::string& any_label, const Errors& errors);

// A meeting's page, with `errors` against its forms (a paper, a decision).
http::Response meeting_page(const Pages& pages, http::Context& context, const Meeting& meeting, Errors errors,
                            unsigned status);

// The page that asks before something is removed (removing is a POST from
// it), or says why it must stay.
struct Removal {
    std::string title;                  // "Remove an agenda item"
    std::string what;                   // the item as people know it
    std::string action;                 // where the form posts
    std::string back;                   // where cancelling goes
    std::optional<std::string> reason;  // why it must stay: then there is nothing to confirm
};
http::Response confirm_page(const Pages& pages, http::Context& context, const Removal& removal, unsigned status = 200);

void add_meeting_pages(http::Router& router, const PagesPtr& pages);
void add_form_pages(http::Router& router, const PagesPtr& pages);
void add_report_pages(http::Router& router, const PagesPtr& pages);
void add_plan_pages(http::Router& router, const PagesPtr& pages);
void add_agenda_pages(http::Router& router, const PagesPtr& pages);
void add_settings_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::meetings::pages
