#pragma once
// Reading a password as Unicode text, for the rules that count or compare
// characters. (Hashing takes the bytes as they are.)
#include <optional>
#include <string>
#include <string_view>

namespace safeboard::credentials {

// The code points of well-formed UTF-8; nullopt for anything else
// (overlong forms, surrogates, beyond U+10FFFF, cut-off sequences).
std::optional<std::u32string> decode_utf8(std::string_view bytes);

// Unicode's control characters (category Cc): C0, DEL and C1.
bool is_control(char32_t c);

// ASCII letters lowered; every other code point unchanged.
char32_t ascii_lower(char32_t c);

bool is_ascii_letter(char32_t c);

}  // namespace safeboard::credentials
