#include "platform/auth/authenticator.hpp"

#include "platform/auth/users.hpp"
#include "platform/core/text.hpp"
#include "platform/credentials/password_policy.hpp"
#include "platform/credentials/secrets.hpp"
#include "platform/credentials/totp.hpp"

namespace safeboard::auth {

namespace {

// What a sign-in attempt records about the typed email: only text that is a
// plausible email line, so the log never holds a pasted password or junk bytes.
std::string typed_email(std::string_view email) {
    if (check_line("email", "Email", email, 1, 254)) return "[not an email address]";
    return email_key(email);
}

audit::Entry sign_in_entry(std::string action, const std::optional<User>& user, std::string detail) {
    return {std::move(action), "user", user ? std::to_string(user->id) : "", {}, std::move(detail)};
}

std::string mfa_key(std::int64_t user_id) { return "mfa:" + std::to_string(user_id); }

}  // namespace

audit::Actor actor_for(const Client& client, std::optional<std::int64_t> user_id, std::string label) {
    return {user_id, std::move(label), client.remote, client.request_id};
}

Authenticator::Authenticator(AuthSettings settings)
    : settings_(std::move(settings)), limiter_(std::max(1u, settings_.concurrent_hashes), settings_.hash_wait) {}

bool Authenticator::throttled(db::Connection& db, std::string_view key, std::string_view remote) {
    auto since = iso_utc(now() - settings_.throttle.window);
    auto by_key = db.query("SELECT count(*) FROM sign_in_attempts WHERE email_key = $1 AND at > $2 AND succeeded = 0",
                           {std::string(key), since});
    if (by_key.rows.front().integer(0) >= settings_.throttle.failures_per_account) return true;
    auto by_remote = db.query("SELECT count(*) FROM sign_in_attempts WHERE remote = $1 AND at > $2 AND succeeded = 0",
                              {std::string(remote), since});
    return by_remote.rows.front().integer(0) >= settings_.throttle.failures_per_client;
}

void Authenticator::record_attempt(db::Connection& db, std::string_view key, std::string_view remote, bool succeeded) {
    db.query("INSERT INTO sign_in_attempts (at, email_key, remote, succeeded) VALUES ($1, $2, $3, $4)",
             {iso_utc(now()), std::string(key), std::string(remote), std::int64_t{succeeded ? 1 : 0}});
    // Throttling looks back minutes; the audit log keeps the lasting record.
    db.query("DELETE FROM sign_in_attempts WHERE at < $1", {iso_utc(now() - 24 * 60 * 60)});
}

Authenticator::SignIn Authenticator::sign_in(db::Connection& db, std::string_view email, std::string_view password,
                                             const Client& client) {
    std::string key = typed_email(email);
    auto actor = actor_for(client, std::nullopt, "anonymous");
    if (throttled(db, key, client.remote)) {
        db::Transaction tx(db);
        record_attempt(db, key, client.remote, false);
        audit::append(db, actor, sign_in_entry("sign_in.throttled", std::nullopt, "email " + key));
        tx.commit();
        return {Outcome::throttled, std::nullopt};
    }
    // Text that cannot be an email never reaches the database (PostgreSQL
    // refuses bytes that are not UTF-8); it still costs a hash below.
    auto user = check_line("email", "Email", email, 1, 254) ? std::nullopt : find_user_by_email(db, email);
    bool usable = user && !user->disabled && user->password_hash;
    // An unknown email costs the same hash as a known one, so timing tells nothing.
    auto verified = limiter_.run([&] {
        const std::string& phc = usable ? *user->password_hash : credentials::dummy_hash(settings_.hashing);
        return credentials::verify_password(phc, password) && usable;
    });
    if (!verified) return {Outcome::busy, std::nullopt};
    std::optional<std::string> rehashed;
    if (*verified && credentials::needs_rehash(*user->password_hash, settings_.hashing)) rehashed = hash(password);

    db::Transaction tx(db);
    record_attempt(db, key, client.remote, *verified);
    if (!*verified) {
        std::string why = !user ? "unknown email" : user->disabled ? "account disabled"
                          : !user->password_hash ? "no password set" : "wrong password";
        audit::append(db, actor, sign_in_entry("sign_in.failed", user, why + " (" + key + ")"));
        tx.commit();
        return {Outcome::refused, std::nullopt};
    }
    auto user_actor = actor_for(client, user->id, user->email);
    if (rehashed) store_password_hash(db, user->id, *rehashed, user_actor, "rehashed with stronger parameters");
    bool second_factor = user->mfa_enrolled() || user->needs_mfa();
    auto session = start_session(db, user->id, second_factor, now(), settings_.sessions, client.remote, client.user_agent);
    audit::append(db, user_actor, sign_in_entry("sign_in.password_accepted", user,
                                                second_factor ? "second factor due" : "signed in"));
    tx.commit();
    Outcome outcome = !second_factor ? Outcome::signed_in
                      : user->mfa_enrolled() ? Outcome::second_factor_due : Outcome::enrolment_due;
    return {outcome, std::move(session)};
}

Authenticator::CodeCheck Authenticator::verify_second_factor(db::Connection& db, const Session& session,
                                                             std::string_view code, const Client& client) {
    auto user = find_user(db, session.user_id);
    if (!user || !user->totp_secret) return {};
    auto actor = actor_for(client, user->id, user->email);
    std::string key = mfa_key(user->id);
    db::Transaction tx(db);
    if (throttled(db, key, client.remote)) {
        record_attempt(db, key, client.remote, false);
        audit::append(db, actor, sign_in_entry("sign_in.second_factor_throttled", user, ""));
        tx.commit();
        return {CodeOutcome::throttled, {}};
    }
    std::string digits;
    for (char c : code) {
        if (c != ' ') digits += c;
    }
    bool accepted = false;
    std::string how;
    if (digits.size() == 6) {
        auto secret = credentials::from_base32(*user->totp_secret);
        auto step = secret ? credentials::verify_totp({*secret}, digits, now(), user->totp_last_step) : std::nullopt;
        accepted = step && use_totp_step(db, user->id, *step);
        how = "authenticator code";
    } else if (code.size() <= 64) {
        accepted = use_recovery_code(db, user->id,
                                     credentials::token_hash(credentials::normalise_recovery_code(code)));
        how = "recovery code";
    }
    record_attempt(db, key, client.remote, accepted);
    if (!accepted) {
        audit::append(db, actor, sign_in_entry("sign_in.second_factor_failed", user, how));
        tx.commit();
        return {};
    }
    auto renewed = rotate_session(db, session.id, false, now());
    audit::append(db, actor, sign_in_entry("sign_in.succeeded", user, "with " + how));
    tx.commit();
    return {CodeOutcome::accepted, std::move(renewed.cookie_value)};
}

std::string Authenticator::begin_enrolment(db::Connection& db, const Session& session) {
    if (session.pending_totp_secret) return *session.pending_totp_secret;
    std::string secret = credentials::base32(credentials::new_totp_secret().bytes);
    set_pending_totp(db, session.id, secret);
    return secret;
}

std::optional<Authenticator::Enrolled> Authenticator::confirm_enrolment(db::Connection& db, const Session& session,
                                                                         std::string_view code, const Client& client) {
    if (!session.pending_totp_secret) return std::nullopt;
    auto user = find_user(db, session.user_id);
    auto secret = credentials::from_base32(*session.pending_totp_secret);
    if (!user || !secret) return std::nullopt;
    auto step = credentials::verify_totp({*secret}, code, now(), std::nullopt);
    auto actor = actor_for(client, user->id, user->email);
    db::Transaction tx(db);
    if (!step) {
        audit::append(db, actor, sign_in_entry("mfa.enrolment_failed", user, "code did not match"));
        tx.commit();
        return std::nullopt;
    }
    Enrolled enrolled;
    enrolled.recovery_codes = credentials::new_recovery_codes(10);
    std::vector<std::string> hashes;
    for (const auto& c : enrolled.recovery_codes) {
        hashes.push_back(credentials::token_hash(credentials::normalise_recovery_code(c)));
    }
    store_totp(db, user->id, *session.pending_totp_secret, hashes, actor);
    use_totp_step(db, user->id, *step);
    enrolled.session = rotate_session(db, session.id, false, now());
    audit::append(db, actor, sign_in_entry("sign_in.succeeded", user, "with a newly enrolled authenticator"));
    tx.commit();
    return enrolled;
}

std::vector<FieldError> Authenticator::password_problems(std::string_view field, std::string_view password,
                                                         std::string_view email, std::string_view name) const {
    std::vector<FieldError> errors;
    for (auto& problem : credentials::password_problems(password, {std::string(email), std::string(name)})) {
        errors.push_back({std::string(field), std::move(problem)});
    }
    return errors;
}

std::optional<std::string> Authenticator::hash(std::string_view password) const {
    return limiter_.run([&] { return credentials::hash_password(password, settings_.hashing); });
}

Status Authenticator::change_password(db::Connection& db, std::int64_t user_id, std::int64_t keep_session_id,
                                      std::string_view current, std::string_view replacement, const Client& client) {
    auto user = find_user(db, user_id);
    if (!user || !user->password_hash) return fail(ErrorKind::not_found, "There is no such user");
    auto matches = limiter_.run([&] { return credentials::verify_password(*user->password_hash, current); });
    if (!matches) return fail(ErrorKind::unavailable, "Too many people are signing in; try again in a moment");
    std::vector<FieldError> errors;
    if (!*matches) errors.push_back({"current_password", "Your current password is not right"});
    auto problems = password_problems("new_password", replacement, user->email, user->name);
    errors.insert(errors.end(), problems.begin(), problems.end());
    if (!errors.empty()) return invalid(std::move(errors));
    auto phc = hash(replacement);
    if (!phc) return fail(ErrorKind::unavailable, "Too many people are signing in; try again in a moment");
    db::Transaction tx(db);
    store_password_hash(db, user_id, *phc, actor_for(client, user->id, user->email), "changed by the user");
    end_user_sessions(db, user_id, "password changed", now(), keep_session_id);
    tx.commit();
    return {};
}

std::string Authenticator::issue_setup_link(db::Connection& db, std::int64_t user_id, const audit::Actor& actor) {
    std::string token = credentials::new_token("", 32);
    db::Transaction tx(db);
    store_setup_link(db, user_id, credentials::token_hash(token), now(), now() + settings_.setup_link_lifetime);
    audit::append(db, actor, {"user.setup_link_issued", "user", std::to_string(user_id), {},
                              "valid for " + std::to_string(settings_.setup_link_lifetime / 3600) + " hours"});
    tx.commit();
    std::string base = settings_.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/account/setup/" + token;
}

std::optional<User> Authenticator::setup_link_user(db::Connection& db, std::string_view link_token) {
    if (link_token.size() > 100) return std::nullopt;
    auto user_id = auth::setup_link_user(db, credentials::token_hash(link_token), now());
    if (!user_id) return std::nullopt;
    auto user = find_user(db, *user_id);
    if (!user || user->disabled) return std::nullopt;
    return user;
}

Status Authenticator::use_setup_link(db::Connection& db, std::string_view link_token, std::string_view password,
                                     const Client& client) {
    auto user = setup_link_user(db, link_token);
    if (!user) return fail(ErrorKind::not_found, "This set-up link has expired or has been used");
    auto problems = password_problems("new_password", password, user->email, user->name);
    if (!problems.empty()) return invalid(std::move(problems));
    auto phc = hash(password);
    if (!phc) return fail(ErrorKind::unavailable, "Too many people are signing in; try again in a moment");
    db::Transaction tx(db);
    auth::use_setup_link(db, credentials::token_hash(link_token), now());
    store_password_hash(db, user->id, *phc, actor_for(client, user->id, user->email), "set from a set-up link");
    tx.commit();
    return {};
}

}  // namespace safeboard::auth
