// The assembled service over real HTTP on a loopback port, on a migrated
// SQLite database: what a browser, a script or a load balancer sees.
#include <filesystem>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/api/openapi.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
using safeboard::testing::Client;

class Service : public testing::RunningService {
protected:
    // An operator's script: instance-wide admin rights through an API token.
    void seed(db::Connection& db) override {
        auto user = auth::create_user(db, {"ops@example.org", "Operations", {{access::Role::admin, {}}}},
                                      std::nullopt, actor_, register_::scope_exists);
        token_ = auth::create_api_token(db, user->id, "tests", std::nullopt, system_now(), actor_)->secret;
    }
    std::vector<std::pair<std::string, std::string>> bearer() { return {{"Authorization", "Bearer " + token_}}; }

    std::string token_;
};

TEST_F(Service, HealthAndReadiness) {
    auto c = client();
    auto health = c.get("/healthz");
    EXPECT_EQ(health.result_int(), 200u);
    EXPECT_EQ(boost::json::parse(health.body()).at("status").as_string(), "ok");
    auto ready = c.get("/readyz");
    EXPECT_EQ(ready.result_int(), 200u);
    EXPECT_EQ(boost::json::parse(ready.body()).at("status").as_string(), "ready");
}

TEST_F(Service, MetricsShowRequestsAndThePool) {
    auto c = client();
    EXPECT_EQ(c.get("/metrics").result_int(), 401u);
    c.get("/readyz");
    auto metrics = c.get("/metrics", bearer());
    EXPECT_EQ(metrics.result_int(), 200u);
    EXPECT_EQ(metrics[bhttp::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
    const std::string& text = metrics.body();
    EXPECT_NE(text.find("safeboard_http_requests_total{method=\"GET\",route=\"/readyz\",status=\"200\"} 1"),
              std::string::npos) << text;
    // The metrics request holds one connection itself: the Gate looked up its token.
    EXPECT_NE(text.find("safeboard_db_pool_connections{state=\"in_use\"} 1"), std::string::npos) << text;
    EXPECT_NE(text.find("safeboard_db_pool_connections{state=\"idle\"} 1"), std::string::npos) << text;
}

TEST_F(Service, OpenApiDescribesEveryRegisteredApiRoute) {
    auto c = client();
    auto response = c.get("/api/v1/openapi.json");
    ASSERT_EQ(response.result_int(), 200u);
    auto doc = boost::json::parse(response.body());
    const auto& paths = doc.at("paths").as_object();
    std::size_t api_routes = 0;
    for (const http::Route* route : service_->router.routes()) {
        if (!route->pattern.starts_with(api::api_prefix)) continue;
        ++api_routes;
        std::string method(http::to_string(route->method));
        for (char& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        ASSERT_TRUE(paths.contains(route->pattern)) << route->pattern << " is missing from openapi.json";
        EXPECT_TRUE(paths.at(route->pattern).as_object().contains(method)) << method << " " << route->pattern;
    }
    EXPECT_GE(api_routes, 3u);
    EXPECT_TRUE(api::undescribed_routes(service_->router, service_->api).empty());
}

TEST_F(Service, ListsPagesWithOpaqueCursors) {
    {
        auto lease = pool_->acquire();
        db::Transaction tx(*lease);
        for (int i = 1; i <= 5; ++i) {
            register_::upsert_partnership(*lease, {0, "p" + std::to_string(i), "Partnership " + std::to_string(i)},
                                          actor_);
        }
        tx.commit();
    }
    auto c = client();
    std::vector<std::string> codes;
    std::string target = "/api/v1/partnerships?limit=2";
    for (int page = 0; page < 5; ++page) {
        auto response = c.get(target, bearer());
        ASSERT_EQ(response.result_int(), 200u) << response.body();
        auto body = boost::json::parse(response.body());
        for (const auto& item : body.at("items").as_array()) {
            codes.emplace_back(item.at("code").as_string());
            EXPECT_TRUE(item.at("id").is_string());
        }
        if (body.at("next").is_null()) break;
        target = "/api/v1/partnerships?limit=2&cursor=" + std::string(body.at("next").as_string());
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"p1", "p2", "p3", "p4", "p5"}));
}

TEST_F(Service, BadListParametersAre422WithEveryFieldError) {
    auto c = client();
    auto response = c.get("/api/v1/partnerships?limit=5000&cursor=%21", bearer());
    EXPECT_EQ(response.result_int(), 422u);
    EXPECT_EQ(response[bhttp::field::content_type], "application/problem+json");
    auto errors = boost::json::parse(response.body()).at("errors").as_array();
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].at("field").as_string(), "limit");
    EXPECT_EQ(errors[1].at("field").as_string(), "cursor");
}

TEST_F(Service, UnknownRecordIsAProblem) {
    auto c = client();
    auto response = c.get("/api/v1/partnerships/999", bearer());
    EXPECT_EQ(response.result_int(), 404u);
    EXPECT_EQ(response[bhttp::field::content_type], "application/problem+json");
}

TEST_F(Service, StartPageAndNotFoundPageAreGovukHtml) {
    auto c = client();
    auto start = c.get("/", {{"Accept", "text/html"}});
    EXPECT_EQ(start.result_int(), 200u);
    EXPECT_NE(start.body().find("govuk-template"), std::string::npos);
    EXPECT_NE(start.body().find("Safeboard"), std::string::npos);
    auto missing = c.get("/no/such/page", {{"Accept", "text/html"}});
    EXPECT_EQ(missing.result_int(), 404u);
    EXPECT_NE(missing[bhttp::field::content_type].find("text/html"), std::string::npos);
    EXPECT_NE(missing.body().find("Page not found"), std::string::npos);
}

}  // namespace
}  // namespace safeboard::app
