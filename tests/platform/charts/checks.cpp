#include "platform/charts/checks.hpp"

#include <cmath>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace safeboard::charts::testing {

Element tree(const std::string& svg) {
    Parsed parsed = parse(svg);
    if (!parsed.root) {
        ADD_FAILURE() << "not well-formed: " << parsed.error << "\n" << svg;
        return {};
    }
    return *parsed.root;
}

void expect_accessible_image(const Element& svg, std::string_view prefix) {
    std::string p(prefix);
    EXPECT_EQ(svg.name, "svg");
    EXPECT_EQ(svg["xmlns"], "http://www.w3.org/2000/svg");
    EXPECT_EQ(svg["role"], "img");
    EXPECT_EQ(svg["aria-labelledby"], p + "-title " + p + "-desc");
    EXPECT_EQ(svg["viewBox"], "0 0 " + svg["width"] + " " + svg["height"]);
    EXPECT_NE(svg["font-family"].find("GDS Transport"), std::string::npos);
    ASSERT_GE(svg.children.size(), 2u);
    EXPECT_EQ(svg.children[0].name, "title");
    EXPECT_EQ(svg.children[0]["id"], p + "-title");
    EXPECT_FALSE(svg.children[0].text.empty());
    EXPECT_EQ(svg.children[1].name, "desc");
    EXPECT_EQ(svg.children[1]["id"], p + "-desc");
    EXPECT_FALSE(svg.children[1].text.empty());
    for (const Element* element : find_all(svg, [](const Element&) { return true; })) {
        EXPECT_NE(element->name, "script");
        EXPECT_NE(element->name, "style");
        EXPECT_NE(element->name, "foreignObject");
        for (const auto& [key, value] : element->attributes) {
            EXPECT_NE(key, "style") << element->name;
            EXPECT_FALSE(key.starts_with("on")) << element->name << " " << key;
            EXPECT_FALSE(key == "href" || key.ends_with(":href")) << "nothing is fetched from elsewhere";
        }
    }
}

std::string description(const Element& svg) { return svg.children.size() > 1 ? svg.children[1].text : ""; }
std::string title(const Element& svg) { return svg.children.empty() ? "" : svg.children[0].text; }

std::vector<std::string> ids(const Element& svg) {
    std::vector<std::string> out;
    for (const Element* element : find_all(svg, [](const Element& e) { return e.has("id"); })) {
        out.push_back((*element)["id"]);
    }
    return out;
}

double contrast_on_white(std::string_view colour) {
    auto channel = [&](std::size_t at) {
        double c = std::stoi(std::string(colour.substr(at, 2)), nullptr, 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    double luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return 1.05 / (luminance + 0.05);
}

std::vector<std::string> negative_zeros(const std::string& svg) {
    static const std::regex minus_zero(R"((^|[^0-9.])-0(\.0+)?([^0-9.]|$))");
    std::vector<std::string> found;
    for (std::sregex_iterator it(svg.begin(), svg.end(), minus_zero), end; it != end; ++it) found.push_back(it->str());
    return found;
}

}  // namespace safeboard::charts::testing
