#pragma once
// Sensitive details encrypted at rest: libsodium's secretbox
// (XSalsa20-Poly1305) with a 32-byte key read from a file named in the
// configuration. The key never goes into the database, so a copy of the
// database alone reveals no sensitive detail.
//
// The key file holds exactly 32 bytes, or 64 hexadecimal characters (with
// an optional line end, as `openssl rand -hex 32 > file` writes), and must
// not be readable or writable by group or others.
//
// Each value gets a fresh random nonce; a stored value is
// "v1:" + base64(nonce || ciphertext with its tag), text any column holds.
// Decrypting checks the tag, so a value altered, cut or made with another
// key is refused.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/core/error.hpp"

namespace safeboard::reviews {

class Vault {
public:
    static constexpr std::size_t kKeyBytes = 32;

    // Reads the key file; errors (ErrorKind::validation) say what is wrong:
    // missing, lax permissions, or not a key.
    static Result<Vault> open(const std::filesystem::path& key_file);
    // Writes a new random key (64 hex characters) to `key_file`, readable and
    // writable by its owner only; refuses to overwrite a file already there,
    // since the details sealed with its key could never be read again.
    static Status create_key_file(const std::filesystem::path& key_file);
    // A vault over a key already in memory (tests, and key rotation later).
    static Vault with_key(const std::array<unsigned char, kKeyBytes>& key);

    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;
    Vault(Vault&& other) noexcept;
    Vault& operator=(Vault&& other) noexcept;
    // Wipes the key from memory.
    ~Vault();

    std::string encrypt(std::string_view plain) const;
    // ErrorKind::validation when the value is not one of ours, was altered or
    // was made with another key.
    Result<std::string> decrypt(std::string_view stored) const;

private:
    Vault() = default;
    std::array<unsigned char, kKeyBytes> key_{};
};

}  // namespace safeboard::reviews
