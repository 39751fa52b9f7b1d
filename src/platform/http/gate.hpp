#pragma once
// The door every request passes: the Gate finds who is asking (a session
// cookie or an API token), checks the route's Access and, for a request that
// changes something, that it came from our own forms (CSRF). The server calls
// it before every handler, on the thread the handler runs on; the auth layer
// implements it (platform/auth), so http stays free of users and sessions.
#include <optional>

#include "platform/http/context.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/http/router.hpp"

namespace safeboard::http {

class Gate {
public:
    virtual ~Gate() = default;
    // A response to refuse the request with, or nullopt to let it through
    // (with the principal set on `context` when the route needs one).
    virtual std::optional<Response> admit(const Route& route, const Request& request, Context& context) = 0;
};

// The headers every response carries: a Content-Security-Policy with no
// inline script or style, nosniff, no referrer, no powerful features, no
// framing; `Cache-Control: no-store` unless the response set its own
// caching (hashed assets do); HSTS when served over TLS.
void apply_security_headers(Response& response, bool tls);

// The policy itself, for tests and documentation.
extern const char* const content_security_policy;

}  // namespace safeboard::http
