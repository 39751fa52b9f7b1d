#pragma once
// The platform's response type, with the constructors every handler uses.
// Errors become RFC 9457 problem+json (API) or a GOV.UK error page (HTML) in
// one place: problem.hpp.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace safeboard::http {

struct Response {
    unsigned status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
    std::string content_type = "text/plain; charset=utf-8";
    std::string body;

    Response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    std::string_view find_header(std::string_view name) const;  // case-insensitive; "" if absent

    static Response text(std::string body, unsigned status = 200);
    static Response html(std::string body, unsigned status = 200);
    static Response json(const boost::json::value& value, unsigned status = 200);
    static Response redirect(std::string location, unsigned status = 303);
};

}  // namespace safeboard::http
