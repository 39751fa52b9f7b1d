#include "app/account_commands.hpp"

#include <fstream>
#include <istream>
#include <ostream>

#include "app/command_support.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"

namespace safeboard::app {

namespace {

int report(const Error& error, std::ostream& err) {
    if (error.fields.empty()) err << "safeboard: " << error.message << "\n";
    for (const auto& field : error.fields) err << "safeboard: " << field.field << ": " << field.message << "\n";
    return 1;
}

std::string describe(const access::Grant& grant) {
    return std::string(access::to_string(grant.role)) + "@" + access::to_string(grant.scope);
}

// One line from stdin, without its line end; nothing when stdin is empty.
std::optional<std::string> read_password(std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

int user_add(const config::Settings& settings, const UserAddOptions& options, std::istream& in, std::ostream& out,
             std::ostream& err) {
    auto role = access::parse_role(options.role);
    auto scope = access::parse_scope(options.scope);
    std::vector<FieldError> errors;
    if (!role) errors.push_back({"role", "must be one of admin, business_unit, chair, statutory_partner, agency_lead, "
                                         "member, review_panel, child_death_panel, scrutiny, viewer"});
    if (!scope) errors.push_back({"scope", "must be instance, partnership:ID, organisation:ID or body:ID"});
    if (!errors.empty()) return report(Error{ErrorKind::validation, "", errors}, err);
    return with_database(settings, "cannot add the user", err, [&](db::Connection& db) {
        auth::Authenticator authenticator(auth_settings(settings));
        std::optional<std::string> hash;
        if (options.password_stdin) {
            auto password = read_password(in);
            if (!password) return report(Error{ErrorKind::validation, "no password on standard input", {}}, err);
            auto problems = authenticator.password_problems("password", *password, options.email, options.name);
            if (!problems.empty()) return report(Error{ErrorKind::validation, "", problems}, err);
            hash = authenticator.hash(*password);
        }
        auth::NewUser user{options.email, options.name, {{*role, *scope}}};
        auto created = auth::create_user(db, user, hash, command_actor(), authenticator.settings().scope_exists);
        if (!created) return report(created.error(), err);
        out << "added user " << created->id << " " << created->email << " (" << describe(created->grants.front())
            << ")\n";
        if (!hash) {
            auto link = authenticator.issue_setup_link(db, created->id, command_actor());
            out << "set-up link (shown once, valid for " << authenticator.settings().setup_link_lifetime / 3600
                << " hours): " << link << "\n";
        }
        if (created->needs_mfa()) out << "this role needs an authenticator app: it is set up at first sign-in\n";
        return 0;
    });
}

int user_list(const config::Settings& settings, std::ostream& out, std::ostream& err) {
    return with_database(settings, "cannot list users", err, [&](db::Connection& db) {
        out << "id\temail\tname\tstatus\tmfa\troles\n";
        std::int64_t after = 0;
        for (;;) {
            auto users = auth::list_users(db, 500, after);
            for (const auto& user : users) {
                std::string roles;
                for (const auto& grant : user.grants) roles += (roles.empty() ? "" : ",") + describe(grant);
                out << user.id << "\t" << user.email << "\t" << user.name << "\t"
                    << (user.disabled ? "disabled" : "active") << "\t" << (user.mfa_enrolled() ? "on" : "off") << "\t"
                    << roles << "\n";
            }
            if (users.size() < 500) return 0;
            after = users.back().id;
        }
    });
}

int user_disable(const config::Settings& settings, const std::string& email, std::ostream& out, std::ostream& err) {
    return with_database(settings, "cannot disable the user", err, [&](db::Connection& db) {
        auto user = auth::find_user_by_email(db, email);
        if (!user) return report(Error{ErrorKind::not_found, "there is no user " + email, {}}, err);
        if (auto done = auth::disable_user(db, user->id, command_actor()); !done) return report(done.error(), err);
        out << "disabled " << user->email << ": their sessions and API tokens have ended\n";
        return 0;
    });
}

int token_create(const config::Settings& settings, const TokenCreateOptions& options, std::ostream& out,
                 std::ostream& err) {
    std::optional<UnixSeconds> expires;
    if (options.expires) {
        expires = parse_date(*options.expires);
        if (!expires) return report(Error{ErrorKind::validation, "", {{"expires", "must be a date, YYYY-MM-DD"}}}, err);
    }
    return with_database(settings, "cannot create the token", err, [&](db::Connection& db) {
        auto user = auth::find_user_by_email(db, options.user);
        if (!user || user->disabled) return report(Error{ErrorKind::not_found, "there is no active user " + options.user, {}}, err);
        auto created = auth::create_api_token(db, user->id, options.name, expires, system_now(), command_actor());
        if (!created) return report(created.error(), err);
        // The token alone on stdout, so a script can capture it; it is not shown again.
        out << created->secret << "\n";
        err << "safeboard: token " << created->token.id << " \"" << created->token.name << "\" for " << user->email
            << (expires ? " until " + *options.expires : std::string(", no expiry")) << "\n";
        return 0;
    });
}

int token_list(const config::Settings& settings, const std::string& email, std::ostream& out, std::ostream& err) {
    return with_database(settings, "cannot list tokens", err, [&](db::Connection& db) {
        auto user = auth::find_user_by_email(db, email);
        if (!user) return report(Error{ErrorKind::not_found, "there is no user " + email, {}}, err);
        out << "id\tname\tcreated\texpires\trevoked\tlast_used\n";
        for (const auto& t : auth::list_api_tokens(db, user->id)) {
            out << t.id << "\t" << t.name << "\t" << t.created_at << "\t" << t.expires_at.value_or("-") << "\t"
                << t.revoked_at.value_or("-") << "\t" << t.last_used_at.value_or("-") << "\n";
        }
        return 0;
    });
}

int token_revoke(const config::Settings& settings, const std::string& email, std::int64_t id, std::ostream& out,
                 std::ostream& err) {
    return with_database(settings, "cannot revoke the token", err, [&](db::Connection& db) {
        auto user = auth::find_user_by_email(db, email);
        if (!user) return report(Error{ErrorKind::not_found, "there is no user " + email, {}}, err);
        if (auto done = auth::revoke_api_token(db, user->id, id, system_now(), command_actor()); !done) {
            return report(done.error(), err);
        }
        out << "revoked token " << id << " of " << user->email << "\n";
        return 0;
    });
}

int audit_export(const config::Settings& settings, const std::string& from, const std::string& to,
                 const std::string& file, std::ostream& out, std::ostream& err) {
    audit::Search range;
    range.from = from;
    range.to = to;
    if (auto ok = audit::validate(range); !ok) return report(ok.error(), err);
    return with_database(settings, "cannot export the audit log", err, [&](db::Connection& db) {
        std::ofstream stream;
        if (!file.empty()) {
            stream.open(file, std::ios::binary | std::ios::trunc);
            if (!stream) return report(Error{ErrorKind::validation, "cannot write " + file, {}}, err);
        }
        std::ostream& target = file.empty() ? out : stream;
        auto written = audit::export_jsonl(db, from, to, target);
        target.flush();
        if (!target) return report(Error{ErrorKind::internal, "writing the export failed", {}}, err);
        err << "safeboard: exported " << written << " audit entries\n";
        return 0;
    });
}

}  // namespace safeboard::app
