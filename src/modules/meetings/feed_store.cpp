// Calendar feed tokens: the secret is shown once and kept only as its SHA-256.
#include "modules/meetings/store_support.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/credentials/secrets.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* token_select =
    "SELECT id, user_id, kind, COALESCE(body_id, person_id), created_at, revoked_at FROM feed_tokens ";

FeedToken token_from(const db::Row& row) {
    return {row.integer(0), row.integer(1), parse_term<FeedKind>(row.text(2)).value_or(FeedKind::body),
            row.integer(3), row.text(4),    row.optional_text(5)};
}

Snapshot snapshot(const FeedToken& t) {
    return {{"user_id", std::to_string(t.user_id)},
            {"kind", std::string(code_of(t.kind))},
            {"subject_id", std::to_string(t.subject_id)},
            {"revoked_at", t.revoked_at}};
}

}  // namespace

NewFeedToken create_feed_token(db::Connection& db, std::int64_t user_id, FeedKind kind, std::int64_t subject_id,
                               const audit::Actor& actor) {
    auto secret = credentials::new_token("sb_feed_");
    auto subject = [&](FeedKind k) { return kind == k ? db::Value(subject_id) : db::Value(db::Null{}); };
    auto now = now_utc();
    auto id = db.query(
                    "INSERT INTO feed_tokens (user_id, kind, body_id, person_id, token_hash, created_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    {user_id, std::string(code_of(kind)), subject(FeedKind::body), subject(FeedKind::person),
                     credentials::token_hash(secret), now})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "feed_token", id, {}, snapshot(FeedToken{id, user_id, kind, subject_id, now, {}}));
    return {id, secret};
}

std::optional<FeedToken> find_feed_token(db::Connection& db, std::string_view secret) {
    auto result = db.query(std::string(token_select) + "WHERE token_hash = $1 AND revoked_at IS NULL",
                           {credentials::token_hash(secret)});
    if (result.empty()) return std::nullopt;
    return token_from(result.rows.front());
}

std::vector<FeedToken> feed_tokens_of(db::Connection& db, std::int64_t user_id) {
    std::vector<FeedToken> tokens;
    for (const auto& row : db.query(std::string(token_select) + "WHERE user_id = $1 ORDER BY id", {user_id}).rows) {
        tokens.push_back(token_from(row));
    }
    return tokens;
}

bool revoke_feed_token(db::Connection& db, std::int64_t id, const audit::Actor& actor) {
    auto now = now_utc();
    auto revoked = db.query("UPDATE feed_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", {id, now});
    if (revoked.affected == 0) return false;
    record(db, actor, "update", "feed_token", id, {{"revoked_at", std::nullopt}}, {{"revoked_at", now}});
    return true;
}

}  // namespace safeboard::meetings
