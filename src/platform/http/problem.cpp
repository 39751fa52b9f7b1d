#include "platform/http/problem.hpp"

#include <boost/json.hpp>

namespace safeboard::http {

unsigned status_for(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::validation: return 422;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::unavailable: return 503;
    case ErrorKind::internal: return 500;
    }
    return 500;
}

const char* reason_phrase(unsigned status) {
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : "Error";
    }
}

Response problem(unsigned status, std::string detail, const Request& request,
                 const std::vector<FieldError>& errors) {
    boost::json::object body;
    body["type"] = status == 422 ? "urn:safeboard:problem:validation" : "about:blank";
    body["title"] = reason_phrase(status);
    body["status"] = status;
    body["detail"] = std::move(detail);
    body["instance"] = request.path;
    body["request_id"] = request.request_id;
    if (!errors.empty()) {
        boost::json::array list;
        for (const auto& e : errors) {
            list.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
        }
        body["errors"] = std::move(list);
    }
    Response response = Response::json(body, status);
    response.content_type = "application/problem+json";
    return response;
}

Response problem(const Error& error, const Request& request) {
    return problem(status_for(error.kind), error.message, request, error.fields);
}

}  // namespace safeboard::http
