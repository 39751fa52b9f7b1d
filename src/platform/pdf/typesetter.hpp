#pragma once
// Text set with pango into wrapped lines whose sizes are known before they
// are drawn, so the layout can decide where pages break.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>
#include <pango/pango.h>

#include "platform/pdf/document.hpp"
#include "platform/pdf/handles.hpp"

namespace safeboard::pdf {

enum class Style { body, bold, heading1, heading2, heading3, letterhead, footer };

// A line of set text, in points from the top left of its layout.
struct Line {
    double x = 0;  // where the line starts (not 0 for right-to-left text)
    double width = 0;
    double top = 0;
    double height = 0;
    double baseline = 0;
};

struct SetText {
    PangoLayout* layout = nullptr;  // owned by the Typesetter
    std::vector<Line> lines;        // never empty: empty text is one empty line

    // The height of lines [from, to).
    double height(std::size_t from, std::size_t to) const;
    double height() const { return height(0, lines.size()); }
};

// Makes and keeps every layout of one document. Text is given to pango as
// text, never markup; bold comes from the font description.
class Typesetter {
public:
    // Measures for the cairo context the text will be drawn on, so sizes
    // match what is painted.
    Typesetter(cairo_t* cairo, const Document& document);

    SetText set(std::string_view text, Style style, double width);
    double size_of(Style style) const;

private:
    FontDescription font(Style style) const;

    Context context_;
    Attributes attributes_;
    std::string family_;
    double body_size_;
    std::vector<Layout> layouts_;
};

}  // namespace safeboard::pdf
