#include "platform/credentials/base32.hpp"

#include <cstdint>

namespace safeboard::credentials {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::optional<unsigned> digit_value(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto position = kAlphabet.find(c);
    if (position == std::string_view::npos) return std::nullopt;
    return static_cast<unsigned>(position);
}

// Lengths mod 8 that a whole number of bytes can produce: 5 bytes make 8
// digits, and 1..4 leftover bytes make 2, 4, 5 or 7.
bool possible_length(std::size_t digits) {
    auto rest = digits % 8;
    return rest != 1 && rest != 3 && rest != 6;
}

}  // namespace

std::string base32(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += kAlphabet[(buffer >> bits) & 0x1f];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 0x1f];
    return out;
}

std::optional<std::string> from_base32(std::string_view text) {
    auto end = text.find_last_not_of("= ");
    text = end == std::string_view::npos ? std::string_view{} : text.substr(0, end + 1);
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t digits = 0;
    for (char c : text) {
        if (c == ' ') continue;
        auto value = digit_value(c);
        if (!value) return std::nullopt;
        ++digits;
        buffer = (buffer << 5) | *value;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    if (!possible_length(digits)) return std::nullopt;
    return out;
}

}  // namespace safeboard::credentials
