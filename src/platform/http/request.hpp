#pragma once
// The platform's request type. Modules see this, never Beast's.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace safeboard::http {

enum class Method { get, head, post, put, patch, delete_, options };

const char* to_string(Method method);
std::optional<Method> parse_method(std::string_view text);

struct Request {
    Method method = Method::get;
    std::string path;    // decoded path, without the query
    std::string target;  // as sent: path and query
    std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
    std::map<std::string, std::string, std::less<>> path_params;
    std::string body;
    std::string request_id;
    std::string remote_address;

    // The first value of a query parameter, if present.
    std::optional<std::string> query_param(std::string_view name) const;
    std::optional<std::string> header(std::string_view lower_case_name) const;
    const std::string& path_param(std::string_view name) const;  // throws if the route has none
};

}  // namespace safeboard::http
