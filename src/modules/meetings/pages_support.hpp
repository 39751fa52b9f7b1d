#pragma once
// What the meetings module's page files share. Internal to its pages.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/meetings/model.hpp"
#include "platform/auth/page.hpp"
#include "platform/files/file_store.hpp"
#include "platform/http/context.hpp"
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

void add_meeting_pages(http::Router& router, const PagesPtr& pages);
void add_form_pages(http::Router& router, const PagesPtr& pages);
void add_report_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::meetings::pages
