#pragma once
// What the three charts draw with: coordinates as text, text made safe and
// measured, the SVG's opening with its title and description, the empty
// chart, and the colours (GOV.UK's palette). Not for callers outside charts.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "platform/charts/charts.hpp"
#include "platform/charts/scale.hpp"

namespace safeboard::charts {

// GOV.UK colours. Text is black or dark grey on white (over 7:1); every line
// and marker has at least 3:1 against white; bars carry a black outline, so
// even amber (2.8:1) has a visible edge.
namespace colour {
inline constexpr std::string_view text = "#0b0c0c";
inline constexpr std::string_view secondary_text = "#505a5f";
inline constexpr std::string_view background = "#ffffff";
inline constexpr std::string_view grid = "#b1b4b6";
inline constexpr std::string_view bar = "#1d70b8";
inline constexpr std::string_view red = "#d4351c";
inline constexpr std::string_view amber = "#f47738";
inline constexpr std::string_view green = "#00703c";
}  // namespace colour

inline constexpr std::string_view font_family = "'GDS Transport', arial, sans-serif";
inline constexpr double font_size = 14;
inline constexpr double margin = 12;

// One decimal place at most, never "-0": the same chart always gives the same bytes.
std::string coord(double value);
// ` name="value"`: for numbers, colours and ids, which need no escaping.
std::string attr(std::string_view name, std::string_view value);
std::string attr(std::string_view name, double value);

// Text as it may appear in XML: valid UTF-8 (bad bytes become U+FFFD),
// control characters and line breaks as spaces, the two non-characters
// XML forbids (U+FFFE, U+FFFF) as U+FFFD. Not yet escaped.
std::string clean(std::string_view text);
// clean, then escaped for an element or a quoted attribute.
std::string escaped(std::string_view text);

// Code points in clean text.
std::size_t characters(std::string_view clean_text);
// How wide text is drawn, estimated generously from its characters (the
// server cannot measure the reader's font).
double text_width(std::string_view text, double size = font_size);
// How many characters fit in `width`.
std::size_t characters_in(double width, double size = font_size);

// A <text> element: `attributes` go on it as they are; `content` is cleaned
// and escaped. Content longer than `max_characters` is cut with "…" and the
// full text kept in a <title> on the element.
std::string text_element(std::string_view attributes, std::string_view content,
                         std::size_t max_characters = std::string::npos);

// The ids inside one chart all start with the caller's prefix, made safe.
std::string id_prefix(std::string_view id);

// <svg ...> with its <title> and <desc> and a white background. The title
// falls back to `fallback_title` when empty.
std::string svg_open(const Common& chart, double width, double height, std::string_view fallback_title,
                     std::string_view description);

// A chart with nothing to draw: the frame and "No data".
std::string empty_svg(const Common& chart, double width, double height, std::string_view fallback_title);

// A value with the chart's unit and decimals (clamped to 0..3).
std::string value_text(const Common& chart, double value);
// value_text, or "No data".
std::string value_text(const Common& chart, const Value& value);

// The value when it is usable (see charts.hpp), else nothing.
Value usable_value(const Value& value);

// The target when it is usable.
Value target_of(const Common& chart);
// "Target 70%", or empty without a target.
std::string target_text(const Common& chart);

// True when the chart's values are percentages (its unit is "%").
bool is_percentage(const Common& chart);

// The value axis for the values and the target: always including 0, and
// 0..100 for percentages unless something falls outside.
// About `intervals` steps (see nice_axis).
Axis value_axis(const Common& chart, const std::vector<double>& values, int intervals);
// A tick's label with the unit: "20%".
std::string tick_text(const Common& chart, const Axis& axis, double tick);

}  // namespace safeboard::charts
