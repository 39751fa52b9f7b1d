#include "platform/pdf/paint.hpp"

#include <array>
#include <charconv>
#include <string>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace safeboard::pdf {

namespace {

constexpr double kBorderWidth = 0.5;  // points
constexpr double kBorderGrey = 0.35;

// Whatever the locale: cairo reads a point as the decimal separator.
std::string number(double value) {
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2).ptr;
    return std::string(buffer, end);
}

// Each heading goes under the nearest heading of a higher level before it.
class Outline {
public:
    explicit Outline(cairo_surface_t* surface) : surface_(surface) { parents_.fill(CAIRO_PDF_OUTLINE_ROOT); }

    void add(const Bookmark& bookmark, int page_number) {
        auto level = static_cast<std::size_t>(bookmark.level);
        std::string link = "page=" + std::to_string(page_number) + " pos=[" + number(bookmark.x) + " " +
                           number(bookmark.y) + "]";
        int id = cairo_pdf_surface_add_outline(surface_, parents_[level - 1], bookmark.title.c_str(), link.c_str(),
                                               static_cast<cairo_pdf_outline_flags_t>(0));
        for (std::size_t deeper = level; deeper < parents_.size(); ++deeper) parents_[deeper] = id;
    }

private:
    cairo_surface_t* surface_;
    std::array<int, 4> parents_{};  // by level; [0] is the root
};

void paint_line(cairo_t* cairo, const TextLine& line) {
    cairo_move_to(cairo, line.x, line.baseline);
    pango_cairo_show_layout_line(cairo, pango_layout_get_line_readonly(line.layout, line.index));
}

void paint_box(cairo_t* cairo, const Box& box) {
    cairo_save(cairo);
    cairo_rectangle(cairo, box.x, box.y, box.width, box.height);
    if (box.fill_grey >= 0) {
        cairo_set_source_rgb(cairo, box.fill_grey, box.fill_grey, box.fill_grey);
        cairo_fill_preserve(cairo);
    }
    if (box.outline) {
        cairo_set_source_rgb(cairo, kBorderGrey, kBorderGrey, kBorderGrey);
        cairo_set_line_width(cairo, kBorderWidth);
        cairo_stroke_preserve(cairo);
    }
    cairo_new_path(cairo);
    cairo_restore(cairo);
}

// "Page 2 of 3", centred under the text in the bottom margin.
void paint_footer(cairo_t* cairo, const Document& document, Typesetter& typesetter, std::size_t number,
                  std::size_t count) {
    PageSize size = page_size(document.orientation);
    std::string words = "Page " + std::to_string(number) + " of " + std::to_string(count);
    SetText text = typesetter.set(words, Style::footer, size.width);
    const Line& line = text.lines.front();
    double margin = points_from_mm(document.margins.bottom_mm);
    double top = size.height - margin / 2 - line.height / 2;
    Frame frame = text_frame(document);
    double left = frame.left + (frame.width - line.width) / 2;
    paint_line(cairo, TextLine{text.layout, 0, left, top + line.baseline - line.top});
}

}  // namespace

void paint_pages(cairo_t* cairo, const std::vector<Page>& pages, const Document& document, Typesetter& typesetter) {
    Outline outline(cairo_get_target(cairo));
    for (std::size_t i = 0; i < pages.size(); ++i) {
        cairo_set_source_rgb(cairo, 0, 0, 0);
        for (const Mark& mark : pages[i].marks) {
            if (auto* line = std::get_if<TextLine>(&mark)) paint_line(cairo, *line);
            if (auto* box = std::get_if<Box>(&mark)) paint_box(cairo, *box);
            if (auto* bookmark = std::get_if<Bookmark>(&mark)) outline.add(*bookmark, static_cast<int>(i + 1));
        }
        if (document.page_numbers) paint_footer(cairo, document, typesetter, i + 1, pages.size());
        cairo_show_page(cairo);
    }
}

}  // namespace safeboard::pdf
