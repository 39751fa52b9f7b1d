#include "platform/credentials/totp.hpp"

#include <liboath/oath.h>

#include <array>
#include <stdexcept>

#include "platform/credentials/secrets.hpp"

namespace safeboard::credentials {
namespace {

constexpr std::size_t kSecretBytes = 20;

void ensure_oath() {
    static const int status = oath_init();
    if (status != OATH_OK) throw std::runtime_error(std::string("liboath: ") + oath_strerror(status));
}

// A TOTP code is the HOTP code (RFC 4226) of the step number.
std::string code_for_step(const TotpSecret& secret, std::int64_t step) {
    ensure_oath();
    std::array<char, kTotpDigits + 1> out{};
    auto status = oath_hotp_generate(secret.bytes.data(), secret.bytes.size(), static_cast<std::uint64_t>(step),
                                     kTotpDigits, false, OATH_HOTP_DYNAMIC_TRUNCATION, out.data());
    if (status != OATH_OK) throw std::runtime_error(std::string("liboath: ") + oath_strerror(status));
    return out.data();
}

std::optional<std::string> six_digits(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') return std::nullopt;
        code += c;
    }
    if (code.size() != kTotpDigits) return std::nullopt;
    return code;
}

bool is_unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

// RFC 3986: everything but unreserved characters (and '@', which a path
// may hold, so the email reads naturally in apps that show the raw label).
std::string percent_encoded(std::string_view text, bool keep_at) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        if (is_unreserved(c) || (keep_at && c == '@')) {
            out += c;
        } else {
            auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
    }
    return out;
}

}  // namespace

TotpSecret new_totp_secret() { return TotpSecret{random_bytes(kSecretBytes)}; }

std::int64_t totp_step(std::int64_t unix_seconds) {
    auto step = unix_seconds / kTotpStepSeconds;
    return unix_seconds % kTotpStepSeconds < 0 ? step - 1 : step;
}

std::string totp_code(const TotpSecret& secret, std::int64_t unix_seconds) {
    auto step = totp_step(unix_seconds);
    if (step < 0) throw std::invalid_argument("TOTP is not defined before 1970");
    return code_for_step(secret, step);
}

std::optional<std::int64_t> verify_totp(const TotpSecret& secret, std::string_view code, std::int64_t unix_seconds,
                                        std::optional<std::int64_t> last_used_step, int window) {
    auto typed = six_digits(code);
    if (!typed || window < 0) return std::nullopt;
    auto now = totp_step(unix_seconds);
    for (auto step = now - window; step <= now + window; ++step) {
        if (step < 0 || (last_used_step && step <= *last_used_step)) continue;
        if (equal_constant_time(code_for_step(secret, step), *typed)) return step;
    }
    return std::nullopt;
}

std::string otpauth_uri(const TotpSecret& secret, std::string_view account_email, std::string_view issuer) {
    return "otpauth://totp/" + percent_encoded(issuer, false) + ":" + percent_encoded(account_email, true) +
           "?secret=" + base32(secret.bytes) + "&issuer=" + percent_encoded(issuer, false) +
           "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace safeboard::credentials
