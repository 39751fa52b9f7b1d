#include "platform/charts/drawing.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "platform/charts/scale.hpp"
#include "platform/core/text.hpp"

namespace safeboard::charts {

namespace {

// An average glyph of GOV.UK's fonts is a little over half the font size;
// six tenths leaves room for wide letters rather than letting them overrun.
constexpr double average_glyph = 0.6;

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_id_character(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

// A control character encoded in one byte (C0, DEL) or two (C1).
bool is_control(std::string_view character) {
    auto first = static_cast<unsigned char>(character[0]);
    if (character.size() == 1) return first < 0x20 || first == 0x7F;
    return character.size() == 2 && first == 0xC2 && static_cast<unsigned char>(character[1]) <= 0x9F;
}

// The first max - 1 characters and "…".
std::string cut(std::string_view text, std::size_t max_characters) {
    std::size_t keep = max_characters > 0 ? max_characters - 1 : 0;
    std::size_t at = 0;
    for (std::size_t count = 0; count < keep && at < text.size(); ++count) at += utf8_sequence_length(text, at);
    return std::string(trim(text.substr(0, at))) + "…";
}

}  // namespace

std::string coord(double value) {
    double rounded = std::round(value * 10) / 10;
    if (rounded == 0) rounded = 0;
    char buffer[64];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 1);
    std::string text(buffer, written.ptr);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}

std::string attr(std::string_view name, std::string_view value) {
    std::string out(" ");  // appended to, not prepended: GCC 12 warns wrongly about the latter (-Wrestrict)
    out.append(name).append("=\"").append(value).append("\"");
    return out;
}

std::string attr(std::string_view name, double value) { return attr(name, coord(value)); }

std::string clean(std::string_view text) {
    std::string valid = replace_invalid_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t at = 0; at < valid.size();) {
        std::string_view character(valid.data() + at, utf8_sequence_length(valid, at));
        if (is_control(character)) {
            out += ' ';
        } else if (character == "\xEF\xBF\xBE" || character == "\xEF\xBF\xBF") {
            out += "\xEF\xBF\xBD";
        } else {
            out += character;
        }
        at += character.size();
    }
    return out;
}

std::string escaped(std::string_view text) { return xml_escaped(clean(text)); }

std::size_t characters(std::string_view clean_text) { return utf8_length(clean_text).value_or(clean_text.size()); }

double text_width(std::string_view text, double size) {
    return static_cast<double>(characters(text)) * average_glyph * size;
}

std::size_t characters_in(double width, double size) {
    // The hair keeps a width measured from n characters from holding n - 1.
    return width <= 0 ? 0 : static_cast<std::size_t>(width / (average_glyph * size) + 1e-9);
}

std::string text_element(std::string_view attributes, std::string_view content, std::size_t max_characters) {
    std::string text = clean(content);
    std::string open = "<text" + std::string(attributes.starts_with(' ') ? "" : " ") + std::string(attributes) + ">";
    if (characters(text) <= max_characters) return open + xml_escaped(text) + "</text>";
    return open + "<title>" + xml_escaped(text) + "</title>" + xml_escaped(cut(text, max_characters)) + "</text>";
}

std::string id_prefix(std::string_view id) {
    std::string out;
    for (char c : id) out += is_id_character(c) ? c : '-';
    if (out.empty()) return "chart";
    return is_letter(out.front()) ? out : "chart-" + out;
}

std::string svg_open(const Common& chart, double width, double height, std::string_view fallback_title,
                     std::string_view description) {
    std::string prefix = id_prefix(chart.id);
    std::string title = trim(clean(chart.title));
    std::string w = coord(width), h = coord(height);
    return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" + w + " " + h + R"(" width=")" + w +
           R"(" height=")" + h + R"(" role="img" aria-labelledby=")" + prefix + "-title " + prefix +
           R"(-desc" font-family=")" + std::string(font_family) + R"(" font-size=")" + coord(font_size) +
           R"("><title id=")" + prefix + R"(-title">)" + xml_escaped(title.empty() ? fallback_title : title) +
           R"(</title><desc id=")" + prefix + R"(-desc">)" + escaped(description) + R"(</desc><rect width=")" + w +
           R"(" height=")" + h + R"(" fill=")" + std::string(colour::background) + R"("/>)";
}

std::string empty_svg(const Common& chart, double width, double height, std::string_view fallback_title) {
    std::string description = chart.description_override.empty() ? "No data." : chart.description_override;
    return svg_open(chart, width, height, fallback_title, description) +
           text_element(R"(x=")" + coord(width / 2) + R"(" y=")" + coord(height / 2 + font_size / 3) +
                            R"(" text-anchor="middle" fill=")" + std::string(colour::secondary_text) + '"',
                        "No data") +
           "</svg>";
}

std::string value_text(const Common& chart, double value) {
    return format_value(value, std::clamp(chart.decimals, 0, 3), trim(clean(chart.unit)));
}

std::string value_text(const Common& chart, const Value& value) {
    return value ? value_text(chart, *value) : std::string("No data");
}

Value usable_value(const Value& value) { return value && usable(*value) ? value : std::nullopt; }

Value target_of(const Common& chart) { return usable_value(chart.target); }

std::string target_text(const Common& chart) {
    Value target = target_of(chart);
    return target ? "Target " + value_text(chart, *target) : std::string();
}

bool is_percentage(const Common& chart) { return trim(chart.unit) == "%"; }

Axis value_axis(const Common& chart, const std::vector<double>& values, int intervals) {
    double low = 0, high = is_percentage(chart) ? 100 : 0;
    for (double value : values) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
    if (Value target = target_of(chart)) {
        low = std::min(low, *target);
        high = std::max(high, *target);
    }
    return nice_axis(low, high, intervals);
}

std::string tick_text(const Common& chart, const Axis& axis, double tick) {
    return format_value(tick, axis.decimals, trim(clean(chart.unit)));
}

}  // namespace safeboard::charts
