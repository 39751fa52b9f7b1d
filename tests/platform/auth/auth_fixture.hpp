#pragma once
// A migrated database with the platform's schema, an Authenticator on a clock
// the test moves, and quick hashing (the parameters are not what is tested).
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/authenticator.hpp"
#include "platform/auth/module.hpp"
#include "platform/auth/users.hpp"
#include "platform/db/migrations.hpp"
#include "platform/credentials/password.hpp"
#include "support/test_database.hpp"

namespace safeboard::auth::testing {

inline db::MigrationSet platform_migrations() {
    db::MigrationSet set;
    set.add_module("audit", audit::migrations());
    set.add_module("auth", auth::migrations());
    set.add_module("register", register_::migrations());
    return set;
}

class AuthTest : public safeboard::testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, platform_migrations());
        AuthSettings settings;
        settings.hashing = {1, 64 * 1024};
        settings.clock = [this] { return now_; };
        auth_ = std::make_unique<Authenticator>(settings);
    }

    User add_user(std::string email, access::Role role, std::optional<std::string> password = "correct horse battery staple",
                  access::Scope scope = {}) {
        std::optional<std::string> hash;
        if (password) hash = credentials::hash_password(*password, {1, 64 * 1024});
        auto user = create_user(*db_, {email, "Test " + email, {{role, scope}}}, hash, actor_, exists_);
        if (!user) throw std::runtime_error(user.error().message);
        return *user;
    }

    std::unique_ptr<db::Connection> db_;
    std::unique_ptr<Authenticator> auth_;
    UnixSeconds now_ = 1'800'000'000;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    ScopeExists exists_ = register_::scope_exists;
    Client client_{"192.0.2.1", "test browser", "req-1"};
};

}  // namespace safeboard::auth::testing
