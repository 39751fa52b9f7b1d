#include <algorithm>
#include <numeric>
#include <optional>

#include "platform/pdf/plan.hpp"

namespace safeboard::pdf {

namespace {

constexpr double kPadding = 0.35;     // inside each cell, in multiples of the body font size
constexpr double kHeaderGrey = 0.88;  // dark enough to see, light enough for black text

struct Column {
    double x = 0;
    double width = 0;
};

std::vector<Column> columns_of(const Table& table, const Frame& frame, std::size_t count) {
    std::vector<double> shares = table.column_widths;
    if (shares.size() != count) shares.assign(count, 1.0);
    double total = std::accumulate(shares.begin(), shares.end(), 0.0);
    std::vector<Column> columns;
    double x = frame.left;
    for (double share : shares) {
        double width = frame.width * share / total;
        columns.push_back({x, width});
        x += width;
    }
    return columns;
}

// Which lines of each cell: [from[c], to[c]) of column c.
using Cursor = std::vector<std::size_t>;

struct Row {
    std::vector<SetText> cells;

    Cursor start() const { return Cursor(cells.size(), 0); }
    Cursor end() const {
        Cursor end;
        for (const auto& cell : cells) end.push_back(cell.lines.size());
        return end;
    }
    double text_height(const Cursor& from, const Cursor& to) const {
        double height = 0;
        for (std::size_t c = 0; c < cells.size(); ++c) height = std::max(height, cells[c].height(from[c], to[c]));
        return height;
    }
};

class TablePlanner {
public:
    TablePlanner(Flow& flow, const Table& table)
        : flow_(flow), padding_(kPadding * flow.typesetter().size_of(Style::body)) {
        std::size_t count = table.header.empty() ? table.rows.front().size() : table.header.size();
        columns_ = columns_of(table, flow.frame(), count);
        if (!table.header.empty()) header_ = set_row(table.header, Style::bold);
        for (const auto& cells : table.rows) rows_.push_back(set_row(cells, Style::body));
    }

    void run() {
        if (!flow_.at_top() && flow_.room() < opening_height()) flow_.new_page();
        bool fresh = flow_.at_top();
        place_header();
        fresh_ = fresh;
        for (const Row& row : rows_) place_row(row);
    }

private:
    Row set_row(const std::vector<std::string>& cells, Style style) {
        Row row;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            row.cells.push_back(flow_.typesetter().set(cells[c], style, columns_[c].width - 2 * padding_));
        }
        return row;
    }

    double height(const Row& row, const Cursor& from, const Cursor& to) const {
        return row.text_height(from, to) + 2 * padding_;
    }
    double header_height() const { return header_ ? height(*header_, header_->start(), header_->end()) : 0; }
    // What a continuation page holds below the repeated header.
    double fresh_room() const { return flow_.frame().height - header_height(); }

    // The header never ends a page alone: it needs the first row with it,
    // or that row's first lines when the row is longer than a page.
    double opening_height() const {
        if (rows_.empty()) return header_height();
        const Row& first = rows_.front();
        double whole = height(first, first.start(), first.end());
        if (whole <= fresh_room()) return header_height() + whole;
        return header_height() + height(first, first.start(), one_line_more(first, first.start()));
    }

    static Cursor one_line_more(const Row& row, const Cursor& from) {
        Cursor to = from;
        for (std::size_t c = 0; c < to.size(); ++c) to[c] = std::min(to[c] + 1, row.cells[c].lines.size());
        return to;
    }

    Cursor lines_within(const Row& row, const Cursor& from, double room) const {
        Cursor to = from;
        for (std::size_t c = 0; c < to.size(); ++c) {
            to[c] += Flow::lines_within(row.cells[c], from[c], room - 2 * padding_);
        }
        return to;
    }

    void place_slice(const Row& row, const Cursor& from, const Cursor& to, double fill_grey) {
        double row_height = height(row, from, to);
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const Column& column = columns_[c];
            flow_.mark(Box{column.x, flow_.y(), column.width, row_height, fill_grey, true});
            flow_.draw(row.cells[c], from[c], to[c], column.x + padding_, flow_.y() + padding_);
        }
        flow_.advance(row_height);
        fresh_ = false;
    }

    void place_header() {
        if (header_) place_slice(*header_, header_->start(), header_->end(), kHeaderGrey);
    }

    void continue_on_new_page() {
        flow_.new_page();
        place_header();
        fresh_ = true;  // after the header, which is not a row
    }

    // Whole if it fits here or on a new page; split across pages only when
    // it is longer than a page.
    void place_row(const Row& row) {
        const Cursor end = row.end();
        Cursor from = row.start();
        for (;;) {
            if (height(row, from, end) <= flow_.room()) break;
            if (!fresh_ && from == row.start() && height(row, from, end) <= fresh_room()) {
                continue_on_new_page();
                continue;
            }
            Cursor to = lines_within(row, from, flow_.room());
            if (to == from && !fresh_) {
                continue_on_new_page();
                continue;
            }
            if (to == from) to = one_line_more(row, from);  // a line taller than a page still goes somewhere
            place_slice(row, from, to, -1);
            from = to;
            if (from == end) return;
            continue_on_new_page();
        }
        place_slice(row, from, end, -1);
    }

    Flow& flow_;
    double padding_;
    std::vector<Column> columns_;
    std::optional<Row> header_;
    std::vector<Row> rows_;
    bool fresh_ = false;  // nothing on this page yet but the header
};

}  // namespace

void plan_table(Flow& flow, const Table& table) { TablePlanner(flow, table).run(); }

}  // namespace safeboard::pdf
