// The value axis a reader counts along, and numbers that read the same everywhere.
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "platform/charts/scale.hpp"

namespace safeboard::charts {
namespace {

std::vector<double> ticks(double low, double high, int intervals = 5) { return nice_axis(low, high, intervals).ticks; }

TEST(ChartScale, APercentageAxisStepsByTwenty) {
    Axis axis = nice_axis(0, 100);
    EXPECT_EQ(axis.ticks, (std::vector<double>{0, 20, 40, 60, 80, 100}));
    EXPECT_EQ(axis.step, 20);
    EXPECT_EQ(axis.decimals, 0);
}

TEST(ChartScale, ASmallRangeStepsByTenthsThatPrintExactly) {
    Axis axis = nice_axis(0, 0.37);
    EXPECT_EQ(axis.ticks, (std::vector<double>{0, 0.1, 0.2, 0.3, 0.4}));  // 0.3, not 0.30000000000000004
    EXPECT_EQ(axis.decimals, 1);
    EXPECT_EQ(nice_axis(0, 0.012).decimals, 3);
}

TEST(ChartScale, ARangeAcrossZeroHasZeroAsATick) {
    EXPECT_EQ(ticks(-23, 48), (std::vector<double>{-30, -20, -10, 0, 10, 20, 30, 40, 50}));
    EXPECT_EQ(ticks(-45, 90), (std::vector<double>{-60, -40, -20, 0, 20, 40, 60, 80, 100}));
    EXPECT_EQ(ticks(-7, -1), (std::vector<double>{-7, -6, -5, -4, -3, -2, -1}));
}

TEST(ChartScale, LargeCountsStepByHundreds) {
    EXPECT_EQ(ticks(0, 1234), (std::vector<double>{0, 200, 400, 600, 800, 1000, 1200, 1400}));
    EXPECT_EQ(ticks(0, 112), (std::vector<double>{0, 20, 40, 60, 80, 100, 120}));
}

TEST(ChartScale, StepsAreOneTwoOrFiveTimesAPowerOfTenAndCoverTheRange) {
    const double ranges[][2] = {{0, 1},    {0, 3},       {0, 7},     {0, 9.99},   {-0.5, 0.5}, {12, 13},
                                {0, 45},   {-3, 1000},   {0, 1e6},   {0, 7.3e12}, {1e-4, 3e-4}, {-250, -20},
                                {99, 101}, {0.1, 0.15},  {0, 59},    {0, 61}};
    for (const auto& range : ranges) {
        for (int intervals : {2, 5, 10}) {
            Axis axis = nice_axis(range[0], range[1], intervals);
            SCOPED_TRACE(std::to_string(range[0]) + ".." + std::to_string(range[1]));
            double mantissa = axis.step / std::pow(10.0, std::floor(std::log10(axis.step)));
            EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9)
                << axis.step;
            EXPECT_LE(axis.low, range[0]);
            EXPECT_GE(axis.high, range[1]);
            EXPECT_LT(axis.low, range[0] + axis.step) << "no empty step below the data";
            EXPECT_GT(axis.high, range[1] - axis.step) << "no empty step above the data";
            ASSERT_GE(axis.ticks.size(), 2u);
            EXPECT_LE(axis.ticks.size(), static_cast<std::size_t>(2 * intervals + 2));
            for (std::size_t i = 1; i < axis.ticks.size(); ++i) {
                EXPECT_NEAR(axis.ticks[i] - axis.ticks[i - 1], axis.step, axis.step * 1e-9);
            }
        }
    }
}

TEST(ChartScale, EqualEndsAreWidenedToIncludeZero) {
    EXPECT_EQ(ticks(50, 50), (std::vector<double>{0, 10, 20, 30, 40, 50}));
    EXPECT_EQ(ticks(-5, -5), (std::vector<double>{-5, -4, -3, -2, -1, 0}));
    EXPECT_EQ(ticks(0, 0), (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1}));
}

TEST(ChartScale, EndsOutOfOrderOrUnusableStillGiveAnAxis) {
    EXPECT_EQ(ticks(100, 0), ticks(0, 100));
    double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(ticks(nan, 10), ticks(0, 10));
    EXPECT_EQ(ticks(-inf, inf), ticks(0, 1));
    EXPECT_EQ(ticks(0, 1e300), ticks(0, 1));
    EXPECT_EQ(ticks(0, 1e15).back(), 1e15);
}

TEST(ChartScale, NumbersAreGroupedInThreesWithCommas) {
    EXPECT_EQ(format_number(1234.5, 1), "1,234.5");
    EXPECT_EQ(format_number(1234567, 0), "1,234,567");
    EXPECT_EQ(format_number(999, 0), "999");
    EXPECT_EQ(format_number(-1234.25, 1), "-1,234.3");
    EXPECT_EQ(format_number(0.5, 2), "0.50");
}

TEST(ChartScale, NumbersRoundHalfAwayFromZeroAndNeverReadMinusZero) {
    EXPECT_EQ(format_number(2.5, 0), "3");
    EXPECT_EQ(format_number(-2.5, 0), "-3");
    EXPECT_EQ(format_number(72.25, 1), "72.3");
    EXPECT_EQ(format_number(-0.04, 1), "0.0");
    EXPECT_EQ(format_number(-0.4, 0), "0");
    EXPECT_EQ(format_number(-0.0, 2), "0.00");
    EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN(), 1), "");
}

TEST(ChartScale, UnitsFollowTheNumber) {
    EXPECT_EQ(format_value(72.5, 1, "%"), "72.5%");
    EXPECT_EQ(format_value(12, 0, "days"), "12 days");
    EXPECT_EQ(format_value(1500, 0, ""), "1,500");
}

}  // namespace
}  // namespace safeboard::charts
