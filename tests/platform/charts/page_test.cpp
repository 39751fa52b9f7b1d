// What holds for every chart alike: several on one page keep their ids
// apart, text and lines have the contrast GOV.UK asks for, and the markup is
// the same bytes every time.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/charts/charts.hpp"
#include "platform/charts/checks.hpp"
#include "platform/charts/xml.hpp"

namespace safeboard::charts {
namespace {

using testing::Element;

TrendChart trend(std::string id) {
    TrendChart chart;
    chart.id = std::move(id);
    chart.title = "Referrals";
    chart.target = 100;
    chart.value_label = "Referrals a quarter";
    chart.categories = {"Q1", "Q2", "Q3"};
    chart.series = {{"Southend", {90, 120, 110}}, {"Essex", {80, std::nullopt, 95}}, {"Thurrock", {50, 60, 70}}};
    return chart;
}

BarChart bars(std::string id) {
    BarChart chart;
    chart.id = std::move(id);
    chart.title = "Returns on time";
    chart.unit = "%";
    chart.target = 70;
    chart.bars = {{"Police", 90, Rating::green}, {"Health", 65, Rating::amber}, {"Council", 40, Rating::red}, {"Schools", 75}};
    return chart;
}

Sparkline sparkline(std::string id) {
    Sparkline chart;
    chart.id = std::move(id);
    chart.title = "Trend";
    chart.values = {1, 3, 2};
    chart.target = 2;
    return chart;
}

std::vector<std::string> every_chart() {
    return {trend_svg(trend("t")), bar_svg(bars("b")), sparkline_svg(sparkline("s")),
            trend_svg(TrendChart{}), bar_svg(BarChart{}), sparkline_svg(Sparkline{})};
}

TEST(ChartPage, ChartsWithTheirOwnIdsShareAPageWithoutClashingIds) {
    std::string page = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + trend_svg(trend("referrals")) +
                       trend_svg(trend("referrals-essex")) + bar_svg(bars("returns")) +
                       sparkline_svg(sparkline("returns-trend")) + "</svg>";
    Element root = testing::tree(page);
    std::set<std::string> seen;
    for (const std::string& id : testing::ids(root)) EXPECT_TRUE(seen.insert(id).second) << id << " twice";
    EXPECT_EQ(seen.size(), 8u);
    for (const Element& chart : root.children) {
        std::string labelled_by = chart["aria-labelledby"];
        std::string title_id = labelled_by.substr(0, labelled_by.find(' '));
        std::string desc_id = labelled_by.substr(labelled_by.find(' ') + 1);
        EXPECT_EQ(chart.children.at(0)["id"], title_id);
        EXPECT_EQ(chart.children.at(1)["id"], desc_id);
    }
}

TEST(ChartPage, IdsAreMadeSafeAndAlwaysStartWithALetter) {
    testing::expect_accessible_image(testing::tree(trend_svg(trend("my chart!"))), "my-chart-");
    testing::expect_accessible_image(testing::tree(bar_svg(bars("2024"))), "chart-2024");
    testing::expect_accessible_image(testing::tree(sparkline_svg(sparkline(""))), "chart");
}

TEST(ChartPage, EveryChartWithoutATitleIsStillNamed) {
    for (const std::string& svg : every_chart()) EXPECT_FALSE(testing::title(testing::tree(svg)).empty());
}

TEST(ChartPage, TextHasFourAndAHalfToOneAgainstWhiteAndLinesThreeToOne) {
    for (const std::string& svg : every_chart()) {
        Element root = testing::tree(svg);
        for (const Element* text : testing::named(root, "text")) {
            EXPECT_GE(testing::contrast_on_white((*text)["fill"]), 4.5) << text->shown;
        }
        auto drawn = testing::find_all(root, [](const Element& e) {
            return e["class"] == "series-line" || e["class"] == "target" || e["class"] == "last";
        });
        for (const Element* line : drawn) {
            std::string colour = line->has("stroke") ? (*line)["stroke"] : (*line)["fill"];
            EXPECT_GE(testing::contrast_on_white(colour), 3) << line->name << " " << colour;
        }
        for (const Element* markers : testing::with_class(root, "markers")) {
            EXPECT_GE(testing::contrast_on_white((*markers)["fill"]), 3);
        }
    }
}

TEST(ChartPage, TheSameChartGivesTheSameBytes) {
    EXPECT_EQ(trend_svg(trend("t")), trend_svg(trend("t")));
    EXPECT_EQ(bar_svg(bars("b")), bar_svg(bars("b")));
}

TEST(ChartPage, NarrowAndTinySizesAreRaisedToWhatCanBeDrawn) {
    TrendChart small = trend("t");
    small.width = 10;
    small.height = -5;
    Element svg = testing::tree(trend_svg(small));
    EXPECT_EQ(svg["width"], "240");
    EXPECT_EQ(svg["height"], "160");
    BarChart narrow = bars("b");
    narrow.width = 0;
    EXPECT_EQ(testing::tree(bar_svg(narrow))["width"], "320");
    for (const std::string& chart : {trend_svg(small), bar_svg(narrow)}) {
        Element drawn = testing::tree(chart);
        for (const Element* element : testing::find_all(drawn, [](const Element& e) { return e.has("x"); })) {
            EXPECT_GE(element->number("x"), 0) << element->name << " " << element->shown;
        }
    }
}

}  // namespace
}  // namespace safeboard::charts
