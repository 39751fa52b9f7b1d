#pragma once
// QR codes for MFA enrolment, drawn by the server as SVG (no script, no
// style attribute, so the page's Content-Security-Policy holds).
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::credentials {

// The modules of a QR code (ECC level M), row by row, true for dark.
struct QrMatrix {
    int width = 0;  // modules per side, without the quiet zone
    std::vector<bool> dark;
    bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)]; }
};

// Throws std::invalid_argument for text holding a NUL or too long for any
// QR code, std::runtime_error if encoding fails otherwise.
QrMatrix qr_matrix(std::string_view text);

// An <svg> element (no XML declaration) with role="img" and the given
// aria-label, a 4-module light quiet zone, viewBox in modules, width and
// height of `pixel_size` px, and the dark modules as one <path>. Throws as
// qr_matrix() does, and std::invalid_argument for a size below 1.
std::string qr_svg(std::string_view text, std::string_view accessible_name, int pixel_size = 200);

}  // namespace safeboard::credentials
