// The sparkline: a line with no axes or words, the last value marked.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/charts/charts.hpp"
#include "platform/charts/checks.hpp"
#include "platform/charts/xml.hpp"

namespace safeboard::charts {
namespace {

using testing::Element;

Sparkline recent() {
    Sparkline chart;
    chart.id = "spark-ia";
    chart.title = "Initial health assessments, last four quarters";
    chart.unit = "%";
    chart.categories = {"Q1", "Q2", "Q3", "Q4"};
    chart.values = {62, 65, 71, 80};
    return chart;
}

// The last point of the last subpath of `d`.
std::pair<double, double> last_point(const std::string& d) {
    auto at = d.find_last_of("ML");
    double x = std::stod(d.substr(at + 1));
    double y = std::stod(d.substr(d.find(' ', at) + 1));
    return {x, y};
}

TEST(ChartSparkline, IsASmallImageWithoutAxesOrText) {
    Element svg = testing::tree(sparkline_svg(recent()));
    testing::expect_accessible_image(svg, "spark-ia");
    EXPECT_EQ(svg["width"], "120");
    EXPECT_EQ(svg["height"], "24");
    EXPECT_TRUE(testing::named(svg, "text").empty());
    EXPECT_TRUE(svg.shown.empty());
}

TEST(ChartSparkline, TheLastValueIsMarkedAtTheEndOfTheLine) {
    Element svg = testing::tree(sparkline_svg(recent()));
    auto line = testing::with_class(svg, "series-line");
    ASSERT_EQ(line.size(), 1u);
    auto last = testing::with_class(svg, "last");
    ASSERT_EQ(last.size(), 1u);
    auto [x, y] = last_point((*line[0])["d"]);
    EXPECT_NEAR(last[0]->number("cx"), x, 0.1);
    EXPECT_NEAR(last[0]->number("cy"), y, 0.1);
    EXPECT_EQ(last[0]->title(), "80.0% in Q4");
    EXPECT_LT(y, 12) << "the highest value is drawn near the top";
}

TEST(ChartSparkline, MissingValuesBreakTheLineAndTheLastValueDrawnIsMarked) {
    Sparkline chart = recent();
    chart.values = {62, 65, std::nullopt, 71, 74, std::nullopt};
    chart.categories.clear();
    Element svg = testing::tree(sparkline_svg(chart));
    const std::string d = (*testing::with_class(svg, "series-line").at(0))["d"];
    EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2) << d;
    EXPECT_EQ(testing::with_class(svg, "last").at(0)->title(), "74.0%");
    EXPECT_EQ(testing::description(svg), "From 62.0% to 74.0% (6 values, no data for 2).");
}

TEST(ChartSparkline, AValueBetweenGapsIsStillDrawn) {
    Sparkline chart = recent();
    chart.values = {62, std::nullopt, 65, std::nullopt, 70};
    Element svg = testing::tree(sparkline_svg(chart));
    EXPECT_TRUE(testing::with_class(svg, "series-line").empty());
    ASSERT_EQ(testing::with_class(svg, "markers").size(), 1u);
    EXPECT_EQ(testing::with_class(svg, "markers")[0]->children.size(), 2u);
    EXPECT_EQ(testing::with_class(svg, "last").size(), 1u);
}

TEST(ChartSparkline, TheDescriptionGivesFirstLastAndTarget) {
    Sparkline chart = recent();
    chart.target = 70;
    Element svg = testing::tree(sparkline_svg(chart));
    EXPECT_EQ(testing::description(svg), "From 62.0% in Q1 to 80.0% in Q4 (4 values). Target 70.0%.");
    EXPECT_EQ(testing::with_class(svg, "target").size(), 1u);
}

TEST(ChartSparkline, EqualValuesAreAFlatLineAcrossTheMiddle) {
    Sparkline chart = recent();
    chart.values = {5, 5, 5};
    Element svg = testing::tree(sparkline_svg(chart));
    EXPECT_EQ(testing::with_class(svg, "last").at(0)->number("cy"), 12);
}

TEST(ChartSparkline, NoValuesSayNoData) {
    Sparkline chart = recent();
    chart.values = {std::nullopt, std::nullopt};
    Element svg = testing::tree(sparkline_svg(chart));
    testing::expect_accessible_image(svg, "spark-ia");
    EXPECT_EQ(svg.shown, "No data");
    chart.values.clear();
    EXPECT_EQ(testing::tree(sparkline_svg(chart)).shown, "No data");
}

TEST(ChartSparkline, TheTableNamesPeriodsOrCountsThem) {
    Sparkline chart = recent();
    chart.values.push_back(std::nullopt);
    DataTable table = data_table(chart);
    EXPECT_EQ(table.head, (std::vector<std::string>{"Period", "Value"}));
    ASSERT_EQ(table.rows.size(), 5u);
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"Q1", "62.0%"}));
    EXPECT_EQ(table.rows[4], (std::vector<std::string>{"5", "No data"}));
}

}  // namespace
}  // namespace safeboard::charts
