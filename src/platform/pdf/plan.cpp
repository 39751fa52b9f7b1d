#include "platform/pdf/plan.hpp"

#include <algorithm>
#include <optional>

namespace safeboard::pdf {

namespace {

// Spacing in multiples of the body font size, so a larger font keeps the
// same proportions.
constexpr double kBlockGap = 0.6;
constexpr double kAfterHeading = 0.3;
constexpr double kAfterLetterhead = 1.2;
constexpr double kBetweenItems = 0.2;
constexpr double kBulletIndent = 1.5;
constexpr double kBulletAt = 0.5;
constexpr double kRuleGap = 0.25;
constexpr double kRuleWidth = 0.75;  // points
// A heading needs this many lines of what follows on the same page.
constexpr int kLinesAfterHeading = 2;

double gap_before(int level) {
    if (level == 1) return 1.2;
    return level == 2 ? 1.0 : 0.8;
}

Style heading_style(int level) {
    if (level == 1) return Style::heading1;
    return level == 2 ? Style::heading2 : Style::heading3;
}

// How many lines of text go on this page, counting from `from`: as many as
// fit, but never the first of several alone at the foot of a page, nor the
// last alone at the top of the next. Zero: start a new page first.
std::size_t lines_for_page(const Flow& flow, const SetText& text, std::size_t from) {
    std::size_t count = text.lines.size();
    std::size_t fit = Flow::lines_within(text, from, flow.room());
    if (flow.at_top()) return std::max<std::size_t>(fit, 1);  // a fresh page can do no better
    if (from + fit == count) return fit;
    if (from == 0 && fit == 1) return 0;
    if (from + fit + 1 == count && fit > 2) return fit - 1;
    return fit;
}

class Planner {
public:
    Planner(const Document& document, Typesetter& typesetter)
        : document_(document),
          flow_(typesetter, text_frame(document)),
          size_(document.font_size_pt),
          body_line_(typesetter.set("Ag", Style::body, flow_.frame().width).height()) {}

    std::vector<Page> run() {
        if (!document_.letterhead.empty()) letterhead();
        for (std::size_t i = 0; i < document_.blocks.size(); ++i) block(i);
        return flow_.take_pages();
    }

private:
    void block(std::size_t i) {
        const Block& block = document_.blocks[i];
        if (std::holds_alternative<PageBreak>(block)) {
            // Kept until a block follows: a break at the end makes no blank page.
            break_due_ = true;
            next_gap_.reset();
            return;
        }
        if (break_due_ && !flow_.at_top()) flow_.new_page();
        break_due_ = false;
        if (auto* heading = std::get_if<Heading>(&block)) return place_heading(*heading, followed(i));
        if (auto* paragraph = std::get_if<Paragraph>(&block)) return place_paragraph(*paragraph);
        if (auto* list = std::get_if<BulletList>(&block)) return place_list(*list);
        if (auto* table = std::get_if<Table>(&block)) return place_table(*table);
        if (auto* spacer = std::get_if<Spacer>(&block)) return place_spacer(*spacer);
    }

    // Whether something follows block i on the same page.
    bool followed(std::size_t i) const {
        return i + 1 < document_.blocks.size() && !std::holds_alternative<PageBreak>(document_.blocks[i + 1]);
    }

    void begin_block(double gap) {
        flow_.gap(next_gap_.value_or(gap));
        next_gap_.reset();
    }

    void flow_lines(const SetText& text, double x, const SetText* bullet = nullptr) {
        for (std::size_t from = 0; from < text.lines.size();) {
            std::size_t count = lines_for_page(flow_, text, from);
            if (count == 0) {
                flow_.new_page();
                continue;
            }
            if (from == 0 && bullet) place_bullet(text, *bullet);
            flow_.place(text, from, from + count, x);
            from += count;
            if (from < text.lines.size()) flow_.new_page();
        }
    }

    // On the baseline of the item's first line.
    void place_bullet(const SetText& item, const SetText& bullet) {
        double baseline = flow_.y() + item.lines[0].baseline - item.lines[0].top;
        flow_.mark(TextLine{bullet.layout, 0, flow_.frame().left + kBulletAt * size_, baseline});
    }

    void letterhead() {
        const Frame& frame = flow_.frame();
        SetText text = flow_.typesetter().set(document_.letterhead, Style::letterhead, frame.width);
        flow_lines(text, frame.left);
        flow_.advance(kRuleGap * size_);
        flow_.mark(Box{frame.left, flow_.y(), frame.width, kRuleWidth, 0, false});
        flow_.advance(kRuleWidth);
        next_gap_ = kAfterLetterhead * size_;
    }

    void place_heading(const Heading& heading, bool followed) {
        const Frame& frame = flow_.frame();
        SetText text = flow_.typesetter().set(heading.text, heading_style(heading.level), frame.width);
        begin_block(gap_before(heading.level) * size_);
        double keep = followed ? kLinesAfterHeading * body_line_ : 0;
        if (!flow_.at_top() && flow_.room() < text.height() + keep) flow_.new_page();
        if (!heading.text.empty()) flow_.mark(Bookmark{heading.level, heading.text, frame.left, flow_.y()});
        flow_lines(text, frame.left);
        next_gap_ = kAfterHeading * size_;
    }

    void place_paragraph(const Paragraph& paragraph) {
        const Frame& frame = flow_.frame();
        SetText text = flow_.typesetter().set(paragraph.text, Style::body, frame.width);
        begin_block(kBlockGap * size_);
        flow_lines(text, frame.left);
    }

    void place_list(const BulletList& list) {
        const Frame& frame = flow_.frame();
        double indent = kBulletIndent * size_;
        SetText bullet = flow_.typesetter().set("•", Style::body, indent);
        begin_block(kBlockGap * size_);
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            if (i > 0) flow_.gap(kBetweenItems * size_);
            SetText item = flow_.typesetter().set(list.items[i], Style::body, frame.width - indent);
            flow_lines(item, frame.left + indent, &bullet);
        }
    }

    void place_table(const Table& table) {
        begin_block(kBlockGap * size_);
        plan_table(flow_, table);
    }

    void place_spacer(const Spacer& spacer) {
        next_gap_.reset();
        flow_.gap(points_from_mm(spacer.height_mm));
    }

    const Document& document_;
    Flow flow_;
    double size_;
    double body_line_;
    // The space before the next block when what came before sets it.
    std::optional<double> next_gap_;
    bool break_due_ = false;
};

}  // namespace

std::vector<Page> plan_pages(const Document& document, Typesetter& typesetter) {
    return Planner(document, typesetter).run();
}

}  // namespace safeboard::pdf
