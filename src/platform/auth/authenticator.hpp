#pragma once
// Signing in, the second factor, passwords and set-up links: the rules of
// authentication in one place, over the stores. Password hashing runs through
// a HashLimiter, so a burst of sign-ins holds at most a few workers.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/model.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/auth/users.hpp"
#include "platform/credentials/hash_limiter.hpp"
#include "platform/credentials/password.hpp"
#include "platform/db/database.hpp"

namespace safeboard::auth {

struct ThrottlePolicy {
    int failures_per_account = 5;  // within the window, then the account is locked for the window
    int failures_per_client = 30;  // from one address, across accounts
    UnixSeconds window = 15 * 60;
};

struct AuthSettings {
    SessionPolicy sessions;
    ThrottlePolicy throttle;
    credentials::HashParameters hashing;
    std::string public_url = "http://127.0.0.1:8080";  // for set-up links
    UnixSeconds setup_link_lifetime = 72 * 60 * 60;
    unsigned concurrent_hashes = 2;
    std::chrono::milliseconds hash_wait{2000};
    Clock clock = system_now;
    ScopeExists scope_exists = only_the_instance;  // which partnerships, organisations, bodies exist
};

// Who is asking, for the audit log and throttling.
struct Client {
    std::string remote;
    std::string user_agent;
    std::string request_id;
};

class Authenticator {
public:
    explicit Authenticator(AuthSettings settings);

    const AuthSettings& settings() const { return settings_; }
    UnixSeconds now() const { return settings_.clock(); }

    enum class Outcome {
        signed_in,          // session is full
        second_factor_due,  // enrolled: ask for a code
        enrolment_due,      // the user's roles need a second factor they have not set up
        refused,            // wrong email or password, or a disabled account: one answer for all
        throttled,          // too many failures for this account or from this address
        busy,               // no hashing slot free: try again shortly
    };
    struct SignIn {
        Outcome outcome = Outcome::refused;
        std::optional<StartedSession> session;
    };
    SignIn sign_in(db::Connection& db, std::string_view email, std::string_view password, const Client& client);

    // A TOTP code or a recovery code for a session whose second factor is due.
    // Returns the new cookie value (the session gets a new id) or nullopt.
    enum class CodeOutcome { accepted, refused, throttled };
    struct CodeCheck {
        CodeOutcome outcome = CodeOutcome::refused;
        std::string cookie_value;
    };
    CodeCheck verify_second_factor(db::Connection& db, const Session& session, std::string_view code,
                                   const Client& client);

    // Enrolment: a new secret kept on the session until confirmed with a code.
    std::string begin_enrolment(db::Connection& db, const Session& session);  // the secret, base32
    struct Enrolled {
        RenewedSession session;
        std::vector<std::string> recovery_codes;  // shown once
    };
    std::optional<Enrolled> confirm_enrolment(db::Connection& db, const Session& session, std::string_view code,
                                              const Client& client);

    // Every problem with a new password, as field errors on `field`.
    std::vector<FieldError> password_problems(std::string_view field, std::string_view password,
                                              std::string_view email, std::string_view name) const;
    // Hashes on the limiter; nullopt when no slot is free.
    std::optional<std::string> hash(std::string_view password) const;

    // Checks the current password, sets the new one, ends the user's other sessions.
    Status change_password(db::Connection& db, std::int64_t user_id, std::int64_t keep_session_id,
                           std::string_view current, std::string_view replacement, const Client& client);

    // A one-time link to set a password: stores its hash, records in the audit
    // log that one was issued (never the link), and returns the URL.
    std::string issue_setup_link(db::Connection& db, std::int64_t user_id, const audit::Actor& actor);
    // The user a live link belongs to.
    std::optional<User> setup_link_user(db::Connection& db, std::string_view link_token);
    Status use_setup_link(db::Connection& db, std::string_view link_token, std::string_view password,
                          const Client& client);

private:
    bool throttled(db::Connection& db, std::string_view key, std::string_view remote);
    void record_attempt(db::Connection& db, std::string_view key, std::string_view remote, bool succeeded);

    AuthSettings settings_;
    mutable credentials::HashLimiter limiter_;
};

audit::Actor actor_for(const Client& client, std::optional<std::int64_t> user_id, std::string label);

}  // namespace safeboard::auth
