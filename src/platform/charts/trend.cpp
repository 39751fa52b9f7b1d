// The trend chart: periods along x, a line per series against a value axis.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "platform/charts/charts.hpp"
#include "platform/charts/drawing.hpp"
#include "platform/charts/scale.hpp"
#include "platform/core/text.hpp"

namespace safeboard::charts {

namespace {

constexpr std::string_view fallback_title = "Trend";
constexpr double tick_gap = 8;      // between an axis and its labels
constexpr double line_height = 18;  // of 14px text
constexpr double legend_row = 24;
constexpr double legend_sample = 28;
constexpr double slant = 0.7071;  // sin and cos of the 45° at which crowded periods are written

enum class Marker { circle, square, triangle, diamond };

struct SeriesStyle {
    std::string_view colour;
    std::string_view dash;  // empty: a solid line
    Marker marker;
};

// Colour, dash and marker all differ from one series to the next, so series
// are told apart without seeing colour. Every colour has 3:1 against white.
constexpr SeriesStyle series_styles[] = {
    {"#1d70b8", "", Marker::circle},      {"#912b88", "8 4", Marker::square},
    {"#00703c", "2 5", Marker::triangle}, {"#003078", "12 4 2 4", Marker::diamond},
    {"#b58840", "", Marker::square},      {"#28a197", "8 4", Marker::triangle},
};

SeriesStyle style_of(std::size_t series) { return series_styles[series % std::size(series_styles)]; }

// The chart's text cleaned and its values cut to its categories, with the
// values that cannot be drawn missing.
struct Prepared {
    std::vector<std::string> categories;
    std::vector<std::string> names;           // "Series 2" for a blank name
    std::vector<std::vector<Value>> values;   // [series][category]
    std::vector<double> present;              // every value drawn, for the axis
};

Prepared prepared(const TrendChart& chart) {
    Prepared data;
    for (const auto& category : chart.categories) data.categories.push_back(clean(category));
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        std::string name = trim(clean(chart.series[s].name));
        data.names.push_back(name.empty() ? "Series " + std::to_string(s + 1) : name);
        std::vector<Value> row(data.categories.size());
        for (std::size_t i = 0; i < row.size() && i < chart.series[s].values.size(); ++i) {
            row[i] = usable_value(chart.series[s].values[i]);
            if (row[i]) data.present.push_back(*row[i]);
        }
        data.values.push_back(std::move(row));
    }
    return data;
}

// ---------------------------------------------------------------- the summary

std::string periods_in_words(const std::vector<std::string>& categories) {
    if (categories.size() == 1) return "1 period: " + categories.front() + ".";
    return std::to_string(categories.size()) + " periods, " + categories.front() + " to " + categories.back() + ".";
}

std::string series_in_words(const TrendChart& chart, const Prepared& data, std::size_t s) {
    const auto& values = data.values[s];
    bool named = data.values.size() > 1 || !trim(chart.series[s].name).empty();
    std::string text = named ? data.names[s] + ": " : std::string();
    std::vector<std::size_t> present;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i]) present.push_back(i);
    }
    if (present.empty()) return text + "no data.";
    auto at = [&](std::size_t i) { return value_text(chart, values[i]) + " in " + data.categories[i]; };
    text += present.size() == 1 ? at(present.front()) : "from " + at(present.front()) + " to " + at(present.back());
    if (present.size() > 2) {
        auto by_value = [&](std::size_t a, std::size_t b) { return *values[a] < *values[b]; };
        text += "; highest " + at(*std::max_element(present.begin(), present.end(), by_value)) + ", lowest " +
                at(*std::min_element(present.begin(), present.end(), by_value));
    }
    std::size_t missing = values.size() - present.size();
    if (missing > 0) text += "; no data for " + std::to_string(missing) + (missing == 1 ? " period" : " periods");
    return text + ".";
}

std::string description(const TrendChart& chart, const Prepared& data) {
    if (!chart.description_override.empty()) return chart.description_override;
    std::string text = periods_in_words(data.categories);
    for (std::size_t s = 0; s < data.values.size(); ++s) text.append(" ").append(series_in_words(chart, data, s));
    if (target_of(chart)) text.append(" ").append(target_text(chart)).append(".");
    return text;
}

// ---------------------------------------------------------------- the layout

// The plot area and how values and periods map onto it.
struct Frame {
    double left = 0, right = 0, top = 0, bottom = 0;
    Axis axis;
    std::size_t count = 1;

    double slot() const { return (right - left) / static_cast<double>(count); }
    double x(std::size_t i) const { return left + slot() * (static_cast<double>(i) + 0.5); }
    double y(double value) const { return bottom - (value - axis.low) / (axis.high - axis.low) * (bottom - top); }
};

// Period names written across when they fit, on two lines when a space
// splits them so that they fit ("Q1" over "2011/12"), else slanted, cut to
// what the room below allows, and only every n-th when even slanted names
// would touch.
struct PeriodLabels {
    enum class Kind { across, two_lines, slanted } kind = Kind::across;
    std::size_t max_characters = std::string::npos;
    std::size_t every = 1;
    double height = 0;  // the room they take below the plot
};

// The text split at the space that best balances two lines.
std::pair<std::string, std::string> two_lines(const std::string& text) {
    std::pair<std::string, std::string> best{text, ""};
    double best_width = text_width(text);
    for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at + 1)) {
        std::string first = trim(text.substr(0, at)), second = trim(text.substr(at + 1));
        double width = std::max(text_width(first), text_width(second));
        if (!first.empty() && !second.empty() && width < best_width) best = {first, second}, best_width = width;
    }
    return best;
}

PeriodLabels period_labels(const std::vector<std::string>& categories, double slot, double room) {
    double widest = 0, widest_split = 0;
    for (const auto& category : categories) {
        widest = std::max(widest, text_width(category));
        auto [first, second] = two_lines(category);
        widest_split = std::max({widest_split, text_width(first), text_width(second)});
    }
    double fits = slot - 4;
    if (widest <= fits) return {PeriodLabels::Kind::across, std::string::npos, 1, tick_gap + font_size + 4};
    if (widest_split <= fits) {
        return {PeriodLabels::Kind::two_lines, std::string::npos, 1, tick_gap + font_size + line_height + 4};
    }
    double longest = std::min(widest, (room - tick_gap - font_size) / slant);
    auto every = static_cast<std::size_t>(std::ceil(1.6 * font_size / std::max(slot, 1.0)));
    return {PeriodLabels::Kind::slanted, std::max<std::size_t>(characters_in(longest), 4), std::max<std::size_t>(every, 1),
            tick_gap + longest * slant + font_size};
}

// The legend's entries placed in rows across the width; empty for one series.
struct LegendEntry {
    double x = 0;
    std::size_t row = 0;
};

// Names longer than 40 characters, or than a row holds, are cut.
std::size_t legend_characters(double width) {
    return std::min<std::size_t>(40, characters_in(width - 2 * margin - legend_sample - 6));
}

std::vector<LegendEntry> legend_layout(const Prepared& data, double width) {
    std::vector<LegendEntry> entries;
    if (data.names.size() < 2) return entries;
    double x = margin;
    std::size_t row = 0;
    double longest = static_cast<double>(legend_characters(width)) * text_width("x");
    for (const auto& name : data.names) {
        double entry = legend_sample + 6 + std::min(text_width(name), longest);
        if (x > margin && x + entry > width - margin) x = margin, ++row;
        entries.push_back({x, row});
        x += entry + 18;
    }
    return entries;
}

double legend_height(const std::vector<LegendEntry>& entries) {
    return entries.empty() ? 0 : static_cast<double>(entries.back().row + 1) * legend_row;
}

// ---------------------------------------------------------------- drawing

std::string marker(Marker shape, double x, double y) {
    switch (shape) {
        case Marker::circle: return "<circle" + attr("cx", x) + attr("cy", y) + attr("r", 4.5);
        case Marker::square: return "<rect" + attr("x", x - 4) + attr("y", y - 4) + R"( width="8" height="8")";
        case Marker::triangle:
            return R"(<path d="M)" + coord(x) + " " + coord(y - 5.5) + "L" + coord(x + 5.5) + " " + coord(y + 4) + "L" +
                   coord(x - 5.5) + " " + coord(y + 4) + R"(Z")";
        case Marker::diamond:
            return R"(<path d="M)" + coord(x) + " " + coord(y - 5.5) + "L" + coord(x + 5.5) + " " + coord(y) + "L" +
                   coord(x) + " " + coord(y + 5.5) + "L" + coord(x - 5.5) + " " + coord(y) + R"(Z")";
    }
    return {};
}

std::string line_attributes(SeriesStyle style) {
    return R"( fill="none")" + attr("stroke", style.colour) +
           R"( stroke-width="3" stroke-linejoin="round" stroke-linecap="round")" +
           (style.dash.empty() ? std::string() : attr("stroke-dasharray", style.dash));
}

std::string grid(const TrendChart& chart, const Frame& frame) {
    std::string out = R"(<g class="grid">)";
    for (double tick : frame.axis.ticks) {
        double y = frame.y(tick);
        bool zero = tick == 0;
        out += "<line" + attr("x1", frame.left) + attr("x2", frame.right) + attr("y1", y) + attr("y2", y) +
               attr("stroke", zero ? colour::text : colour::grid) + attr("stroke-width", zero ? "2" : "1") + "/>";
        out += text_element(R"(class="tick")" + attr("x", frame.left - tick_gap) + attr("y", y + font_size / 3) +
                                R"( text-anchor="end")" + attr("fill", colour::secondary_text),
                            tick_text(chart, frame.axis, tick));
    }
    return out + "</g>";
}

// One path per series, a subpath per run of values without a gap; a value
// standing alone between gaps is drawn by its marker only.
std::string series_line(const Frame& frame, const std::vector<Value>& values, SeriesStyle style) {
    std::string d;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        bool starts = i == 0 || !values[i - 1];
        bool alone = starts && (i + 1 == values.size() || !values[i + 1]);
        if (alone) continue;
        d += starts ? 'M' : 'L';
        d += coord(frame.x(i)) + " " + coord(frame.y(*values[i]));
    }
    if (d.empty()) return {};
    return R"(<path class="series-line" d=")" + d + '"' + line_attributes(style) + "/>";
}

std::string series_markers(const TrendChart& chart, const Prepared& data, const Frame& frame, std::size_t s) {
    SeriesStyle style = style_of(s);
    std::string out = R"(<g class="markers")" + attr("fill", style.colour) + attr("stroke", colour::background) +
                      R"( stroke-width="1">)";
    const auto& values = data.values[s];
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        out += marker(style.marker, frame.x(i), frame.y(*values[i])) + "><title>" +
               escaped(data.names[s] + ", " + data.categories[i] + ": " + value_text(chart, values[i])) + "</title>" +
               (style.marker == Marker::circle ? "</circle>" : style.marker == Marker::square ? "</rect>" : "</path>");
    }
    return out + "</g>";
}

std::string target_line(const Frame& frame, Value target) {
    if (!target) return {};
    double y = frame.y(*target);
    return R"(<line class="target")" + attr("x1", frame.left) + attr("x2", frame.right) + attr("y1", y) +
           attr("y2", y) + attr("stroke", colour::text) + R"( stroke-width="2" stroke-dasharray="6 4"/>)";
}

// The target's label goes at the right end of its line, above it, unless
// values are drawn there: then at the left end, or below the line, wherever
// fewest values would sit under it. A white halo keeps it readable where a
// series still crosses it.
struct Spot {
    double x = 0, baseline = 0;
    bool at_right = true;
};

std::size_t values_under(const Prepared& data, const Frame& frame, Spot spot, double width) {
    double left = spot.at_right ? spot.x - width : spot.x, top = spot.baseline - font_size;
    std::size_t count = 0;
    for (const auto& values : data.values) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!values[i]) continue;
            double x = frame.x(i), y = frame.y(*values[i]);
            if (x > left - 8 && x < left + width + 8 && y > top - 8 && y < spot.baseline + 8) ++count;
        }
    }
    return count;
}

Spot target_spot(const Prepared& data, const Frame& frame, double y, double width) {
    double above = y - 6, below = y + font_size + 4;
    std::vector<Spot> spots;
    for (double baseline : {above, below}) {
        if (baseline - font_size < frame.top - 4 || baseline > frame.bottom) continue;  // off the plot
        spots.push_back({frame.right - 4, baseline, true});
        spots.push_back({frame.left + 4, baseline, false});
    }
    if (spots.empty()) return {frame.right - 4, below, true};
    return *std::min_element(spots.begin(), spots.end(), [&](const Spot& a, const Spot& b) {
        return values_under(data, frame, a, width) < values_under(data, frame, b, width);
    });
}

std::string target_label(const TrendChart& chart, const Prepared& data, const Frame& frame) {
    Value target = target_of(chart);
    if (!target) return {};
    std::string text = target_text(chart);
    Spot spot = target_spot(data, frame, frame.y(*target), text_width(text));
    return text_element(R"(class="target-label")" + attr("x", spot.x) + attr("y", spot.baseline) +
                            attr("text-anchor", spot.at_right ? "end" : "start") + R"( font-weight="bold")" +
                            attr("fill", colour::text) + attr("stroke", colour::background) +
                            R"( stroke-width="4" paint-order="stroke")",
                        text);
}

std::string period_label(const Frame& frame, const PeriodLabels& labels, std::size_t i, const std::string& name) {
    double x = frame.x(i), y = frame.bottom + tick_gap + font_size;
    std::string common = R"(class="period")" + attr("fill", colour::text);
    if (labels.kind == PeriodLabels::Kind::across) {
        return text_element(common + attr("x", x) + attr("y", y) + R"( text-anchor="middle")", name);
    }
    if (labels.kind == PeriodLabels::Kind::two_lines) {
        auto [first, second] = two_lines(name);
        return text_element(common + attr("x", x) + attr("y", y) + R"( text-anchor="middle")", first) +
               text_element(common + attr("x", x) + attr("y", y + line_height) + R"( text-anchor="middle")", second);
    }
    if (i % labels.every != 0) return {};
    double anchor_x = x + font_size / 3, anchor_y = frame.bottom + tick_gap + font_size / 2;
    std::string turn = "rotate(-45 " + coord(anchor_x) + " " + coord(anchor_y) + ")";
    return text_element(common + attr("x", anchor_x) + attr("y", anchor_y) + R"( text-anchor="end")" +
                            attr("transform", turn),
                        name, labels.max_characters);
}

std::string legend(const Prepared& data, const std::vector<LegendEntry>& entries, double top, double width) {
    if (entries.empty()) return {};
    std::string out = R"(<g class="legend">)";
    for (std::size_t s = 0; s < entries.size(); ++s) {
        SeriesStyle style = style_of(s);
        double x = entries[s].x, y = top + static_cast<double>(entries[s].row) * legend_row + legend_row / 2;
        std::string sample = "M";
        sample += coord(x) + " " + coord(y) + "h" + coord(legend_sample);
        out += "<path" + attr("d", sample) +
               line_attributes(style) + "/>";
        out += "<g" + attr("fill", style.colour) + attr("stroke", colour::background) + R"( stroke-width="1">)" +
               marker(style.marker, x + legend_sample / 2, y) + "/></g>";
        out += text_element(attr("x", x + legend_sample + 6) + attr("y", y + font_size / 3) +
                                attr("fill", colour::text),
                            data.names[s], legend_characters(width));
    }
    return out + "</g>";
}

// Where everything goes: the value label, then the legend, then the plot;
// tick labels to its left and period names below.
struct Layout {
    Frame frame;
    PeriodLabels labels;
    std::vector<LegendEntry> legend;
    double legend_top = 0;
};

Layout place(const TrendChart& chart, const Prepared& data, double width, double height, Axis axis) {
    Layout out;
    Frame& frame = out.frame;
    frame.axis = std::move(axis);
    frame.count = data.categories.size();
    double widest_tick = 0;
    for (double tick : frame.axis.ticks) widest_tick = std::max(widest_tick, text_width(tick_text(chart, frame.axis, tick)));
    frame.left = margin + widest_tick + tick_gap;
    frame.right = width - margin;
    out.legend_top = margin + (trim(chart.value_label).empty() ? 0 : font_size + 8);
    out.legend = legend_layout(data, width);
    frame.top = out.legend_top + legend_height(out.legend) + 12;

    double room = height * 0.35;
    out.labels = period_labels(data.categories, frame.slot(), room);
    if (out.labels.kind == PeriodLabels::Kind::slanted) {
        // The first name runs down to the left of its period: keep it on the canvas.
        double reach = out.labels.height - tick_gap - font_size;
        frame.left = std::max(frame.left, margin + reach - frame.slot() / 2);
        out.labels = period_labels(data.categories, frame.slot(), room);
    }
    frame.bottom = height - margin - out.labels.height;
    return out;
}

// Fewer ticks when a short chart would crowd them.
Layout layout(const TrendChart& chart, const Prepared& data, double width, double height) {
    for (int intervals = 5;; --intervals) {
        Layout out = place(chart, data, width, height, value_axis(chart, data.present, intervals));
        double spacing = (out.frame.bottom - out.frame.top) / static_cast<double>(out.frame.axis.ticks.size() - 1);
        if (spacing >= 1.6 * font_size || intervals == 1) return out;
    }
}

std::string draw(const TrendChart& chart, const Prepared& data, double width, double height) {
    Layout plan = layout(chart, data, width, height);
    const Frame& frame = plan.frame;
    std::string out = svg_open(chart, width, height, fallback_title, description(chart, data));
    out += grid(chart, frame);
    out += target_line(frame, target_of(chart));
    for (std::size_t s = 0; s < data.values.size(); ++s) out += series_line(frame, data.values[s], style_of(s));
    for (std::size_t s = 0; s < data.values.size(); ++s) out += series_markers(chart, data, frame, s);
    out += target_label(chart, data, frame);
    out += R"(<g class="periods">)";
    for (std::size_t i = 0; i < data.categories.size(); ++i) out += period_label(frame, plan.labels, i, data.categories[i]);
    out += "</g>";
    out += legend(data, plan.legend, plan.legend_top, width);
    if (!trim(chart.value_label).empty()) {
        out += text_element(R"(class="value-label")" + attr("x", margin) + attr("y", margin + font_size) +
                                R"( font-weight="bold")" + attr("fill", colour::text),
                            chart.value_label, characters_in(width - 2 * margin));
    }
    return out + "</svg>";
}

}  // namespace

std::string trend_svg(const TrendChart& chart) {
    double width = std::max(chart.width, 240), height = std::max(chart.height, 160);
    Prepared data = prepared(chart);
    if (data.present.empty()) return empty_svg(chart, width, height, fallback_title);
    return draw(chart, data, width, height);
}

DataTable data_table(const TrendChart& chart) {
    Prepared data = prepared(chart);
    DataTable table{trim(clean(chart.title)), {}, {}};
    std::string first = trim(clean(chart.category_label));
    table.head.push_back(first.empty() ? "Period" : first);
    table.head.insert(table.head.end(), data.names.begin(), data.names.end());
    bool has_target = target_of(chart).has_value();
    if (has_target) table.head.push_back("Target");
    for (std::size_t i = 0; i < data.categories.size(); ++i) {
        std::vector<std::string> row{data.categories[i]};
        for (const auto& values : data.values) row.push_back(value_text(chart, values[i]));
        if (has_target) row.push_back(value_text(chart, target_of(chart)));
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace safeboard::charts
