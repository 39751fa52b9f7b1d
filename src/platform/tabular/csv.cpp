#include "platform/tabular/csv.hpp"

#include <algorithm>
#include <utility>

#include "platform/core/text.hpp"

namespace safeboard::tabular {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::unexpected<Error> bad_file(std::string message) { return fail(ErrorKind::validation, std::move(message)); }

std::string at_line(std::size_t line, std::string_view problem) {
    return "line " + std::to_string(line) + ": " + std::string(problem);
}

// 2 for CRLF, 1 for LF or a lone CR, 0 when no line end starts at text[at].
std::size_t line_end_length(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    if (text[at] == '\n') return 1;
    if (text[at] != '\r') return 0;
    return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
}

std::size_t count_line_ends(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        std::size_t length = line_end_length(text, at);
        if (length == 0) continue;
        ++count;
        at += length - 1;
    }
    return count;
}

// Checked before parsing, so the parser only ever sees text and an error
// names the line a person can find in an editor.
Status check_text(std::string_view text) {
    if (is_utf8(text) && text.find('\0') == std::string_view::npos) return {};
    std::size_t line = 1;
    for (std::size_t at = 0; at < text.size();) {
        if (std::size_t end = line_end_length(text, at)) {
            ++line;
            at += end;
            continue;
        }
        if (text[at] == '\0') return bad_file(at_line(line, "the file has a NUL byte, so it is not CSV text"));
        std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) return bad_file("the file is not UTF-8 text (line " + std::to_string(line) + ")");
        at += length;
    }
    return {};
}

// Reads one record at a time, counting physical lines as it goes.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}
    bool done() const { return at_ >= text_.size(); }
    Result<Record> record();

private:
    bool at(char c) const { return at_ < text_.size() && text_[at_] == c; }
    Result<std::string> quoted_field();
    std::string plain_field();

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
};

Result<Record> Parser::record() {
    Record record{line_, {}};
    for (;;) {
        auto field = at('"') ? quoted_field() : Result<std::string>(plain_field());
        if (!field) return std::unexpected(std::move(field.error()));
        record.fields.push_back(std::move(*field));
        if (!at(',')) break;
        ++at_;
    }
    if (std::size_t end = line_end_length(text_, at_)) {
        at_ += end;
        ++line_;
    }
    return record;
}

Result<std::string> Parser::quoted_field() {
    const std::size_t opened = line_;
    std::string value;
    ++at_;
    for (;;) {
        std::size_t quote = text_.find('"', at_);
        if (quote == std::string_view::npos) return bad_file(at_line(opened, "a quoted field is not closed"));
        std::string_view chunk = text_.substr(at_, quote - at_);
        value.append(chunk);
        line_ += count_line_ends(chunk);
        at_ = quote + 1;
        if (!at('"')) break;
        value += '"';  // "" stands for one quote
        ++at_;
    }
    if (!done() && !at(',') && line_end_length(text_, at_) == 0) {
        return bad_file(at_line(line_, "text after a closing quote"));
    }
    return value;
}

// Up to the next comma or line end. A quote inside is kept as it is, as
// Excel does, rather than refused.
std::string Parser::plain_field() {
    std::size_t end = std::min(text_.find_first_of(",\r\n", at_), text_.size());
    std::string value(text_.substr(at_, end - at_));
    at_ = end;
    return value;
}

bool is_empty(const Record& record) {
    return std::ranges::all_of(record.fields, [](const std::string& field) { return field.empty(); });
}

std::vector<std::string> header_names(std::vector<std::string> fields) {
    for (auto& field : fields) field = trim(field);
    return fields;
}

bool needs_quotes(std::string_view field) {
    if (field.empty()) return false;
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    return field.find_first_of(",\"\r\n") != std::string_view::npos || is_space(field.front()) ||
           is_space(field.back());
}

void append_field(std::string& out, std::string_view field) {
    if (!needs_quotes(field)) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        append_field(out, fields[i]);
    }
    out += "\r\n";
}

}  // namespace

Result<Table> read_csv(std::string_view bytes) {
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    if (bytes.empty()) return bad_file("the file is empty");
    if (auto text = check_text(bytes); !text) return std::unexpected(std::move(text.error()));
    Parser parser(bytes);
    Table table;
    while (!parser.done()) {
        auto record = parser.record();
        if (!record) return std::unexpected(std::move(record.error()));
        if (is_empty(*record)) continue;
        if (table.header.empty()) {
            table.header = header_names(std::move(record->fields));
        } else {
            table.records.push_back(std::move(*record));
        }
    }
    if (table.header.empty()) return bad_file("the file has no header row");
    return table;
}

std::optional<std::size_t> column(const Table& table, std::string_view name) {
    const std::string wanted = lower_ascii(trim(name));
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        if (lower_ascii(trim(table.header[i])) == wanted) return i;
    }
    return std::nullopt;
}

std::string write_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                      const CsvOptions& options) {
    std::string out;
    if (options.bom) out += kBom;
    append_row(out, header);
    for (const auto& row : rows) {
        if (!options.guard_formulas) {
            append_row(out, row);
            continue;
        }
        auto guarded = row;
        for (auto& cell : guarded) {
            if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
                cell.insert(0, 1, '\'');
            }
        }
        append_row(out, guarded);
    }
    return out;
}

}  // namespace safeboard::tabular
