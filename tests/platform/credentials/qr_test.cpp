#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "platform/credentials/qr.hpp"

namespace safeboard::credentials {
namespace {

using namespace std::string_literals;

const std::string kUri =
    "otpauth://totp/Safeboard:jane.okafor@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=Safeboard&algorithm=SHA1&digits=6&period=30";

using Module = std::pair<int, int>;

// The modules the path paints, from its "M x y h n v1 h-n z" rectangles.
std::set<Module> painted(const std::string& svg) {
    std::set<Module> modules;
    std::regex rectangle(R"(M(\d+) (\d+)h(\d+)v1h-(\d+)z)");
    auto d_begin = svg.find(" d=\"");
    auto d_end = svg.find('"', d_begin + 4);
    auto d = svg.substr(d_begin + 4, d_end - d_begin - 4);
    std::size_t consumed = 0;
    for (std::sregex_iterator it(d.begin(), d.end(), rectangle), end; it != end; ++it) {
        int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), run = std::stoi((*it)[3]);
        EXPECT_EQ((*it)[3], (*it)[4]);
        for (int i = 0; i < run; ++i) modules.emplace(x + i, y);
        consumed += static_cast<std::size_t>(it->length());
    }
    EXPECT_EQ(consumed, d.size()) << "the path holds only rectangles";
    return modules;
}

TEST(QrCode, MatrixIsAQrSymbol) {
    auto matrix = qr_matrix(kUri);
    EXPECT_GE(matrix.width, 21);
    EXPECT_EQ((matrix.width - 17) % 4, 0);
    EXPECT_EQ(matrix.dark.size(), static_cast<std::size_t>(matrix.width * matrix.width));
    // The top-left finder pattern: a dark ring, a light ring, a dark centre.
    EXPECT_TRUE(matrix.is_dark(0, 0));
    EXPECT_TRUE(matrix.is_dark(6, 6));
    EXPECT_FALSE(matrix.is_dark(1, 1));
    EXPECT_TRUE(matrix.is_dark(3, 3));
}

TEST(QrCode, SvgIsAnAccessibleImageWithoutStyleOrScript) {
    auto svg = qr_svg(kUri, "QR code for setting up your authenticator app", 240);
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")) << svg.substr(0, 80);
    EXPECT_TRUE(svg.ends_with("</svg>"));
    EXPECT_THAT(svg, testing::HasSubstr(R"(role="img" aria-label="QR code for setting up your authenticator app")"));
    EXPECT_THAT(svg, testing::HasSubstr(R"(width="240" height="240")"));
    EXPECT_EQ(svg.find("style"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<?xml"), std::string::npos);
}

TEST(QrCode, SvgPaintsExactlyTheDarkModulesInsideAQuietZone) {
    auto matrix = qr_matrix(kUri);
    auto svg = qr_svg(kUri, "QR code");
    auto side = std::to_string(matrix.width + 8);
    EXPECT_THAT(svg, testing::HasSubstr("viewBox=\"0 0 " + side + " " + side + "\""));
    std::set<Module> expected;
    for (int y = 0; y < matrix.width; ++y) {
        for (int x = 0; x < matrix.width; ++x) {
            if (matrix.is_dark(x, y)) expected.emplace(x + 4, y + 4);
        }
    }
    EXPECT_EQ(painted(svg), expected);
    EXPECT_EQ(std::count(svg.begin(), svg.end(), '<'), 4) << "svg, rect, path and the closing tag";
}

TEST(QrCode, SameTextSameDrawing) {
    EXPECT_EQ(qr_svg(kUri, "QR code"), qr_svg(kUri, "QR code"));
    EXPECT_NE(qr_svg(kUri, "QR code"), qr_svg(kUri + "x", "QR code"));
}

TEST(QrCode, AccessibleNameIsEscaped) {
    auto svg = qr_svg("hello", R"(Jane's "code" <& more>)");
    EXPECT_THAT(svg, testing::HasSubstr(R"(aria-label="Jane&#39;s &quot;code&quot; &lt;&amp; more&gt;")"));
}

TEST(QrCode, RefusesWhatCannotBeEncoded) {
    EXPECT_THROW(qr_matrix("abc\0def"s), std::invalid_argument);
    EXPECT_THROW(qr_matrix(std::string(8000, 'x')), std::invalid_argument);
    EXPECT_THROW(qr_svg("hello", "QR code", 0), std::invalid_argument);
}

}  // namespace
}  // namespace safeboard::credentials
