#include "platform/credentials/secrets.hpp"

#include <sodium.h>

#include <algorithm>
#include <utility>

#include "platform/credentials/base32.hpp"
#include "platform/credentials/sodium.hpp"

namespace safeboard::credentials {
namespace {

constexpr std::size_t kRecoveryCodeBytes = 15;  // 120 bits, 24 base32 digits
constexpr std::size_t kRecoveryGroup = 4;

const unsigned char* data_of(std::string_view bytes) {
    return reinterpret_cast<const unsigned char*>(bytes.data());
}

std::string lower(std::string text) {
    std::ranges::transform(text, text.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return text;
}

std::string grouped(std::string_view digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); i += kRecoveryGroup) {
        if (i > 0) out += '-';
        out += digits.substr(i, kRecoveryGroup);
    }
    return out;
}

}  // namespace

std::string random_bytes(std::size_t n) {
    ensure_sodium();
    std::string out(n, '\0');
    randombytes_buf(out.data(), out.size());
    return out;
}

std::string base64url(std::string_view bytes) {
    ensure_sodium();
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), data_of(bytes), bytes.size(), variant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string new_token(std::string_view prefix, std::size_t bytes) {
    return std::string(prefix) + base64url(random_bytes(bytes));
}

std::string token_hash(std::string_view token) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, data_of(token), token.size());
    std::string hex(sizeof digest * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
    hex.resize(hex.size() - 1);
    return hex;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
    ensure_sodium();
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::vector<std::string> new_recovery_codes(std::size_t count) {
    std::vector<std::string> codes;
    codes.reserve(count);
    for (std::size_t i = 0; i < count; ++i) codes.push_back(grouped(lower(base32(random_bytes(kRecoveryCodeBytes)))));
    return codes;
}

std::string normalise_recovery_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c != ' ' && c != '-') out += c;
    }
    return lower(std::move(out));
}

}  // namespace safeboard::credentials
