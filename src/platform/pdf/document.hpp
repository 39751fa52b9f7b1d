#pragma once
// A document as plain data: headings, paragraphs, lists and tables that
// write_pdf lays out on A4 pages. Whoever builds one (a letter, a yearly
// summary) needs to know nothing of fonts, pages or PDF.
//
// All text is UTF-8 and shown exactly as given: "<b>" is three characters,
// never markup.
#include <string>
#include <variant>
#include <vector>

namespace safeboard::pdf {

// Bold, sized by level: 1 is the largest, 3 the smallest. One line of text;
// a heading at the foot of a page moves to the next with what follows it.
struct Heading {
    int level = 1;
    std::string text;
};

// Text wrapped to the width of the page, breaking across pages where it must.
// A line break ("\n") starts a new line; tabs are kept.
struct Paragraph {
    std::string text;
};

// Each item wrapped like a paragraph, after a bullet.
struct BulletList {
    std::vector<std::string> items;
};

// A grid with borders. Cells wrap their text (and may hold line breaks); a
// table breaks between rows, or inside a row too tall for the rest of the
// page, and repeats its header row at the top of each page it continues on.
struct Table {
    std::vector<std::string> header;             // empty: no header row
    std::vector<std::vector<std::string>> rows;  // each with one cell per column
    // One share per column, scaled to fill the width (2, 1, 1 makes the first
    // column half the table); empty: equal columns.
    std::vector<double> column_widths;
};

// Blank space between blocks; none at the top of a page.
struct Spacer {
    double height_mm = 5;
};

// The next block starts on a new page. At the top of a page it does
// nothing, so there are never blank pages.
struct PageBreak {};

using Block = std::variant<Heading, Paragraph, BulletList, Table, Spacer, PageBreak>;

enum class Orientation { portrait, landscape };

struct Margins {
    double top_mm = 20;
    double right_mm = 20;
    double bottom_mm = 20;  // the page numbers sit in the bottom margin
    double left_mm = 20;
};

struct Document {
    // The PDF's document properties, which readers show in place of the file
    // name and search by. Empty ones are left out.
    std::string title;
    std::string author;
    std::string subject;
    // One line in bold at the top of the first page, ruled off from the
    // text (the sender's name on a letter); empty: none.
    std::string letterhead;
    Orientation orientation = Orientation::portrait;  // always A4
    Margins margins;
    std::string font_family = "Sans";  // a family name fontconfig resolves
    double font_size_pt = 11;          // body text; headings and footer are sized from it
    bool page_numbers = true;          // "Page 2 of 3" at the foot of every page
    std::vector<Block> blocks;
};

}  // namespace safeboard::pdf
