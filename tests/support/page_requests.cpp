#include "support/page_requests.hpp"

#include <cctype>
#include <cstdio>

#include <gtest/gtest.h>

#include "platform/http/context.hpp"
#include "platform/http/dispatch.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::testing {

namespace {

// Every byte but letters and digits as %XX, as a browser escapes a name or a value.
std::string escaped(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", c);
        out += std::isalnum(c) ? std::string(1, static_cast<char>(c)) : std::string(buffer);
    }
    return out;
}

}  // namespace

std::string form_encoded(const Form& fields) {
    std::string body;
    for (const auto& [name, value] : fields) body += (body.empty() ? "" : "&") + escaped(name) + "=" + escaped(value);
    return body;
}

namespace {

bool allows(const http::Access& access, const access::Principal& principal) {
    switch (access.kind) {
    case http::Access::Kind::open:
    case http::Access::Kind::signed_in: return true;
    case http::Access::Kind::permission: return principal.can(access.permission);
    case http::Access::Kind::undeclared: return false;
    }
    return false;
}

}  // namespace

http::Response dispatch(const http::Router& router, db::Pool& pool, http::Method method, const std::string& target,
                        const access::Principal& principal, std::string body, std::string content_type) {
    http::Request request;
    request.method = method;
    request.target = target;
    request.request_id = "test";
    request.remote_address = "127.0.0.1";
    EXPECT_TRUE(http::parse_target(request)) << target;
    request.headers = {{"content-type", std::move(content_type)}};
    request.body = std::move(body);
    auto match = router.match(method, request.path);
    if (match.kind != http::Match::Kind::found) return http::problem(404, "no route", request);
    request.path_params = match.params;
    if (!allows(match.route->access, principal)) return http::problem(403, "refused by the route", request);
    http::Context context(&pool, "test");
    context.set_principal(principal);
    return match.route->handler(request, context);
}

}  // namespace safeboard::testing
