#include "platform/http/multipart.hpp"

#include <algorithm>
#include <utility>

#include "platform/core/text.hpp"

namespace safeboard::http {
namespace {

constexpr std::string_view crlf = "\r\n";

std::unexpected<Error> malformed(std::string_view why) {
    return fail(ErrorKind::validation, "The form body is not valid multipart/form-data: " + std::string(why));
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view skip_spaces(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    return text;
}

// Takes from the front of `text` up to the first byte in `stops` (or a space).
std::string_view take_until(std::string_view& text, std::string_view stops) {
    std::size_t end = 0;
    while (end < text.size() && !is_space(text[end]) && stops.find(text[end]) == std::string_view::npos) ++end;
    auto taken = text.substr(0, end);
    text.remove_prefix(end);
    return taken;
}

// A quoted string at the front of `text` (which starts with '"'); nullopt
// when it is not closed. Senders that escape a quote in a file name do it
// with a backslash, but browsers send a Windows path's backslashes as they
// are, so a backslash escapes only a quote or another backslash.
std::optional<std::string> take_quoted(std::string_view& text) {
    std::string value;
    for (std::size_t at = 1; at < text.size(); ++at) {
        if (text[at] == '"') {
            text.remove_prefix(at + 1);
            return value;
        }
        if (text[at] == '\\' && at + 1 < text.size() && (text[at + 1] == '"' || text[at + 1] == '\\')) ++at;
        value += text[at];
    }
    return std::nullopt;
}

// A header value with parameters, as Content-Type and Content-Disposition
// have: `form-data; name="a"; filename=b`.
struct HeaderValue {
    std::string value;                                            // lower case
    std::vector<std::pair<std::string, std::string>> parameters;  // names lower case, values unquoted

    std::optional<std::string> parameter(std::string_view name) const {
        for (const auto& [key, text] : parameters) {
            if (key == name) return text;
        }
        return std::nullopt;
    }
};

std::optional<HeaderValue> parse_header_value(std::string_view text) {
    HeaderValue header;
    text = skip_spaces(text);
    header.value = lower_ascii(take_until(text, ";"));
    while (true) {
        text = skip_spaces(text);
        if (text.empty()) return header;
        if (text.front() != ';') return std::nullopt;
        text = skip_spaces(text.substr(1));
        if (text.empty()) return header;  // a trailing ';'
        std::string name = lower_ascii(take_until(text, ";=\""));
        text = skip_spaces(text);
        if (name.empty() || !text.starts_with('=')) return std::nullopt;
        text = skip_spaces(text.substr(1));
        std::optional<std::string> value = text.starts_with('"') ? take_quoted(text)
                                                                  : std::string(take_until(text, ";"));
        if (!value) return std::nullopt;
        header.parameters.emplace_back(std::move(name), std::move(*value));
    }
}

// RFC 2046: 1 to 70 of its bchars, not ending in a space.
bool is_boundary(std::string_view boundary) {
    constexpr std::string_view punctuation = "'()+_,-./:=? ";
    if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
    return std::ranges::all_of(boundary, [&](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               punctuation.find(c) != std::string_view::npos;
    });
}

Result<std::string> boundary_of(std::string_view content_type) {
    auto header = parse_header_value(content_type);
    if (!header || header->value != "multipart/form-data") return malformed("the Content-Type is another kind");
    auto boundary = header->parameter("boundary");
    if (!boundary) return malformed("the Content-Type has no boundary");
    if (!is_boundary(*boundary)) return malformed("the boundary is not one RFC 2046 allows");
    return std::move(*boundary);
}

// Where a delimiter line ends: the next part, or for the close delimiter the
// epilogue, starts there.
struct Delimiter {
    std::size_t end = 0;
    bool closes = false;
};

// The delimiter whose "--boundary" starts at `at`, if what follows makes it
// one: "--" if it closes, then spaces or tabs (transport padding) and CRLF,
// or for the close delimiter the end of the body. Anything else means the
// bytes only look like a boundary and belong to the part.
std::optional<Delimiter> delimiter_at(std::string_view body, std::size_t at, std::string_view dash_boundary) {
    std::string_view rest = body.substr(at + dash_boundary.size());
    bool closes = rest.starts_with("--");
    if (closes) rest.remove_prefix(2);
    rest = skip_spaces(rest);
    if (closes && rest.empty()) return Delimiter{body.size(), true};
    if (!rest.starts_with(crlf)) return std::nullopt;
    return Delimiter{body.size() - rest.size() + crlf.size(), closes};
}

struct Found {
    std::size_t at = 0;  // the CRLF before the delimiter, where the part before it ends
    Delimiter delimiter;
};

// `needle` is CRLF "--" boundary.
std::optional<Found> find_delimiter(std::string_view body, std::size_t from, std::string_view needle) {
    for (auto at = body.find(needle, from); at != std::string_view::npos; at = body.find(needle, at + 1)) {
        if (auto delimiter = delimiter_at(body, at + crlf.size(), needle.substr(crlf.size()))) {
            return Found{at, *delimiter};
        }
    }
    return std::nullopt;
}

// The first delimiter starts the body, or follows a preamble and CRLF.
std::optional<Delimiter> opening_delimiter(std::string_view body, std::string_view needle) {
    std::string_view dash_boundary = needle.substr(crlf.size());
    if (body.starts_with(dash_boundary)) {
        if (auto delimiter = delimiter_at(body, 0, dash_boundary)) return delimiter;
    }
    auto found = find_delimiter(body, 0, needle);
    if (!found) return std::nullopt;
    return found->delimiter;
}

struct PartHeaders {
    std::optional<std::string> disposition;
    std::optional<std::string> content_type;
};

Result<PartHeaders> read_part_headers(std::string_view head) {
    PartHeaders headers;
    while (!head.empty()) {
        auto end = head.find(crlf);
        std::string_view line = head.substr(0, end);
        head = end == std::string_view::npos ? std::string_view() : head.substr(end + crlf.size());
        auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0 || line.find_first_of("\r\n") != std::string_view::npos ||
            line.substr(0, colon).find_first_of(" \t") != std::string_view::npos) {
            return malformed("a part has a header line that is not \"Name: value\"");
        }
        std::string name = lower_ascii(line.substr(0, colon));
        std::string value = trim(line.substr(colon + 1));
        if (name == "content-disposition" && !headers.disposition) headers.disposition = std::move(value);
        if (name == "content-type" && !headers.content_type) headers.content_type = std::move(value);
    }
    return headers;
}

Result<MultipartPart> read_part(std::string_view part) {
    // With no headers, the part starts with the blank line that ends them.
    std::size_t blank = part.starts_with(crlf) ? 0 : part.find("\r\n\r\n");
    if (blank == std::string_view::npos) return malformed("a part's headers do not end with a blank line");
    std::size_t content = blank == 0 ? crlf.size() : blank + 2 * crlf.size();
    auto headers = read_part_headers(part.substr(0, blank));
    if (!headers) return std::unexpected(headers.error());
    auto disposition = parse_header_value(headers->disposition.value_or(""));
    if (!disposition || disposition->value != "form-data") return malformed("a part has no Content-Disposition: form-data");
    auto name = disposition->parameter("name");
    if (!name) return malformed("a part has no field name");
    MultipartPart read{std::move(*name), disposition->parameter("filename"),
                       headers->content_type.value_or("text/plain"), part.substr(content)};
    // RFC 7578 forbids filename* and we do not decode it, but a part that has
    // it is still a file and must not be taken for a text field.
    if (!read.filename && disposition->parameter("filename*")) read.filename = "";
    return read;
}

}  // namespace

Result<std::vector<MultipartPart>> read_multipart(std::string_view content_type, std::string_view body) {
    auto boundary = boundary_of(content_type);
    if (!boundary) return std::unexpected(boundary.error());
    const std::string needle = "\r\n--" + *boundary;
    auto delimiter = opening_delimiter(body, needle);
    if (!delimiter) return malformed("the body has no opening boundary");
    std::vector<MultipartPart> parts;
    while (!delimiter->closes) {
        auto next = find_delimiter(body, delimiter->end, needle);
        if (!next) return malformed("the body has no closing boundary");
        auto part = read_part(body.substr(delimiter->end, next->at - delimiter->end));
        if (!part) return std::unexpected(part.error());
        parts.push_back(std::move(*part));
        delimiter = next->delimiter;
    }
    return parts;
}

}  // namespace safeboard::http
