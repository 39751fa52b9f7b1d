// The sparkline: the shape of a trend in a line of text, no axes or labels.
#include <algorithm>
#include <string>
#include <vector>

#include "platform/charts/charts.hpp"
#include "platform/charts/drawing.hpp"
#include "platform/core/text.hpp"

namespace safeboard::charts {

namespace {

constexpr std::string_view fallback_title = "Trend";
constexpr double inset = 3.5;  // room for the last value's mark inside the edges
constexpr double last_mark = 2.5;
constexpr double lone_mark = 1.5;  // a value with gaps on both sides

struct Prepared {
    std::vector<Value> values;
    std::vector<std::string> names;  // the period of each value, when given
    std::vector<std::size_t> present;
};

Prepared prepared(const Sparkline& chart) {
    Prepared data;
    for (std::size_t i = 0; i < chart.values.size(); ++i) {
        data.values.push_back(usable_value(chart.values[i]));
        data.names.push_back(i < chart.categories.size() ? trim(clean(chart.categories[i])) : std::string());
        if (data.values.back()) data.present.push_back(i);
    }
    return data;
}

// ---------------------------------------------------------------- the summary

std::string at(const Sparkline& chart, const Prepared& data, std::size_t i) {
    return value_text(chart, data.values[i]) + (data.names[i].empty() ? "" : " in " + data.names[i]);
}

std::string description(const Sparkline& chart, const Prepared& data) {
    if (!chart.description_override.empty()) return chart.description_override;
    std::size_t count = data.values.size();
    std::string text = data.present.size() == 1 ? at(chart, data, data.present.front())
                                                : "From " + at(chart, data, data.present.front()) + " to " +
                                                      at(chart, data, data.present.back());
    text += " (" + std::to_string(count) + (count == 1 ? " value" : " values");
    std::size_t missing = count - data.present.size();
    if (missing > 0) text += ", no data for " + std::to_string(missing);
    text += ").";
    if (target_of(chart)) text.append(" ").append(target_text(chart)).append(".");
    return text;
}

// ---------------------------------------------------------------- drawing

// The values' own range, not from zero: a sparkline shows the shape.
struct Frame {
    double width = 0, height = 0, low = 0, high = 0;
    std::size_t count = 1;

    double x(std::size_t i) const {
        if (count == 1) return width / 2;
        return inset + (width - 2 * inset) * static_cast<double>(i) / static_cast<double>(count - 1);
    }
    double y(double value) const {
        if (high == low) return height / 2;
        return height - inset - (value - low) / (high - low) * (height - 2 * inset);
    }
};

Frame frame_of(const Sparkline& chart, const Prepared& data, double width, double height) {
    Frame frame{width, height, *data.values[data.present.front()], *data.values[data.present.front()], data.values.size()};
    for (std::size_t i : data.present) {
        frame.low = std::min(frame.low, *data.values[i]);
        frame.high = std::max(frame.high, *data.values[i]);
    }
    if (Value target = target_of(chart)) {
        frame.low = std::min(frame.low, *target);
        frame.high = std::max(frame.high, *target);
    }
    return frame;
}

std::string line(const Prepared& data, const Frame& frame) {
    std::string d, lone;
    for (std::size_t i : data.present) {
        bool starts = i == 0 || !data.values[i - 1];
        bool ends = i + 1 == data.values.size() || !data.values[i + 1];
        double x = frame.x(i), y = frame.y(*data.values[i]);
        if (starts && ends) {
            if (i == data.present.back()) continue;  // marked as the last value
            lone += "<circle" + attr("cx", x) + attr("cy", y) + attr("r", lone_mark) + "/>";
        } else {
            d += starts ? 'M' : 'L';
            d += coord(x) + " " + coord(y);
        }
    }
    std::string out;
    if (!d.empty()) {
        out += R"(<path class="series-line")" + attr("d", d) + R"( fill="none")" + attr("stroke", colour::bar) +
               R"( stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>)";
    }
    if (!lone.empty()) out += R"(<g class="markers")" + attr("fill", colour::bar) + ">" + lone + "</g>";
    return out;
}

std::string draw(const Sparkline& chart, const Prepared& data, double width, double height) {
    Frame frame = frame_of(chart, data, width, height);
    std::string out = svg_open(chart, width, height, fallback_title, description(chart, data));
    if (Value target = target_of(chart)) {
        double y = frame.y(*target);
        out += R"(<line class="target")" + attr("x1", 0) + attr("x2", width) + attr("y1", y) + attr("y2", y) +
               attr("stroke", colour::secondary_text) + R"( stroke-width="1" stroke-dasharray="3 2"/>)";
    }
    out += line(data, frame);
    std::size_t last = data.present.back();
    out += R"(<circle class="last")" + attr("cx", frame.x(last)) + attr("cy", frame.y(*data.values[last])) +
           attr("r", last_mark) + attr("fill", colour::text) + "><title>" + escaped(at(chart, data, last)) +
           "</title></circle>";
    return out + "</svg>";
}

}  // namespace

std::string sparkline_svg(const Sparkline& chart) {
    double width = std::max(chart.width, 24), height = std::max(chart.height, 12);
    Prepared data = prepared(chart);
    if (data.present.empty()) return empty_svg(chart, width, height, fallback_title);
    return draw(chart, data, width, height);
}

DataTable data_table(const Sparkline& chart) {
    Prepared data = prepared(chart);
    DataTable table{trim(clean(chart.title)), {"Period", "Value"}, {}};
    for (std::size_t i = 0; i < data.values.size(); ++i) {
        std::string name = data.names[i].empty() ? std::to_string(i + 1) : data.names[i];
        table.rows.push_back({name, value_text(chart, data.values[i])});
    }
    return table;
}

}  // namespace safeboard::charts
