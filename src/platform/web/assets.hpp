#pragma once
// Static files served under /assets/ from a table compiled into the binary.
//
// Each file is reachable two ways:
//  - by a content-hashed name, "/assets/fonts/bold.1a2b3c4d5e.woff2", which
//    never changes meaning and so is cached for a year; pages link these
//    (url() below), so a new release is picked up at once;
//  - by its plain name, "/assets/fonts/bold.woff2", revalidated on every use
//    with the hash as ETag; GOV.UK Frontend's CSS and JavaScript refer to
//    their fonts, images and sibling modules this way.
// The table is the only source of files: nothing is read from disk.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "platform/embed/embedded.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace safeboard::web {

class Assets {
public:
    // Hashes every file once; paths are relative to /assets/.
    explicit Assets(std::span<const embed::File> files);

    // "/assets/<dir/>name.<hash>.<ext>" for a path such as "images/favicon.svg".
    // Throws std::out_of_range for a path the table does not hold.
    std::string url(std::string_view path) const;

    // The hash that names a file's content, also its ETag. Throws std::out_of_range.
    const std::string& hash(std::string_view path) const;

    // The answer for `path` (what follows /assets/), given the request's
    // If-None-Match header if any; nothing when no asset has that path.
    std::optional<http::Response> serve(std::string_view path,
                                        std::optional<std::string_view> if_none_match) const;
    // Answers GET /assets/{path*}; an unknown path is a 404 problem, which the
    // server shows a browser as the "Page not found" page.
    http::Response serve(const http::Request& request) const;

private:
    struct Entry {
        std::string_view content;
        std::string hash;
        std::string hashed_path;
        std::string content_type;
    };

    http::Response respond(const Entry& entry, bool immutable,
                           std::optional<std::string_view> if_none_match) const;

    const Entry* find(std::string_view path) const;
    const Entry& find_or_throw(std::string_view path) const;

    std::map<std::string, Entry, std::less<>> by_path_;
    std::map<std::string, std::string, std::less<>> plain_path_by_hashed_path_;
};

// The Content-Type for a file name, chosen by its extension.
std::string content_type_for(std::string_view path);

// "dir/name.min.css" with hash "abc" -> "dir/name.min.abc.css".
std::string hashed_path(std::string_view path, std::string_view hash);

}  // namespace safeboard::web
