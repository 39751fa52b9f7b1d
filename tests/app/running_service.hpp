#pragma once
// The assembled service over real HTTP on a loopback port, on a migrated
// SQLite database in a temporary directory. A fixture derives from it,
// seeds the database in seed() and may change the auth settings first.
#include <filesystem>
#include <memory>
#include <regex>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/http/test_server.hpp"

namespace safeboard::app::testing {

// What a browser reads back: a cookie the response sets, and the form token
// a page's form carries.
inline std::string cookie_value(const safeboard::testing::RawResponse& response, const std::string& name) {
    for (const auto& field : response) {
        if (field.name() != boost::beast::http::field::set_cookie) continue;
        std::string value(field.value());
        if (value.starts_with(name + "=")) return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
    return {};
}
inline std::string hidden_token(const std::string& html) {
    std::smatch match;
    std::regex pattern(R"re(name="csrf_token" value="([^"]*)")re");
    return std::regex_search(html, match, pattern) ? match[1].str() : std::string();
}

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
        std::array<unsigned char, reviews::Vault::kKeyBytes> key{};
        key.fill(7);  // a fixed test key: the tests read back what they sealed
        service_ = make_service(pool_.get(), settings_, dir_ / "files",
                                std::make_shared<const reviews::Vault>(reviews::Vault::with_key(key)));
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
    // A request to the running service with an API token (none when empty)
    // and a JSON (or `type`) body.
    safeboard::testing::RawResponse call(boost::beast::http::verb method, const std::string& target,
                                         const std::string& token, std::string body = {},
                                         std::string type = "application/json") {
        std::vector<std::pair<std::string, std::string>> headers;
        if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
        if (!body.empty()) headers.emplace_back("Content-Type", std::move(type));
        return client().send(method, target, std::move(body), headers);
    }
    // GET, expecting `status`, and the body as JSON.
    boost::json::value get(const std::string& target, const std::string& token, unsigned status = 200) {
        auto response = call(boost::beast::http::verb::get, target, token);
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return boost::json::parse(response.body());
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
