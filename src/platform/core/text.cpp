#include "platform/core/text.hpp"

#include <cstdint>

namespace safeboard {

namespace {

// The range the second byte may take after each lead byte (RFC 3629's table),
// which rules out overlong forms, surrogates and code points past U+10FFFF.
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

bool in(unsigned char byte, unsigned char low, unsigned char high) { return byte >= low && byte <= high; }

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    Lead lead = lead_of(byte(0));
    if (lead.length == 0 || at + lead.length > text.size()) return 0;
    if (lead.length > 1 && !in(byte(1), lead.low, lead.high)) return 0;
    for (std::size_t k = 2; k < lead.length; ++k) {
        if (!in(byte(k), 0x80, 0xBF)) return 0;
    }
    return lead.length;
}

bool is_utf8(std::string_view text) { return utf8_length(text).has_value(); }

std::optional<std::size_t> utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++count) {
        std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) return std::nullopt;
        at += length;
    }
    return count;
}

std::optional<std::u32string> decode_utf8(std::string_view text) {
    static constexpr unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    std::u32string out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) return std::nullopt;
        char32_t code = static_cast<unsigned char>(text[at]) & lead_bits[length];
        for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
        out += code;
        at += length;
    }
    return out;
}

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++at;
            continue;
        }
        out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end)) + "…";
}

bool has_control_characters(std::string_view text, bool allow_tab) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\t' && allow_tab) continue;
        if (c < 0x20 || c == 0x7F) return true;
        // C1 controls U+0080..U+009F are encoded C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return true;
        }
    }
    return false;
}

std::string trim(std::string_view text) {
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string xml_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::optional<FieldError> check_line(std::string_view field, std::string_view label, std::string_view value,
                                     std::size_t min, std::size_t max) {
    auto length = utf8_length(value);
    std::string name(label);
    if (!length) return FieldError{std::string(field), name + " must be text (it has bytes that are not UTF-8)"};
    if (has_control_characters(value)) {
        return FieldError{std::string(field), name + " must not contain control characters or line breaks"};
    }
    if (*length < min) {
        return FieldError{std::string(field),
                          min == 1 ? "Enter " + lower_ascii(name.substr(0, 1)) + name.substr(1)
                                   : name + " must be " + std::to_string(min) + " characters or more"};
    }
    if (*length > max) {
        return FieldError{std::string(field), name + " must be " + std::to_string(max) + " characters or fewer"};
    }
    return std::nullopt;
}

}  // namespace safeboard
