#pragma once
// The cursor that fills pages from top to bottom: how far down the current
// page the next block goes, how much room is left, and the pages so far.
#include <cstddef>
#include <vector>

#include "platform/pdf/page.hpp"
#include "platform/pdf/typesetter.hpp"

namespace safeboard::pdf {

class Flow {
public:
    Flow(Typesetter& typesetter, Frame frame);

    Typesetter& typesetter() { return typesetter_; }
    const Frame& frame() const { return frame_; }
    double y() const { return y_; }
    double room() const { return frame_.bottom() - y_; }
    // Nothing placed on this page yet.
    bool at_top() const { return y_ <= frame_.top; }

    void new_page();
    // Space between blocks; none at the top of a page.
    void gap(double points);
    void advance(double points) { y_ += points; }
    void mark(Mark mark) { pages_.back().marks.push_back(std::move(mark)); }

    // Lines [from, to) of text, the first with its top at `top`.
    void draw(const SetText& text, std::size_t from, std::size_t to, double x, double top);
    // The same at the cursor, which moves below them.
    void place(const SetText& text, std::size_t from, std::size_t to, double x);
    // How many lines from `from` on fit in `height`.
    static std::size_t lines_within(const SetText& text, std::size_t from, double height);

    std::vector<Page> take_pages() { return std::move(pages_); }

private:
    Typesetter& typesetter_;
    Frame frame_;
    double y_;
    std::vector<Page> pages_;
};

}  // namespace safeboard::pdf
