#pragma once
// Pages as planned before anything is drawn: the page count must be known
// before the first footer ("Page 1 of 3") is painted, so layout fills a list
// of pages with what goes where, and painting follows.
//
// Lengths are in points (1/72 inch), cairo's PDF unit; y grows down the page.
#include <string>
#include <variant>
#include <vector>

#include <pango/pango.h>

#include "platform/pdf/document.hpp"

namespace safeboard::pdf {

struct PageSize {
    double width = 0;
    double height = 0;
};

constexpr double points_from_mm(double mm) { return mm * 72.0 / 25.4; }

PageSize page_size(Orientation orientation);

// The part of the page text may fill: the page inside its margins.
struct Frame {
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
    double bottom() const { return top + height; }
};

Frame text_frame(const Document& document);

// One line of a pango layout with its left end at x on the baseline.
struct TextLine {
    PangoLayout* layout = nullptr;  // owned by the Plan
    int index = 0;
    double x = 0;
    double baseline = 0;
};

// A rectangle, filled with a grey (0 black, 1 white) and/or outlined.
struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    double fill_grey = -1;  // below 0: not filled
    bool outline = false;
};

// An entry in the PDF's outline (bookmarks) pointing at a heading.
struct Bookmark {
    int level = 1;
    std::string title;
    double x = 0;
    double y = 0;
};

using Mark = std::variant<TextLine, Box, Bookmark>;

struct Page {
    std::vector<Mark> marks;  // painted in order: a fill before the text on it
};

}  // namespace safeboard::pdf
