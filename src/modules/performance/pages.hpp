#pragma once
// The performance framework's web pages: the partnership's dashboard
// (headline indicators with their latest figure, rating and trend, and the
// completeness of the latest period), each indicator with its charts and
// the data as tables, a period's completeness and exceptions; an agency's
// own returns, entered, submitted and answered on the web; the business
// unit querying and accepting them; and the import of returns from a file.
//
// Who sees what is policy.hpp's, as for the API: a draft is seen only by
// those who enter it, and another partnership's figures answer 404.
#include <span>

#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::performance {

// The page templates, named "performance/pages/<name>".
std::span<const embed::File> page_templates();

// `templates` must outlive `router`.
void add_pages(http::Router& router, const web::Templates& templates);

}  // namespace safeboard::performance
