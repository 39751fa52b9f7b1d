#include "platform/mail/encoding.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "platform/core/text.hpp"

namespace safeboard::mail {
namespace {

constexpr std::size_t kLineLimit = 76;
// 36 bytes are 48 base64 characters: "=?UTF-8?B?" + 48 + "?=" is 60, which
// fits a 76-character line after "Subject: " or a folding space.
constexpr std::size_t kWordBytes = 36;
constexpr std::string_view kHex = "0123456789ABCDEF";

std::string hex_escape(unsigned char byte) {
    return {'=', kHex[byte >> 4], kHex[byte & 0x0F]};
}

bool is_literal(unsigned char byte) { return byte == '\t' || (byte >= 32 && byte <= 126 && byte != '='); }

// Each byte of one line as it is written: itself or =XX. Space and tab are
// escaped at the end of a line, where mail software may strip them.
std::vector<std::string> qp_tokens(std::string_view line) {
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto byte = static_cast<unsigned char>(line[i]);
        bool last = i + 1 == line.size();
        bool literal = is_literal(byte) && !(last && (byte == ' ' || byte == '\t'));
        tokens.push_back(literal ? std::string(1, line[i]) : hex_escape(byte));
    }
    return tokens;
}

// One line of text as encoded lines, a soft break "=" ending all but the last.
std::string qp_line(std::string_view line) {
    auto tokens = qp_tokens(line);
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // Room for the "=" of a soft break, unless this is the line's last token.
        std::size_t limit = i + 1 == tokens.size() ? kLineLimit : kLineLimit - 1;
        if (width + tokens[i].size() > limit) {
            out += "=\r\n";
            width = 0;
        }
        out += tokens[i];
        width += tokens[i].size();
    }
    return out + "\r\n";
}

// Printable ASCII with no "=?" (which a reader would take for an
// encoded-word) and no run without spaces too long to fold.
bool writable_as_is(std::string_view text) {
    if (text.find("=?") != std::string_view::npos) return false;
    std::size_t run = 0;
    for (char c : text) {
        if (c < 32 || c > 126) return false;
        run = c == ' ' ? 0 : run + 1;
        if (run > kLineLimit - 20) return false;
    }
    return true;
}

// The longest prefix of at most kWordBytes that ends where a character ends.
std::size_t word_length(std::string_view text) {
    std::size_t length = 0;
    while (length < text.size()) {
        std::size_t next = std::max<std::size_t>(utf8_sequence_length(text, length), 1);
        if (length + next > kWordBytes && length > 0) break;
        length += next;
    }
    return length;
}

// Where to fold `line`: the last space at or before the limit (not the one
// after the colon), else the first after it; npos when folding there would
// leave a line of only spaces.
std::size_t fold_point(std::string_view line, std::size_t first) {
    std::size_t at = line.rfind(' ', kLineLimit);
    if (at == std::string_view::npos || at <= first) at = line.find(' ', std::max(first + 1, kLineLimit));
    if (at == std::string_view::npos) return at;
    if (line.find_first_not_of(' ', at) == std::string_view::npos) return std::string_view::npos;
    return at;
}

}  // namespace

std::string base64(std::string_view bytes) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::size_t count = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t j = 0; j < 3; ++j)
            group = (group << 8) | (j < count ? static_cast<unsigned char>(bytes[i + j]) : 0u);
        for (std::size_t j = 0; j < 4; ++j)
            out += j <= count ? alphabet[(group >> (18 - 6 * j)) & 0x3F] : '=';
    }
    return out;
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = std::min(text.find_first_of("\r\n", at), text.size());
        out += qp_line(text.substr(at, end - at));
        at = end;
        if (at < text.size() && text[at] == '\r') ++at;
        if (at < text.size() && text[at] == '\n') ++at;
    }
    return out;
}

std::string header_text(std::string_view text) {
    if (writable_as_is(text)) return std::string(text);
    std::string out;
    while (!text.empty()) {
        std::size_t length = word_length(text);
        if (!out.empty()) out += ' ';
        out += "=?UTF-8?B?" + base64(text.substr(0, length)) + "?=";
        text.remove_prefix(length);
    }
    return out;
}

std::string header_line(std::string_view name, std::string_view value) {
    std::string line = std::string(name) + ": " + std::string(value);
    std::string out;
    std::string_view rest = line;
    std::size_t first = name.size() + 1;  // never fold at the space after the colon
    while (rest.size() > kLineLimit) {
        std::size_t at = fold_point(rest, first);
        if (at == std::string_view::npos) break;
        out.append(rest.substr(0, at)).append("\r\n");
        rest.remove_prefix(at);
        first = 0;
    }
    return out.append(rest).append("\r\n");
}

}  // namespace safeboard::mail
