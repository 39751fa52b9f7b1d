#include "platform/credentials/password_text.hpp"

namespace safeboard::credentials {
namespace {

struct Lead {
    int continuation_bytes;
    char32_t bits;
    char32_t minimum;  // below this the sequence is an overlong form
};

std::optional<Lead> read_lead(unsigned char byte) {
    if (byte < 0x80) return Lead{0, byte, 0};
    if ((byte & 0xe0) == 0xc0) return Lead{1, char32_t(byte & 0x1f), 0x80};
    if ((byte & 0xf0) == 0xe0) return Lead{2, char32_t(byte & 0x0f), 0x800};
    if ((byte & 0xf8) == 0xf0) return Lead{3, char32_t(byte & 0x07), 0x10000};
    return std::nullopt;
}

}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view bytes) {
    std::u32string out;
    for (std::size_t i = 0; i < bytes.size();) {
        auto lead = read_lead(static_cast<unsigned char>(bytes[i++]));
        if (!lead) return std::nullopt;
        char32_t code = lead->bits;
        for (int n = 0; n < lead->continuation_bytes; ++n, ++i) {
            if (i >= bytes.size()) return std::nullopt;
            auto byte = static_cast<unsigned char>(bytes[i]);
            if ((byte & 0xc0) != 0x80) return std::nullopt;
            code = (code << 6) | (byte & 0x3f);
        }
        bool surrogate = code >= 0xd800 && code <= 0xdfff;
        if (code < lead->minimum || surrogate || code > 0x10ffff) return std::nullopt;
        out += code;
    }
    return out;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7f && c <= 0x9f); }

char32_t ascii_lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace safeboard::credentials
