#include "platform/pdf/check.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/text.hpp"
#include "platform/pdf/page.hpp"

namespace safeboard::pdf {

namespace {

// Printers cannot reach the edge of the paper, and the page numbers need room.
constexpr int kMinMarginMm = 10;
constexpr int kMinFontPt = 6;
constexpr int kMaxFontPt = 24;
constexpr int kMaxSpacerMm = 100;
// Pango counts text in int.
constexpr std::size_t kMaxTextBytes = std::numeric_limits<int>::max();

enum class Lines { one, many };

// Appended rather than "[" + ...: GCC 12 warns falsely (-Wrestrict) on that.
std::string position(std::size_t index) {
    std::string text(1, '[');
    text += std::to_string(index);
    text += ']';
    return text;
}

class Checker {
public:
    // `label` names the text for people ("Block 2 (paragraph)").
    void text(std::string field, std::string_view label, std::string_view value, Lines lines) {
        if (value.size() > kMaxTextBytes) {
            add(std::move(field), std::string(label) + " is too long");
        } else if (!is_utf8(value)) {
            add(std::move(field), std::string(label) + " is not valid UTF-8");
        } else if (has_controls(value, lines)) {
            add(std::move(field), std::string(label) + " contains control characters" +
                                       (lines == Lines::one ? " or line breaks" : ""));
        }
    }

    void add(std::string field, std::string message) { errors_.push_back({std::move(field), std::move(message)}); }

    Status result() {
        if (errors_.empty()) return {};
        return invalid(std::move(errors_), "The document cannot be written as a PDF");
    }

private:
    // Line breaks and tabs are layout; every other control would show as a
    // box or, in the document properties, as nothing at all.
    static bool has_controls(std::string_view value, Lines lines) {
        if (lines == Lines::one) return has_control_characters(value);
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = value.find_first_of("\r\n", start);
            if (end == std::string_view::npos) end = value.size();
            if (has_control_characters(value.substr(start, end - start), true)) return true;
            start = end + 1;
        }
        return false;
    }

    std::vector<FieldError> errors_;
};

// Paths count from 0, as programs do; labels from 1, as people do.
std::string block_field(std::size_t index) { return "blocks" + position(index); }

std::string block_label(std::size_t index, std::string_view kind) {
    return "Block " + std::to_string(index + 1) + " (" + std::string(kind) + ")";
}

void check_heading(Checker& checker, std::size_t index, const Heading& heading) {
    std::string field = block_field(index);
    std::string label = block_label(index, "heading");
    if (heading.level < 1 || heading.level > 3) {
        checker.add(field + ".level", label + " must have a level from 1 to 3");
    }
    checker.text(field + ".text", label, heading.text, Lines::one);
}

void check_list(Checker& checker, std::size_t index, const BulletList& list) {
    for (std::size_t item = 0; item < list.items.size(); ++item) {
        checker.text(block_field(index) + ".items" + position(item),
                     block_label(index, "bullet list") + ", item " + std::to_string(item + 1), list.items[item],
                     Lines::many);
    }
}

std::size_t column_count(const Table& table) {
    if (!table.header.empty()) return table.header.size();
    return table.rows.empty() ? 0 : table.rows.front().size();
}

void check_widths(Checker& checker, std::size_t index, const Table& table, std::size_t columns) {
    if (table.column_widths.empty()) return;
    std::string field = block_field(index) + ".column_widths";
    std::string label = block_label(index, "table");
    if (table.column_widths.size() != columns) {
        checker.add(field, label + " has " + std::to_string(table.column_widths.size()) + " column widths for " +
                               std::to_string(columns) + " columns");
    }
    for (double share : table.column_widths) {
        if (!std::isfinite(share) || share <= 0) {
            checker.add(field, label + " must have column widths greater than 0");
            return;
        }
    }
}

void check_cells(Checker& checker, std::size_t index, const Table& table, std::size_t columns) {
    std::string label = block_label(index, "table");
    for (std::size_t column = 0; column < table.header.size(); ++column) {
        checker.text(block_field(index) + ".header" + position(column),
                     label + ", header, column " + std::to_string(column + 1), table.header[column], Lines::many);
    }
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const auto& cells = table.rows[row];
        if (cells.size() != columns) {
            checker.add(block_field(index) + ".rows" + position(row),
                        label + ", row " + std::to_string(row + 1) + " has " + std::to_string(cells.size()) +
                            " cells for " + std::to_string(columns) + " columns");
        }
        for (std::size_t column = 0; column < cells.size(); ++column) {
            checker.text(block_field(index) + ".rows" + position(row) + position(column),
                         label + ", row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1),
                         cells[column], Lines::many);
        }
    }
}

void check_table(Checker& checker, std::size_t index, const Table& table) {
    std::size_t columns = column_count(table);
    if (columns == 0) {
        checker.add(block_field(index), block_label(index, "table") + " has no columns");
        return;
    }
    check_widths(checker, index, table, columns);
    check_cells(checker, index, table, columns);
}

void check_spacer(Checker& checker, std::size_t index, const Spacer& spacer) {
    if (!std::isfinite(spacer.height_mm) || spacer.height_mm < 0 || spacer.height_mm > kMaxSpacerMm) {
        checker.add(block_field(index) + ".height_mm",
                    block_label(index, "spacer") + " must be from 0 to " + std::to_string(kMaxSpacerMm) + " mm high");
    }
}

void check_block(Checker& checker, std::size_t index, const Block& block) {
    if (auto* heading = std::get_if<Heading>(&block)) check_heading(checker, index, *heading);
    if (auto* paragraph = std::get_if<Paragraph>(&block)) {
        checker.text(block_field(index) + ".text", block_label(index, "paragraph"), paragraph->text,
                     Lines::many);
    }
    if (auto* list = std::get_if<BulletList>(&block)) check_list(checker, index, *list);
    if (auto* table = std::get_if<Table>(&block)) check_table(checker, index, *table);
    if (auto* spacer = std::get_if<Spacer>(&block)) check_spacer(checker, index, *spacer);
}

void check_properties(Checker& checker, const Document& document) {
    checker.text("title", "The title", document.title, Lines::one);
    checker.text("author", "The author", document.author, Lines::one);
    checker.text("subject", "The subject", document.subject, Lines::one);
    checker.text("letterhead", "The letterhead", document.letterhead, Lines::one);
    checker.text("font_family", "The font family", document.font_family, Lines::one);
    if (document.font_family.empty()) checker.add("font_family", "The font family must be named");
    if (!std::isfinite(document.font_size_pt) || document.font_size_pt < kMinFontPt ||
        document.font_size_pt > kMaxFontPt) {
        checker.add("font_size_pt", "The font size must be from " + std::to_string(kMinFontPt) + " to " +
                                        std::to_string(kMaxFontPt) + " points");
    }
}

void check_margins(Checker& checker, const Document& document) {
    const Margins& m = document.margins;
    for (double margin : {m.top_mm, m.right_mm, m.bottom_mm, m.left_mm}) {
        if (!std::isfinite(margin) || margin < kMinMarginMm) {
            checker.add("margins", "Each margin must be at least " + std::to_string(kMinMarginMm) + " mm");
            return;
        }
    }
    PageSize size = page_size(document.orientation);
    if (points_from_mm(m.left_mm + m.right_mm) > size.width / 2 ||
        points_from_mm(m.top_mm + m.bottom_mm) > size.height / 2) {
        checker.add("margins", "The margins must leave at least half the page's width and height for text");
    }
}

}  // namespace

Status check_document(const Document& document) {
    Checker checker;
    check_properties(checker, document);
    check_margins(checker, document);
    for (std::size_t index = 0; index < document.blocks.size(); ++index) {
        check_block(checker, index, document.blocks[index]);
    }
    return checker.result();
}

}  // namespace safeboard::pdf
