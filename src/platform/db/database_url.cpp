#include "platform/db/database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace safeboard::db {
namespace {

constexpr const char* kUsage = "must be sqlite:PATH or postgresql://...";

std::unexpected<Error> reject(std::string message) {
    return invalid({FieldError{"db", kUsage}}, std::move(message));
}

bool has_control(std::string_view text, bool allow_space) {
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f || (c == ' ' && !allow_space)) return true;
    }
    return false;
}

using Span = std::pair<std::size_t, std::size_t>;  // offset, length

// Where a URL carries a password: "scheme://user:PASSWORD@host" and a
// "password=" query parameter, the two places libpq accepts one.
std::vector<Span> password_spans(std::string_view url) {
    std::vector<Span> spans;
    auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return spans;
    auto begin = scheme_end + 3;
    auto end = std::min(url.find_first_of("/?#", begin), url.size());
    auto authority = url.substr(begin, end - begin);
    auto at = authority.rfind('@');
    auto colon = authority.find(':');
    if (at != std::string_view::npos && colon < at) spans.emplace_back(begin + colon + 1, at - colon - 1);
    for (auto pos = url.find('?', end); pos != std::string_view::npos; pos = url.find('&', pos + 1)) {
        if (url.substr(pos + 1).starts_with("password=")) {
            auto value = pos + 1 + 9;
            auto value_end = std::min(url.find_first_of("&#", value), url.size());
            spans.emplace_back(value, value_end - value);
        }
    }
    return spans;
}

std::string redact(std::string_view url) {
    std::string out(url);
    auto spans = password_spans(url);
    // From the back, so earlier offsets stay valid.
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) out.replace(it->first, it->second, "***");
    return out;
}

// libpq's parse errors may quote the URL; never let them leak a password.
std::string scrub(std::string message, std::string_view url) {
    for (auto [offset, length] : password_spans(url)) {
        if (length == 0) continue;
        auto secret = url.substr(offset, length);
        for (auto pos = message.find(secret); pos != std::string::npos; pos = message.find(secret, pos)) {
            message.replace(pos, secret.size(), "***");
        }
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

Result<DatabaseUrl> parse_sqlite(std::string_view url, std::string_view path) {
    if (path.starts_with("//")) {
        // "sqlite://x/y" would make x a host name; only the empty host is meaningful.
        if (!path.starts_with("///")) {
            return reject("database URL \"" + std::string(url) +
                          "\" is ambiguous: use sqlite:relative/path or sqlite:///absolute/path");
        }
        path.remove_prefix(2);
    }
    if (path.empty()) return reject("database URL \"" + std::string(url) + "\" has no file path");
    if (has_control(path, true)) return reject("database URL has control characters in its path");
    return DatabaseUrl{Backend::sqlite, std::string(path), std::string(url)};
}

Result<DatabaseUrl> parse_postgresql(std::string_view url) {
    auto redacted = redact(url);
    if (has_control(url, false)) {
        return reject("database URL \"" + redacted + "\" has spaces or control characters");
    }
    std::string target(url);
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(target.c_str(), &message);
    if (options == nullptr) {
        std::string reason = message ? scrub(message, url) : "out of memory";
        PQfreemem(message);
        return reject("database URL \"" + redacted + "\" is not valid: " + reason);
    }
    PQconninfoFree(options);
    return DatabaseUrl{Backend::postgresql, std::move(target), std::move(redacted)};
}

}  // namespace

Result<DatabaseUrl> parse_database_url(std::string_view url) {
    if (url.starts_with("sqlite:")) return parse_sqlite(url, url.substr(7));
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return parse_postgresql(url);
    if (url.empty()) return reject("no database URL given");
    return reject("unsupported database URL \"" + redact(url) + "\"");
}

}  // namespace safeboard::db
