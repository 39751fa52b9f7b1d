// The bar chart, read back as XML: a bar per agency at its length, its value
// and rating written beside it, the target, and what a screen reader is told.
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/charts/charts.hpp"
#include "platform/charts/checks.hpp"
#include "platform/charts/xml.hpp"

namespace safeboard::charts {
namespace {

using testing::Element;

const std::string long_name =
    "Southend-on-Sea City Council Children's Services and Education Partnership Directorate";

BarChart agencies() {
    BarChart chart;
    chart.id = "returns";
    chart.title = "Section 11 audit returns on time";
    chart.category_label = "Agency";
    chart.unit = "%";
    chart.target = 70;
    chart.bars = {{"Essex Police", 92, Rating::green},
                  {long_name, 64, Rating::amber},
                  {"NHS Mid and South Essex ICB", 41, Rating::red},
                  {"Probation Service", std::nullopt, Rating::none}};
    return chart;
}

std::vector<const Element*> bars(const Element& svg) { return testing::with_class(svg, "bar"); }
// What is written at the end of each bar, in the bars' order.
std::vector<const Element*> values(const Element& svg) { return testing::with_class(svg, "value"); }

const Element* child(const Element& element, std::string_view name) {
    for (const auto& c : element.children) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

const Element* child_with_class(const Element& element, std::string_view css_class) {
    for (const auto& c : element.children) {
        if (c["class"] == css_class) return &c;
    }
    return nullptr;
}

// Where a value falls along the axis, from the grid lines of two ticks.
double axis_x(const Element& svg, const std::string& tick_a, double value_a, const std::string& tick_b, double value_b,
              double value) {
    const Element* grid = testing::with_class(svg, "grid").at(0);
    double xa = 0, xb = 0;
    for (std::size_t i = 0; i + 1 < grid->children.size(); ++i) {
        if (grid->children[i + 1].shown == tick_a) xa = grid->children[i].number("x1");
        if (grid->children[i + 1].shown == tick_b) xb = grid->children[i].number("x1");
    }
    return xa + (value - value_a) / (value_b - value_a) * (xb - xa);
}

TEST(ChartBar, IsAWellFormedImageNamedByItsTitleAndDescription) {
    Element svg = testing::tree(bar_svg(agencies()));
    testing::expect_accessible_image(svg, "returns");
    EXPECT_EQ(svg["width"], "640");
    EXPECT_EQ(testing::title(svg), "Section 11 audit returns on time");
}

TEST(ChartBar, TheDescriptionNamesEachBarAndHowManyReachTheTarget) {
    std::string desc = testing::description(testing::tree(bar_svg(agencies())));
    EXPECT_NE(desc.find("4 bars: Essex Police 92.0% (Green), "), std::string::npos) << desc;
    EXPECT_NE(desc.find("Probation Service No data."), std::string::npos) << desc;
    EXPECT_NE(desc.find("Target 70.0%: 1 of 4 at or above."), std::string::npos) << desc;
}

TEST(ChartBar, ManyBarsAreSummedUpByHighestLowestAndRatings) {
    BarChart chart = agencies();
    for (int i = 0; i < 10; ++i) chart.bars.push_back({"Agency " + std::to_string(i), 50.0 + i, Rating::amber});
    std::string desc = testing::description(testing::tree(bar_svg(chart)));
    EXPECT_NE(desc.find("14 bars: highest Essex Police 92.0% (Green), lowest NHS Mid and South Essex ICB 41.0% (Red)"),
              std::string::npos)
        << desc;
    EXPECT_NE(desc.find("Ratings: 1 red, 11 amber, 1 green."), std::string::npos) << desc;
}

TEST(ChartBar, EachBarIsLabelledWithItsValueAndRating) {
    Element svg = testing::tree(bar_svg(agencies()));
    auto drawn = bars(svg);
    ASSERT_EQ(drawn.size(), 4u);
    std::vector<std::string> written;
    for (const Element* value : values(svg)) written.push_back(value->shown);
    EXPECT_EQ(written, (std::vector<std::string>{"92.0% Green", "64.0% Amber", "41.0% Red", "No data"}));
    EXPECT_EQ(child(*drawn[3], "rect"), nullptr) << "no bar without a value";
}

// Someone who cannot tell the fills apart reads the rating as a word, set
// apart in bold, beside each rated bar, and nothing beside the unrated one.
TEST(ChartBar, TheRatingIsReadableWithoutColour) {
    Element svg = testing::tree(bar_svg(agencies()));
    auto drawn = bars(svg);
    const char* words[] = {"Green", "Amber", "Red"};
    for (std::size_t i = 0; i < 3; ++i) {
        const Element* rating = child_with_class(*values(svg)[i], "rating");
        ASSERT_NE(rating, nullptr);
        EXPECT_EQ(rating->shown, words[i]);
        EXPECT_EQ((*rating)["font-weight"], "bold");
    }
    EXPECT_EQ(child_with_class(*values(svg)[3], "rating"), nullptr);
    EXPECT_NE((*child(*drawn[0], "rect"))["fill"], (*child(*drawn[2], "rect"))["fill"]);
}

TEST(ChartBar, EveryBarHasAnEdgeThatStandsOutFromTheBackground) {
    Element svg = testing::tree(bar_svg(agencies()));
    for (const Element* bar : bars(svg)) {
        const Element* rect = child(*bar, "rect");
        if (rect == nullptr) continue;
        EXPECT_TRUE(testing::contrast_on_white((*rect)["fill"]) >= 3 || testing::contrast_on_white((*rect)["stroke"]) >= 3)
            << (*rect)["fill"];
    }
}

TEST(ChartBar, BarsStartAtZeroAndTheirLengthsFollowTheValues) {
    Element svg = testing::tree(bar_svg(agencies()));
    auto drawn = bars(svg);
    double zero = axis_x(svg, "0%", 0, "100%", 100, 0);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(child(*drawn[i], "rect")->number("x"), zero, 0.1);
    EXPECT_NEAR(child(*drawn[0], "rect")->number("width") / child(*drawn[2], "rect")->number("width"), 92.0 / 41.0,
                0.01);
    EXPECT_NEAR(child(*drawn[0], "rect")->number("x") + child(*drawn[0], "rect")->number("width"),
                axis_x(svg, "0%", 0, "100%", 100, 92), 0.1);
}

TEST(ChartBar, NegativeValuesGoLeftOfZeroWithTheirValueOnTheLeft) {
    BarChart chart = agencies();
    chart.unit = "";
    chart.target.reset();
    chart.decimals = 0;
    chart.bars = {{"Fewer referrals", -12}, {"More referrals", 30}};
    Element svg = testing::tree(bar_svg(chart));
    auto drawn = bars(svg);
    double zero = axis_x(svg, "0", 0, "20", 20, 0);
    const Element* left = child(*drawn[0], "rect");
    EXPECT_NEAR(left->number("x") + left->number("width"), zero, 0.1);
    EXPECT_NEAR(left->number("x"), axis_x(svg, "0", 0, "20", 20, -12), 0.1);
    const Element* value = values(svg)[0];
    EXPECT_EQ((*value)["text-anchor"], "end");
    EXPECT_LT(value->number("x"), left->number("x"));
    // Both at a generous 0.6 em a character: the value of a bar going left
    // still clears the names.
    auto drawn_width = [](const std::string& text) { return static_cast<double>(text.size()) * 0.6 * 14; };
    const Element* name = child_with_class(*drawn[0], "category");
    EXPECT_GT(value->number("x") - drawn_width(value->shown), name->number("x") + drawn_width(name->shown));
}

TEST(ChartBar, TheTargetIsADashedLineAtItsValueLabelledAboveTheBars) {
    Element svg = testing::tree(bar_svg(agencies()));
    auto target = testing::with_class(svg, "target");
    ASSERT_EQ(target.size(), 1u);
    EXPECT_NEAR(target[0]->number("x1"), axis_x(svg, "0%", 0, "100%", 100, 70), 0.1);
    EXPECT_FALSE((*target[0])["stroke-dasharray"].empty());
    auto label = testing::with_class(svg, "target-label");
    ASSERT_EQ(label.size(), 1u);
    EXPECT_EQ(label[0]->shown, "Target 70.0%");
    EXPECT_LT(label[0]->number("y"), child(*bars(svg)[0], "text")->number("y"));
}

TEST(ChartBar, LongNamesAreCutButKeepTheirFullTextInATitle) {
    Element svg = testing::tree(bar_svg(agencies()));
    const Element* name = child_with_class(*bars(svg)[1], "category");
    EXPECT_TRUE(name->shown.ends_with("…")) << name->shown;
    EXPECT_EQ(name->title(), long_name);
    const Element* short_name = child_with_class(*bars(svg)[0], "category");
    EXPECT_EQ(short_name->shown, "Essex Police");
    EXPECT_FALSE(short_name->title().has_value());
}

TEST(ChartBar, HostileNamesAreEscapedAndReadBackUnchanged) {
    BarChart chart = agencies();
    chart.bars = {{"<script>alert('x')</script>", 10}, {"Smith & Jones \"Ltd\"", 20}};
    chart.value_label = "Returns <on time>";
    chart.id = "a\"b";
    std::string text = bar_svg(chart);
    EXPECT_EQ(text.find("<script"), std::string::npos);
    Element svg = testing::tree(text);
    testing::expect_accessible_image(svg, "a-b");
    EXPECT_EQ(child_with_class(*bars(svg)[0], "category")->shown, "<script>alert('x')</script>");
    EXPECT_EQ(child_with_class(*bars(svg)[1], "category")->shown, "Smith & Jones \"Ltd\"");
    EXPECT_EQ(testing::with_class(svg, "value-label").at(0)->shown, "Returns <on time>");
}

TEST(ChartBar, NoBarsOrNoValuesDrawAnEmptyChartSayingNoData) {
    BarChart none = agencies();
    none.bars.clear();
    BarChart missing = agencies();
    missing.bars = {{"Essex Police", std::numeric_limits<double>::quiet_NaN()}, {"Probation", std::nullopt}};
    for (const BarChart& chart : {none, missing}) {
        Element svg = testing::tree(bar_svg(chart));
        testing::expect_accessible_image(svg, "returns");
        EXPECT_EQ(svg.shown, "No data");
    }
}

TEST(ChartBar, OneBarAndEqualBarsAreDrawn) {
    BarChart chart = agencies();
    chart.bars = {{"Essex Police", 50}};
    EXPECT_EQ(bars(testing::tree(bar_svg(chart))).size(), 1u);
    chart.bars = {{"A", 0}, {"B", 0}};
    chart.unit = "";
    chart.target.reset();
    Element svg = testing::tree(bar_svg(chart));
    EXPECT_EQ(values(svg)[0]->shown, "0.0");
}

TEST(ChartBar, TheTableHasARowPerBarWithItsRating) {
    DataTable table = data_table(agencies());
    EXPECT_EQ(table.caption, "Section 11 audit returns on time");
    EXPECT_EQ(table.head, (std::vector<std::string>{"Agency", "Value", "Rating"}));
    ASSERT_EQ(table.rows.size(), 4u);
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"Essex Police", "92.0%", "Green"}));
    EXPECT_EQ(table.rows[1][0], long_name) << "the table keeps the whole name";
    EXPECT_EQ(table.rows[3], (std::vector<std::string>{"Probation Service", "No data", "Not rated"}));
}

TEST(ChartBar, TheTableHasNoRatingColumnWhenNothingIsRated) {
    BarChart chart = agencies();
    chart.value_label = "Returns on time";
    for (auto& bar : chart.bars) bar.rating = Rating::none;
    DataTable table = data_table(chart);
    EXPECT_EQ(table.head, (std::vector<std::string>{"Agency", "Returns on time"}));
    EXPECT_EQ(table.rows[2], (std::vector<std::string>{"NHS Mid and South Essex ICB", "41.0%"}));
}

}  // namespace
}  // namespace safeboard::charts
