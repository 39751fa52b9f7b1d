#pragma once
// What the performance framework's page files share. Internal to its pages.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/performance/model.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/error.hpp"
#include "platform/core/fields.hpp"
#include "platform/http/context.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::performance::pages {

using kainjow::mustache::data;
using Errors = std::vector<FieldError>;
using http::posted_fields;

struct Pages {
    const web::Templates& templates;
};
using PagesPtr = std::shared_ptr<const Pages>;
using Handler = http::Response (*)(const Pages&, const http::Request&, http::Context&);

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status = 200, std::string back_link = {});
// A page route of the performance framework (auth::page_route, tagged "performance").
http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler);

// Today in the UK: the day returns are judged late or overdue on.
std::string today();

std::string return_href(std::int64_t id);
// The GOV.UK tag colour of a return's status.
std::string status_tag_class(ReturnStatus status);

// ---- the pages of each file --------------------------------------------------------------

// The dashboard, indicators, periods' completeness and exceptions.
void add_analysis_pages(http::Router& router, const PagesPtr& pages);
// An organisation's returns: entering, submitting, querying, accepting; and the import.
void add_return_pages(http::Router& router, const PagesPtr& pages);
// Of add_return_pages: one return (pages_return.cpp) and the import (pages_import.cpp).
void add_one_return_pages(http::Router& router, const PagesPtr& pages);
void add_import_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::performance::pages
