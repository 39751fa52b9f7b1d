#include "platform/auth/api_tokens.hpp"

#include "platform/core/text.hpp"
#include "platform/credentials/secrets.hpp"

namespace safeboard::auth {

namespace {

constexpr const char* token_columns =
    "SELECT id, user_id, name, created_at, expires_at, revoked_at, last_used_at FROM api_tokens ";

ApiToken token_from(const db::Row& row) {
    return {row.integer(0), row.integer(1), row.text(2), row.text(3),
            row.optional_text(4), row.optional_text(5), row.optional_text(6)};
}

}  // namespace

Result<CreatedToken> create_api_token(db::Connection& db, std::int64_t user_id, std::string_view name,
                                      std::optional<UnixSeconds> expires_at, UnixSeconds now,
                                      const audit::Actor& actor) {
    std::vector<FieldError> errors;
    if (auto problem = check_line("name", "Token name", name, 1, 100)) errors.push_back(*problem);
    if (expires_at && *expires_at <= now) errors.push_back({"expires", "Expiry date must be in the future"});
    if (!errors.empty()) return invalid(std::move(errors));
    db::Transaction tx(db);
    if (db.query("SELECT 1 FROM users WHERE id = $1 AND status = 'active'", {user_id}).empty()) {
        return fail(ErrorKind::not_found, "There is no active user " + std::to_string(user_id));
    }
    CreatedToken created;
    created.secret = credentials::new_token(api_token_prefix, 32);
    db::Value expiry = expires_at ? db::Value(iso_utc(*expires_at)) : db::Value(db::Null{});
    auto id = db.query("INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) "
                       "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                       {user_id, std::string(name), credentials::token_hash(created.secret), iso_utc(now), expiry})
                  .rows.front()
                  .integer(0);
    audit::append(db, actor, {"api_token.created", "api_token", std::to_string(id),
                              {{"name", std::nullopt, std::string(name)},
                               {"user_id", std::nullopt, std::to_string(user_id)},
                               {"expires_at", std::nullopt, expires_at ? std::optional(iso_utc(*expires_at)) : std::nullopt}},
                              ""});
    tx.commit();
    created.token = token_from(db.query(std::string(token_columns) + "WHERE id = $1", {id}).rows.front());
    return created;
}

std::optional<ApiToken> use_api_token(db::Connection& db, std::string_view secret, UnixSeconds now) {
    if (!secret.starts_with(api_token_prefix) || secret.size() > 100) return std::nullopt;
    auto result = db.query(
        "SELECT t.id, t.user_id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at "
        "FROM api_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) "
        "AND u.status = 'active'",
        {credentials::token_hash(secret), iso_utc(now)});
    if (result.empty()) return std::nullopt;
    ApiToken token = token_from(result.rows.front());
    // At most one write a minute per token, like sessions.
    auto last = token.last_used_at ? parse_iso_utc(*token.last_used_at) : std::nullopt;
    if (!last || now - *last >= 60) {
        db.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", {token.id, iso_utc(now)});
    }
    return token;
}

Status revoke_api_token(db::Connection& db, std::int64_t user_id, std::int64_t token_id, UnixSeconds now,
                        const audit::Actor& actor) {
    db::Transaction tx(db);
    auto revoked = db.query("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
                            {token_id, user_id, iso_utc(now)});
    if (revoked.affected == 0) return fail(ErrorKind::not_found, "There is no live API token " + std::to_string(token_id));
    audit::append(db, actor, {"api_token.revoked", "api_token", std::to_string(token_id),
                              {{"revoked_at", std::nullopt, iso_utc(now)}}, ""});
    tx.commit();
    return {};
}

std::vector<ApiToken> list_api_tokens(db::Connection& db, std::int64_t user_id) {
    auto result = db.query(std::string(token_columns) + "WHERE user_id = $1 ORDER BY id", {user_id});
    std::vector<ApiToken> tokens;
    for (const auto& row : result.rows) tokens.push_back(token_from(row));
    return tokens;
}

}  // namespace safeboard::auth
