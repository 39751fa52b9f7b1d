#pragma once
// RFC 4648 base32 (A-Z, 2-7), the form authenticator apps take TOTP secrets in.
#include <optional>
#include <string>
#include <string_view>

namespace safeboard::credentials {

// Upper case, without '=' padding.
std::string base32(std::string_view bytes);

// Accepts lower case, spaces and trailing '=' padding, as people copy
// secrets; nullopt for any other character or an impossible length.
std::optional<std::string> from_base32(std::string_view text);

}  // namespace safeboard::credentials
