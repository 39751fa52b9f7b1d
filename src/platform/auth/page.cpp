#include "platform/auth/page.hpp"

#include <charconv>

#include "platform/auth/gate.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/core/text.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::auth {

http::Response render_page(const web::Templates& templates, const http::Context& context, std::string_view name,
                           kainjow::mustache::data values, std::string_view title, unsigned status,
                           std::string back_link) {
    web::PageOptions options;
    options.title = std::string(title);
    options.back_link = std::move(back_link);
    options.has_errors = values.get("has_errors") != nullptr;
    if (const auto* user = context.principal()) {
        options.user_name = user->name;
        options.form_token = context.form_token;
        if (user->can(access::Permission::performance_read)) {
            options.more_links.emplace_back("/performance", "Performance");
        }
        // Learning reviews are need to know: only those who may read them see the way in.
        if (user->can(access::Permission::case_reviews_read)) {
            options.more_links.emplace_back("/reviews", "Learning reviews");
        }
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

std::string form_text(const http::FormFields& fields, std::string_view name) {
    return http::find_field(fields, name).value_or("");
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

std::optional<std::int64_t> path_id(const http::Request& request, std::string_view name) {
    return parse_id(request.path_param(name));
}

std::string query_text(const http::Request& request, std::string_view name) {
    return trim(request.query_param(name).value_or(""));
}

QueryId query_id(const http::Request& request, std::string_view name) {
    auto value = query_text(request, name);
    if (value.empty()) return {};
    auto id = parse_id(value);
    return {id, !id};
}

http::Response missing(const http::Request& request, std::string_view what) {
    return http::problem(404, "There is no such " + std::string(what), request);
}

audit::Actor actor_of(const http::Request& request, const access::Principal& user) {
    return actor_for(client_of(request), user.user_id, user.email);
}

http::Response see_other(std::string location, std::optional<std::string> cookie_value) {
    auto response = http::Response::redirect(std::move(location));
    if (cookie_value) response.header("Set-Cookie", set_cookie(session_cookie_name, *cookie_value));
    return response;
}

http::Route page_route(http::Method method, std::string pattern, http::Access access, std::string summary,
                       std::string tag, http::Handler handler) {
    http::Route route;
    route.method = method;
    route.pattern = std::move(pattern);
    route.handler = std::move(handler);
    route.execution = http::Execution::worker;
    route.access = access;
    route.doc.summary = std::move(summary);
    route.doc.tag = std::move(tag);
    return route;
}

http::Response refuse(const http::Request& request, http::Context& context, const std::string& why) {
    audit::append_alone(context.db(), actor_of(request, context.user()),
                        {"request.refused", "route", std::string(http::to_string(request.method)) + " " + request.path,
                         {}, "403 " + why});
    return http::problem(403, why, request);
}

}  // namespace safeboard::auth
