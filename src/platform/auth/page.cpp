#include "platform/auth/page.hpp"

#include "platform/auth/gate.hpp"
#include "platform/auth/sessions.hpp"

namespace safeboard::auth {

http::Response render_page(const web::Templates& templates, const http::Context& context, std::string_view name,
                           kainjow::mustache::data values, std::string_view title, unsigned status) {
    web::PageOptions options;
    options.title = std::string(title);
    options.has_errors = values.get("has_errors") != nullptr;
    if (const auto* user = context.principal()) {
        options.user_name = user->name;
        options.form_token = context.form_token;
    }
    values.set("form_token", context.form_token);
    return http::Response::html(templates.page(name, values, options), status);
}

std::optional<Session> current_session(const http::Request& request, http::Context& context,
                                       const Authenticator& authenticator) {
    auto value = cookie(request, session_cookie_name);
    if (!value) return std::nullopt;
    auto lookup = find_session(context.db(), *value, authenticator.now(), authenticator.settings().sessions);
    if (lookup.state != SessionLookup::State::live) return std::nullopt;
    return lookup.session;
}

}  // namespace safeboard::auth
