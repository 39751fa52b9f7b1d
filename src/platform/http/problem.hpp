#pragma once
// The one place where errors become HTTP: RFC 9457 problem+json for the API.
// Browser-facing pages render their own GOV.UK error pages (platform/web).
#include <string>
#include <vector>

#include "platform/core/error.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace safeboard::http {

unsigned status_for(ErrorKind kind);
const char* reason_phrase(unsigned status);

// {"type", "title", "status", "detail", "instance", "request_id", "errors"?}
Response problem(unsigned status, std::string detail, const Request& request,
                 const std::vector<FieldError>& errors = {});
Response problem(const Error& error, const Request& request);

// Turns a Result into a response: the value through `ok`, an error as a problem.
template <typename T, typename F>
Response respond(const Result<T>& result, const Request& request, F&& ok) {
    if (!result) return problem(result.error(), request);
    return ok(*result);
}

}  // namespace safeboard::http
