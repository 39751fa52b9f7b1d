#include "platform/core/text.hpp"
#include "platform/credentials/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <stdexcept>

namespace safeboard::credentials {
namespace {

constexpr int kQuietZone = 4;

struct FreeQrCode {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

// Each horizontal run of dark modules as one rectangle: far fewer path
// commands than one per module.
std::string dark_path(const QrMatrix& matrix) {
    std::string d;
    for (int y = 0; y < matrix.width; ++y) {
        for (int x = 0; x < matrix.width;) {
            if (!matrix.is_dark(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < matrix.width && matrix.is_dark(x + run, y)) ++run;
            auto length = std::to_string(run);
            d.append("M").append(std::to_string(x + kQuietZone)).append(" ").append(std::to_string(y + kQuietZone));
            d.append("h").append(length).append("v1h-").append(length).append("z");
            x += run;
        }
    }
    return d;
}

}  // namespace

QrMatrix qr_matrix(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) throw std::invalid_argument("QR text must not contain NUL");
    const std::string terminated(text);
    // QR_MODE_8: anything not numeric or alphanumeric goes in 8-bit mode,
    // as UTF-8 bytes, rather than being read as Shift-JIS Kanji.
    errno = 0;
    std::unique_ptr<QRcode, FreeQrCode> code(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        if (errno == ERANGE) throw std::invalid_argument("text too long for a QR code");
        throw std::runtime_error("QR encoding failed");
    }
    QrMatrix matrix{code->width, {}};
    auto modules = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.reserve(modules);
    for (std::size_t i = 0; i < modules; ++i) matrix.dark.push_back((code->data[i] & 1) != 0);
    return matrix;
}

std::string qr_svg(std::string_view text, std::string_view accessible_name, int pixel_size) {
    if (pixel_size <= 0) throw std::invalid_argument("a QR code needs a positive size");
    auto matrix = qr_matrix(text);
    auto side = std::to_string(matrix.width + 2 * kQuietZone);
    auto pixels = std::to_string(pixel_size);
    return R"(<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=")" + xml_escaped(accessible_name) +
           R"(" width=")" + pixels + R"(" height=")" + pixels + R"(" viewBox="0 0 )" + side + " " + side +
           R"(" shape-rendering="crispEdges"><rect width=")" + side + R"(" height=")" + side +
           R"(" fill="#ffffff"/><path fill="#000000" d=")" + dark_path(matrix) + R"("/></svg>)";
}

}  // namespace safeboard::credentials
