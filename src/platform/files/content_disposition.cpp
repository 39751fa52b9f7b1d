#include "platform/files/content_disposition.hpp"

#include "platform/core/text.hpp"

namespace safeboard::files {

namespace {

// U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069 reorder what is
// shown: "report\u202Efdp.exe" reads as "reportexe.pdf".
bool is_direction_control(std::string_view c) {
    if (c.size() != 3 || c[0] != '\xE2') return false;
    auto last = static_cast<unsigned char>(c[2]);
    if (c[1] == '\x80') return (last >= 0x8E && last <= 0x8F) || (last >= 0xAA && last <= 0xAE);
    return c[1] == '\x81' && last >= 0xA6 && last <= 0xA9;
}

// One character (a whole UTF-8 sequence) as it may appear in a file name.
std::string_view cleaned(std::string_view character) {
    if (character == "\"" || is_direction_control(character)) return {};
    if (character == "/" || character == "\\") return "-";
    if (has_control_characters(character)) return {};
    return character;
}

std::string_view trimmed(std::string_view name) {
    auto edge = [](char c) { return c == '.' || c == ' '; };
    while (!name.empty() && edge(name.front())) name.remove_prefix(1);
    while (!name.empty() && edge(name.back())) name.remove_suffix(1);
    return name;
}

std::string safe_name(std::string_view filename) {
    std::string text = replace_invalid_utf8(filename);
    std::string name;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = utf8_sequence_length(text, at);
        name += cleaned(std::string_view(text).substr(at, length));
        at += length;
    }
    std::string result(trimmed(name));
    return result.empty() ? "download" : result;
}

std::string ascii_fallback(std::string_view name) {
    std::string out;
    for (std::size_t at = 0; at < name.size();) {
        std::size_t length = utf8_sequence_length(name, at);
        out += length == 1 && name[at] != '%' ? name[at] : '_';
        at += length;
    }
    return out;
}

// RFC 8187 attr-char: letters, digits and !#$&+-.^_`|~ stand for themselves.
bool is_attr_char(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string percent_encoded(std::string_view name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : name) {
        if (is_attr_char(c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::string content_disposition(std::string_view filename) {
    std::string name = safe_name(filename);
    return "attachment; filename=\"" + ascii_fallback(name) + "\"; filename*=UTF-8''" + percent_encoded(name);
}

}  // namespace safeboard::files
