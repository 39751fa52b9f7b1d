#include "platform/api/pagination.hpp"

#include <charconv>

#include <boost/json/object.hpp>

namespace safeboard::api {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int decode_char(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

}  // namespace

std::string encode_cursor(std::string_view key) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char c : key) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 0x3F];
    return out;
}

std::optional<std::string> decode_cursor(std::string_view cursor) {
    if (cursor.empty() || cursor.size() > 2048 || cursor.size() % 4 == 1) return std::nullopt;
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : cursor) {
        int value = decode_char(c);
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    // Leftover bits must be zero, so each key has exactly one cursor.
    if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

Result<PageRequest> page_request(const http::Request& request) {
    PageRequest page;
    std::vector<FieldError> errors;
    if (auto limit = request.query_param("limit")) {
        int value = 0;
        auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
        if (ec != std::errc{} || end != limit->data() + limit->size() || value < 1 || value > max_limit) {
            errors.push_back({"limit", "must be a whole number from 1 to " + std::to_string(max_limit)});
        } else {
            page.limit = value;
        }
    }
    if (auto cursor = request.query_param("cursor")) {
        page.after = decode_cursor(*cursor);
        if (!page.after) errors.push_back({"cursor", "is not a cursor this list issued"});
    }
    if (!errors.empty()) return invalid(std::move(errors), "The list parameters have errors");
    return page;
}

boost::json::value list_body(boost::json::array items, const PageRequest&,
                             const std::optional<std::string>& last_key_if_more) {
    boost::json::object body;
    body["items"] = std::move(items);
    if (last_key_if_more) body["next"] = encode_cursor(*last_key_if_more);
    else body["next"] = nullptr;
    return body;
}

}  // namespace safeboard::api
