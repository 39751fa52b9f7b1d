#pragma once
// The assembled service over real HTTP on a loopback port, on a migrated
// SQLite database in a temporary directory. A fixture derives from it,
// seeds the database in seed() and may change the auth settings first.
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/http/test_server.hpp"

namespace safeboard::app::testing {

class RunningService : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("safeboard-app-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        auto url = db::parse_database_url("sqlite:" + (dir_ / "test.db").string());
        pool_ = std::make_unique<db::Pool>(*url, db::PoolOptions{2, std::chrono::milliseconds(2000)});
        {
            auto lease = pool_->acquire();
            db::migrate(*lease, all_migrations());
            seed(*lease);
        }
        service_ = make_service(pool_.get(), settings_, dir_ / "files");
        http::ServerOptions options;
        options.workers = 2;
        server_ = std::make_unique<safeboard::testing::TestServer>(service_->router, options, pool_.get(),
                                                                   web::error_page_hook(*service_->web),
                                                                   &service_->metrics, service_->gate.get());
    }
    void TearDown() override {
        server_.reset();
        service_.reset();
        pool_.reset();
        std::filesystem::remove_all(dir_);
    }
    virtual void seed(db::Connection&) {}
    // A user with one role (the scope says where) and an API token for them: the token's secret.
    std::string token_for(db::Connection& db, const std::string& email, access::Role role, access::Scope scope = {}) {
        auto user = auth::create_user(db, {email, email, {{role, scope}}}, std::nullopt, actor_, register_::scope_exists);
        return auth::create_api_token(db, user->id, "tests", std::nullopt, system_now(), actor_)->secret;
    }
    safeboard::testing::Client client() { return safeboard::testing::Client(server_->port()); }

    auth::AuthSettings settings_;
    std::filesystem::path dir_;
    std::unique_ptr<db::Pool> pool_;
    std::unique_ptr<app::Service> service_;
    std::unique_ptr<safeboard::testing::TestServer> server_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
};

}  // namespace safeboard::app::testing
