#pragma once
// Rendering a page for the person asking: the layout shows their name and a
// sign-out button when they are signed in.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <kainjow/mustache.hpp>

#include "platform/auth/authenticator.hpp"
#include "platform/http/context.hpp"
#include "platform/http/form.hpp"
#include "platform/http/request.hpp"
#include "platform/http/router.hpp"
#include "platform/http/response.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::auth {

// `back_link`, when given, is where a back link above the content goes.
http::Response render_page(const web::Templates& templates, const http::Context& context, std::string_view name,
                           kainjow::mustache::data values, std::string_view title, unsigned status = 200,
                           std::string back_link = {});

// The signed-in user's session, for pages open before sign-in completes.
std::optional<Session> current_session(const http::Request& request, http::Context& context,
                                       const Authenticator& authenticator);

// Pieces every page handler shares.
std::string form_text(const http::FormFields& fields, std::string_view name);  // "" when absent
std::optional<std::int64_t> parse_id(std::string_view text);                   // positive ids only
// The id in the path parameter `name` ("/bodies/{id}"); none unless it is a positive id.
std::optional<std::int64_t> path_id(const http::Request& request, std::string_view name = "id");
std::string query_text(const http::Request& request, std::string_view name);  // trimmed; "" when absent
// An id in the query string: none when absent or blank, `bad` when it is not an id.
struct QueryId {
    std::optional<std::int64_t> id;
    bool bad = false;
};
QueryId query_id(const http::Request& request, std::string_view name);
audit::Actor actor_of(const http::Request& request, const access::Principal& user);

// 404 "There is no such <what>" (the not-found page for a browser): also the
// answer for a record outside the user's reach, so that its existence is not told.
http::Response missing(const http::Request& request, std::string_view what);
// 303 to `location`; with a cookie value, the session cookie is set to it.
http::Response see_other(std::string location, std::optional<std::string> cookie_value = std::nullopt);

// 403 for something a handler finds the user may not do with this record
// (the route itself let them in), recorded in the audit log as a refused
// request; `why` is the problem's detail, and the audit entry's.
http::Response refuse(const http::Request& request, http::Context& context, const std::string& why);

// A page route: runs on the workers, tagged for the route table.
http::Route page_route(http::Method method, std::string pattern, http::Access access, std::string summary,
                       std::string tag, http::Handler handler);

// A handler of (pages, request, context) as a route handler, sharing `pages`.
template <typename Pages, typename F>
http::Handler bound(std::shared_ptr<Pages> pages, F handler) {
    return [pages, handler](const http::Request& request, http::Context& context) {
        return handler(*pages, request, context);
    };
}

// A page route whose handler takes what a module's pages share (its templates,
// say) before the request: page_route with bound(pages, handler).
template <typename Pages>
http::Route page_route(
    http::Method method, std::string pattern, http::Access access, std::string summary, std::string tag,
    std::shared_ptr<Pages> pages,
    http::Response (*handler)(const std::type_identity_t<Pages>&, const http::Request&, http::Context&)) {
    return page_route(method, std::move(pattern), access, std::move(summary), std::move(tag), bound(pages, handler));
}

}  // namespace safeboard::auth
