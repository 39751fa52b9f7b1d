#pragma once
// Password storage (OWASP ASVS 5.0 L2): argon2id through libsodium, kept as
// a PHC string, e.g. "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>", which
// carries its own salt and parameters. Passwords are bytes: nothing is
// trimmed, normalised or truncated.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace safeboard::credentials {

// OWASP's argon2id minimum: 19 MiB of memory and 2 passes, one lane.
struct HashParameters {
    std::uint64_t ops = 2;
    std::size_t memory_bytes = 19 * 1024 * 1024;
    bool operator==(const HashParameters&) const = default;
};

// Throws std::invalid_argument for parameters below libsodium's minimum
// (1 pass, 8 KiB) and std::runtime_error if the memory cannot be had.
std::string hash_password(std::string_view password, const HashParameters& parameters = {});

// Constant-time; false for a wrong password and for a malformed hash.
bool verify_password(std::string_view phc, std::string_view password);

// True when the hash is weaker than `parameters` (fewer passes or less
// memory), is not argon2id, or cannot be read: the caller then stores a new
// hash of the password it has just verified. A hash stronger than the
// parameters is kept.
bool needs_rehash(std::string_view phc, const HashParameters& parameters = {});

// A hash of a random password with `parameters`, computed once per set of
// parameters. Verifying against it when the email is unknown spends the same
// time as for a real account, so timing does not tell which emails exist.
const std::string& dummy_hash(const HashParameters& parameters = {});

}  // namespace safeboard::credentials
