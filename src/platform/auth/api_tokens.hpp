#pragma once
// Bearer tokens for scripts. The token is shown once; only its hash is kept.
// A token acts with its user's permissions, and stops with the user.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/model.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"

namespace safeboard::auth {

inline constexpr std::string_view api_token_prefix = "sbt_";

struct CreatedToken {
    ApiToken token;
    std::string secret;  // "sbt_..." — shown once
};

// name: 1..100 characters of one line; expires_at (if any) must be in the future.
Result<CreatedToken> create_api_token(db::Connection& db, std::int64_t user_id, std::string_view name,
                                      std::optional<UnixSeconds> expires_at, UnixSeconds now,
                                      const audit::Actor& actor);
// The live token with this secret (not revoked, not expired, its user active); records its use.
std::optional<ApiToken> use_api_token(db::Connection& db, std::string_view secret, UnixSeconds now);
// Only the token's own user can revoke it here; not_found otherwise (no hint that it exists).
Status revoke_api_token(db::Connection& db, std::int64_t user_id, std::int64_t token_id, UnixSeconds now,
                        const audit::Actor& actor);
std::vector<ApiToken> list_api_tokens(db::Connection& db, std::int64_t user_id);

}  // namespace safeboard::auth
