#include "platform/auth/gate.hpp"

#include <boost/url/parse.hpp>

#include "platform/auth/api_tokens.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/auth/users.hpp"
#include "platform/core/text.hpp"
#include "platform/credentials/secrets.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::auth {

namespace {

using http::Access;

bool changes_state(http::Method method) {
    return method != http::Method::get && method != http::Method::head && method != http::Method::options;
}

bool is_api(const http::Request& request) { return request.path.starts_with("/api/"); }

// Scripts authenticate with tokens: the API, and the metrics a scraper reads.
bool takes_tokens(const http::Request& request) { return is_api(request) || request.path == "/metrics"; }

// A person's browser, to be sent to the sign-in page rather than told 401.
bool browser_page(const http::Request& request) {
    if (is_api(request) || request.method != http::Method::get) return false;
    return request.header("accept").value_or("").find("text/html") != std::string::npos;
}

// Cookie and token values we issue are base64url; anything else is not ours.
bool plausible_secret(std::string_view value) {
    if (value.empty() || value.size() > 128) return false;
    for (char c : value) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

// The request came from a page of ours: Origin (sent by browsers on every
// POST) names this host, or else Sec-Fetch-Site says same-origin. A client
// that sends neither (a script) still needs the token.
bool same_origin(const http::Request& request, const std::string& public_url) {
    auto host = request.header("host").value_or("");
    // Under Referrer-Policy: no-referrer browsers send "Origin: null" even
    // for our own forms, so null says nothing and Sec-Fetch-Site decides.
    auto origin = request.header("origin");
    if (origin && *origin != "null") {
        if (*origin == "http://" + host || *origin == "https://" + host) return true;
        auto configured = boost::urls::parse_absolute_uri(public_url);
        return configured && *origin == std::string(configured->scheme()) + "://" + std::string(configured->encoded_authority());
    }
    if (auto site = request.header("sec-fetch-site")) return *site == "same-origin" || *site == "none";
    return true;
}

std::optional<std::string> bearer(const http::Request& request) {
    auto header = request.header("authorization");
    if (!header) return std::nullopt;
    constexpr std::string_view scheme = "Bearer ";
    if (header->size() <= scheme.size() || header->compare(0, scheme.size(), scheme) != 0) return std::string();
    return header->substr(scheme.size());
}

std::optional<access::Principal> principal_for(db::Connection& db, std::int64_t user_id, access::Principal::Via via,
                                               std::int64_t credential) {
    auto user = find_user(db, user_id);
    if (!user || user->disabled) return std::nullopt;
    access::Principal principal;
    principal.user_id = user->id;
    principal.email = user->email;
    principal.name = user->name;
    principal.grants = user->grants;
    principal.via = via;
    principal.credential_id = credential;
    return principal;
}

// The path as the audit log can hold it: decoded paths may carry any bytes.
std::string loggable_path(const std::string& path) {
    if (!is_utf8(path) || has_control_characters(path)) return "[a path that is not plain text]";
    return shortened(path, 300);
}

std::string route_name(const http::Route& route) {
    return std::string(http::to_string(route.method)) + " " + route.pattern;
}

}  // namespace

Client client_of(const http::Request& request) {
    // User agents are printable ASCII; anything else is shown as '?', so any
    // bytes a client sends are safe to store and show.
    std::string agent = request.header("user-agent").value_or("").substr(0, 300);
    for (char& c : agent) {
        if (c < 0x20 || c > 0x7E) c = '?';
    }
    return {request.remote_address, agent, request.request_id};
}

std::optional<std::string> cookie(const http::Request& request, std::string_view name) {
    for (const auto& [key, value] : request.headers) {
        if (key != "cookie") continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            auto end = rest.find(';');
            std::string_view pair = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
            auto eq = pair.find('=');
            if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
            auto found = pair.substr(eq + 1);
            if (plausible_secret(found)) return std::string(found);
        }
    }
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value) {
    return std::string(name) + "=" + std::string(value) + "; Secure; HttpOnly; SameSite=Lax; Path=/";
}

std::string clear_cookie(std::string_view name) {
    return std::string(name) + "=; Secure; HttpOnly; SameSite=Lax; Path=/; Max-Age=0";
}

std::string anonymous_form_token(const http::Request& request, http::Context& context) {
    if (auto existing = cookie(request, form_cookie_name)) return *existing;
    std::string token = credentials::new_token("", 32);
    context.response_headers.emplace_back("Set-Cookie", set_cookie(form_cookie_name, token));
    return token;
}

std::optional<http::Response> AuthGate::admit(const http::Route& route, const http::Request& request,
                                              http::Context& context) {
    // Assets, health and the start page: nothing to look up.
    if (route.access.is_open() && route.execution == http::Execution::io) return std::nullopt;
    auto& db = context.db();
    Client client = client_of(request);
    // Every refusal is in the audit log, whatever the caller is then shown.
    auto record_refusal = [&](unsigned status, const std::string& detail, std::optional<std::int64_t> user_id,
                              std::string label) {
        audit::append_alone(db, actor_for(client, user_id, std::move(label)),
                            {"request.refused", "route", route_name(route), {},
                             std::to_string(status) + " " + detail + " (" + loggable_path(request.path) + ")"});
    };
    auto refuse = [&](unsigned status, std::string detail, std::optional<std::int64_t> user_id,
                      std::string label) -> http::Response {
        record_refusal(status, detail, user_id, std::move(label));
        return http::problem(status, std::move(detail), request);
    };
    if (route.access.kind == Access::Kind::undeclared) {
        return refuse(403, "This address is not open to anyone", std::nullopt, "anonymous");
    }

    std::optional<access::Principal> principal;
    std::optional<Session> session;
    bool expired = false;
    auto token = bearer(request);
    if (token) {
        auto found = takes_tokens(request) && plausible_secret(token->substr(std::min(token->size(), api_token_prefix.size())))
                         ? use_api_token(db, *token, auth_.now())
                         : std::nullopt;
        if (found) principal = principal_for(db, found->user_id, access::Principal::Via::token, found->id);
        if (!principal) {
            auto response = refuse(401, "The API token is not valid, has expired or was revoked", std::nullopt, "anonymous");
            response.header("WWW-Authenticate", "Bearer");
            return response;
        }
    } else if (auto value = cookie(request, session_cookie_name)) {
        auto lookup = find_session(db, *value, auth_.now(), auth_.settings().sessions);
        expired = lookup.state == SessionLookup::State::expired;
        if (lookup.state == SessionLookup::State::live) {
            session = lookup.session;
            if (!session->second_factor_due) {
                principal = principal_for(db, session->user_id, access::Principal::Via::session, session->id);
            }
        }
    }
    std::string label = principal ? principal->email : "anonymous";
    std::optional<std::int64_t> user_id = principal ? std::optional(principal->user_id) : std::nullopt;

    if (changes_state(request.method) && !token) {
        if (!same_origin(request, auth_.settings().public_url)) {
            return refuse(403, "The form was sent from another site", user_id, label);
        }
        std::string expected = session ? session->csrf_token : cookie(request, form_cookie_name).value_or("");
        std::string supplied = request.header("x-csrf-token").value_or(http::form_field(request, csrf_field).value_or(""));
        if (expected.empty() || !credentials::equal_constant_time(expected, supplied)) {
            return refuse(403, "The form could not be sent: it is out of date or did not come from Safeboard", user_id, label);
        }
    }
    if (session) context.form_token = session->csrf_token;

    if (!route.access.is_open() && !principal) {
        if (!browser_page(request)) {
            auto response = refuse(401, "Sign in, or send an API token, to use this", std::nullopt, "anonymous");
            if (takes_tokens(request)) response.header("WWW-Authenticate", "Bearer");
            return response;
        }
        record_refusal(401, "Not signed in: sent to sign in", std::nullopt, "anonymous");
        // A session still owing its second factor finishes signing in there
        // (the code page sends someone not yet enrolled on to enrolment).
        std::string to = session ? "/sign-in/mfa" : std::string(sign_in_path) + (expired ? "?ended=1" : "");
        auto response = http::Response::redirect(to);
        if (expired) response.header("Set-Cookie", clear_cookie(session_cookie_name));
        return response;
    }
    if (route.access.kind == Access::Kind::permission && !principal->can(route.access.permission)) {
        return refuse(403, "You do not have permission to use this", user_id, label);
    }
    if (session) touch_session(db, *session, auth_.now());
    if (principal) context.set_principal(std::move(*principal));
    return std::nullopt;
}

}  // namespace safeboard::auth
