#include "platform/auth/users.hpp"

#include <algorithm>

#include "platform/auth/sessions.hpp"
#include "platform/core/text.hpp"

namespace safeboard::auth {

namespace {

constexpr const char* user_columns =
    "SELECT id, email, name, password_hash, status, totp_secret, totp_last_step, created_at FROM users ";

User user_from(const db::Row& row) {
    User user;
    user.id = row.integer(0);
    user.email = row.text(1);
    user.name = row.text(2);
    user.password_hash = row.optional_text(3);
    user.disabled = row.text(4) == "disabled";
    user.totp_secret = row.optional_text(5);
    user.totp_last_step = row.optional_integer(6);
    user.created_at = row.text(7);
    return user;
}

std::vector<access::Grant> grants_of(db::Connection& db, std::int64_t user_id) {
    auto result = db.query("SELECT role, scope FROM user_grants WHERE user_id = $1 ORDER BY role, scope", {user_id});
    std::vector<access::Grant> grants;
    for (const auto& row : result.rows) {
        auto role = access::parse_role(row.text(0));
        auto scope = access::parse_scope(row.text(1));
        // A row this binary cannot read grants nothing: deny by default.
        if (role && scope) grants.push_back({*role, *scope});
    }
    return grants;
}

std::optional<User> one_user(db::Connection& db, db::ResultSet result) {
    if (result.empty()) return std::nullopt;
    User user = user_from(result.rows.front());
    user.grants = grants_of(db, user.id);
    return user;
}

std::optional<FieldError> check_email(std::string_view email) {
    if (auto problem = check_line("email", "Email address", email, 1, 254)) return problem;
    auto at = email.find('@');
    bool shaped = at != std::string_view::npos && at > 0 && email.find('@', at + 1) == std::string_view::npos &&
                  email.find(' ') == std::string_view::npos && email.find('.', at) != std::string_view::npos &&
                  email.back() != '.' && email.find('.', at) != at + 1;
    if (!shaped) return FieldError{"email", "Enter an email address in the correct format, like name@example.org"};
    return std::nullopt;
}

audit::Entry user_entry(std::string action, std::int64_t user_id, std::vector<audit::FieldChange> changes = {},
                        std::string detail = {}) {
    return {std::move(action), "user", std::to_string(user_id), std::move(changes), std::move(detail)};
}

std::string grant_text(const access::Grant& grant) {
    return std::string(access::to_string(grant.role)) + " in " + access::to_string(grant.scope);
}

Status user_exists(db::Connection& db, std::int64_t user_id) {
    if (db.query("SELECT 1 FROM users WHERE id = $1", {user_id}).empty()) {
        return fail(ErrorKind::not_found, "There is no user " + std::to_string(user_id));
    }
    return {};
}

std::optional<FieldError> check_scope(db::Connection& db, const access::Scope& scope, const ScopeExists& exists) {
    if (scope.kind == access::ScopeKind::instance || exists(db, scope)) return std::nullopt;
    return FieldError{"scope", "There is no " + std::string(access::to_string(scope.kind)) + " " + std::to_string(scope.id)};
}

}  // namespace

bool User::needs_mfa() const {
    return std::any_of(grants.begin(), grants.end(), [](const access::Grant& g) { return access::requires_mfa(g.role); });
}

bool only_the_instance(db::Connection&, const access::Scope& scope) {
    return scope.kind == access::ScopeKind::instance;
}

std::string email_key(std::string_view email) { return lower_ascii(trim(email)); }

Status validate(db::Connection& db, const NewUser& user, const ScopeExists& exists) {
    std::vector<FieldError> errors;
    if (auto problem = check_email(user.email)) errors.push_back(*problem);
    if (auto problem = check_line("name", "Full name", user.name, 1, 200)) errors.push_back(*problem);
    if (user.grants.empty()) errors.push_back({"role", "Choose a role"});
    for (const auto& grant : user.grants) {
        if (auto problem = check_scope(db, grant.scope, exists)) errors.push_back(*problem);
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return {};
}

Result<User> create_user(db::Connection& db, const NewUser& user, const std::optional<std::string>& password_hash,
                         const audit::Actor& actor, const ScopeExists& exists) {
    db::Transaction tx(db);
    if (auto ok = validate(db, user, exists); !ok) return std::unexpected(ok.error());
    auto key = email_key(user.email);
    if (!db.query("SELECT 1 FROM users WHERE email_key = $1", {key}).empty()) {
        return std::unexpected(Error{ErrorKind::conflict, "There is already a user with this email address",
                                    {{"email", "There is already a user with this email address"}}});
    }
    db::Value hash = password_hash ? db::Value(*password_hash) : db::Value(db::Null{});
    auto id = db.query("INSERT INTO users (email, email_key, name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id",
                       {trim(user.email), key, user.name, hash})
                  .rows.front()
                  .integer(0);
    std::vector<audit::FieldChange> changes{{"email", std::nullopt, trim(user.email)},
                                            {"name", std::nullopt, user.name}};
    if (password_hash) changes.push_back({"password", std::nullopt, "[set]"});
    for (const auto& grant : user.grants) {
        db.query("INSERT INTO user_grants (user_id, role, scope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                 {id, std::string(access::to_string(grant.role)), access::to_string(grant.scope)});
        changes.push_back({"grant", std::nullopt, grant_text(grant)});
    }
    audit::append(db, actor, user_entry("user.created", id, std::move(changes)));
    tx.commit();
    return *find_user(db, id);
}

std::optional<User> find_user(db::Connection& db, std::int64_t id) {
    return one_user(db, db.query(std::string(user_columns) + "WHERE id = $1", {id}));
}

std::optional<User> find_user_by_email(db::Connection& db, std::string_view email) {
    return one_user(db, db.query(std::string(user_columns) + "WHERE email_key = $1", {email_key(email)}));
}

std::vector<User> list_users(db::Connection& db, int limit, std::int64_t after_id) {
    auto result = db.query(std::string(user_columns) + "WHERE id > $1 ORDER BY id LIMIT $2",
                           {after_id, std::int64_t{limit}});
    std::vector<User> users;
    for (const auto& row : result.rows) {
        users.push_back(user_from(row));
        users.back().grants = grants_of(db, users.back().id);
    }
    return users;
}

Status disable_user(db::Connection& db, std::int64_t user_id, const audit::Actor& actor) {
    db::Transaction tx(db);
    if (auto ok = user_exists(db, user_id); !ok) return ok;
    auto at = system_now();
    auto now = iso_utc(at);
    auto changed = db.query("UPDATE users SET status = 'disabled', updated_at = $2 WHERE id = $1 AND status <> 'disabled'",
                            {user_id, now});
    auto sessions = end_user_sessions(db, user_id, "user disabled", at);
    auto tokens = db.query("UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
                           {user_id, now});
    if (changed.affected > 0) {
        audit::append(db, actor,
                      user_entry("user.disabled", user_id, {{"status", "active", "disabled"}},
                                 std::to_string(sessions) + " session(s) ended, " +
                                     std::to_string(tokens.affected) + " API token(s) revoked"));
    }
    tx.commit();
    return {};
}

Status enable_user(db::Connection& db, std::int64_t user_id, const audit::Actor& actor) {
    db::Transaction tx(db);
    if (auto ok = user_exists(db, user_id); !ok) return ok;
    auto changed = db.query("UPDATE users SET status = 'active', updated_at = $2 WHERE id = $1 AND status <> 'active'",
                            {user_id, iso_utc(system_now())});
    if (changed.affected > 0) audit::append(db, actor, user_entry("user.enabled", user_id, {{"status", "disabled", "active"}}));
    tx.commit();
    return {};
}

Status add_grant(db::Connection& db, std::int64_t user_id, const access::Grant& grant, const audit::Actor& actor,
                 const ScopeExists& exists) {
    db::Transaction tx(db);
    if (auto ok = user_exists(db, user_id); !ok) return ok;
    if (auto problem = check_scope(db, grant.scope, exists)) return invalid({*problem});
    auto added = db.query("INSERT INTO user_grants (user_id, role, scope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                          {user_id, std::string(access::to_string(grant.role)), access::to_string(grant.scope)});
    if (added.affected > 0) audit::append(db, actor, user_entry("user.grant_added", user_id, {{"grant", std::nullopt, grant_text(grant)}}));
    tx.commit();
    return {};
}

Status remove_grant(db::Connection& db, std::int64_t user_id, const access::Grant& grant, const audit::Actor& actor) {
    db::Transaction tx(db);
    if (auto ok = user_exists(db, user_id); !ok) return ok;
    auto removed = db.query("DELETE FROM user_grants WHERE user_id = $1 AND role = $2 AND scope = $3",
                            {user_id, std::string(access::to_string(grant.role)), access::to_string(grant.scope)});
    if (removed.affected > 0) audit::append(db, actor, user_entry("user.grant_removed", user_id, {{"grant", grant_text(grant), std::nullopt}}));
    tx.commit();
    return {};
}

void store_password_hash(db::Connection& db, std::int64_t user_id, const std::string& phc, const audit::Actor& actor,
                         std::string_view why) {
    db.query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1", {user_id, phc, iso_utc(system_now())});
    audit::append(db, actor, user_entry("user.password_changed", user_id, {{"password", "[redacted]", "[redacted]"}},
                                        std::string(why)));
}

void store_totp(db::Connection& db, std::int64_t user_id, const std::string& secret_base32,
                const std::vector<std::string>& recovery_code_hashes, const audit::Actor& actor) {
    db.query("UPDATE users SET totp_secret = $2, totp_last_step = NULL, updated_at = $3 WHERE id = $1",
             {user_id, secret_base32, iso_utc(system_now())});
    db.query("DELETE FROM recovery_codes WHERE user_id = $1", {user_id});
    for (const auto& hash : recovery_code_hashes) {
        db.query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", {user_id, hash});
    }
    audit::append(db, actor, user_entry("user.mfa_enrolled", user_id, {{"totp_secret", std::nullopt, "[redacted]"}},
                                        std::to_string(recovery_code_hashes.size()) + " recovery codes issued"));
}

bool use_totp_step(db::Connection& db, std::int64_t user_id, std::int64_t step) {
    auto updated = db.query("UPDATE users SET totp_last_step = $2 WHERE id = $1 AND "
                            "(totp_last_step IS NULL OR totp_last_step < $2)", {user_id, step});
    return updated.affected == 1;
}

bool use_recovery_code(db::Connection& db, std::int64_t user_id, const std::string& code_hash) {
    auto updated = db.query("UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
                            {user_id, code_hash, iso_utc(system_now())});
    return updated.affected == 1;
}

std::int64_t unused_recovery_codes(db::Connection& db, std::int64_t user_id) {
    return db.query("SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", {user_id})
        .rows.front()
        .integer(0);
}

void store_setup_link(db::Connection& db, std::int64_t user_id, const std::string& link_hash, UnixSeconds now,
                      UnixSeconds expires_at) {
    db.query("INSERT INTO setup_links (user_id, link_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
             {user_id, link_hash, iso_utc(now), iso_utc(expires_at)});
}

std::optional<std::int64_t> setup_link_user(db::Connection& db, const std::string& link_hash, UnixSeconds now) {
    auto result = db.query("SELECT user_id FROM setup_links WHERE link_hash = $1 AND used_at IS NULL AND expires_at > $2",
                           {link_hash, iso_utc(now)});
    if (result.empty()) return std::nullopt;
    return result.rows.front().integer(0);
}

void use_setup_link(db::Connection& db, const std::string& link_hash, UnixSeconds now) {
    db.query("UPDATE setup_links SET used_at = $2 WHERE link_hash = $1", {link_hash, iso_utc(now)});
}

}  // namespace safeboard::auth
