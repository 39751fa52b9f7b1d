#pragma once
// Rendering a page for the person asking: the layout shows their name and a
// sign-out button when they are signed in.
#include <string_view>

#include <kainjow/mustache.hpp>

#include "platform/auth/authenticator.hpp"
#include "platform/http/context.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::auth {

http::Response render_page(const web::Templates& templates, const http::Context& context, std::string_view name,
                           kainjow::mustache::data values, std::string_view title, unsigned status = 200);

// The signed-in user's session, for pages open before sign-in completes.
std::optional<Session> current_session(const http::Request& request, http::Context& context,
                                       const Authenticator& authenticator);

}  // namespace safeboard::auth
