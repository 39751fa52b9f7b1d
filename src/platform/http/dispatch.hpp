#pragma once
// From a parsed request to a response, without sockets: route matching,
// 404/405, the handler call and its failures. The session calls this; tests
// and benchmarks can too.
#include <string>

#include "platform/http/router.hpp"
#include "platform/http/server.hpp"

namespace safeboard::http {

// A new request id, or the caller's X-Request-Id when it is safe to echo.
std::string request_id_for(const std::optional<std::string>& incoming);

// Fills path, query from request.target; false when the target is not a valid origin-form URL.
bool parse_target(Request& request);

// The error response for a status the server raised itself: a GOV.UK page for
// browsers outside /api/, problem+json otherwise.
Response error_response(unsigned status, std::string detail, const Request& request,
                        const ErrorPage& error_page);

// A problem response from a handler, shown to a browser outside /api/ as the
// matching GOV.UK error page instead.
Response browser_friendly(Response response, const Request& request, const ErrorPage& error_page);

}  // namespace safeboard::http
