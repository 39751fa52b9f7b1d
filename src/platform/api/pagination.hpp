#pragma once
// The list convention of /api/v1: `?limit=` (default 50, at most 1000) and
// `?cursor=` in, {"items": [...], "next": "<cursor>" | null} out. A cursor is
// opaque to clients: base64url of the last key seen, read back only by the
// list that issued it (keyset pagination: WHERE key > $after ORDER BY key).
#include <optional>
#include <string>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "platform/core/error.hpp"
#include "platform/http/request.hpp"

namespace safeboard::api {

inline constexpr int default_limit = 50;
inline constexpr int max_limit = 1000;

struct PageRequest {
    int limit = default_limit;
    std::optional<std::string> after;  // the key the previous page ended on
};

// Validates limit and cursor together, reporting both at once.
Result<PageRequest> page_request(const http::Request& request);

std::string encode_cursor(std::string_view key);
std::optional<std::string> decode_cursor(std::string_view cursor);

// The envelope. `keys` holds the key of each row fetched: a store fetches
// limit + 1 rows, so one more than asked means there is a next page.
boost::json::value list_body(boost::json::array items, const PageRequest& page,
                             const std::optional<std::string>& last_key_if_more);

}  // namespace safeboard::api
