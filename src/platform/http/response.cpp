#include "platform/http/response.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json/serialize.hpp>

namespace safeboard::http {

namespace {
bool iequals(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}
}  // namespace

std::string_view Response::find_header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (iequals(key, name)) return value;
    }
    return {};
}

Response Response::text(std::string body, unsigned status) {
    return Response{status, {}, "text/plain; charset=utf-8", std::move(body)};
}

Response Response::html(std::string body, unsigned status) {
    return Response{status, {}, "text/html; charset=utf-8", std::move(body)};
}

Response Response::json(const boost::json::value& value, unsigned status) {
    return Response{status, {}, "application/json", boost::json::serialize(value)};
}

Response Response::redirect(std::string location, unsigned status) {
    Response response{status, {}, "text/plain; charset=utf-8", {}};
    response.header("Location", std::move(location));
    return response;
}

}  // namespace safeboard::http
