#include <charconv>

#include <sodium.h>

#include "platform/auth/api_tokens.hpp"
#include "platform/auth/module.hpp"
#include "platform/auth/page.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/auth/users.hpp"
#include "platform/core/text.hpp"
#include "platform/credentials/qr.hpp"
#include "platform/credentials/secrets.hpp"
#include "platform/credentials/totp.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"
#include "platform/web/form_errors.hpp"

SAFEBOARD_EMBEDDED_TABLE(auth_migrations)
SAFEBOARD_EMBEDDED_TABLE(auth_templates)

namespace safeboard::auth {

namespace {

using kainjow::mustache::data;
using http::Access;

// Longer than any email or password we accept: such input is refused
// without hashing, so it cannot be used to make the server work hard.
constexpr std::size_t max_password_bytes = 1024;

struct Pages {
    Authenticator& auth;
    const web::Templates& templates;
};

std::string base64(std::string_view bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string grouped(std::string_view secret) {
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += ' ';
        out += secret[i];
    }
    return out;
}

// --- signing in -------------------------------------------------------------

http::Response sign_in_form(const Pages& pages, const http::Request& request, http::Context& context,
                            data values, unsigned status = 200) {
    context.form_token = anonymous_form_token(request, context);
    return render_page(pages.templates, context, "auth/pages/sign_in", std::move(values), "Sign in", status);
}

http::Response show_sign_in(const Pages& pages, const http::Request& request, http::Context& context) {
    if (auto session = current_session(request, context, pages.auth); session && !session->second_factor_due) {
        return see_other("/account");
    }
    data values;
    if (request.query_param("ended")) values.set("ended", true);
    if (request.query_param("signed_out")) values.set("signed_out", true);
    return sign_in_form(pages, request, context, values);
}

http::Response sign_in(const Pages& pages, const http::Request& request, http::Context& context) {
    auto fields = http::form_fields(request);
    std::string email = form_text(fields, "email");
    std::string password = form_text(fields, "password");
    data values;
    values.set("email", email.size() <= 254 ? email : std::string());
    std::vector<FieldError> errors;
    if (safeboard::trim(email).empty()) errors.push_back({"email", "Enter your email address"});
    if (password.empty()) errors.push_back({"password", "Enter your password"});
    if (!errors.empty()) {
        web::set_errors(values, errors);
        return sign_in_form(pages, request, context, values, 422);
    }
    Authenticator::SignIn result;
    if (email.size() <= 254 && password.size() <= max_password_bytes) {
        result = pages.auth.sign_in(context.db(), email, password, client_of(request));
    }
    using Outcome = Authenticator::Outcome;
    switch (result.outcome) {
    case Outcome::signed_in: return see_other("/account", result.session->cookie_value);
    case Outcome::second_factor_due: return see_other("/sign-in/mfa", result.session->cookie_value);
    case Outcome::enrolment_due: return see_other("/account/mfa", result.session->cookie_value);
    case Outcome::throttled:
        web::set_errors(values, {{"email", "There have been too many attempts to sign in. Wait 15 minutes, then try again"}});
        return sign_in_form(pages, request, context, values, 429);
    case Outcome::busy: {
        web::set_errors(values, {{"email", "Safeboard is busy. Try again in a few seconds"}});
        auto response = sign_in_form(pages, request, context, values, 503);
        response.header("Retry-After", "5");
        return response;
    }
    case Outcome::refused: break;
    }
    web::set_errors(values, {{"email", "Enter a correct email address and password"}});
    return sign_in_form(pages, request, context, values, 401);
}

http::Response show_code(const Pages& pages, const http::Request& request, http::Context& context, data values = {},
                         unsigned status = 200) {
    auto session = current_session(request, context, pages.auth);
    if (!session || !session->second_factor_due) return see_other("/sign-in");
    auto user = find_user(context.db(), session->user_id);
    if (user && !user->mfa_enrolled()) return see_other("/account/mfa");
    context.form_token = session->csrf_token;
    return render_page(pages.templates, context, "auth/pages/code", std::move(values), "Enter your code", status);
}

http::Response check_code(const Pages& pages, const http::Request& request, http::Context& context) {
    auto session = current_session(request, context, pages.auth);
    if (!session || !session->second_factor_due) return see_other("/sign-in");
    std::string code = http::form_field(request, "code").value_or("");
    data values;
    if (safeboard::trim(code).empty()) {
        web::set_errors(values, {{"code", "Enter the code from your authenticator app"}});
        return show_code(pages, request, context, values, 422);
    }
    auto check = pages.auth.verify_second_factor(context.db(), *session, code, client_of(request));
    using Outcome = Authenticator::CodeOutcome;
    if (check.outcome == Outcome::accepted) return see_other("/account", check.cookie_value);
    if (check.outcome == Outcome::throttled) {
        web::set_errors(values, {{"code", "There have been too many wrong codes. Wait 15 minutes, then try again"}});
        return show_code(pages, request, context, values, 429);
    }
    web::set_errors(values, {{"code", "Enter the code your authenticator app shows now, or an unused recovery code"}});
    return show_code(pages, request, context, values, 401);
}

// --- the second factor --------------------------------------------------------

http::Response show_enrolment(const Pages& pages, const http::Request& request, http::Context& context,
                              data values = {}, unsigned status = 200) {
    auto session = current_session(request, context, pages.auth);
    if (!session) return see_other("/sign-in");
    auto user = find_user(context.db(), session->user_id);
    // Someone who already has a second factor proves it before replacing it.
    if (!user || (session->second_factor_due && user->mfa_enrolled())) return see_other("/sign-in/mfa");
    std::string secret = pages.auth.begin_enrolment(context.db(), *session);
    auto bytes = credentials::from_base32(secret).value_or("");
    std::string svg = credentials::qr_svg(credentials::otpauth_uri({bytes}, user->email), "QR code");
    values.set("qr_data_uri", "data:image/svg+xml;base64," + base64(svg));
    values.set("secret_grouped", grouped(secret));
    if (user->needs_mfa()) values.set("required", true);
    context.form_token = session->csrf_token;
    return render_page(pages.templates, context, "auth/pages/enrol", std::move(values),
                       "Set up your authenticator app", status);
}

http::Response confirm_enrolment(const Pages& pages, const http::Request& request, http::Context& context) {
    auto session = current_session(request, context, pages.auth);
    if (!session) return see_other("/sign-in");
    auto user = find_user(context.db(), session->user_id);
    if (!user || (session->second_factor_due && user->mfa_enrolled())) return see_other("/sign-in/mfa");
    std::string code = http::form_field(request, "code").value_or("");
    auto enrolled = pages.auth.confirm_enrolment(context.db(), *session, code, client_of(request));
    if (!enrolled) {
        data values;
        web::set_errors(values, {{"code", safeboard::trim(code).empty() ? "Enter the code from your authenticator app"
                                                               : "Enter the 6-digit code your app shows now"}});
        return show_enrolment(pages, request, context, values, 422);
    }
    data values;
    data codes{data::type::list};
    for (const auto& c : enrolled->recovery_codes) codes.push_back(data(c));
    values.set("codes", codes);
    // The session has a new id and token now: the layout's sign-out form needs them.
    context.form_token = enrolled->session.csrf_token;
    context.set_principal(access::Principal{user->id, user->email, user->name, user->grants});
    auto response = render_page(pages.templates, context, "auth/pages/recovery_codes", values, "Your recovery codes");
    response.header("Set-Cookie", set_cookie(session_cookie_name, enrolled->session.cookie_value));
    return response;
}

// --- signing out ---------------------------------------------------------------

http::Response sign_out(const Pages& pages, const http::Request& request, http::Context& context) {
    if (auto session = current_session(request, context, pages.auth)) {
        db::Transaction tx(context.db());
        end_session(context.db(), session->id, "signed out", pages.auth.now());
        auto user = find_user(context.db(), session->user_id);
        audit::append(context.db(), actor_for(client_of(request), session->user_id, user ? user->email : ""),
                      {"session.signed_out", "session", std::to_string(session->id), {}, ""});
        tx.commit();
    }
    auto response = see_other("/sign-in?signed_out=1");
    response.header("Set-Cookie", clear_cookie(session_cookie_name));
    return response;
}

http::Response end_every_session(const Pages& pages, const http::Request& request, http::Context& context) {
    const auto& user = context.user();
    sign_out_everywhere(context.db(), user.user_id, "signed out everywhere", pages.auth.now(), actor_of(request, user));
    auto response = see_other("/sign-in?signed_out=1");
    response.header("Set-Cookie", clear_cookie(session_cookie_name));
    return response;
}

// --- the account page --------------------------------------------------------------

std::string shown(const std::optional<std::string>& instant) { return instant ? instant->substr(0, 16) + "Z" : "Never"; }

http::Response account(const Pages& pages, const http::Request&, http::Context& context, data values = {},
                       unsigned status = 200) {
    const auto& principal = context.user();
    auto& db = context.db();
    auto user = find_user(db, principal.user_id);
    if (!user) return http::problem(404, "There is no such account", http::Request{});
    values.set("name", user->name);
    values.set("email", user->email);
    data grants{data::type::list};
    for (const auto& grant : user->grants) {
        data g;
        g.set("role", std::string(access::to_string(grant.role)));
        g.set("scope", access::to_string(grant.scope));
        grants.push_back(g);
    }
    values.set("grants", grants);
    if (user->mfa_enrolled()) {
        values.set("mfa", true);
        values.set("recovery_left", std::to_string(unused_recovery_codes(db, user->id)));
    }
    data sessions{data::type::list};
    for (const auto& s : live_sessions(db, user->id, pages.auth.now(), pages.auth.settings().sessions)) {
        data row;
        row.set("created", iso_utc(s.created_at));
        row.set("last_seen", iso_utc(s.last_seen_at));
        row.set("remote", s.remote);
        row.set("user_agent", s.user_agent.substr(0, 80));
        if (principal.via == access::Principal::Via::session && s.id == principal.credential_id) row.set("current", true);
        sessions.push_back(row);
    }
    values.set("sessions", sessions);
    data tokens{data::type::list};
    for (const auto& t : list_api_tokens(db, user->id)) {
        data row;
        row.set("id", std::to_string(t.id));
        row.set("name", t.name);
        row.set("created", shown(t.created_at));
        row.set("expires", t.expires_at ? shown(t.expires_at) : "Does not expire");
        row.set("last_used", shown(t.last_used_at));
        bool expired = t.expires_at && *t.expires_at <= iso_utc(pages.auth.now());
        if (t.revoked_at) row.set("state", "Revoked");
        else if (expired) row.set("state", "Expired");
        else row.set("live", true);
        tokens.push_back(row);
    }
    if (!tokens.is_empty_list()) values.set("has_tokens", true);
    values.set("tokens", tokens);
    return render_page(pages.templates, context, "auth/pages/account", std::move(values), "Your account", status);
}

http::Response create_token(const Pages& pages, const http::Request& request, http::Context& context) {
    const auto& user = context.user();
    std::string name = http::form_field(request, "name").value_or("");
    auto created = create_api_token(context.db(), user.user_id, safeboard::trim(name), std::nullopt, pages.auth.now(),
                                    actor_of(request, user));
    data values;
    if (!created) {
        web::set_errors(values, created.error().fields);
        return account(pages, request, context, values, 422);
    }
    values.set("new_token", created->secret);
    return account(pages, request, context, values, 201);
}

http::Response revoke_token(const Pages& pages, const http::Request& request, http::Context& context) {
    const auto& user = context.user();
    auto id = path_id(request);
    // Someone else's token answers exactly as a missing one does.
    auto revoked = id ? revoke_api_token(context.db(), user.user_id, *id, pages.auth.now(), actor_of(request, user))
                      : Status(fail(ErrorKind::not_found, "There is no such API token"));
    if (!revoked) return http::problem(revoked.error(), request);
    return see_other("/account");
}

// --- passwords ---------------------------------------------------------------

http::Response show_password(const Pages& pages, const http::Request&, http::Context& context, data values = {},
                             unsigned status = 200) {
    return render_page(pages.templates, context, "auth/pages/password", std::move(values), "Change your password", status);
}

http::Response change_password(const Pages& pages, const http::Request& request, http::Context& context) {
    const auto& user = context.user();
    auto fields = http::form_fields(request);
    std::string current = form_text(fields, "current_password");
    std::string replacement = form_text(fields, "new_password");
    data values;
    if (current.empty() || current.size() > max_password_bytes) {
        web::set_errors(values, {{"current_password", "Enter your current password"}});
        return show_password(pages, request, context, values, 422);
    }
    auto changed = pages.auth.change_password(context.db(), user.user_id, user.credential_id, current, replacement,
                                              client_of(request));
    if (!changed) {
        if (changed.error().kind != ErrorKind::validation) return http::problem(changed.error(), request);
        web::set_errors(values, changed.error().fields);
        return show_password(pages, request, context, values, 422);
    }
    values.set("notice", "Your password has been changed. You have been signed out everywhere else.");
    return account(pages, request, context, values);
}

http::Response show_setup(const Pages& pages, const http::Request& request, http::Context& context, data values = {},
                          unsigned status = 200) {
    const auto& link = request.path_param("link");
    auto user = pages.auth.setup_link_user(context.db(), link);
    if (!user) return http::problem(404, "This set-up link has expired or has already been used", request);
    values.set("email", user->email);
    values.set("link", link);
    context.form_token = anonymous_form_token(request, context);
    return render_page(pages.templates, context, "auth/pages/setup", std::move(values), "Set your password", status);
}

http::Response use_setup(const Pages& pages, const http::Request& request, http::Context& context) {
    std::string password = http::form_field(request, "new_password").value_or("");
    if (password.size() > max_password_bytes) password.resize(max_password_bytes + 1);
    auto used = pages.auth.use_setup_link(context.db(), request.path_param("link"), password, client_of(request));
    if (!used) {
        if (used.error().kind != ErrorKind::validation) return http::problem(used.error(), request);
        data values;
        web::set_errors(values, used.error().fields);
        return show_setup(pages, request, context, values, 422);
    }
    return see_other("/sign-in");
}

}  // namespace

std::span<const embed::File> migrations() { return embed::tables::auth_migrations(); }
std::span<const embed::File> templates() { return embed::tables::auth_templates(); }

void add_routes(http::Router& router, Authenticator& authenticator, const web::Templates& templates) {
    auto pages = std::make_shared<Pages>(Pages{authenticator, templates});
    auto bind = [pages](auto handler) { return bound(pages, handler); };
    using M = http::Method;
    const auto anyone = Access::anyone();
    const auto user = Access::any_user();
    router.add(page_route(M::get, "/sign-in", anyone, "The sign-in page", "account", bind(show_sign_in)));
    router.add(page_route(M::post, "/sign-in", anyone, "Sign in with email and password", "account", bind(sign_in)));
    router.add(page_route(M::get, "/sign-in/mfa", anyone, "Ask for the second factor", "account",
                          bind([](const Pages& p, const http::Request& r, http::Context& c) { return show_code(p, r, c); })));
    router.add(page_route(M::post, "/sign-in/mfa", anyone, "Check the second factor", "account", bind(check_code)));
    router.add(page_route(M::get, "/account/mfa", anyone, "Set up an authenticator app", "account",
                          bind([](const Pages& p, const http::Request& r, http::Context& c) { return show_enrolment(p, r, c); })));
    router.add(page_route(M::post, "/account/mfa", anyone, "Confirm the authenticator app", "account", bind(confirm_enrolment)));
    router.add(page_route(M::post, "/sign-out", anyone, "Sign out", "account", bind(sign_out)));
    router.add(page_route(M::post, "/account/sign-out-everywhere", user, "Sign out everywhere", "account", bind(end_every_session)));
    router.add(page_route(M::get, "/account", user, "Your account", "account",
                          bind([](const Pages& p, const http::Request& r, http::Context& c) { return account(p, r, c); })));
    router.add(page_route(M::post, "/account/tokens", user, "Create an API token", "account", bind(create_token)));
    router.add(page_route(M::post, "/account/tokens/{id}/revoke", user, "Revoke an API token", "account", bind(revoke_token)));
    router.add(page_route(M::get, "/account/password", user, "Change your password", "account",
                          bind([](const Pages& p, const http::Request& r, http::Context& c) { return show_password(p, r, c); })));
    router.add(page_route(M::post, "/account/password", user, "Change your password", "account", bind(change_password)));
    router.add(page_route(M::get, "/account/setup/{link}", anyone, "Set a first password", "account",
                          bind([](const Pages& p, const http::Request& r, http::Context& c) { return show_setup(p, r, c); })));
    router.add(page_route(M::post, "/account/setup/{link}", anyone, "Set a first password", "account", bind(use_setup)));
}

}  // namespace safeboard::auth
