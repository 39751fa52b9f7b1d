#include "platform/audit/canonical.hpp"

#include <sodium.h>

#include <stdexcept>
#include <string_view>

namespace safeboard::audit {
namespace {

void item(std::string& out, std::string_view text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
}

void optional_item(std::string& out, const std::optional<std::string>& value) {
    item(out, value ? "1" : "0");
    item(out, value ? *value : std::string_view());
}

}  // namespace

std::string canonical_encoding(const StoredEntry& stored) {
    const Actor& actor = stored.actor;
    const Entry& entry = stored.entry;
    std::string out;
    item(out, kEncodingVersion);
    item(out, std::to_string(stored.seq));
    item(out, stored.at);
    item(out, actor.user_id ? std::to_string(*actor.user_id) : std::string());
    item(out, actor.label);
    item(out, actor.remote);
    item(out, actor.request_id);
    item(out, entry.action);
    item(out, entry.entity_type);
    item(out, entry.entity_id);
    item(out, std::to_string(entry.changes.size()));
    for (const auto& change : entry.changes) {
        item(out, change.field);
        optional_item(out, change.before);
        optional_item(out, change.after);
    }
    item(out, entry.detail);
    item(out, stored.prev_hash);
    return out;
}

std::string entry_hash(const StoredEntry& stored) {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
    std::string encoding = canonical_encoding(stored);
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(encoding.data()), encoding.size());
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

}  // namespace safeboard::audit
