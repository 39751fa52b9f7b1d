#include "platform/charts/scale.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>
#include <utility>

namespace safeboard::charts {

namespace {

// A step of nice × 10^exponent, nice being 1, 2 or 5.
struct Step {
    int nice = 1;
    int exponent = 0;
};

// The 1-2-5 step nearest the raw one: rounding rather than always rounding up
// keeps 0..120 in steps of 20 rather than 0..150 in steps of 50.
Step nice_step(double raw) {
    auto exponent = static_cast<int>(std::floor(std::log10(raw)));
    double fraction = raw / std::pow(10.0, exponent);
    if (fraction < 1.5) return {1, exponent};
    if (fraction < 3) return {2, exponent};
    if (fraction < 7) return {5, exponent};
    return {1, exponent + 1};
}

// k steps, worked out so that a tick of 0.3 is the double nearest 0.3 (as
// 3 / 10 is) rather than 3 × 0.1 = 0.30000000000000004.
double steps(long long k, Step step) {
    auto whole = static_cast<double>(k * step.nice);
    if (step.exponent >= 0) return whole * std::pow(10.0, step.exponent);
    return whole / std::pow(10.0, -step.exponent);
}

double usable_or_zero(double value) { return usable(value) ? value : 0; }

// Equal ends have no span to divide: include 0 so the axis has one.
std::pair<double, double> widened(double low, double high) {
    if (low != high) return {low, high};
    if (low == 0) return {0, 1};
    return low > 0 ? std::pair{0.0, high} : std::pair{low, 0.0};
}

// A run of digits grouped in threes: "1234567" → "1,234,567".
std::string grouped(std::string_view digits) {
    std::string out;
    for (std::size_t at = 0; at < digits.size(); ++at) {
        if (at > 0 && (digits.size() - at) % 3 == 0) out += ',';
        out += digits[at];
    }
    return out;
}

}  // namespace

bool usable(double value) { return std::isfinite(value) && std::abs(value) <= largest_value; }

Axis nice_axis(double low, double high, int intervals) {
    low = usable_or_zero(low);
    high = usable_or_zero(high);
    if (low > high) std::swap(low, high);
    std::tie(low, high) = widened(low, high);
    intervals = std::clamp(intervals, 1, 20);

    Step step = nice_step(high / intervals - low / intervals);
    double size = steps(1, step);
    // A hair of tolerance so that 0.6 / 0.2 = 2.9999999999999996 still lands on 3.
    auto first = std::llround(std::floor(low / size + 1e-9));
    auto last = std::llround(std::ceil(high / size - 1e-9));
    Axis axis;
    for (long long k = first; k <= last; ++k) axis.ticks.push_back(steps(k, step));
    axis.low = axis.ticks.front();
    axis.high = axis.ticks.back();
    axis.step = size;
    axis.decimals = step.exponent < 0 ? -step.exponent : 0;
    return axis;
}

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return {};
    decimals = std::clamp(decimals, 0, 10);
    double rounded = value;
    // Beyond 1e15 a double holds no digits after the point to round.
    if (std::abs(value) < 1e15) {
        double scale = std::pow(10.0, decimals);
        rounded = std::round(value * scale) / scale;
    }
    if (rounded == 0) rounded = 0;  // -0.04 to no decimals is "0", never "-0"
    char buffer[400];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, decimals);
    std::string_view text(buffer, written.ptr);
    std::string sign = text.starts_with('-') ? "-" : "";
    text.remove_prefix(sign.size());
    auto point = text.find('.');
    std::string whole = grouped(text.substr(0, point));
    return sign + whole + std::string(point == std::string_view::npos ? std::string_view{} : text.substr(point));
}

std::string format_value(double value, int decimals, std::string_view unit) {
    std::string number = format_number(value, decimals);
    if (unit.empty() || number.empty()) return number;
    return number + (unit == "%" ? "" : " ") + std::string(unit);
}

}  // namespace safeboard::charts
