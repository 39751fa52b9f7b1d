// The bar chart: one horizontal bar per category, names in a column on the
// left, each bar labelled with its value and its rating in words.
#include <algorithm>
#include <string>
#include <vector>

#include "platform/charts/charts.hpp"
#include "platform/charts/drawing.hpp"
#include "platform/charts/scale.hpp"
#include "platform/core/text.hpp"

namespace safeboard::charts {

namespace {

constexpr std::string_view fallback_title = "Comparison";
constexpr double row = 36;
constexpr double bar_height = 24;
constexpr double tick_gap = 8;
constexpr double label_gap = 6;       // between a bar's end and its value
constexpr double min_plot_width = 120;
constexpr double min_name_width = 60;

std::string_view fill_of(Rating rating) {
    switch (rating) {
        case Rating::red: return colour::red;
        case Rating::amber: return colour::amber;
        case Rating::green: return colour::green;
        case Rating::none: break;
    }
    return colour::bar;
}

struct Prepared {
    std::vector<std::string> names;
    std::vector<Value> values;
    std::vector<Rating> ratings;
    std::vector<double> present;
    bool rated = false;
};

Prepared prepared(const BarChart& chart) {
    Prepared data;
    for (const auto& bar : chart.bars) {
        data.names.push_back(trim(clean(bar.label)));
        data.values.push_back(usable_value(bar.value));
        data.ratings.push_back(bar.rating);
        if (data.values.back()) data.present.push_back(*data.values.back());
        data.rated = data.rated || bar.rating != Rating::none;
    }
    return data;
}

// What is written at a bar's end: "72.0% Red".
std::string end_text(const BarChart& chart, const Prepared& data, std::size_t i) {
    std::string rating = rating_name(data.ratings[i]);
    return value_text(chart, data.values[i]) + (rating.empty() ? "" : " " + rating);
}

// ---------------------------------------------------------------- the summary

std::string one_bar(const BarChart& chart, const Prepared& data, std::size_t i) {
    std::string rating = rating_name(data.ratings[i]);
    return data.names[i] + " " + value_text(chart, data.values[i]) + (rating.empty() ? "" : " (" + rating + ")");
}

// Every bar when there are few; the highest and lowest when there are many.
std::string bars_in_words(const BarChart& chart, const Prepared& data) {
    std::size_t count = data.names.size();
    std::string text = std::to_string(count) + (count == 1 ? " bar: " : " bars: ");
    if (count <= 10) {
        for (std::size_t i = 0; i < count; ++i) text += (i == 0 ? "" : ", ") + one_bar(chart, data, i);
        return text + ".";
    }
    std::vector<std::size_t> present;
    for (std::size_t i = 0; i < count; ++i) {
        if (data.values[i]) present.push_back(i);
    }
    auto by_value = [&](std::size_t a, std::size_t b) { return *data.values[a] < *data.values[b]; };
    text += "highest " + one_bar(chart, data, *std::max_element(present.begin(), present.end(), by_value)) +
            ", lowest " + one_bar(chart, data, *std::min_element(present.begin(), present.end(), by_value));
    std::size_t missing = count - present.size();
    return text + (missing > 0 ? "; no data for " + std::to_string(missing) : std::string()) + ".";
}

std::string ratings_in_words(const Prepared& data) {
    std::string text;
    for (Rating rating : {Rating::red, Rating::amber, Rating::green}) {
        auto count = std::count(data.ratings.begin(), data.ratings.end(), rating);
        if (count == 0) continue;
        text += (text.empty() ? " Ratings: " : ", ") + std::to_string(count) + " " + lower_ascii(rating_name(rating));
    }
    return text.empty() ? text : text + ".";
}

std::string description(const BarChart& chart, const Prepared& data) {
    if (!chart.description_override.empty()) return chart.description_override;
    std::string text = bars_in_words(chart, data);
    if (Value target = target_of(chart)) {
        auto reached = std::count_if(data.present.begin(), data.present.end(), [&](double v) { return v >= *target; });
        text += ' ';
        text += target_text(chart) + ": " + std::to_string(reached) + " of " + std::to_string(data.names.size()) +
                " at or above.";
    }
    if (data.names.size() > 10) text += ratings_in_words(data);
    return text;
}

// ---------------------------------------------------------------- the layout

struct Frame {
    double names_width = 0;  // the column of names on the left
    double left = 0, right = 0, top = 0;
    Axis axis;
    std::size_t count = 0;

    double bottom() const { return top + row * static_cast<double>(count); }
    double x(double value) const { return left + (value - axis.low) / (axis.high - axis.low) * (right - left); }
    double bar_top(std::size_t i) const { return top + row * static_cast<double>(i) + (row - bar_height) / 2; }
};

// The names' column takes what the longest name needs, up to two fifths of
// the width, and gives way (names cut shorter) so the bars keep some room.
Frame place(const BarChart& chart, const Prepared& data, double width, Axis axis) {
    Frame frame;
    frame.axis = std::move(axis);
    frame.count = data.names.size();
    double widest_name = 0, widest_end = 0;
    for (std::size_t i = 0; i < data.names.size(); ++i) {
        widest_name = std::max(widest_name, text_width(data.names[i]));
        widest_end = std::max(widest_end, text_width(end_text(chart, data, i)));
    }
    double end_room = widest_end + label_gap;
    double left_end_room = frame.axis.low < 0 ? end_room : 0;  // values of bars going left
    frame.names_width = std::min(widest_name, width * 0.4);
    double plot = width - 2 * margin - frame.names_width - 12 - left_end_room - end_room;
    if (plot < min_plot_width) frame.names_width = std::max(min_name_width, frame.names_width - (min_plot_width - plot));
    frame.left = margin + frame.names_width + 12 + left_end_room;
    frame.right = std::max(frame.left + min_plot_width / 2, width - margin - end_room);
    frame.top = margin + (trim(chart.value_label).empty() ? 0 : font_size + 8) + (target_of(chart) ? font_size + 8 : 0);
    return frame;
}

// Fewer ticks when a narrow chart would crowd their labels.
Frame layout(const BarChart& chart, const Prepared& data, double width) {
    for (int intervals = 5;; --intervals) {
        Frame frame = place(chart, data, width, value_axis(chart, data.present, intervals));
        double widest_tick = 0;
        for (double tick : frame.axis.ticks) {
            widest_tick = std::max(widest_tick, text_width(tick_text(chart, frame.axis, tick)));
        }
        double spacing = (frame.right - frame.left) / static_cast<double>(frame.axis.ticks.size() - 1);
        if (spacing >= widest_tick + 12 || intervals == 1) return frame;
    }
}

// ---------------------------------------------------------------- drawing

std::string grid(const BarChart& chart, const Frame& frame) {
    std::string out = R"(<g class="grid">)";
    for (double tick : frame.axis.ticks) {
        double x = frame.x(tick);
        bool zero = tick == 0;
        out += "<line" + attr("x1", x) + attr("x2", x) + attr("y1", frame.top) + attr("y2", frame.bottom()) +
               attr("stroke", zero ? colour::text : colour::grid) + attr("stroke-width", zero ? "2" : "1") + "/>";
        out += text_element(R"(class="tick")" + attr("x", x) + attr("y", frame.bottom() + tick_gap + font_size) +
                                R"( text-anchor="middle")" + attr("fill", colour::secondary_text),
                            tick_text(chart, frame.axis, tick));
    }
    return out + "</g>";
}

std::string value_label(const BarChart& chart, const Prepared& data, const Frame& frame, std::size_t i) {
    double end = data.values[i] ? frame.x(*data.values[i]) : frame.x(0);
    bool leftwards = data.values[i] && *data.values[i] < 0;
    double y = frame.bar_top(i) + bar_height / 2 + font_size / 3;
    std::string rating = rating_name(data.ratings[i]);
    return R"(<text class="value")" + attr("x", leftwards ? end - label_gap : end + label_gap) + attr("y", y) +
           (leftwards ? R"( text-anchor="end")" : "") +
           attr("fill", data.values[i] ? colour::text : colour::secondary_text) + attr("stroke", colour::background) +
           R"( stroke-width="4" paint-order="stroke">)" + escaped(value_text(chart, data.values[i])) +
           (rating.empty() ? "" : R"( <tspan class="rating" font-weight="bold">)" + rating + "</tspan>") + "</text>";
}

std::string bar(const Prepared& data, const Frame& frame, std::size_t i) {
    double y = frame.bar_top(i);
    std::string out = R"(<g class="bar">)";
    out += text_element(R"(class="category")" + attr("x", margin) + attr("y", y + bar_height / 2 + font_size / 3) +
                            attr("fill", colour::text),
                        data.names[i], characters_in(frame.names_width));
    if (data.values[i]) {
        double from = frame.x(0), to = frame.x(*data.values[i]);
        out += "<rect" + attr("x", std::min(from, to)) + attr("y", y) + attr("width", std::abs(to - from)) +
               attr("height", bar_height) + attr("fill", fill_of(data.ratings[i])) + attr("stroke", colour::text) +
               R"( stroke-width="1"/>)";
    }
    return out + "</g>";
}

// A dashed line down through the bars, labelled above them, the label kept
// inside the canvas.
std::string target(const BarChart& chart, const Frame& frame, double width) {
    Value value = target_of(chart);
    if (!value) return {};
    double x = frame.x(*value);
    std::string text = target_text(chart);
    double half = text_width(text) / 2;
    std::string anchor = x + half > width - margin ? "end" : x - half < margin ? "start" : "middle";
    return R"(<line class="target")" + attr("x1", x) + attr("x2", x) + attr("y1", frame.top - 4) +
           attr("y2", frame.bottom()) + attr("stroke", colour::text) +
           R"( stroke-width="2" stroke-dasharray="6 4"/>)" +
           text_element(R"(class="target-label")" + attr("x", x) + attr("y", frame.top - 10) +
                            attr("text-anchor", anchor) + R"( font-weight="bold")" + attr("fill", colour::text),
                        text);
}

std::string draw(const BarChart& chart, const Prepared& data, double width) {
    Frame frame = layout(chart, data, width);
    double height = frame.bottom() + tick_gap + font_size + margin;
    std::string out = svg_open(chart, width, height, fallback_title, description(chart, data));
    out += grid(chart, frame);
    // Bars, then the target across them, then the values over both.
    for (std::size_t i = 0; i < data.names.size(); ++i) out += bar(data, frame, i);
    out += target(chart, frame, width);
    out += R"(<g class="values">)";
    for (std::size_t i = 0; i < data.names.size(); ++i) out += value_label(chart, data, frame, i);
    out += "</g>";
    if (!trim(chart.value_label).empty()) {
        out += text_element(R"(class="value-label")" + attr("x", margin) + attr("y", margin + font_size) +
                                R"( font-weight="bold")" + attr("fill", colour::text),
                            chart.value_label, characters_in(width - 2 * margin));
    }
    return out + "</svg>";
}

}  // namespace

std::string rating_name(Rating rating) {
    switch (rating) {
        case Rating::red: return "Red";
        case Rating::amber: return "Amber";
        case Rating::green: return "Green";
        case Rating::none: break;
    }
    return {};
}

std::string bar_svg(const BarChart& chart) {
    double width = std::max(chart.width, 320);
    Prepared data = prepared(chart);
    if (data.present.empty()) return empty_svg(chart, width, 120, fallback_title);
    return draw(chart, data, width);
}

DataTable data_table(const BarChart& chart) {
    Prepared data = prepared(chart);
    DataTable table{trim(clean(chart.title)), {}, {}};
    std::string first = trim(clean(chart.category_label)), second = trim(clean(chart.value_label));
    table.head = {first.empty() ? "Category" : first, second.empty() ? "Value" : second};
    if (data.rated) table.head.push_back("Rating");
    for (std::size_t i = 0; i < data.names.size(); ++i) {
        std::vector<std::string> cells{data.names[i], value_text(chart, data.values[i])};
        if (data.rated) cells.push_back(data.ratings[i] == Rating::none ? "Not rated" : rating_name(data.ratings[i]));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

}  // namespace safeboard::charts
