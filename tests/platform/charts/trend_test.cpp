// The trend chart, read back as XML: what a reader sees (lines, gaps,
// markers, the target, the axis) and what a screen reader is told.
#include <algorithm>
#include <cmath>
#include <limits>
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

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

TrendChart quarterly() {
    TrendChart chart;
    chart.id = "ia";
    chart.title = "Initial health assessments within 20 working days";
    chart.unit = "%";
    chart.target = 70;
    chart.category_label = "Quarter";
    chart.categories = {"Q1 2011/12", "Q2 2011/12", "Q3 2011/12", "Q4 2011/12",
                        "Q1 2012/13", "Q2 2012/13", "Q3 2012/13", "Q4 2012/13"};
    chart.series = {{"Southend", {62, 65, std::nullopt, 71, 74, 70, 76, 80}}};
    return chart;
}

std::vector<std::string> shown(const std::vector<const Element*>& elements) {
    std::vector<std::string> out;
    for (const Element* element : elements) out.push_back(element->shown);
    return out;
}

// The subpaths of a path: one per unbroken run of values.
std::size_t subpaths(const Element& path) {
    const std::string d = path["d"];
    return static_cast<std::size_t>(std::count(d.begin(), d.end(), 'M'));
}

std::vector<const Element*> markers(const Element& svg) {
    std::vector<const Element*> out;
    for (const Element* group : testing::with_class(svg, "markers")) {
        for (const auto& child : group->children) out.push_back(&child);
    }
    return out;
}

// The height of a horizontal grid line, by its tick's text.
double grid_y(const Element& svg, const std::string& tick) {
    const Element* grid = testing::with_class(svg, "grid").at(0);
    for (std::size_t i = 0; i + 1 < grid->children.size(); ++i) {
        if (grid->children[i + 1].shown == tick) return grid->children[i].number("y1");
    }
    ADD_FAILURE() << "no tick " << tick;
    return 0;
}

TEST(ChartTrend, IsAWellFormedImageNamedByItsTitleAndDescription) {
    Element svg = testing::tree(trend_svg(quarterly()));
    testing::expect_accessible_image(svg, "ia");
    EXPECT_EQ(svg["viewBox"], "0 0 640 320");
    EXPECT_EQ(testing::title(svg), "Initial health assessments within 20 working days");
}

TEST(ChartTrend, TheDescriptionGivesFirstAndLastValuesTheExtremesGapsAndTarget) {
    std::string desc = testing::description(testing::tree(trend_svg(quarterly())));
    EXPECT_NE(desc.find("8 periods, Q1 2011/12 to Q4 2012/13."), std::string::npos) << desc;
    EXPECT_NE(desc.find("from 62.0% in Q1 2011/12 to 80.0% in Q4 2012/13"), std::string::npos) << desc;
    EXPECT_NE(desc.find("highest 80.0% in Q4 2012/13, lowest 62.0% in Q1 2011/12"), std::string::npos) << desc;
    EXPECT_NE(desc.find("no data for 1 period"), std::string::npos) << desc;
    EXPECT_NE(desc.find("Target 70.0%."), std::string::npos) << desc;
}

TEST(ChartTrend, ACallersDescriptionReplacesTheSummary) {
    TrendChart chart = quarterly();
    chart.description_override = "Rising steadily since 2011 & above target.";
    EXPECT_EQ(testing::description(testing::tree(trend_svg(chart))), chart.description_override);
}

TEST(ChartTrend, PercentagesRunFromNoneToAllInStepsOfTwenty) {
    Element svg = testing::tree(trend_svg(quarterly()));
    EXPECT_EQ(shown(testing::with_class(svg, "tick")),
              (std::vector<std::string>{"0%", "20%", "40%", "60%", "80%", "100%"}));
}

TEST(ChartTrend, APercentageAboveAllExtendsTheAxis) {
    TrendChart chart = quarterly();
    chart.series[0].values[1] = 112;
    auto ticks = shown(testing::with_class(testing::tree(trend_svg(chart)), "tick"));
    EXPECT_EQ(ticks.back(), "120%");
}

TEST(ChartTrend, AMissingValueBreaksTheLineAndEveryValueHasAMarker) {
    Element svg = testing::tree(trend_svg(quarterly()));
    auto lines = testing::with_class(svg, "series-line");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(subpaths(*lines[0]), 2u) << (*lines[0])["d"];
    EXPECT_EQ(markers(svg).size(), 7u);
    EXPECT_EQ(markers(svg)[0]->title(), "Southend, Q1 2011/12: 62.0%");
}

TEST(ChartTrend, AValueBetweenGapsShowsAsAMarkerAlone) {
    TrendChart chart = quarterly();
    chart.series[0].values = {55, std::nullopt, 60, std::nullopt, 65};
    Element svg = testing::tree(trend_svg(chart));
    EXPECT_TRUE(testing::with_class(svg, "series-line").empty());
    EXPECT_EQ(markers(svg).size(), 3u);
}

TEST(ChartTrend, NotANumberAndInfinitiesAreMissingValues) {
    TrendChart chart = quarterly();
    chart.series[0].values = {55, nan, inf, -inf, 1e300, 65, 70, 72};
    std::string text = trend_svg(chart);
    Element svg = testing::tree(text);
    EXPECT_EQ(markers(svg).size(), 4u);
    EXPECT_EQ(text.find("nan"), std::string::npos);
    EXPECT_EQ(text.find("inf"), std::string::npos);
    EXPECT_NE(testing::description(svg).find("no data for 4 periods"), std::string::npos);
}

TEST(ChartTrend, TheTargetIsADashedLineAtItsValueLabelledWithIt) {
    Element svg = testing::tree(trend_svg(quarterly()));
    auto target = testing::with_class(svg, "target");
    ASSERT_EQ(target.size(), 1u);
    EXPECT_FALSE((*target[0])["stroke-dasharray"].empty());
    double y0 = grid_y(svg, "0%"), y100 = grid_y(svg, "100%");
    EXPECT_NEAR(target[0]->number("y1"), y0 + 0.7 * (y100 - y0), 0.1);
    EXPECT_EQ(shown(testing::with_class(svg, "target-label")), (std::vector<std::string>{"Target 70.0%"}));
}

TEST(ChartTrend, ValuesSitAtTheirHeightOnTheAxis) {
    Element svg = testing::tree(trend_svg(quarterly()));
    double y0 = grid_y(svg, "0%"), y100 = grid_y(svg, "100%");
    const Element& first = *markers(svg)[0];  // 62%
    EXPECT_NEAR(first.number("cy"), y0 + 0.62 * (y100 - y0), 0.1);
}

TEST(ChartTrend, SeveralSeriesAreToldApartByLineAndMarkerNotOnlyColour) {
    TrendChart chart = quarterly();
    chart.series.push_back({"England average", {68, 69, 70, 70, 71, 72, 72, 73}});
    Element svg = testing::tree(trend_svg(chart));
    auto lines = testing::with_class(svg, "series-line");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE((*lines[0])["stroke-dasharray"], (*lines[1])["stroke-dasharray"]);
    auto groups = testing::with_class(svg, "markers");
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_NE(groups[0]->children.at(0).name, groups[1]->children.at(0).name);
    auto legend = testing::with_class(svg, "legend");
    ASSERT_EQ(legend.size(), 1u);
    EXPECT_EQ(shown(testing::named(*legend[0], "text")), (std::vector<std::string>{"Southend", "England average"}));
}

TEST(ChartTrend, OneSeriesNeedsNoLegend) {
    EXPECT_TRUE(testing::with_class(testing::tree(trend_svg(quarterly())), "legend").empty());
}

TEST(ChartTrend, HostileTextIsEscapedAndReadsBackUnchanged) {
    TrendChart chart = quarterly();
    chart.title = "Rates & <ratios> \"quoted\"";
    chart.categories = {"<script>alert(1)</script>", "A & B", "\"double\" 'single'"};
    chart.series = {{"<b>bold</b>", {1, 2, 3}}, {"x\" onload=\"alert(1)", {3, 2, 1}}};
    chart.value_label = "</svg><svg>";
    std::string text = trend_svg(chart);
    EXPECT_EQ(text.find("<script"), std::string::npos);
    EXPECT_EQ(text.find("<b>"), std::string::npos);
    Element svg = testing::tree(text);
    testing::expect_accessible_image(svg, "ia");
    EXPECT_EQ(testing::title(svg), chart.title);
    // Each name is drawn whole, or cut with the whole of it in a title.
    std::set<std::string> names;
    for (const Element* period : testing::with_class(svg, "period")) names.insert(period->title().value_or(period->shown));
    for (const auto& category : chart.categories) EXPECT_TRUE(names.contains(category)) << category;
    EXPECT_EQ(shown(testing::with_class(svg, "value-label")), (std::vector<std::string>{"</svg><svg>"}));
}

TEST(ChartTrend, ControlCharactersAndBytesThatAreNotUtf8StillGiveWellFormedXml) {
    TrendChart chart = quarterly();
    chart.categories = {"tab\there\x01", "\xff\xfe", std::string("nul\0byte", 8), "\xEF\xBF\xBF"};
    chart.series = {{"vertical\x0btab", {1, 2, 3, 4}}};
    Element svg = testing::tree(trend_svg(chart));
    testing::expect_accessible_image(svg, "ia");
}

TEST(ChartTrend, NoPeriodsOrNoValuesDrawAnEmptyChartSayingNoData) {
    TrendChart none = quarterly();
    none.categories.clear();
    TrendChart missing = quarterly();
    missing.series[0].values = {std::nullopt, nan};
    TrendChart no_series = quarterly();
    no_series.series.clear();
    for (const TrendChart& chart : {none, missing, no_series}) {
        Element svg = testing::tree(trend_svg(chart));
        testing::expect_accessible_image(svg, "ia");
        EXPECT_EQ(svg.shown, "No data");
        EXPECT_EQ(testing::description(svg), "No data.");
    }
}

TEST(ChartTrend, EqualValuesSitOnOneLevelAboveZero) {
    TrendChart chart = quarterly();
    chart.unit = "";
    chart.target.reset();
    chart.series[0].values = {50, 50, 50, 50, 50, 50, 50, 50};
    Element svg = testing::tree(trend_svg(chart));
    auto points = markers(svg);
    ASSERT_EQ(points.size(), 8u);
    for (const Element* point : points) EXPECT_EQ((*point)["cy"], (*points[0])["cy"]);
    auto ticks = shown(testing::with_class(svg, "tick"));
    EXPECT_EQ(ticks.front(), "0");
    EXPECT_EQ(ticks.back(), "50");
    EXPECT_LT(points[0]->number("cy"), grid_y(svg, "0"));
}

TEST(ChartTrend, ASinglePeriodIsAMarkerInTheMiddle) {
    TrendChart chart = quarterly();
    chart.categories = {"Q1 2011/12"};
    chart.series[0].values = {62};
    Element svg = testing::tree(trend_svg(chart));
    EXPECT_TRUE(testing::with_class(svg, "series-line").empty());
    ASSERT_EQ(markers(svg).size(), 1u);
    const Element& line = testing::with_class(svg, "grid").at(0)->children.at(0);
    EXPECT_NEAR(markers(svg)[0]->number("cx"), (line.number("x1") + line.number("x2")) / 2, 0.1);
    EXPECT_NE(testing::description(svg).find("1 period: Q1 2011/12."), std::string::npos);
}

TEST(ChartTrend, NegativeValuesGetTicksBelowZeroAndAStrongZeroLine) {
    TrendChart chart = quarterly();
    chart.unit = " days";
    chart.target.reset();
    chart.decimals = 0;
    chart.categories = {"2019", "2020", "2021"};
    chart.series[0].values = {-12, 3, 8};
    std::string text = trend_svg(chart);
    Element svg = testing::tree(text);
    auto ticks = shown(testing::with_class(svg, "tick"));
    EXPECT_EQ(ticks.front(), "-15 days");
    EXPECT_NE(std::find(ticks.begin(), ticks.end(), "0 days"), ticks.end());
    double zero = grid_y(svg, "0 days");
    EXPECT_GT(markers(svg)[0]->number("cy"), zero) << "below the zero line";
    EXPECT_LT(markers(svg)[1]->number("cy"), zero);
    EXPECT_TRUE(testing::negative_zeros(text).empty());
}

TEST(ChartTrend, ValuesJustBelowZeroNeverPrintMinusZero) {
    TrendChart chart = quarterly();
    chart.categories = {"A", "B"};
    chart.series[0].values = {-0.01, -0.04};
    std::string text = trend_svg(chart);
    EXPECT_TRUE(testing::negative_zeros(text).empty()) << testing::negative_zeros(text).at(0);
    EXPECT_NE(testing::description(testing::tree(text)).find("from 0.0% in A to 0.0% in B"), std::string::npos);
}

TEST(ChartTrend, PeriodNamesTooWideToFitGoOnTwoLines) {
    Element svg = testing::tree(trend_svg(quarterly()));
    auto periods = shown(testing::with_class(svg, "period"));
    EXPECT_EQ(std::count(periods.begin(), periods.end(), "2011/12"), 4);
    EXPECT_EQ(periods.front(), "Q1");
}

TEST(ChartTrend, LongPeriodNamesAreCutButKeepTheirFullTextInATitle) {
    TrendChart chart = quarterly();
    std::string long_name(150, 'x');
    chart.categories = {"Before the new safeguarding arrangements were agreed by all three partners in Southend", long_name,
                        "After"};
    chart.series[0].values = {1, 2, 3};
    Element svg = testing::tree(trend_svg(chart));
    auto periods = testing::with_class(svg, "period");
    ASSERT_EQ(periods.size(), 3u);
    EXPECT_TRUE(periods[1]->shown.ends_with("…")) << periods[1]->shown;
    EXPECT_LT(periods[1]->shown.size(), 60u);
    EXPECT_EQ(periods[1]->title(), long_name);
    EXPECT_EQ(periods[2]->shown, "After");
    EXPECT_FALSE(periods[2]->title().has_value());
    for (const Element* period : periods) EXPECT_GE(period->number("x"), 0);
}

TEST(ChartTrend, ManyPeriodsAreSlantedAndThinnedButAllKeepAMarker) {
    TrendChart chart = quarterly();
    chart.categories.clear();
    chart.series[0].values.clear();
    for (int month = 0; month < 60; ++month) {
        chart.categories.push_back("Month " + std::to_string(month + 1));
        chart.series[0].values.push_back(50 + month % 7);
    }
    Element svg = testing::tree(trend_svg(chart));
    auto periods = testing::with_class(svg, "period");
    EXPECT_LT(periods.size(), 60u);
    EXPECT_GT(periods.size(), 5u);
    EXPECT_NE((*periods[0])["transform"].find("rotate(-45"), std::string::npos);
    EXPECT_EQ(markers(svg).size(), 60u);
}

TEST(ChartTrend, ShortChartsHaveFewerTicks) {
    TrendChart chart = quarterly();
    chart.height = 160;
    Element svg = testing::tree(trend_svg(chart));
    auto ticks = testing::with_class(svg, "tick");
    ASSERT_GE(ticks.size(), 2u);
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        EXPECT_GE(ticks[i - 1]->number("y") - ticks[i]->number("y"), 14) << "labels must not overlap";
    }
}

TEST(ChartTrend, TheTableHasARowPerPeriodAndAColumnPerSeries) {
    TrendChart chart = quarterly();
    chart.series.push_back({"", {68}});
    DataTable table = data_table(chart);
    EXPECT_EQ(table.caption, chart.title);
    EXPECT_EQ(table.head, (std::vector<std::string>{"Quarter", "Southend", "Series 2", "Target"}));
    ASSERT_EQ(table.rows.size(), 8u);
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"Q1 2011/12", "62.0%", "68.0%", "70.0%"}));
    EXPECT_EQ(table.rows[2], (std::vector<std::string>{"Q3 2011/12", "No data", "No data", "70.0%"}));
}

TEST(ChartTrend, TheTableLeavesOutTheTargetWhenThereIsNone) {
    TrendChart chart = quarterly();
    chart.target = nan;
    chart.decimals = 0;
    DataTable table = data_table(chart);
    EXPECT_EQ(table.head, (std::vector<std::string>{"Quarter", "Southend"}));
    EXPECT_EQ(table.rows[7], (std::vector<std::string>{"Q4 2012/13", "80%"}));
    EXPECT_TRUE(testing::with_class(testing::tree(trend_svg(chart)), "target").empty());
}

}  // namespace
}  // namespace safeboard::charts
