#include "platform/http/request.hpp"

#include <stdexcept>

namespace safeboard::http {

const char* to_string(Method method) {
    switch (method) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::delete_: return "DELETE";
    case Method::options: return "OPTIONS";
    }
    return "GET";
}

std::optional<Method> parse_method(std::string_view text) {
    for (Method m : {Method::get, Method::head, Method::post, Method::put, Method::patch,
                     Method::delete_, Method::options}) {
        if (text == to_string(m)) return m;
    }
    return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name) return value;
    }
    return std::nullopt;
}

std::optional<std::string> Request::header(std::string_view lower_case_name) const {
    for (const auto& [key, value] : headers) {
        if (key == lower_case_name) return value;
    }
    return std::nullopt;
}

const std::string& Request::path_param(std::string_view name) const {
    auto it = path_params.find(name);
    if (it == path_params.end()) {
        throw std::logic_error("route has no path parameter " + std::string(name));
    }
    return it->second;
}

}  // namespace safeboard::http
