#include "platform/pdf/page.hpp"

namespace safeboard::pdf {

namespace {

constexpr double kA4WidthMm = 210;
constexpr double kA4HeightMm = 297;

}  // namespace

PageSize page_size(Orientation orientation) {
    PageSize portrait{points_from_mm(kA4WidthMm), points_from_mm(kA4HeightMm)};
    if (orientation == Orientation::portrait) return portrait;
    return {portrait.height, portrait.width};
}

Frame text_frame(const Document& document) {
    PageSize size = page_size(document.orientation);
    const Margins& m = document.margins;
    Frame frame;
    frame.left = points_from_mm(m.left_mm);
    frame.top = points_from_mm(m.top_mm);
    frame.width = size.width - frame.left - points_from_mm(m.right_mm);
    frame.height = size.height - frame.top - points_from_mm(m.bottom_mm);
    return frame;
}

}  // namespace safeboard::pdf
