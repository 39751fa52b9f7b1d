#pragma once
// The learning reviews module's web pages: the partnership's statutory
// clocks (every open case's deadlines, nearest first) and the learning not
// yet confirmed shared; one case read whole; the forms that record what
// happens to a case (the decision, steps done, agency reports, terms of
// reference, recommendations and their sign-off, learning shared); and the
// yearly summary of lessons for member agencies, as a page and a PDF.
//
// Need to know, as the API: a case outside the user's reach answers 404,
// and changing one needs case_reviews.write over its partnership (403).
#include <span>

#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::reviews {

// The page templates, named "reviews/pages/<name>".
std::span<const embed::File> page_templates();

// `templates` must outlive `router`.
void add_pages(http::Router& router, const web::Templates& templates);

}  // namespace safeboard::reviews
