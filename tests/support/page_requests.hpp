#pragma once
// Requests to page routes without a socket, for tests of a module's pages:
// fields encoded as a browser posts them, and a request matched, checked
// against its route's access as the AuthGate does, and handled.
#include <string>
#include <utility>
#include <vector>

#include "platform/access/principal.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/router.hpp"

namespace safeboard::testing {

using Form = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded, every byte of names and values but letters and digits escaped.
std::string form_encoded(const Form& fields);

// 404 when no route matches, 403 when the route's access refuses the
// principal; otherwise the handler's answer.
http::Response dispatch(const http::Router& router, db::Pool& pool, http::Method method, const std::string& target,
                        const access::Principal& principal, std::string body = {},
                        std::string content_type = "application/x-www-form-urlencoded");

}  // namespace safeboard::testing
