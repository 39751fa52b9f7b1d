#pragma once
// Planned pages drawn on a cairo PDF surface, each with its footer and the
// headings added to the PDF's outline.
#include <vector>

#include <cairo.h>

#include "platform/pdf/document.hpp"
#include "platform/pdf/page.hpp"
#include "platform/pdf/typesetter.hpp"

namespace safeboard::pdf {

void paint_pages(cairo_t* cairo, const std::vector<Page>& pages, const Document& document, Typesetter& typesetter);

}  // namespace safeboard::pdf
