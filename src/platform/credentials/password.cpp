#include "platform/credentials/password.hpp"

#include <sodium.h>

#include <charconv>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

#include "platform/credentials/secrets.hpp"
#include "platform/credentials/sodium.hpp"

namespace safeboard::credentials {
namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$v=19$";

void require_valid(const HashParameters& parameters) {
    if (parameters.ops < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
        parameters.memory_bytes < crypto_pwhash_argon2id_MEMLIMIT_MIN) {
        throw std::invalid_argument("argon2id needs at least 1 pass and 8 KiB of memory");
    }
}

struct StoredParameters {
    std::uint64_t memory_kib = 0;
    std::uint64_t ops = 0;
};

std::optional<std::uint64_t> read_number(std::string_view& text, std::string_view label) {
    if (!text.starts_with(label)) return std::nullopt;
    text.remove_prefix(label.size());
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{}) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return value;
}

// Reads "m=<kib>,t=<ops>,p=<lanes>$" after the argon2id version.
std::optional<StoredParameters> stored_parameters(std::string_view phc) {
    if (!phc.starts_with(kArgon2idPrefix)) return std::nullopt;
    phc.remove_prefix(kArgon2idPrefix.size());
    auto memory = read_number(phc, "m=");
    auto ops = memory ? read_number(phc, ",t=") : std::nullopt;
    auto lanes = ops ? read_number(phc, ",p=") : std::nullopt;
    if (!lanes || !phc.starts_with('$')) return std::nullopt;
    return StoredParameters{*memory, *ops};
}

// An empty string_view may hold a null pointer, which libsodium does not
// promise to accept even with a length of 0.
const char* bytes_of(std::string_view text) { return text.empty() ? "" : text.data(); }

}  // namespace

std::string hash_password(std::string_view password, const HashParameters& parameters) {
    ensure_sodium();
    require_valid(parameters);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, bytes_of(password), password.size(), parameters.ops, parameters.memory_bytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("not enough memory to hash a password");
    }
    return out;
}

bool verify_password(std::string_view phc, std::string_view password) {
    ensure_sodium();
    // libsodium reads the hash as a C string, so it needs its own
    // NUL-terminated copy; a longer one cannot be ours.
    if (phc.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string terminated(phc);
    return crypto_pwhash_str_verify(terminated.c_str(), bytes_of(password), password.size()) == 0;
}

bool needs_rehash(std::string_view phc, const HashParameters& parameters) {
    auto stored = stored_parameters(phc);
    if (!stored) return true;
    return stored->ops < parameters.ops || stored->memory_kib * 1024 < parameters.memory_bytes;
}

const std::string& dummy_hash(const HashParameters& parameters) {
    static std::mutex mutex;
    static std::map<std::pair<std::uint64_t, std::size_t>, std::string> hashes;
    std::lock_guard lock(mutex);
    auto key = std::pair{parameters.ops, parameters.memory_bytes};
    auto found = hashes.find(key);
    if (found == hashes.end()) found = hashes.emplace(key, hash_password(random_bytes(32), parameters)).first;
    return found->second;
}

}  // namespace safeboard::credentials
