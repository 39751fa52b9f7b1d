#include "platform/web/assets.hpp"

#include <array>
#include <stdexcept>
#include <utility>

#include <sodium.h>

#include "platform/http/problem.hpp"

namespace safeboard::web {

namespace {

// Ten hex digits (40 bits) tell releases of one file apart with room to spare;
// the hash only has to change when the content does.
constexpr std::size_t hash_digits = 10;

const std::string immutable_cache = "public, max-age=31536000, immutable";
const std::string revalidate_cache = "no-cache";

std::string content_hash(std::string_view content) {
    std::array<unsigned char, crypto_generichash_BYTES_MIN> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                       nullptr, 0);
    std::array<char, crypto_generichash_BYTES_MIN * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), hash_digits);
}

std::string_view extension_of(std::string_view path) {
    auto slash = path.rfind('/');
    auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return name.substr(dot + 1);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// If-None-Match is a list of entity tags, or "*"; it uses weak comparison,
// so W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    while (!if_none_match.empty()) {
        auto comma = if_none_match.find(',');
        auto candidate = trim(if_none_match.substr(0, comma));
        if (candidate.starts_with("W/")) candidate.remove_prefix(2);
        if (candidate == "*" || candidate == etag) return true;
        if (comma == std::string_view::npos) break;
        if_none_match.remove_prefix(comma + 1);
    }
    return false;
}

}  // namespace

std::string content_type_for(std::string_view path) {
    auto ext = extension_of(path);
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "woff2") return "font/woff2";
    if (ext == "woff") return "font/woff";
    if (ext == "png") return "image/png";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "ico") return "image/x-icon";
    if (ext == "json" || ext == "map") return "application/json";
    if (ext == "webmanifest") return "application/manifest+json";
    if (ext == "txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

std::string hashed_path(std::string_view path, std::string_view hash) {
    auto ext = extension_of(path);
    if (ext.empty()) return std::string(path) + "." + std::string(hash);
    auto stem = path.substr(0, path.size() - ext.size() - 1);
    return std::string(stem) + "." + std::string(hash) + "." + std::string(ext);
}

Assets::Assets(std::span<const embed::File> files) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    for (const auto& file : files) {
        Entry entry{file.content, content_hash(file.content), {}, content_type_for(file.path)};
        entry.hashed_path = hashed_path(file.path, entry.hash);
        plain_path_by_hashed_path_.emplace(entry.hashed_path, std::string(file.path));
        by_path_.emplace(std::string(file.path), std::move(entry));
    }
}

const Assets::Entry* Assets::find(std::string_view path) const {
    auto it = by_path_.find(path);
    return it == by_path_.end() ? nullptr : &it->second;
}

std::string Assets::url(std::string_view path) const {
    return "/assets/" + find_or_throw(path).hashed_path;
}

const std::string& Assets::hash(std::string_view path) const {
    return find_or_throw(path).hash;
}

const Assets::Entry& Assets::find_or_throw(std::string_view path) const {
    const Entry* entry = find(path);
    if (!entry) throw std::out_of_range("no embedded asset named " + std::string(path));
    return *entry;
}

std::optional<http::Response> Assets::serve(std::string_view path,
                                            std::optional<std::string_view> if_none_match) const {
    if (auto hashed = plain_path_by_hashed_path_.find(path);
        hashed != plain_path_by_hashed_path_.end()) {
        return respond(*find(hashed->second), true, if_none_match);
    }
    if (const Entry* entry = find(path)) return respond(*entry, false, if_none_match);
    return std::nullopt;
}

http::Response Assets::serve(const http::Request& request) const {
    auto path = request.path_params.find("path");
    auto if_none_match = request.header("if-none-match");
    std::optional<http::Response> response;
    if (path != request.path_params.end()) {
        response = serve(path->second, if_none_match ? std::optional<std::string_view>(*if_none_match)
                                                     : std::nullopt);
    }
    if (response) return std::move(*response);
    return http::problem(404, "There is no asset at " + request.path, request);
}

http::Response Assets::respond(const Entry& entry, bool immutable,
                               std::optional<std::string_view> if_none_match) const {
    std::string etag = "\"" + entry.hash + "\"";
    http::Response response;
    response.content_type = entry.content_type;
    response.header("Cache-Control", immutable ? immutable_cache : revalidate_cache);
    response.header("ETag", etag);
    response.header("X-Content-Type-Options", "nosniff");
    if (if_none_match && etag_matches(*if_none_match, etag)) {
        response.status = 304;
        return response;
    }
    response.body.assign(entry.content);
    return response;
}

}  // namespace safeboard::web
