#pragma once
// Time-based one-time passwords (RFC 6238) as every authenticator app
// expects them: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/credentials/base32.hpp"

namespace safeboard::credentials {

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpStepSeconds = 30;

struct TotpSecret {
    std::string bytes;  // 20 random bytes: the HMAC-SHA-1 block RFC 4226 recommends
};

TotpSecret new_totp_secret();

// The step a moment falls in: unix_seconds / 30, rounded down.
std::int64_t totp_step(std::int64_t unix_seconds);

// The code for the step `unix_seconds` falls in, e.g. "012345".
std::string totp_code(const TotpSecret& secret, std::int64_t unix_seconds);

// The step the code belongs to, if it matches one within `window` steps of
// now (either side, for clock drift) and that step is later than
// `last_used_step`, so each code works once; otherwise nullopt. The code
// must be exactly 6 digits once spaces are taken out.
std::optional<std::int64_t> verify_totp(const TotpSecret& secret, std::string_view code, std::int64_t unix_seconds,
                                        std::optional<std::int64_t> last_used_step, int window = 1);

// The key URI (Google Authenticator format) shown as a QR code at
// enrolment: otpauth://totp/<issuer>:<email>?secret=...&issuer=...
std::string otpauth_uri(const TotpSecret& secret, std::string_view account_email,
                        std::string_view issuer = "Safeboard");

}  // namespace safeboard::credentials
