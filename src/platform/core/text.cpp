#include "platform/core/text.hpp"

#include <cstdint>

namespace safeboard {

std::optional<std::size_t> utf8_length(std::string_view text) {
    static constexpr std::uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t code = lead;
        if (lead >= 0x80) {
            if ((lead & 0xE0) == 0xC0) extra = 1, code = lead & 0x1F;
            else if ((lead & 0xF0) == 0xE0) extra = 2, code = lead & 0x0F;
            else if ((lead & 0xF8) == 0xF0) extra = 3, code = lead & 0x07;
            else return std::nullopt;
        }
        if (i + extra >= text.size() && extra > 0) return std::nullopt;
        for (std::size_t k = 1; k <= extra; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return std::nullopt;
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if (code < smallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
        i += extra + 1;
        ++count;
    }
    return count;
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
