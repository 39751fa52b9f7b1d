#include "platform/audit/text.hpp"

#include <cstdio>

namespace safeboard::audit::text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool continuation(unsigned char byte, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return byte >= low && byte <= high;
}

// Allowed range of the second byte after a lead byte (RFC 3629 table), which
// rules out overlong forms, surrogates and code points past U+10FFFF.
struct Lead {
    std::size_t length;
    unsigned char low, high;
};

Lead lead_of(unsigned char byte) {
    if (byte < 0x80) return {1, 0, 0};
    if (byte >= 0xC2 && byte <= 0xDF) return {2, 0x80, 0xBF};
    if (byte == 0xE0) return {3, 0xA0, 0xBF};
    if (byte == 0xED) return {3, 0x80, 0x9F};
    if (byte >= 0xE1 && byte <= 0xEF) return {3, 0x80, 0xBF};
    if (byte == 0xF0) return {4, 0x90, 0xBF};
    if (byte >= 0xF1 && byte <= 0xF3) return {4, 0x80, 0xBF};
    if (byte == 0xF4) return {4, 0x80, 0x8F};
    return {0, 0, 0};
}

void append_escaped_control(std::string& out, char c) {
    switch (c) {
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
    }
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
    out += escaped;
}

}  // namespace

std::size_t sequence_length(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    Lead lead = lead_of(byte(0));
    if (lead.length == 0 || at + lead.length > text.size()) return 0;
    if (lead.length > 1 && !continuation(byte(1), lead.low, lead.high)) return 0;
    for (std::size_t k = 2; k < lead.length; ++k) {
        if (!continuation(byte(k))) return 0;
    }
    return lead.length;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = sequence_length(text, at);
        if (length == 0) return false;
        at += length;
    }
    return true;
}

std::size_t characters(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = sequence_length(text, at);
        if (length == 0) {
            out += kReplacement;
            ++at;
            continue;
        }
        out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

void append_json_string(std::string& out, std::string_view value) {
    out += '"';
    for (std::size_t at = 0; at < value.size();) {
        std::size_t length = sequence_length(value, at);
        char c = value[at];
        if (length == 0) {
            out += "\\ufffd";
            ++at;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            append_escaped_control(out, c);
        } else {
            out.append(value.substr(at, length));
        }
        at += length;
    }
    out += '"';
}

}  // namespace safeboard::audit::text
