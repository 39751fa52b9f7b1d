#pragma once
// The account store: SQL for users, their grants, set-up links and recovery
// codes, and the checks on what a user may be given.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/model.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"

namespace safeboard::auth {

// The form of an email used for uniqueness and look-up.
std::string email_key(std::string_view email);

// Whether a scope names a record that exists. The modules that own those
// records answer (the app wires the register's in); the platform does not
// know their tables.
using ScopeExists = std::function<bool(db::Connection&, const access::Scope&)>;
// Until a module answers, only the whole instance exists.
bool only_the_instance(db::Connection&, const access::Scope& scope);

struct NewUser {
    std::string email;
    std::string name;
    std::vector<access::Grant> grants;
};

// Every field error at once: email (shape, length), name (length, control
// characters), at least one grant, each grant's scope existing.
Status validate(db::Connection& db, const NewUser& user, const ScopeExists& exists);

// Creates the user (with its grants) and records it in the audit log, in one
// transaction; a conflict when the email is taken (case-insensitively).
Result<User> create_user(db::Connection& db, const NewUser& user, const std::optional<std::string>& password_hash,
                         const audit::Actor& actor, const ScopeExists& exists);

std::optional<User> find_user(db::Connection& db, std::int64_t id);
std::optional<User> find_user_by_email(db::Connection& db, std::string_view email);
// Newest last; keyset by id.
std::vector<User> list_users(db::Connection& db, int limit, std::int64_t after_id = 0);

// Disables the user and ends every session and API token at once.
Status disable_user(db::Connection& db, std::int64_t user_id, const audit::Actor& actor);
Status enable_user(db::Connection& db, std::int64_t user_id, const audit::Actor& actor);
Status add_grant(db::Connection& db, std::int64_t user_id, const access::Grant& grant, const audit::Actor& actor,
                 const ScopeExists& exists);
Status remove_grant(db::Connection& db, std::int64_t user_id, const access::Grant& grant, const audit::Actor& actor);

// Stores a new password hash (inside the caller's transaction) and audits it without the hash.
void store_password_hash(db::Connection& db, std::int64_t user_id, const std::string& phc, const audit::Actor& actor,
                         std::string_view why);

// Second factor.
void store_totp(db::Connection& db, std::int64_t user_id, const std::string& secret_base32,
                const std::vector<std::string>& recovery_code_hashes, const audit::Actor& actor);
// Records that a time step was used, if it is newer than the last one; false if it was not (a replay).
bool use_totp_step(db::Connection& db, std::int64_t user_id, std::int64_t step);
// Marks the recovery code used; false when no unused code has this hash.
bool use_recovery_code(db::Connection& db, std::int64_t user_id, const std::string& code_hash);
std::int64_t unused_recovery_codes(db::Connection& db, std::int64_t user_id);

// Set-up links: stores the hash, valid until `expires_at`.
void store_setup_link(db::Connection& db, std::int64_t user_id, const std::string& link_hash, UnixSeconds now,
                      UnixSeconds expires_at);
// The user a live, unused link belongs to.
std::optional<std::int64_t> setup_link_user(db::Connection& db, const std::string& link_hash, UnixSeconds now);
void use_setup_link(db::Connection& db, const std::string& link_hash, UnixSeconds now);

}  // namespace safeboard::auth
