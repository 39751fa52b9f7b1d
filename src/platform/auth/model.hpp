#pragma once
// Accounts, sessions and API tokens as the auth layer stores them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/access/roles.hpp"
#include "platform/core/time.hpp"

namespace safeboard::auth {

struct User {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::optional<std::string> password_hash;  // PHC string; none until the set-up link is used
    bool disabled = false;
    std::optional<std::string> totp_secret;    // base32; none until enrolled
    std::optional<std::int64_t> totp_last_step;
    std::string created_at;
    std::vector<access::Grant> grants;

    bool mfa_enrolled() const { return totp_secret.has_value(); }
    bool needs_mfa() const;
};

struct Session {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    bool second_factor_due = false;   // stage 'password'
    std::string csrf_token;
    std::optional<std::string> pending_totp_secret;
    UnixSeconds created_at = 0;
    UnixSeconds last_seen_at = 0;
    UnixSeconds expires_at = 0;       // the absolute limit
    std::string remote;
    std::string user_agent;
};

struct ApiToken {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string name;
    std::string created_at;
    std::optional<std::string> expires_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> last_used_at;
};

// How long sessions last; from settings.
struct SessionPolicy {
    UnixSeconds idle_timeout = 30 * 60;
    UnixSeconds absolute_timeout = 12 * 60 * 60;
};

}  // namespace safeboard::auth
