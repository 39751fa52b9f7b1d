#pragma once
// Charts drawn by the server as SVG text, for pages and saved reports alike:
// a trend over periods, bars comparing categories, and an inline sparkline.
// Pure functions: no I/O, and the same chart always gives the same bytes.
//
// Every SVG is a complete document (UTF-8, no XML declaration, so it can sit
// inside an HTML page or be saved as a file): role="img", named by its
// <title> and summed up by its <desc> through aria-labelledby; presentation
// attributes only (no style, no script, no external CSS), so a strict
// Content-Security-Policy holds. Every chart has a table of the same numbers
// (data_table) for the page to show beside it.
//
// Values: NaN, infinities and anything beyond ±1e15 count as missing. Text
// may be anything: it is escaped, bytes that are not UTF-8 become U+FFFD and
// control characters spaces. Labels too long to draw are cut with "…" and
// keep their full text in a <title> on the cut element.
#include <optional>
#include <string>
#include <vector>

namespace safeboard::charts {

// A value that may be missing (not returned, not yet due).
using Value = std::optional<double>;

// One line of a trend: a value for each category, in the chart's order. A
// missing value breaks the line; every value is also drawn as a marker, so a
// value between two gaps still shows. Missing values at the end may be left
// out; values past the last category are ignored.
struct Series {
    std::string name;  // in the legend (drawn when there are two or more series) and the table's head
    std::vector<Value> values;
};

// What every chart shares. `id` is a prefix for the ids inside the SVG
// ("ia-trend" gives "ia-trend-title", "ia-trend-desc"): give each chart on a
// page its own. Letters, digits, '-' and '_' are kept, anything else becomes
// '-'; an empty id or one not starting with a letter gets "chart-" in front.
// `unit` follows each value: "%" directly ("72.5%"), anything else after a
// space ("12 days"); with "%" the value axis runs from 0 to 100 unless a value
// or the target falls outside. `decimals` (0 to 3) is the digits shown after
// the point in values, the description and the table.
struct Common {
    std::string id;
    std::string title;                 // the accessible name; say what is measured
    std::string description_override;  // replaces the generated summary when not empty
    std::string unit;
    int decimals = 1;
    std::optional<double> target;  // a dashed line labelled "Target 70%"
};

// Periods along x ("Q1 2011/12"), one or more series against a value axis
// whose ticks step by 1, 2 or 5 times a power of ten and always include 0.
struct TrendChart : Common {
    std::vector<std::string> categories;
    std::vector<Series> series;
    std::string category_label = "Period";  // heads the table's first column
    std::string value_label;                // drawn above the value axis: "Assessments in time"
    int width = 640;                        // at least 240
    int height = 320;                       // at least 160
};
std::string trend_svg(const TrendChart& chart);

// A rating drawn as a fill colour and also as a word beside the value
// ("Red"), so its meaning never rests on colour alone.
enum class Rating { none, red, amber, green };

struct Bar {
    std::string label;  // the category: an agency's name
    Value value;
    Rating rating = Rating::none;
};

// Horizontal bars, one per category in the given order, so long names fit in
// a column on the left; each bar is labelled with its value (and rating).
// The height follows from the number of bars.
struct BarChart : Common {
    std::vector<Bar> bars;
    std::string category_label = "Category";  // heads the table's first column: "Agency"
    std::string value_label;                  // drawn above the bars and heads the table's value column
    int width = 640;                          // at least 320
};
std::string bar_svg(const BarChart& chart);

// A tiny trend for a table cell or a sentence: no axes or text, the line
// broken where values are missing, the last value marked, the target (when
// set) a faint dashed line. `categories`, when given, name the periods in the
// description and the table.
struct Sparkline : Common {
    std::vector<std::string> categories;
    std::vector<Value> values;
    int width = 120;  // at least 24
    int height = 24;  // at least 12
};
std::string sparkline_svg(const Sparkline& chart);

// The chart's numbers as plain text for an accessible table beside it (the
// page escapes it when rendering). Missing values read "No data".
//   trend:     Period | one column per series | Target (when set)
//   bars:      Category | Value | Rating (when any bar has one)
//   sparkline: Period | Value
struct DataTable {
    std::string caption;  // the chart's title
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> rows;
};
DataTable data_table(const TrendChart& chart);
DataTable data_table(const BarChart& chart);
DataTable data_table(const Sparkline& chart);

// A rating in words: "Red", "Amber", "Green"; empty for none.
std::string rating_name(Rating rating);

}  // namespace safeboard::charts
