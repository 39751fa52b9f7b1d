// Deny by default, over real HTTP: every route of the assembled service is
// walked without credentials; sessions, CSRF and forged credentials are tried
// the way a browser or an attacker would.
#include <filesystem>
#include <regex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/credentials/password.hpp"
#include "running_service.hpp"
#include "support/page_requests.hpp"

namespace safeboard::app {
namespace {

using testing::cookie_value;
using testing::hidden_token;
using safeboard::testing::form_encoded;

namespace bhttp = boost::beast::http;
using safeboard::testing::Client;
using safeboard::testing::RawResponse;
using safeboard::testing::TestServer;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr const char* password = "correct horse battery staple";

class Access : public testing::RunningService {
protected:
    void SetUp() override {
        settings_.hashing = {1, 64 * 1024};
        settings_.clock = [this] { return now_.load(); };
        RunningService::SetUp();
    }
    // Two partnerships, and a viewer of one of them with a password and an API token.
    void seed(db::Connection& db) override {
        db::Transaction tx(db);
        southend_ = register_::upsert_partnership(db, {0, "southend", "Southend"}, actor_);
        essex_ = register_::upsert_partnership(db, {0, "essex", "Essex"}, actor_);
        tx.commit();
        auto hash = credentials::hash_password(password, {1, 64 * 1024});
        viewer_ = auth::create_user(db, {"viewer@example.org", "Val Viewer",
                                         {{access::Role::viewer, {access::ScopeKind::partnership, southend_}}}},
                                    hash, actor_, register_::scope_exists)->id;
        token_ = auth::create_api_token(db, viewer_, "tests", std::nullopt, system_now(), actor_)->secret;
    }
    Headers bearer() { return {{"Authorization", "Bearer " + token_}}; }


    struct Browser {
        std::string session;
        std::string csrf;
    };
    // Signs in as a browser would: fetch the form, post it with its token.
    Browser sign_in(Client& c, const std::string& email) {
        auto page = c.get("/sign-in");
        std::string form_cookie = cookie_value(page, "__Host-safeboard-form");
        auto posted = c.send(bhttp::verb::post, "/sign-in",
                             form_encoded({{"csrf_token", hidden_token(page.body())}, {"email", email}, {"password", password}}),
                             {{"Content-Type", "application/x-www-form-urlencoded"},
                              {"User-Agent", "Test\xff\xfe browser \xe2\x82"},
                              {"Cookie", "__Host-safeboard-form=" + form_cookie},
                              {"Origin", "http://127.0.0.1"}});
        EXPECT_EQ(posted.result_int(), 303u) << posted.body();
        Browser browser{cookie_value(posted, "__Host-safeboard"), ""};
        auto account = c.get("/account", {{"Cookie", "__Host-safeboard=" + browser.session}});
        EXPECT_EQ(account.result_int(), 200u);
        browser.csrf = hidden_token(account.body());
        return browser;
    }
    std::int64_t count(const std::string& sql) {
        auto lease = pool_->acquire();
        return lease->query(sql).rows.at(0).integer(0);
    }

    std::int64_t southend_ = 0, essex_ = 0, viewer_ = 0;
    std::string token_;
    std::atomic<UnixSeconds> now_{system_now()};
};

std::string concrete(std::string pattern) {
    pattern = std::regex_replace(pattern, std::regex(R"(\{[a-z_]+\*\})"), "x");
    return std::regex_replace(pattern, std::regex(R"(\{[a-z_]+\})"), "1");
}

bhttp::verb verb_of(http::Method method) {
    switch (method) {
    case http::Method::get: return bhttp::verb::get;
    case http::Method::head: return bhttp::verb::head;
    case http::Method::post: return bhttp::verb::post;
    case http::Method::put: return bhttp::verb::put;
    case http::Method::patch: return bhttp::verb::patch;
    case http::Method::delete_: return bhttp::verb::delete_;
    case http::Method::options: return bhttp::verb::options;
    }
    return bhttp::verb::get;
}

TEST_F(Access, EveryRouteDeclaresWhoMayUseItAndRefusesStrangers) {
    auto c = client();
    std::size_t guarded = 0;
    for (const http::Route* route : service_->router.routes()) {
        ASSERT_NE(route->access.kind, http::Access::Kind::undeclared) << route->pattern;
        if (route->access.is_open()) continue;
        ++guarded;
        auto verb = verb_of(route->method);
        auto response = c.send(verb, concrete(route->pattern), "", {});
        unsigned status = response.result_int();
        bool refused = status == 401 || status == 403 || (status == 303 && response[bhttp::field::location] == "/sign-in");
        EXPECT_TRUE(refused) << http::to_string(route->method) << " " << route->pattern << " answered " << status;
    }
    EXPECT_GE(guarded, 6u);
    auto lease = pool_->acquire();
    audit::Search search;
    search.action = "request.refused";
    search.limit = 1000;
    EXPECT_GE(audit::search(*lease, search).size(), guarded);
}

TEST_F(Access, ARouteThatDeclaresNothingIsRefusedEvenToAdmins) {
    http::Router router;
    router.add({http::Method::get, "/forgotten", [](const http::Request&, http::Context&) { return http::Response::text("secret"); },
                http::Execution::worker, {}, http::Access{}});  // declares nothing
    TestServer server(router, {}, pool_.get(), {}, nullptr, service_->gate.get());
    Client c(server.port());
    auto response = c.get("/forgotten", bearer());
    EXPECT_EQ(response.result_int(), 403u);
    EXPECT_EQ(response.body().find("secret"), std::string::npos);
}

TEST_F(Access, APartnershipScopedUserSeesOnlyTheirPartnership) {
    auto c = client();
    auto list = boost::json::parse(c.get("/api/v1/partnerships", bearer()).body());
    ASSERT_EQ(list.at("items").as_array().size(), 1u);
    EXPECT_EQ(list.at("items").as_array()[0].at("code").as_string(), "southend");
    EXPECT_EQ(c.get("/api/v1/partnerships/" + std::to_string(southend_), bearer()).result_int(), 200u);
    EXPECT_EQ(c.get("/api/v1/partnerships/" + std::to_string(essex_), bearer()).result_int(), 404u);
    EXPECT_EQ(c.get("/metrics", bearer()).result_int(), 403u);
}

TEST_F(Access, ForgedAndMalformedCredentialsAreRefusedCleanly) {
    auto c = client();
    std::vector<std::string> headers{"Bearer ", "Bearer sbt_forged", "Bearer " + token_ + "x", "Basic dXNlcjpwYXNz",
                                     "Bearer sbt_' OR '1'='1", "Bearer " + std::string(4000, 'A')};
    for (const auto& header : headers) {
        auto response = c.get("/api/v1/partnerships", {{"Authorization", header}});
        EXPECT_EQ(response.result_int(), 401u) << header;
        EXPECT_EQ(response[bhttp::field::www_authenticate], "Bearer");
    }
    std::vector<std::string> cookies{"__Host-safeboard=", "__Host-safeboard=<script>", "__Host-safeboard=' OR 1=1 --",
                                     "__Host-safeboard=" + std::string(3000, 'a'),
                                     "__Host-safeboard=AAAA; __Host-safeboard=BBBB", "garbage"};
    // Decoded paths may hold any bytes; the refusal is still logged, not a failure.
    for (const char* path : {"/admin/users/%FF%FE", "/admin/users/%00", "/admin/users/%0D%0A"}) {
        EXPECT_EQ(c.get(path).result_int(), 401u) << path;
    }
    for (const auto& cookie : cookies) {
        auto response = c.get("/account", {{"Cookie", cookie}, {"Accept", "text/html"}});
        EXPECT_EQ(response.result_int(), 303u) << cookie;
        EXPECT_EQ(response[bhttp::field::location], "/sign-in") << cookie;
    }
}

TEST_F(Access, ASignedInBrowserGetsNoStorePagesAndSignsOut) {
    auto c = client();
    auto browser = sign_in(c, "viewer@example.org");
    ASSERT_FALSE(browser.session.empty());
    ASSERT_FALSE(browser.csrf.empty());
    auto account = c.get("/account", {{"Cookie", "__Host-safeboard=" + browser.session}});
    EXPECT_EQ(account[bhttp::field::cache_control], "no-store");
    EXPECT_NE(account.body().find("Val Viewer"), std::string::npos);
    auto csp = std::string(account["Content-Security-Policy"]);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_NE(csp.find("object-src 'none'"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(account["Referrer-Policy"], "no-referrer");
    EXPECT_EQ(account["X-Content-Type-Options"], "nosniff");
    auto out = c.send(bhttp::verb::post, "/sign-out", form_encoded({{"csrf_token", browser.csrf}}),
                      {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"Cookie", "__Host-safeboard=" + browser.session}});
    EXPECT_EQ(out.result_int(), 303u);
    EXPECT_EQ(c.get("/account", {{"Cookie", "__Host-safeboard=" + browser.session}, {"Accept", "text/html"}}).result_int(), 303u);
    EXPECT_EQ(c.get("/account", {{"Cookie", "__Host-safeboard=" + browser.session}}).result_int(), 401u);
}

TEST_F(Access, AFormWithoutItsTokenOrFromAnotherSiteChangesNothing) {
    auto c = client();
    auto browser = sign_in(c, "viewer@example.org");
    Headers headers{{"Content-Type", "application/x-www-form-urlencoded"},
                    {"Cookie", "__Host-safeboard=" + browser.session}};
    auto tokens_before = count("SELECT count(*) FROM api_tokens");
    for (const auto& token : std::vector<std::string>{"", "forged", browser.csrf + "x", std::string(5000, 'a')}) {
        auto response = c.send(bhttp::verb::post, "/account/tokens", form_encoded({{"csrf_token", token}, {"name", "x"}}), headers);
        EXPECT_EQ(response.result_int(), 403u) << token;
    }
    auto foreign = headers;
    foreign.emplace_back("Origin", "https://evil.example");
    EXPECT_EQ(c.send(bhttp::verb::post, "/account/tokens", form_encoded({{"csrf_token", browser.csrf}, {"name", "x"}}), foreign)
                  .result_int(), 403u);
    auto cross_site = headers;
    cross_site.emplace_back("Origin", "null");
    cross_site.emplace_back("Sec-Fetch-Site", "cross-site");
    EXPECT_EQ(c.send(bhttp::verb::post, "/account/tokens", form_encoded({{"csrf_token", browser.csrf}, {"name", "x"}}), cross_site)
                  .result_int(), 403u);
    EXPECT_EQ(count("SELECT count(*) FROM api_tokens"), tokens_before);
    // The session survives a refused form.
    EXPECT_EQ(c.get("/account", {{"Cookie", "__Host-safeboard=" + browser.session}}).result_int(), 200u);
    // What Chromium sends from our own page under Referrer-Policy: no-referrer.
    auto own_page = headers;
    own_page.emplace_back("Origin", "null");
    own_page.emplace_back("Sec-Fetch-Site", "same-origin");
    auto made = c.send(bhttp::verb::post, "/account/tokens", form_encoded({{"csrf_token", browser.csrf}, {"name", "nightly"}}), own_page);
    EXPECT_EQ(made.result_int(), 201u);
    EXPECT_EQ(count("SELECT count(*) FROM api_tokens"), tokens_before + 1);
}

TEST_F(Access, BadFieldsGetAClearErrorAndChangeNothing) {
    auto c = client();
    auto browser = sign_in(c, "viewer@example.org");
    Headers headers{{"Content-Type", "application/x-www-form-urlencoded"},
                    {"Cookie", "__Host-safeboard=" + browser.session}};
    auto tokens_before = count("SELECT count(*) FROM api_tokens");
    for (const auto& name : std::vector<std::string>{"", std::string(101, 'n'), "tab\there", "nul\x01", "\xff\xfe"}) {
        auto response = c.send(bhttp::verb::post, "/account/tokens", form_encoded({{"csrf_token", browser.csrf}, {"name", name}}), headers);
        EXPECT_EQ(response.result_int(), 422u) << name;
        EXPECT_NE(response.body().find("govuk-error-summary"), std::string::npos);
        EXPECT_NE(response.body().find("href=\"#name\""), std::string::npos);
    }
    EXPECT_EQ(count("SELECT count(*) FROM api_tokens"), tokens_before);
    auto made = c.send(bhttp::verb::post, "/account/tokens",
                       form_encoded({{"csrf_token", browser.csrf}, {"name", "<b>bold</b> & 'quoted'"}}), headers);
    EXPECT_EQ(made.result_int(), 201u);
    EXPECT_EQ(made.body().find("<b>bold</b>"), std::string::npos);
    EXPECT_NE(made.body().find("&lt;b&gt;bold&lt;/b&gt; &amp;"), std::string::npos);
}

TEST_F(Access, AnIdleSessionEndsAndTheBrowserIsToldWhy) {
    auto c = client();
    auto browser = sign_in(c, "viewer@example.org");
    now_ += 31 * 60;
    Headers html{{"Cookie", "__Host-safeboard=" + browser.session}, {"Accept", "text/html"}};
    auto response = c.get("/account", html);
    EXPECT_EQ(response.result_int(), 303u);
    EXPECT_EQ(response[bhttp::field::location], "/sign-in?ended=1");
    EXPECT_EQ(c.get("/account", html)[bhttp::field::location], "/sign-in");
}

TEST_F(Access, SomeoneWhoMustSetUpASecondFactorIsSentThereFromAnywhere) {
    {
        auto lease = pool_->acquire();
        auth::create_user(*lease, {"panel@example.org", "Pat Panel", {{access::Role::review_panel, {}}}},
                          credentials::hash_password(password, {1, 64 * 1024}), actor_, register_::scope_exists);
    }
    auto c = client();
    auto page = c.get("/sign-in");
    auto posted = c.send(bhttp::verb::post, "/sign-in",
                         form_encoded({{"csrf_token", hidden_token(page.body())}, {"email", "panel@example.org"}, {"password", password}}),
                         {{"Content-Type", "application/x-www-form-urlencoded"},
                          {"Cookie", "__Host-safeboard-form=" + cookie_value(page, "__Host-safeboard-form")}});
    ASSERT_EQ(posted.result_int(), 303u);
    EXPECT_EQ(posted[bhttp::field::location], "/account/mfa");
    Headers html{{"Cookie", "__Host-safeboard=" + cookie_value(posted, "__Host-safeboard")}, {"Accept", "text/html"}};
    EXPECT_EQ(c.get("/account", html)[bhttp::field::location], "/sign-in/mfa");
    EXPECT_EQ(c.get("/sign-in/mfa", html)[bhttp::field::location], "/account/mfa");
    auto enrolment = c.get("/account/mfa", html);
    EXPECT_EQ(enrolment.result_int(), 200u);
    EXPECT_NE(enrolment.body().find("id=\"totp-secret\""), std::string::npos);
}

TEST_F(Access, SignInAttemptsAndRefusalsAreInAnIntactChain) {
    auto c = client();
    auto page = c.get("/sign-in");
    auto posted = c.send(bhttp::verb::post, "/sign-in",
                         form_encoded({{"csrf_token", hidden_token(page.body())}, {"email", "viewer@example.org"}, {"password", "wrong password!"}}),
                         {{"Content-Type", "application/x-www-form-urlencoded"},
                          {"Cookie", "__Host-safeboard-form=" + cookie_value(page, "__Host-safeboard-form")}});
    EXPECT_EQ(posted.result_int(), 401u);
    EXPECT_NE(posted.body().find("Enter a correct email address and password"), std::string::npos);
    auto lease = pool_->acquire();
    audit::Search search;
    search.action = "sign_in.failed";
    auto failed = audit::search(*lease, search);
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].actor.remote, "127.0.0.1");
    EXPECT_TRUE(audit::verify_chain(*lease).ok());
}

}  // namespace
}  // namespace safeboard::app
