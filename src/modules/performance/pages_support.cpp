#include "modules/performance/pages_support.hpp"

#include "modules/performance/pages.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/core/time.hpp"
#include "platform/embed/embedded.hpp"

SAFEBOARD_EMBEDDED_TABLE(performance_pages)

namespace safeboard::performance {

namespace pages {

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "performance", pages, handler);
}

std::string today() { return calendar::uk_today(system_now()); }

std::string return_href(std::int64_t id) { return "/performance/returns/" + std::to_string(id); }

std::string status_tag_class(ReturnStatus status) {
    switch (status) {
    case ReturnStatus::draft: return "govuk-tag--grey";
    case ReturnStatus::submitted: return "govuk-tag--blue";
    case ReturnStatus::queried: return "govuk-tag--yellow";
    case ReturnStatus::accepted: return "govuk-tag--green";
    }
    return "govuk-tag--grey";
}

}  // namespace pages

std::span<const embed::File> page_templates() { return embed::tables::performance_pages(); }

void add_pages(http::Router& router, const web::Templates& templates) {
    auto shared = std::make_shared<const pages::Pages>(pages::Pages{templates});
    pages::add_analysis_pages(router, shared);
    pages::add_return_pages(router, shared);
}

}  // namespace safeboard::performance
