#include "platform/pdf/typesetter.hpp"

#include <algorithm>

#include <pango/pangocairo.h>

namespace safeboard::pdf {

namespace {

// One font map per thread, as pango intends: its own default map has been
// per thread since 1.32.6 so that threads never share one. Owning ours means
// no other code on the thread can swap it (pango_cairo_font_map_set_default).
// It lives as long as the thread, so fonts are found once per worker, not
// once per document.
PangoFontMap* thread_font_map() {
    thread_local FontMap map(pango_cairo_font_map_new());
    return map.get();
}

// A long word (a reference, a web address) breaks where it must, without a
// hyphen that was never in it.
Attributes layout_attributes() {
    Attributes list(pango_attr_list_new());
    pango_attr_list_insert(list.get(), pango_attr_insert_hyphens_new(FALSE));
    return list;
}

double from_pango(int units) { return pango_units_to_double(units); }

std::vector<Line> lines_of(PangoLayout* layout) {
    std::vector<Line> lines;
    LayoutIter iter(pango_layout_get_iter(layout));
    do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        lines.push_back({from_pango(logical.x), from_pango(logical.width), from_pango(top), from_pango(bottom - top),
                         from_pango(pango_layout_iter_get_baseline(iter.get()))});
    } while (pango_layout_iter_next_line(iter.get()));
    return lines;
}

}  // namespace

double SetText::height(std::size_t from, std::size_t to) const {
    if (from >= to) return 0;
    const Line& last = lines[to - 1];
    return last.top + last.height - lines[from].top;
}

Typesetter::Typesetter(cairo_t* cairo, const Document& document)
    : context_(pango_font_map_create_context(thread_font_map())),
      attributes_(layout_attributes()),
      family_(document.font_family),
      body_size_(document.font_size_pt) {
    pango_cairo_update_context(cairo, context_.get());
    // Glyphs placed exactly: PDF is not a pixel grid.
    pango_context_set_round_glyph_positions(context_.get(), FALSE);
    pango_context_set_language(context_.get(), pango_language_from_string("en-gb"));
}

double Typesetter::size_of(Style style) const {
    switch (style) {
        case Style::heading1: return body_size_ * 1.6;
        case Style::heading2: return body_size_ * 1.3;
        case Style::heading3: return body_size_ * 1.1;
        case Style::letterhead: return body_size_ * 1.2;
        case Style::footer: return body_size_ * 0.8;
        case Style::body:
        case Style::bold: break;
    }
    return body_size_;
}

FontDescription Typesetter::font(Style style) const {
    FontDescription font(pango_font_description_new());
    pango_font_description_set_family(font.get(), family_.c_str());
    // Absolute: in the surface's unit, points, whatever resolution pango assumes.
    pango_font_description_set_absolute_size(font.get(), size_of(style) * PANGO_SCALE);
    bool bold = style != Style::body && style != Style::footer;
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return font;
}

SetText Typesetter::set(std::string_view text, Style style, double width) {
    Layout layout(pango_layout_new(context_.get()));
    FontDescription description = font(style);
    pango_layout_set_font_description(layout.get(), description.get());
    pango_layout_set_attributes(layout.get(), attributes_.get());
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(layout.get(), pango_units_from_double(std::max(width, 1.0)));
    // check_document refuses text longer than an int can count.
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    SetText set{layout.get(), lines_of(layout.get())};
    layouts_.push_back(std::move(layout));
    return set;
}

}  // namespace safeboard::pdf
