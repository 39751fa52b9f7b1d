#pragma once
// The commands for accounts, API tokens and the audit log:
//   safeboard user add|list|disable, safeboard token create|list|revoke,
//   safeboard audit export.
// Each returns the process exit code: 0 done, 1 refused or failed (the
// reason on `err`, naming the field), 2 bad usage.
#include <iosfwd>
#include <optional>
#include <string>

#include "platform/config/settings.hpp"

namespace safeboard::app {

struct UserAddOptions {
    std::string email;
    std::string name;
    std::string role;
    std::string scope = "instance";
    bool password_stdin = false;
};

int user_add(const config::Settings& settings, const UserAddOptions& options, std::istream& in, std::ostream& out,
             std::ostream& err);
int user_list(const config::Settings& settings, std::ostream& out, std::ostream& err);
int user_disable(const config::Settings& settings, const std::string& email, std::ostream& out, std::ostream& err);

struct TokenCreateOptions {
    std::string user;
    std::string name;
    std::optional<std::string> expires;  // YYYY-MM-DD: the token stops working at the start of that day (UTC)
};

int token_create(const config::Settings& settings, const TokenCreateOptions& options, std::ostream& out,
                 std::ostream& err);
int token_list(const config::Settings& settings, const std::string& user, std::ostream& out, std::ostream& err);
int token_revoke(const config::Settings& settings, const std::string& user, std::int64_t id, std::ostream& out,
                 std::ostream& err);

// Writes the entries from `from` to `to` (YYYY-MM-DD, inclusive) and the
// chain's head as JSON lines, to `file` or, when empty, to `out`.
int audit_export(const config::Settings& settings, const std::string& from, const std::string& to,
                 const std::string& file, std::ostream& out, std::ostream& err);

}  // namespace safeboard::app
