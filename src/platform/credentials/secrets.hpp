#pragma once
// Random secrets and the form they are stored in. A token (session id, API
// token, set-up link) has 256 bits, so a plain SHA-256 of it is enough to
// store: nobody can guess one to test against the hash.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::credentials {

// From the operating system's CSPRNG (libsodium).
std::string random_bytes(std::size_t n);

// RFC 4648 base64url without padding: safe in URLs and cookies.
std::string base64url(std::string_view bytes);

// prefix + base64url(`bytes` random bytes). The prefix says what a token is
// for when one turns up in a log or a secret scanner ("sb_api_", ...).
std::string new_token(std::string_view prefix, std::size_t bytes = 32);

// Lower-case hex SHA-256: the stored form of tokens and recovery codes.
std::string token_hash(std::string_view token);

// Compares without stopping at the first difference; strings of different
// lengths are unequal at once (the length is not the secret).
bool equal_constant_time(std::string_view a, std::string_view b);

// One-time recovery codes: 120 random bits each, as 24 lower-case base32
// characters in six groups of four ("abcd-efgh-..."). Stored as
// token_hash(normalise_recovery_code(code)); at 120 bits a plain hash is
// enough (ASVS 5.0 6.5.2 asks for 112).
std::vector<std::string> new_recovery_codes(std::size_t count = 10);

// What to hash when someone types a code: spaces and dashes dropped, lower case.
std::string normalise_recovery_code(std::string_view typed);

}  // namespace safeboard::credentials
