#pragma once
// Rendering a page for the person asking: the layout shows their name and a
// sign-out button when they are signed in.
#include <memory>
#include <string_view>

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

// Pieces every auth page handler shares.
std::string form_text(const http::FormFields& fields, std::string_view name);  // "" when absent
std::optional<std::int64_t> parse_id(std::string_view text);                   // positive ids only
audit::Actor actor_of(const http::Request& request, const access::Principal& user);
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

}  // namespace safeboard::auth
