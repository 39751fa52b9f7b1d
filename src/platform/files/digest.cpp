#include "platform/files/digest.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace safeboard::files {

std::string sha256_hex(std::string_view bytes) {
    // libsodium asks to be initialised before use; once is enough.
    static const int ready = sodium_init();
    if (ready < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();  // the terminating NUL
    return hex;
}

bool is_sha256_hex(std::string_view text) {
    auto lower_hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    return text.size() == crypto_hash_sha256_BYTES * 2 && std::ranges::all_of(text, lower_hex);
}

}  // namespace safeboard::files
