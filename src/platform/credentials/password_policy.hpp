#pragma once
// The rules for choosing a password (OWASP ASVS 5.0 L2, NCSC): long enough,
// not common, not guessable from who the person is. No composition rules
// and no expiry; spaces and any Unicode text are welcome.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::credentials {

inline constexpr std::size_t kPasswordMinimumLength = 12;   // code points
inline constexpr std::size_t kPasswordMaximumLength = 128;  // code points

// Who is choosing the password, for the words it must not contain.
struct PolicyContext {
    std::string email;
    std::string name;
};

// Every reason the password cannot be used, each a sentence for the GOV.UK
// error summary ("Password must be 12 characters or more"); empty when it
// is acceptable. Checks against cracklib's dictionary; throws
// std::runtime_error when that dictionary is missing.
std::vector<std::string> password_problems(std::string_view password, const PolicyContext& context);

// The same against the cracklib dictionary at `dictionary` (the path
// without .pwd/.pwi).
std::vector<std::string> password_problems(std::string_view password, const PolicyContext& context,
                                           const std::string& dictionary);

}  // namespace safeboard::credentials
