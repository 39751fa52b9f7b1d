#include "platform/auth/sessions.hpp"

#include "platform/credentials/secrets.hpp"

namespace safeboard::auth {

namespace {

constexpr UnixSeconds touch_interval = 60;

constexpr const char* session_columns =
    "SELECT id, user_id, stage, csrf_token, pending_totp_secret, created_at, last_seen_at, expires_at, remote, "
    "user_agent FROM sessions ";

UnixSeconds instant(const db::Row& row, std::size_t i) { return parse_iso_utc(row.text(i)).value_or(0); }

Session session_from(const db::Row& row) {
    Session s;
    s.id = row.integer(0);
    s.user_id = row.integer(1);
    s.second_factor_due = row.text(2) == "password";
    s.csrf_token = row.text(3);
    s.pending_totp_secret = row.optional_text(4);
    s.created_at = instant(row, 5);
    s.last_seen_at = instant(row, 6);
    s.expires_at = instant(row, 7);
    s.remote = row.text(8);
    s.user_agent = row.text(9);
    return s;
}

std::string stage(bool second_factor_due) { return second_factor_due ? "password" : "full"; }

// Idle or past the absolute limit: the reason, or "" while the session lives.
std::string expiry_reason(const Session& s, UnixSeconds now, const SessionPolicy& policy) {
    if (now >= s.expires_at) return "absolute timeout";
    if (now - s.last_seen_at >= policy.idle_timeout) return "idle timeout";
    return {};
}

}  // namespace

StartedSession start_session(db::Connection& db, std::int64_t user_id, bool second_factor_due, UnixSeconds now,
                             const SessionPolicy& policy, std::string_view remote, std::string_view user_agent) {
    StartedSession started;
    started.cookie_value = credentials::new_token("", 32);
    Session& s = started.session;
    s.user_id = user_id;
    s.second_factor_due = second_factor_due;
    s.csrf_token = credentials::new_token("", 32);
    s.created_at = s.last_seen_at = now;
    s.expires_at = now + policy.absolute_timeout;
    s.remote = std::string(remote.substr(0, 64));
    s.user_agent = std::string(user_agent.substr(0, 300));
    s.id = db.query("INSERT INTO sessions (id_hash, user_id, stage, csrf_token, created_at, last_seen_at, expires_at, "
                    "remote, user_agent) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8) RETURNING id",
                    {credentials::token_hash(started.cookie_value), user_id, stage(second_factor_due), s.csrf_token,
                     iso_utc(now), iso_utc(s.expires_at), s.remote, s.user_agent})
               .rows.front()
               .integer(0);
    return started;
}

SessionLookup find_session(db::Connection& db, std::string_view cookie_value, UnixSeconds now,
                           const SessionPolicy& policy) {
    SessionLookup lookup;
    auto result = db.query(std::string(session_columns) + "WHERE id_hash = $1 AND ended_at IS NULL",
                           {credentials::token_hash(cookie_value)});
    if (result.empty()) return lookup;
    Session session = session_from(result.rows.front());
    if (auto reason = expiry_reason(session, now, policy); !reason.empty()) {
        end_session(db, session.id, reason, now);
        lookup.state = SessionLookup::State::expired;
        return lookup;
    }
    lookup.state = SessionLookup::State::live;
    lookup.session = std::move(session);
    return lookup;
}

void touch_session(db::Connection& db, const Session& session, UnixSeconds now) {
    if (now - session.last_seen_at < touch_interval) return;
    db.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL", {session.id, iso_utc(now)});
}

RenewedSession rotate_session(db::Connection& db, std::int64_t session_id, bool second_factor_due, UnixSeconds now) {
    RenewedSession renewed{credentials::new_token("", 32), credentials::new_token("", 32)};
    db.query("UPDATE sessions SET id_hash = $2, stage = $3, csrf_token = $4, last_seen_at = $5, pending_totp_secret = NULL "
             "WHERE id = $1",
             {session_id, credentials::token_hash(renewed.cookie_value), stage(second_factor_due), renewed.csrf_token,
              iso_utc(now)});
    return renewed;
}

void end_session(db::Connection& db, std::int64_t session_id, std::string_view reason, UnixSeconds now) {
    db.query("UPDATE sessions SET ended_at = $2, ended_reason = $3 WHERE id = $1 AND ended_at IS NULL",
             {session_id, iso_utc(now), std::string(reason)});
}

std::int64_t end_user_sessions(db::Connection& db, std::int64_t user_id, std::string_view reason, UnixSeconds now,
                               std::optional<std::int64_t> keep) {
    return db.query("UPDATE sessions SET ended_at = $2, ended_reason = $3 "
                    "WHERE user_id = $1 AND ended_at IS NULL AND id <> $4",
                    {user_id, iso_utc(now), std::string(reason), keep.value_or(0)})
        .affected;
}

std::int64_t sign_out_everywhere(db::Connection& db, std::int64_t user_id, std::string_view reason, UnixSeconds now,
                                 const audit::Actor& actor) {
    db::Transaction tx(db);
    auto ended = end_user_sessions(db, user_id, reason, now);
    audit::append(db, actor, {"user.signed_out_everywhere", "user", std::to_string(user_id), {},
                              std::string(reason) + ": " + std::to_string(ended) + " session(s) ended"});
    tx.commit();
    return ended;
}

void set_pending_totp(db::Connection& db, std::int64_t session_id, const std::optional<std::string>& secret) {
    db.query("UPDATE sessions SET pending_totp_secret = $2 WHERE id = $1",
             {session_id, secret ? db::Value(*secret) : db::Value(db::Null{})});
}

std::vector<Session> live_sessions(db::Connection& db, std::int64_t user_id, UnixSeconds now,
                                   const SessionPolicy& policy) {
    auto result = db.query(std::string(session_columns) + "WHERE user_id = $1 AND ended_at IS NULL ORDER BY id",
                           {user_id});
    std::vector<Session> sessions;
    for (const auto& row : result.rows) {
        Session s = session_from(row);
        if (expiry_reason(s, now, policy).empty()) sessions.push_back(std::move(s));
    }
    return sessions;
}

}  // namespace safeboard::auth
