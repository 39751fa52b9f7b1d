#pragma once
// Reading a password as Unicode text, for the rules that count or compare
// characters. (Hashing takes the bytes as they are; decoding is
// platform/core/text.hpp's decode_utf8.)
#include <optional>
#include <string>
#include <string_view>

namespace safeboard::credentials {

// Unicode's control characters (category Cc): C0, DEL and C1.
bool is_control(char32_t c);

// ASCII letters lowered; every other code point unchanged.
char32_t ascii_lower(char32_t c);

bool is_ascii_letter(char32_t c);

}  // namespace safeboard::credentials
