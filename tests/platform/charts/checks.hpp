#pragma once
// What every chart must be, checked the same way for each kind: well-formed
// XML, an image named by its own title and description, nothing a strict
// Content-Security-Policy would block, colours readers can see.
#include <string>
#include <string_view>
#include <vector>

#include "platform/charts/xml.hpp"

namespace safeboard::charts::testing {

// The parsed SVG; a failure (and an empty element) when it is not well-formed.
Element tree(const std::string& svg);

// role="img", aria-labelledby naming this chart's <title> and <desc> (ids
// "<prefix>-title" and "<prefix>-desc"), a viewBox matching width and
// height, GOV.UK's fonts, no script, no style, no event attributes.
void expect_accessible_image(const Element& svg, std::string_view prefix);

// The text of the <desc> (and <title>) directly under the root.
std::string description(const Element& svg);
std::string title(const Element& svg);

// Every id in the tree.
std::vector<std::string> ids(const Element& svg);

// WCAG's contrast ratio of a #rrggbb colour against white.
double contrast_on_white(std::string_view colour);

// Every number in the markup that would print as "-0" (or "-0.0").
std::vector<std::string> negative_zeros(const std::string& svg);

}  // namespace safeboard::charts::testing
