#include "platform/pdf/flow.hpp"

#include <algorithm>

namespace safeboard::pdf {

Flow::Flow(Typesetter& typesetter, Frame frame)
    : typesetter_(typesetter), frame_(frame), y_(frame.top), pages_(1) {}

void Flow::new_page() {
    pages_.emplace_back();
    y_ = frame_.top;
}

// Never starts a page itself: a gap at the end of the document would leave
// a blank one. What comes next finds no room and starts it.
void Flow::gap(double points) {
    if (at_top()) return;
    y_ = std::min(y_ + points, frame_.bottom());
}

void Flow::draw(const SetText& text, std::size_t from, std::size_t to, double x, double top) {
    for (std::size_t i = from; i < to; ++i) {
        const Line& line = text.lines[i];
        mark(TextLine{text.layout, static_cast<int>(i), x + line.x, top + line.baseline - text.lines[from].top});
    }
}

void Flow::place(const SetText& text, std::size_t from, std::size_t to, double x) {
    draw(text, from, to, x, y_);
    y_ += text.height(from, to);
}

std::size_t Flow::lines_within(const SetText& text, std::size_t from, double height) {
    std::size_t to = from;
    while (to < text.lines.size() && text.height(from, to + 1) <= height) ++to;
    return to - from;
}

}  // namespace safeboard::pdf
