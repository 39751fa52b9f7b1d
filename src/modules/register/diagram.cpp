// Governance diagrams (see diagram.hpp), laid out in layers: reporting
// cycles are broken, each body sits below every body it reports to, and the
// bodies of a layer are ordered by the mean place of their neighbours (the
// barycentre heuristic) to cut crossings. Sizes come from character counts,
// since the server cannot measure text.
#include "modules/register/diagram.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "platform/core/text.hpp"

namespace safeboard::register_ {
namespace {

// ---------------------------------------------------------------- text

using Text = std::u32string;

// The characters of `text` that XML 1.0 can carry: ill-formed bytes and
// control characters become U+FFFD, tabs and line breaks become spaces.
Text clean(std::string_view text) {
    Text out = decode_utf8(replace_invalid_utf8(text)).value_or(Text{});
    for (char32_t& c : out) {
        if (c == U'\t' || c == U'\n' || c == U'\r') {
            c = U' ';
        } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            c = U'\uFFFD';
        }
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    auto byte = [&](char32_t bits) { out += static_cast<char>(bits); };
    if (c < 0x80) {
        byte(c);
    } else if (c < 0x800) {
        byte(0xC0 | (c >> 6));
        byte(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        byte(0xE0 | (c >> 12));
        byte(0x80 | ((c >> 6) & 0x3F));
        byte(0x80 | (c & 0x3F));
    } else {
        byte(0xF0 | (c >> 18));
        byte(0x80 | ((c >> 12) & 0x3F));
        byte(0x80 | ((c >> 6) & 0x3F));
        byte(0x80 | (c & 0x3F));
    }
}

std::string escaped(const Text& text) {
    std::string out;
    for (char32_t c : text) {
        switch (c) {
            case U'&': out += "&amp;"; break;
            case U'<': out += "&lt;"; break;
            case U'>': out += "&gt;"; break;
            case U'"': out += "&quot;"; break;
            case U'\'': out += "&apos;"; break;
            default: append_utf8(out, c);
        }
    }
    return out;
}

std::string escaped(std::string_view text) { return escaped(clean(text)); }

std::vector<Text> words(const Text& text) {
    std::vector<Text> found;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find(U' ', at);
        if (end == Text::npos) end = text.size();
        if (end > at) found.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return found;
}

// Lines of at most `width` characters, broken at spaces; a word longer than
// a line is cut. At most `max_lines`, the last ending in "…" when cut short
// (the box's title still holds the whole name).
std::vector<Text> wrapped(const Text& text, std::size_t width, std::size_t max_lines) {
    std::vector<Text> lines;
    Text line;
    for (Text word : words(text)) {
        if (word.size() > width && !line.empty()) lines.push_back(std::exchange(line, {}));
        while (word.size() > width) {
            lines.push_back(word.substr(0, width));
            word.erase(0, width);
        }
        if (line.empty()) {
            line = word;
        } else if (line.size() + 1 + word.size() <= width) {
            line += U' ' + word;
        } else {
            lines.push_back(std::exchange(line, word));
        }
    }
    if (!line.empty()) lines.push_back(line);
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        Text& last = lines.back();
        if (last.size() >= width) last.resize(width - 1);
        last += U'…';
    }
    return lines;
}

// One decimal place at most, never "-0": the same number always prints the same.
std::string number(double value) {
    double rounded = std::round(value * 10) / 10;
    if (rounded == 0) rounded = 0;
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 1);
    std::string text(buffer, result.ptr);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}

std::string number(int value) { return std::to_string(value); }

std::string counted(std::size_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// ---------------------------------------------------------------- the graph

struct Edge {
    std::size_t from = 0;
    std::size_t to = 0;
    LineKind kind = LineKind::reports_to;
};

using Adjacency = std::vector<std::vector<std::size_t>>;

// The bodies by position (the first of each id, in input order), the lines
// that can be drawn between them, and the reporting lines both ways.
struct Graph {
    std::vector<const DiagramBody*> bodies;
    std::vector<Edge> edges;
    Adjacency reports_to;   // whom each body reports to, in input order
    Adjacency reported_by;  // who reports to each body, in input order

    bool in_reporting_line(std::size_t body) const {
        return !reports_to[body].empty() || !reported_by[body].empty();
    }
};

Graph graph_of(const Structure& structure) {
    Graph graph;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const auto& body : structure.bodies) {
        if (index.emplace(body.id, graph.bodies.size()).second) graph.bodies.push_back(&body);
    }
    graph.reports_to.resize(graph.bodies.size());
    graph.reported_by.resize(graph.bodies.size());
    std::set<std::tuple<std::size_t, std::size_t, LineKind>> seen;
    for (const auto& line : structure.lines) {
        auto from = index.find(line.from);
        auto to = index.find(line.to);
        if (from == index.end() || to == index.end() || from->second == to->second) continue;
        Edge edge{from->second, to->second, line.kind};
        // A link has no direction: A links with B is B links with A.
        bool undirected = edge.kind == LineKind::links_with;
        auto key = undirected ? std::tuple(std::min(edge.from, edge.to), std::max(edge.from, edge.to), edge.kind)
                              : std::tuple(edge.from, edge.to, edge.kind);
        if (!seen.insert(key).second) continue;
        graph.edges.push_back(edge);
        if (edge.kind != LineKind::reports_to) continue;
        graph.reports_to[edge.from].push_back(edge.to);
        graph.reported_by[edge.to].push_back(edge.from);
    }
    return graph;
}

// ---------------------------------------------------------------- layers

// Whom each body reports to once the lines that close a cycle are dropped:
// a depth-first walk down from the bodies that report to nobody (then from
// any body not yet reached, in input order) drops each line back up to a
// body on its own path. Iterative, so a long chain cannot exhaust the stack.
Adjacency acyclic_reports_to(const Graph& graph) {
    enum class Mark { unseen, on_path, done };
    const std::size_t count = graph.bodies.size();
    std::vector<Mark> mark(count, Mark::unseen);
    Adjacency kept(count);
    auto walk_from = [&](std::size_t start) {
        std::vector<std::pair<std::size_t, std::size_t>> path{{start, 0}};  // body, next child to visit
        mark[start] = Mark::on_path;
        while (!path.empty()) {
            auto [body, next] = path.back();
            if (next == graph.reported_by[body].size()) {
                mark[body] = Mark::done;
                path.pop_back();
                continue;
            }
            ++path.back().second;
            std::size_t child = graph.reported_by[body][next];
            if (mark[child] == Mark::on_path) continue;
            kept[child].push_back(body);
            if (mark[child] == Mark::unseen) {
                mark[child] = Mark::on_path;
                path.emplace_back(child, 0);
            }
        }
    };
    for (std::size_t body = 0; body < count; ++body) {
        if (graph.reports_to[body].empty() && mark[body] == Mark::unseen) walk_from(body);
    }
    for (std::size_t body = 0; body < count; ++body) {
        if (mark[body] == Mark::unseen) walk_from(body);
    }
    return kept;
}

Adjacency reversed(const Adjacency& adjacency) {
    Adjacency out(adjacency.size());
    for (std::size_t body = 0; body < adjacency.size(); ++body) {
        for (std::size_t other : adjacency[body]) out[other].push_back(body);
    }
    return out;
}

// Each body's layer: one below the lowest body it reports to (the longest
// path from a root), in topological order over the acyclic lines.
std::vector<std::size_t> layer_numbers(const Adjacency& parents, const Adjacency& children) {
    std::vector<std::size_t> layer(parents.size(), 0);
    std::vector<std::size_t> waiting(parents.size());
    std::vector<std::size_t> ready;
    for (std::size_t body = 0; body < parents.size(); ++body) {
        waiting[body] = parents[body].size();
        if (waiting[body] == 0) ready.push_back(body);
    }
    for (std::size_t at = 0; at < ready.size(); ++at) {
        for (std::size_t child : children[ready[at]]) {
            layer[child] = std::max(layer[child], layer[ready[at]] + 1);
            if (--waiting[child] == 0) ready.push_back(child);
        }
    }
    return layer;
}

using Layers = std::vector<std::vector<std::size_t>>;

// Where each body stands across its layer, from 0 to 1, so that layers of
// different widths can be compared.
void place(const std::vector<std::size_t>& layer, std::vector<double>& position) {
    for (std::size_t at = 0; at < layer.size(); ++at) {
        position[layer[at]] = (static_cast<double>(at) + 0.5) / static_cast<double>(layer.size());
    }
}

// Sorts a layer by the mean position of each body's neighbours in layers
// already placed; a body without any keeps its own place. Ties keep order.
void sort_by_barycentre(std::vector<std::size_t>& layer, const Adjacency& neighbours,
                        std::vector<double>& position) {
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t at = 0; at < layer.size(); ++at) {
        const auto& near = neighbours[layer[at]];
        double key = position[layer[at]];
        if (!near.empty()) {
            double sum = 0;
            for (std::size_t other : near) sum += position[other];
            key = sum / static_cast<double>(near.size());
        }
        keyed.emplace_back(key, at);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::size_t> sorted;
    for (const auto& [key, at] : keyed) sorted.push_back(layer[at]);
    layer = std::move(sorted);
    place(layer, position);
}

// Pairs of reporting lines that cross between the same two layers.
std::size_t crossings(const Adjacency& parents, const std::vector<std::size_t>& layer,
                      const std::vector<double>& position) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // child, parent
    for (std::size_t child = 0; child < parents.size(); ++child) {
        for (std::size_t parent : parents[child]) lines.emplace_back(child, parent);
    }
    std::size_t count = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            auto [a, p] = lines[i];
            auto [b, q] = lines[j];
            if (layer[a] != layer[b] || layer[p] != layer[q]) continue;
            if ((position[a] - position[b]) * (position[p] - position[q]) < 0) ++count;
        }
    }
    return count;
}

constexpr int barycentre_passes = 4;

// Sweeps down and up a few times and keeps the order with fewest crossings.
Layers ordered(Layers layers, const Adjacency& parents, const Adjacency& children,
               const std::vector<std::size_t>& layer) {
    std::vector<double> position(parents.size(), 0);
    for (const auto& row : layers) place(row, position);
    Layers best = layers;
    std::size_t fewest = crossings(parents, layer, position);
    auto keep_if_better = [&] {
        std::size_t now = crossings(parents, layer, position);
        if (now < fewest) {
            fewest = now;
            best = layers;
        }
    };
    for (int pass = 0; pass < barycentre_passes && fewest > 0; ++pass) {
        for (auto& row : layers) sort_by_barycentre(row, parents, position);
        keep_if_better();
        for (auto row = layers.rbegin(); row != layers.rend(); ++row) sort_by_barycentre(*row, children, position);
        keep_if_better();
    }
    return best;
}

// The bodies in the reporting line, layer by layer in drawing order.
Layers reporting_layers(const Graph& graph) {
    Adjacency parents = acyclic_reports_to(graph);
    Adjacency children = reversed(parents);
    std::vector<std::size_t> layer = layer_numbers(parents, children);
    Layers layers;
    for (std::size_t body = 0; body < graph.bodies.size(); ++body) {
        if (!graph.in_reporting_line(body)) continue;
        if (layer[body] >= layers.size()) layers.resize(layer[body] + 1);
        layers[layer[body]].push_back(body);
    }
    return ordered(std::move(layers), parents, children, layer);
}

// ---------------------------------------------------------------- geometry

// Sizes in px; text widths are estimated from character counts.
constexpr int name_font = 13, name_char = 8, name_leading = 16, name_ascent = 12;
constexpr int kind_font = 11, kind_char = 6, kind_leading = 14;
constexpr int title_font = 16, title_char = 9, title_leading = 20;
constexpr std::size_t name_chars = 20, kind_chars = 25, max_name_lines = 5, max_kind_lines = 2;
constexpr int box_padding = 10, min_box_width = 120, min_box_height = 40;
constexpr int column_gap = 32, row_gap = 56, margin = 24, section_gap = 28;
constexpr std::size_t max_per_row = 6;
constexpr int key_sample = 48, key_leading = 22;
constexpr double parallel_spacing = 8, arc_lift = 30;

int text_width(const std::vector<Text>& lines, int per_char) {
    std::size_t longest = 0;
    for (const auto& line : lines) longest = std::max(longest, line.size());
    return static_cast<int>(longest) * per_char;
}

int lines_height(std::size_t count, int leading) { return static_cast<int>(count) * leading; }

struct Box {
    std::vector<Text> name;
    std::vector<Text> kind;
    int width = 0, height = 0;
    int x = 0, y = 0;  // top left
    std::size_t row = 0, column = 0;
    bool outside = false;  // not in the reporting line
};

Box sized_box(const DiagramBody& body) {
    Box box;
    box.name = wrapped(clean(body.name), name_chars, max_name_lines);
    box.kind = wrapped(clean(body.kind), kind_chars, max_kind_lines);
    int text = std::max(text_width(box.name, name_char), text_width(box.kind, kind_char));
    box.width = std::max(min_box_width, text + 2 * box_padding);
    int between = box.name.empty() || box.kind.empty() ? 0 : 2;
    int body_height = lines_height(box.name.size(), name_leading) + between + lines_height(box.kind.size(), kind_leading);
    box.height = std::max(min_box_height, body_height + 2 * box_padding);
    return box;
}

// A wide layer wraps onto several rows of (nearly) equal length.
void add_rows(Layers& rows, const std::vector<std::size_t>& bodies) {
    if (bodies.empty()) return;
    std::size_t row_count = (bodies.size() + max_per_row - 1) / max_per_row;
    std::size_t per_row = (bodies.size() + row_count - 1) / row_count;
    for (std::size_t at = 0; at < bodies.size(); at += per_row) {
        auto end = std::min(bodies.size(), at + per_row);
        rows.emplace_back(bodies.begin() + static_cast<std::ptrdiff_t>(at), bodies.begin() + static_cast<std::ptrdiff_t>(end));
    }
}

struct RowSpan {
    int top = 0, bottom = 0;
};

struct Layout {
    std::vector<Box> boxes;  // by body
    Layers rows;             // bodies, top to bottom, left to right
    std::vector<RowSpan> spans;
    std::size_t first_outside_row = 0;
    std::vector<Text> title;
    int width = 0, height = 0;
    int outside_label_y = 0;  // top of the heading over the outside rows
    int key_y = 0;            // top of the key
};

constexpr std::string_view outside_label = "Outside the reporting line";

const std::vector<std::pair<LineKind, std::string_view>>& key_entries() {
    static const std::vector<std::pair<LineKind, std::string_view>> entries{
        {LineKind::reports_to, "Reports to"},
        {LineKind::scrutinises, "Scrutinises"},
        {LineKind::escalates_to, "Escalates to"},
        {LineKind::links_with, "Links with"},
    };
    return entries;
}

int row_width(const Layout& layout, const std::vector<std::size_t>& row) {
    int width = column_gap * static_cast<int>(row.size() - 1);
    for (std::size_t body : row) width += layout.boxes[body].width;
    return width;
}

int content_width(const Layout& layout) {
    int width = 0;
    for (const auto& [kind, label] : key_entries()) {
        width = std::max(width, key_sample + 8 + static_cast<int>(label.size()) * name_char);
    }
    width = std::max(width, static_cast<int>(outside_label.size()) * name_char);
    for (const auto& row : layout.rows) width = std::max(width, row_width(layout, row));
    return width;
}

// Places the rows top to bottom, each centred, its boxes centred on the row's middle.
int place_rows(Layout& layout, int inner_width, int y) {
    for (std::size_t r = 0; r < layout.rows.size(); ++r) {
        if (r == layout.first_outside_row) {
            y += section_gap;
            layout.outside_label_y = y;
            y += name_leading + 8;
        }
        const auto& row = layout.rows[r];
        int height = 0;
        for (std::size_t body : row) height = std::max(height, layout.boxes[body].height);
        int x = margin + (inner_width - row_width(layout, row)) / 2;
        for (std::size_t column = 0; column < row.size(); ++column) {
            Box& box = layout.boxes[row[column]];
            box.x = x;
            box.y = y + (height - box.height) / 2;
            box.row = r;
            box.column = column;
            x += box.width + column_gap;
        }
        layout.spans.push_back({y, y + height});
        y += height + row_gap;
    }
    return y - row_gap;
}

Layout layout_of(const Graph& graph, const std::string& title) {
    Layout layout;
    for (const auto* body : graph.bodies) layout.boxes.push_back(sized_box(*body));
    for (const auto& layer : reporting_layers(graph)) add_rows(layout.rows, layer);
    layout.first_outside_row = layout.rows.size();
    std::vector<std::size_t> outside;
    for (std::size_t body = 0; body < graph.bodies.size(); ++body) {
        if (graph.in_reporting_line(body)) continue;
        outside.push_back(body);
        layout.boxes[body].outside = true;
    }
    add_rows(layout.rows, outside);
    int inner = content_width(layout);
    layout.title = wrapped(clean(title), static_cast<std::size_t>(std::max(40, inner / title_char)), 3);
    inner = std::max(inner, text_width(layout.title, title_char));
    int y = margin + lines_height(layout.title.size(), title_leading) + section_gap;
    y = place_rows(layout, inner, y);
    layout.key_y = y + section_gap;
    layout.width = inner + 2 * margin;
    layout.height = layout.key_y + key_leading * static_cast<int>(key_entries().size() + 1) + margin;
    return layout;
}

// ---------------------------------------------------------------- drawing

struct LineStyle {
    std::string_view css_class;  // a hook only: nothing styles the diagram but its attributes
    std::string_view verb;
    std::string_view stroke;
    std::string_view width;
    std::string_view dashes;  // empty for a solid line
    bool round_caps;          // turns short dashes into dots
    std::string_view marker;  // empty for no arrowhead
};

const LineStyle& style_of(LineKind kind) {
    static const LineStyle reports{"line-reports-to", "reports to", "#0b0c0c", "1.5", "", false, "gd-arrow-reports"};
    static const LineStyle scrutinises{"line-scrutinises", "scrutinises", "#1d70b8", "1.5", "8 4", false, "gd-arrow-scrutinises"};
    static const LineStyle escalates{"line-escalates-to", "escalates to", "#d4351c", "2", "1 4", true, "gd-arrow-escalates"};
    static const LineStyle links{"line-links-with", "links with", "#6f777b", "1", "4 3", false, ""};
    switch (kind) {
        case LineKind::reports_to: return reports;
        case LineKind::scrutinises: return scrutinises;
        case LineKind::escalates_to: return escalates;
        case LineKind::links_with: return links;
    }
    return links;
}

std::string stroke_attributes(const LineStyle& style) {
    std::string out = R"( fill="none" stroke=")" + std::string(style.stroke) + R"(" stroke-width=")" +
                      std::string(style.width) + '"';
    if (!style.dashes.empty()) out += R"( stroke-dasharray=")" + std::string(style.dashes) + '"';
    if (style.round_caps) out += R"( stroke-linecap="round")";
    if (!style.marker.empty()) out += R"( marker-end="url(#)" + std::string(style.marker) + ")\"";
    return out;
}

std::string markers() {
    auto marker = [](std::string_view id, std::string_view shape) {
        return R"(<marker id=")" + std::string(id) +
               R"(" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">)" +
               std::string(shape) + "</marker>";
    };
    return "<defs>" +
           marker("gd-arrow-reports", R"(<path d="M0 0L10 5L0 10z" fill="#0b0c0c"/>)") +
           marker("gd-arrow-scrutinises", R"(<path d="M1 1L9 5L1 9" fill="none" stroke="#1d70b8" stroke-width="1.5"/>)") +
           marker("gd-arrow-escalates", R"(<path d="M0 1L10 5L0 9L3 5z" fill="#d4351c"/>)") + "</defs>";
}

struct Point {
    double x = 0, y = 0;
};

Point middle(const Box& box) { return {box.x + box.width / 2.0, box.y + box.height / 2.0}; }

std::string path_through(const std::vector<Point>& points) {
    std::string d;
    for (const auto& point : points) {
        d += d.empty() ? 'M' : 'L';
        d += number(point.x);
        d += ' ';
        d += number(point.y);
    }
    return d;
}

// Where the line from the middle of `box` (moved sideways by `offset`)
// towards `toward` meets the box's top or bottom edge, kept off the corners.
Point on_edge(const Box& box, int edge_y, double offset, Point toward) {
    Point from = middle(box);
    from.x += offset;
    double x = from.x;
    if (toward.y != from.y) x += (edge_y - from.y) * (toward.x - from.x) / (toward.y - from.y);
    constexpr double corner = 6;
    return {std::clamp(x, box.x + corner, box.x + box.width - corner), static_cast<double>(edge_y)};
}

// Lines are drawn row to row. A line passing a row it does not stop in goes
// through a gap between that row's boxes, so it never seems to end at a box
// it only passes; lines sharing a gap take slots side by side.
class Router {
public:
    explicit Router(const Layout& layout) : layout_(layout) {}

    std::string path(const Box& from, const Box& to, double offset) {
        if (from.row != to.row) return across_rows(from, to, offset);
        std::size_t apart = from.column > to.column ? from.column - to.column : to.column - from.column;
        return apart > 1 ? over_row(from, to, offset) : side_by_side(from, to, offset);
    }

private:
    std::string across_rows(const Box& from, const Box& to, double offset) {
        bool up = to.row < from.row;
        Point a = middle(from), b = middle(to);
        std::vector<Point> passing;
        for (std::size_t row = from.row; row != to.row;) {
            row = up ? row - 1 : row + 1;
            if (row == to.row) break;
            const RowSpan& span = layout_.spans[row];
            double y = (span.top + span.bottom) / 2.0;
            double x = gap_slot(row, a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            passing.push_back({x, static_cast<double>(up ? span.bottom : span.top)});
            passing.push_back({x, static_cast<double>(up ? span.top : span.bottom)});
        }
        std::vector<Point> points{on_edge(from, up ? from.y : from.y + from.height, offset, passing.empty() ? b : passing.front())};
        points.insert(points.end(), passing.begin(), passing.end());
        points.push_back(on_edge(to, up ? to.y + to.height : to.y, offset, passing.empty() ? a : passing.back()));
        return path_through(points);
    }

    // Neighbours in a row: side to side.
    static std::string side_by_side(const Box& from, const Box& to, double offset) {
        bool rightwards = to.x > from.x;
        double y = (middle(from).y + middle(to).y) / 2 + offset;
        double start = rightwards ? from.x + from.width : from.x;
        double end = rightwards ? to.x : to.x + to.width;
        return path_through({{start, y}, {end, y}});
    }

    // Others of the row in between: an arc over the row.
    static std::string over_row(const Box& from, const Box& to, double offset) {
        double x1 = middle(from).x + offset, x2 = middle(to).x + offset;
        double lift = std::min(from.y, to.y) - arc_lift - std::abs(offset);
        return "M" + number(x1) + " " + number(from.y) + "C" + number(x1) + " " + number(lift) + " " + number(x2) +
               " " + number(lift) + " " + number(x2) + " " + number(to.y);
    }

    // The gap of `row` nearest to `x` (before, between or after its boxes),
    // and within it the next free slot: the middle, then either side.
    double gap_slot(std::size_t row, double x) {
        const auto& bodies = layout_.rows[row];
        double best = 0;
        std::size_t best_gap = 0;
        for (std::size_t gap = 0; gap <= bodies.size(); ++gap) {
            double centre = gap_centre(bodies, gap);
            if (gap == 0 || std::abs(centre - x) < std::abs(best - x)) {
                best = centre;
                best_gap = gap;
            }
        }
        std::size_t taken = used_[{row, best_gap}]++ % gap_slots;
        double side = taken % 2 == 1 ? 1 : -1;
        return best + side * static_cast<double>((taken + 1) / 2) * parallel_spacing;
    }

    double gap_centre(const std::vector<std::size_t>& bodies, std::size_t gap) const {
        constexpr double half = column_gap / 2.0;
        if (gap == 0) return layout_.boxes[bodies.front()].x - half;
        const Box& left = layout_.boxes[bodies[gap - 1]];
        return left.x + left.width + half;
    }

    static constexpr std::size_t gap_slots = 3;  // what fits in a column gap
    const Layout& layout_;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> used_;  // lines through each gap
};

std::string body_name(const Graph& graph, std::size_t body) { return graph.bodies[body]->name; }

// Lines between the same two bodies, numbered so they can be drawn apart:
// for each line, its place among them and how many there are.
std::vector<std::pair<std::size_t, std::size_t>> parallel_places(const std::vector<Edge>& edges) {
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_pair;
    for (std::size_t at = 0; at < edges.size(); ++at) {
        by_pair[std::minmax(edges[at].from, edges[at].to)].push_back(at);
    }
    std::vector<std::pair<std::size_t, std::size_t>> places(edges.size());
    for (const auto& [pair, among] : by_pair) {
        for (std::size_t k = 0; k < among.size(); ++k) places[among[k]] = {k, among.size()};
    }
    return places;
}

std::string line_element(const Graph& graph, Router& router, const Layout& layout, const Edge& edge,
                         std::pair<std::size_t, std::size_t> place) {
    double offset = (static_cast<double>(place.first) - static_cast<double>(place.second - 1) / 2) * parallel_spacing;
    std::string path = router.path(layout.boxes[edge.from], layout.boxes[edge.to], offset);
    const LineStyle& style = style_of(edge.kind);
    std::string said = body_name(graph, edge.from) + " " + std::string(style.verb) + " " + body_name(graph, edge.to);
    return R"(<path class=")" + std::string(style.css_class) + R"(" d=")" + path + '"' + stroke_attributes(style) +
           "><title>" + escaped(said) + "</title></path>";
}

std::string lines_group(const Graph& graph, const Layout& layout) {
    std::string out = R"(<g class="lines">)";
    Router router(layout);
    auto places = parallel_places(graph.edges);
    for (std::size_t at = 0; at < graph.edges.size(); ++at) {
        out += line_element(graph, router, layout, graph.edges[at], places[at]);
    }
    return out + "</g>";
}

std::string text_lines(const std::vector<Text>& lines, int centre, int baseline, int leading) {
    std::string out;
    for (const auto& line : lines) {
        out += R"(<tspan x=")" + number(centre) + R"(" y=")" + number(baseline) + R"(">)" + escaped(line) + "</tspan>";
        baseline += leading;
    }
    return out;
}

std::string box_element(const DiagramBody& body, const Box& box) {
    std::string name = trim(body.name);
    std::string kind = trim(body.kind);
    std::string label = kind.empty() ? name : name + " (" + kind + ")";
    std::string out = R"(<g class="body"><title>)" + escaped(label) + "</title>";
    out += R"(<rect x=")" + number(box.x) + R"(" y=")" + number(box.y) + R"(" width=")" + number(box.width) +
           R"(" height=")" + number(box.height) + R"(" rx="4" fill=")" + (box.outside ? "#f3f2f1" : "#ffffff") +
           R"(" stroke="#0b0c0c" stroke-width="1.5"/>)";
    int centre = box.x + box.width / 2;
    int text_height = lines_height(box.name.size(), name_leading) + (box.name.empty() || box.kind.empty() ? 0 : 2) +
                      lines_height(box.kind.size(), kind_leading);
    int top = box.y + (box.height - text_height) / 2;
    if (!box.name.empty()) {
        out += R"(<text text-anchor="middle" font-size=")" + number(name_font) + R"(" font-weight="bold" fill="#0b0c0c">)" +
               text_lines(box.name, centre, top + name_ascent, name_leading) + "</text>";
        top += lines_height(box.name.size(), name_leading) + 2;
    }
    if (!box.kind.empty()) {
        out += R"(<text text-anchor="middle" font-size=")" + number(kind_font) + R"(" fill="#505a5f">)" +
               text_lines(box.kind, centre, top + name_ascent - 1, kind_leading) + "</text>";
    }
    return out + "</g>";
}

std::string key_group(const Layout& layout) {
    int y = layout.key_y + name_ascent;
    std::string out = R"(<g class="key"><text x=")" + number(margin) + R"(" y=")" + number(y) +
                      R"(" font-size=")" + number(name_font) + R"(" font-weight="bold" fill="#0b0c0c">Key</text>)";
    for (const auto& [kind, label] : key_entries()) {
        y += key_leading;
        const LineStyle& style = style_of(kind);
        out += R"(<path d="M)" + number(margin) + " " + number(y - 4) + "H" + number(margin + key_sample) + '"' +
               stroke_attributes(style) + "/>";
        out += R"(<text x=")" + number(margin + key_sample + 8) + R"(" y=")" + number(y) + R"(" font-size=")" +
               number(name_font) + R"(" fill="#0b0c0c">)" + std::string(label) + "</text>";
    }
    return out + "</g>";
}

std::string headings(const Layout& layout) {
    std::string out;
    int baseline = margin + title_font;
    for (const auto& line : layout.title) {
        out += R"(<text x=")" + number(margin) + R"(" y=")" + number(baseline) + R"(" font-size=")" + number(title_font) +
               R"(" font-weight="bold" fill="#0b0c0c">)" + escaped(line) + "</text>";
        baseline += title_leading;
    }
    if (layout.first_outside_row < layout.rows.size()) {
        out += R"(<text x=")" + number(margin) + R"(" y=")" + number(layout.outside_label_y + name_ascent) +
               R"(" font-size=")" + number(name_font) + R"(" fill="#505a5f">)" + std::string(outside_label) + "</text>";
    }
    return out;
}

// One sentence for <desc>: how many bodies, and how many lines of each kind.
std::string summary(const Graph& graph) {
    if (graph.bodies.empty()) return "There are no bodies in this structure.";
    std::size_t count[4] = {0, 0, 0, 0};
    for (const auto& edge : graph.edges) ++count[static_cast<std::size_t>(edge.kind)];
    std::string text = "A governance diagram of " + counted(graph.bodies.size(), "body", "bodies") + " and ";
    if (graph.edges.empty()) return text + "no lines between them.";
    text += counted(graph.edges.size(), "line", "lines") + ":";
    std::vector<std::string> parts;
    if (count[0] > 0) parts.push_back(counted(count[0], "reporting line", "reporting lines"));
    if (count[1] > 0) parts.push_back(counted(count[1], "scrutiny line", "scrutiny lines"));
    if (count[2] > 0) parts.push_back(counted(count[2], "escalation route", "escalation routes"));
    if (count[3] > 0) parts.push_back(counted(count[3], "link", "links"));
    for (std::size_t at = 0; at < parts.size(); ++at) {
        text += at == 0 ? " " : at + 1 == parts.size() ? " and " : ", ";
        text += parts[at];
    }
    return text + ".";
}

std::string svg_open(int width, int height, std::string_view title, const std::string& description) {
    return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" + number(width) + " " + number(height) +
           R"(" width=")" + number(width) + R"(" height=")" + number(height) +
           R"(" role="img" aria-labelledby="t d" font-family="Arial, Helvetica, sans-serif"><title id="t">)" +
           escaped(title) + R"(</title><desc id="d">)" + escaped(description) + "</desc>" +
           R"(<rect width="100%" height="100%" fill="#ffffff"/>)";
}

std::string empty_svg(const std::string& title, const std::string& description) {
    constexpr int width = 400, height = 80;
    return svg_open(width, height, title, description) + R"(<text x=")" + number(margin) + R"(" y=")" +
           number(margin + title_font) + R"(" font-size=")" + number(name_font) + R"(" fill="#0b0c0c">)" +
           escaped(description) + "</text></svg>";
}

std::string title_or_default(const std::string& title) {
    return trim(title).empty() ? std::string("Governance structure") : title;
}

// ---------------------------------------------------------------- the tree

std::string line_in_words(LineKind kind, bool outgoing) {
    switch (kind) {
        case LineKind::reports_to: return "Also reports to: ";  // the other way shows as nesting
        case LineKind::scrutinises: return outgoing ? "Scrutinises: " : "Scrutinised by: ";
        case LineKind::escalates_to: return outgoing ? "Escalates to: " : "Receives escalations from: ";
        case LineKind::links_with: return "Links with: ";
    }
    return {};
}

class TreeBuilder {
public:
    explicit TreeBuilder(const Graph& graph) : graph_(graph), under_(graph.bodies.size()), placed_(graph.bodies.size()) {
        // Each body goes under the first body (in input order) it reports to.
        for (std::size_t body = 0; body < graph.bodies.size(); ++body) {
            const auto& parents = graph.reports_to[body];
            if (!parents.empty()) under_[*std::min_element(parents.begin(), parents.end())].push_back(body);
        }
        for (auto& children : under_) {
            std::stable_sort(children.begin(), children.end(), [&](std::size_t a, std::size_t b) {
                return graph.bodies[a]->name < graph.bodies[b]->name;
            });
        }
    }

    std::vector<TreeNode> build() {
        std::vector<TreeNode> roots;
        for (std::size_t body = 0; body < graph_.bodies.size(); ++body) {
            if (graph_.reports_to[body].empty()) roots.push_back(node(body, std::nullopt));
        }
        // What is left hangs from a reporting cycle: enter it at its first body.
        for (std::size_t body = 0; body < graph_.bodies.size(); ++body) {
            if (!placed_[body]) roots.push_back(node(body, std::nullopt));
        }
        return roots;
    }

private:
    // Recursion is as deep as the reporting line is long; placing a body
    // before its children means a cycle is never entered twice.
    TreeNode node(std::size_t body, std::optional<std::size_t> parent) {
        placed_[body] = true;
        const DiagramBody& source = *graph_.bodies[body];
        TreeNode out{source.id, source.name, source.kind, other_lines(body, parent), {}};
        for (std::size_t child : under_[body]) {
            if (!placed_[child]) out.children.push_back(node(child, body));
        }
        return out;
    }

    std::vector<std::string> other_lines(std::size_t body, std::optional<std::size_t> parent) const {
        std::vector<std::string> lines;
        for (std::size_t other : graph_.reports_to[body]) {
            if (other != parent) lines.push_back(line_in_words(LineKind::reports_to, true) + graph_.bodies[other]->name);
        }
        for (const auto& edge : graph_.edges) {
            if (edge.kind == LineKind::reports_to) continue;
            if (edge.from == body) lines.push_back(line_in_words(edge.kind, true) + graph_.bodies[edge.to]->name);
            if (edge.to == body) lines.push_back(line_in_words(edge.kind, false) + graph_.bodies[edge.from]->name);
        }
        return lines;
    }

    const Graph& graph_;
    Adjacency under_;
    std::vector<bool> placed_;
};

}  // namespace

std::string governance_svg(const Structure& structure) {
    Graph graph = graph_of(structure);
    std::string title = title_or_default(structure.title);
    if (graph.bodies.empty()) return empty_svg(title, summary(graph));
    Layout layout = layout_of(graph, title);
    std::string out = svg_open(layout.width, layout.height, title, summary(graph));
    out += markers();
    out += headings(layout);
    out += lines_group(graph, layout);
    out += R"(<g class="bodies">)";
    for (std::size_t body = 0; body < graph.bodies.size(); ++body) out += box_element(*graph.bodies[body], layout.boxes[body]);
    out += "</g>";
    out += key_group(layout);
    return out + "</svg>\n";
}

std::vector<TreeNode> governance_tree(const Structure& structure) {
    Graph graph = graph_of(structure);
    return TreeBuilder(graph).build();
}

}  // namespace safeboard::register_
