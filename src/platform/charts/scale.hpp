#pragma once
// The value axis and how numbers read: ticks a reader can count in (0, 20,
// 40 ... or 0, 0.5, 1 ...), and numbers the same on every machine (no locale,
// thousands grouped with commas as GOV.UK writes them, never "-0").
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::charts {

// Values beyond this are treated as missing: no measure is that large, and
// the arithmetic of an axis stays exact well inside a double.
inline constexpr double largest_value = 1e15;

// A finite value within ±largest_value.
bool usable(double value);

struct Axis {
    double low = 0;
    double high = 1;
    double step = 1;
    std::vector<double> ticks;  // low, low + step, ..., high
    int decimals = 0;           // the digits after the point a tick needs
};

// An axis covering [low, high] whose step is 1, 2 or 5 times a power of ten,
// chosen so that there are about `intervals` steps (between 1 and 20), with
// both ends on a tick. Equal ends are widened to include 0 (or to 0..1 when
// both are 0); ends out of order are swapped; ends that are not usable are
// read as 0.
Axis nice_axis(double low, double high, int intervals = 5);

// `value` rounded half away from zero to `decimals` digits after the point
// (0 to 10), the whole part grouped in threes with commas: "1,234.5". Empty
// for a value that is not finite.
std::string format_number(double value, int decimals);

// format_number with the unit: "%" directly ("72.5%"), any other unit after a
// space ("12 days"), none when empty.
std::string format_value(double value, int decimals, std::string_view unit);

}  // namespace safeboard::charts
