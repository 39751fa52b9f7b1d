#pragma once
// Reading a message back as a mail reader would, written apart from the
// library's encoders so a test never checks an encoder against itself.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/smtp_listener.hpp"

namespace safeboard::mail::test {

inline std::vector<std::string> crlf_lines(std::string_view text) {
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find("\r\n", at);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(at, end - at));
        at = end + 2;
    }
    return lines;
}

inline std::string body_of(std::string_view message) {
    std::size_t end = message.find("\r\n\r\n");
    return end == std::string_view::npos ? std::string() : std::string(message.substr(end + 4));
}

// The value of header `name`, unfolded; nullopt when it is missing.
inline std::optional<std::string> header_of(std::string_view message, std::string_view name) {
    std::string_view head = message.substr(0, message.find("\r\n\r\n"));
    std::optional<std::string> value;
    for (const auto& line : crlf_lines(head)) {
        if (value && (line.starts_with(' ') || line.starts_with('\t'))) {
            *value += line;
            continue;
        }
        if (value) return value;
        if (line.starts_with(std::string(name) + ": ")) value = line.substr(name.size() + 2);
    }
    return value;
}

inline int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// RFC 2045 quoted-printable: soft breaks removed, =XX read, CRLF kept.
inline std::string decode_quoted_printable(std::string_view body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '=') {
            out += body[i];
        } else if (body.substr(i + 1, 2) == "\r\n") {
            i += 2;
        } else if (i + 2 < body.size() && hex_value(body[i + 1]) >= 0 && hex_value(body[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(body[i + 1]) * 16 + hex_value(body[i + 2]));
            i += 2;
        } else {
            return "(not quoted-printable)";
        }
    }
    return out;
}

// RFC 2047: "=?UTF-8?B?...?=" words decoded, the space between two of them dropped.
inline std::string decode_encoded_words(std::string_view value) {
    std::string out;
    bool after_word = false;
    std::size_t at = 0;
    while (at <= value.size()) {
        std::size_t end = std::min(value.find(' ', at), value.size());
        std::string_view token = value.substr(at, end - at);
        bool word = token.starts_with("=?UTF-8?B?") && token.ends_with("?=");
        if (!out.empty() && !(word && after_word)) out += ' ';
        out += word ? testing::decode_base64(token.substr(10, token.size() - 12)) : std::string(token);
        after_word = word;
        at = end + 1;
    }
    return out;
}

}  // namespace safeboard::mail::test
