#include "modules/reviews/vault.hpp"

#include <sodium.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include "platform/credentials/sodium.hpp"

namespace safeboard::reviews {

namespace {

constexpr std::string_view kPrefix = "v1:";
constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

std::unexpected<Error> key_problem(const std::filesystem::path& file, const std::string& why) {
    return fail(ErrorKind::validation, "The sensitive data key file " + file.string() + " " + why);
}

// Anyone but the owner able to read or change the key defeats it.
Status check_permissions(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return key_problem(file, "cannot be found or read");
    if (!S_ISREG(info.st_mode)) return key_problem(file, "is not a regular file");
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return key_problem(file, "is open to group or others: allow its owner only (chmod 600)");
    }
    return {};
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view text) {
    std::vector<unsigned char> bytes(text.size() / 2);
    std::size_t length = 0;
    if (sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, nullptr) != 0 ||
        length != bytes.size()) {
        return std::nullopt;
    }
    return bytes;
}

// 32 bytes as they are, or 64 hex characters and perhaps a line end.
std::optional<std::vector<unsigned char>> key_bytes(std::string content) {
    if (content.size() == Vault::kKeyBytes) return std::vector<unsigned char>(content.begin(), content.end());
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.pop_back();
    if (content.size() != 2 * Vault::kKeyBytes) return std::nullopt;
    return from_hex(content);
}

}  // namespace

Result<Vault> Vault::open(const std::filesystem::path& key_file) {
    if (auto allowed = check_permissions(key_file); !allowed) return std::unexpected(allowed.error());
    std::ifstream in(key_file, std::ios::binary);
    if (!in) return key_problem(key_file, "cannot be read");
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto bytes = key_bytes(std::move(content));
    if (!bytes) return key_problem(key_file, "does not hold a key: write exactly 32 bytes, or 64 hex characters");
    std::array<unsigned char, kKeyBytes> key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    sodium_memzero(bytes->data(), bytes->size());
    auto vault = with_key(key);
    sodium_memzero(key.data(), key.size());
    return vault;
}

Status Vault::create_key_file(const std::filesystem::path& key_file) {
    credentials::ensure_sodium();
    std::error_code ec;
    if (std::filesystem::exists(key_file, ec)) return key_problem(key_file, "already exists: it is never overwritten");
    if (key_file.has_parent_path()) std::filesystem::create_directories(key_file.parent_path(), ec);
    int fd = ::open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
    if (fd < 0) return key_problem(key_file, "cannot be created");
    std::array<unsigned char, kKeyBytes> key{};
    randombytes_buf(key.data(), key.size());
    std::array<char, 2 * kKeyBytes + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
    sodium_memzero(key.data(), key.size());
    std::string line(hex.data(), 2 * kKeyBytes);
    line += '\n';
    sodium_memzero(hex.data(), hex.size());
    bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    sodium_memzero(line.data(), line.size());
    bool closed = ::close(fd) == 0;
    if (!written || !closed) return key_problem(key_file, "could not be written");
    return {};
}

Vault Vault::with_key(const std::array<unsigned char, kKeyBytes>& key) {
    credentials::ensure_sodium();
    Vault vault;
    vault.key_ = key;
    return vault;
}

Vault::Vault(Vault&& other) noexcept : key_(other.key_) { sodium_memzero(other.key_.data(), other.key_.size()); }

Vault& Vault::operator=(Vault&& other) noexcept {
    key_ = other.key_;
    sodium_memzero(other.key_.data(), other.key_.size());
    return *this;
}

Vault::~Vault() { sodium_memzero(key_.data(), key_.size()); }

std::string Vault::encrypt(std::string_view plain) const {
    std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
    unsigned char* nonce = box.data();
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                          plain.size(), nonce, key_.data());
    std::string encoded(sodium_base64_ENCODED_LEN(box.size(), kBase64), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), box.data(), box.size(), kBase64);
    encoded.pop_back();  // the terminating NUL
    return std::string(kPrefix) + encoded;
}

Result<std::string> Vault::decrypt(std::string_view stored) const {
    auto refused = fail(ErrorKind::validation, "A sensitive value could not be decrypted: altered, or another key");
    if (!stored.starts_with(kPrefix)) return refused;
    stored.remove_prefix(kPrefix.size());
    std::vector<unsigned char> box(stored.size());
    std::size_t length = 0;
    if (sodium_base642bin(box.data(), box.size(), stored.data(), stored.size(), nullptr, &length, nullptr, kBase64) !=
            0 ||
        length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        return refused;
    }
    const unsigned char* nonce = box.data();
    const unsigned char* sealed = nonce + crypto_secretbox_NONCEBYTES;
    auto sealed_length = length - crypto_secretbox_NONCEBYTES;
    std::string plain(sealed_length - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), sealed, sealed_length, nonce,
                                   key_.data()) != 0) {
        return refused;
    }
    return plain;
}

}  // namespace safeboard::reviews
