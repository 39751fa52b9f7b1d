#pragma once
// Server-side sessions. The browser holds a 256-bit random id in the cookie;
// the database holds only its hash, so a copy of the database signs nobody in.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/model.hpp"
#include "platform/db/database.hpp"

namespace safeboard::auth {

struct StartedSession {
    std::string cookie_value;  // give to the browser once; never stored
    Session session;
};

StartedSession start_session(db::Connection& db, std::int64_t user_id, bool second_factor_due, UnixSeconds now,
                             const SessionPolicy& policy, std::string_view remote, std::string_view user_agent);

struct SessionLookup {
    enum class State { none, live, expired } state = State::none;
    Session session;  // when live
};

// The live session this cookie value names. A session past its idle or
// absolute limit is ended here (and reported as expired), so it can never
// come back.
SessionLookup find_session(db::Connection& db, std::string_view cookie_value, UnixSeconds now,
                           const SessionPolicy& policy);
// Records activity; writes at most once a minute per session.
void touch_session(db::Connection& db, const Session& session, UnixSeconds now);
// A new id for the same session (at sign-in and when the second factor
// passes), so an id seen before sign-in is worthless after it.
struct RenewedSession {
    std::string cookie_value;  // give to the browser once
    std::string csrf_token;    // the forms of the response must carry the new one
};
RenewedSession rotate_session(db::Connection& db, std::int64_t session_id, bool second_factor_due, UnixSeconds now);
void end_session(db::Connection& db, std::int64_t session_id, std::string_view reason, UnixSeconds now);
// Ends every live session of the user but `keep`; returns how many.
std::int64_t end_user_sessions(db::Connection& db, std::int64_t user_id, std::string_view reason, UnixSeconds now,
                               std::optional<std::int64_t> keep = std::nullopt);
// "Sign out everywhere", by the user or an admin: ends every session and
// records it in the audit log, in one transaction; returns how many ended.
std::int64_t sign_out_everywhere(db::Connection& db, std::int64_t user_id, std::string_view reason, UnixSeconds now,
                                 const audit::Actor& actor);
void set_pending_totp(db::Connection& db, std::int64_t session_id, const std::optional<std::string>& secret);
std::vector<Session> live_sessions(db::Connection& db, std::int64_t user_id, UnixSeconds now,
                                   const SessionPolicy& policy);

}  // namespace safeboard::auth
