#include "platform/web/routes.hpp"

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

SAFEBOARD_EMBEDDED_TABLE(web_templates)

namespace safeboard::web {
namespace {

using kainjow::mustache::data;

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

class WebShellTest : public ::testing::Test {
protected:
    std::unique_ptr<WebShell> owned = WebShell::from_embedded();
    WebShell& shell = *owned;

    http::Response get(const http::Router& router, const std::string& path,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
        auto match = router.match(http::Method::get, path);
        if (match.kind != http::Match::Kind::found) return http::Response::text("no route", 404);
        http::Request request;
        request.path = path;
        request.target = path;
        request.headers = std::move(headers);
        request.path_params = match.params;
        http::Context context(nullptr, "test-request");
        return match.route->handler(request, context);
    }

    http::Router router() {
        http::Router router;
        add_web_routes(router, shell);
        return router;
    }

    // The three pages the web shell renders itself.
    std::vector<std::pair<std::string, std::string>> rendered_pages() {
        return {{"start", get(router(), "/").body},
                {"not_found", not_found_page(shell.templates).body},
                {"error", error_page(shell.templates, "req-123").body}};
    }
};

TEST_F(WebShellTest, StartPageIsAGovukPageWithOneHeading) {
    auto response = get(router(), "/");

    ASSERT_EQ(response.status, 200u);
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
    const auto& html = response.body;
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html.find("<html lang=\"en\" class=\"govuk-template\">"), std::string::npos);
    EXPECT_NE(html.find("<body class=\"govuk-template__body\">"), std::string::npos);
    EXPECT_EQ(count(html, "<h1"), 1u);
    EXPECT_NE(html.find("<title>Run your safeguarding children partnership – Safeboard</title>"), std::string::npos);
    EXPECT_NE(html.find("<meta name=\"viewport\""), std::string::npos);
}

TEST_F(WebShellTest, SkipLinkLeadsToTheMainContent) {
    auto html = get(router(), "/").body;

    auto skip = html.find("<a href=\"#main-content\" class=\"govuk-skip-link\"");
    ASSERT_NE(skip, std::string::npos);
    EXPECT_LT(skip, html.find("<header"));  // the first thing a keyboard user reaches
    EXPECT_EQ(count(html, "id=\"main-content\""), 1u);
    EXPECT_NE(html.find("<main class=\"govuk-main-wrapper\" id=\"main-content\">"), std::string::npos);
}

TEST_F(WebShellTest, EveryPageHasTheLandmarks) {
    for (const auto& [name, html] : rendered_pages()) {
        EXPECT_EQ(count(html, "<header"), 1u) << name;
        EXPECT_EQ(count(html, "<main"), 1u) << name;
        EXPECT_EQ(count(html, "<footer"), 1u) << name;
        EXPECT_EQ(count(html, "<h1"), 1u) << name;
        EXPECT_NE(html.find("class=\"govuk-generic-header__homepage-link\">Safeboard</a>"), std::string::npos) << name;
        EXPECT_NE(html.find("Open Government Licence v3.0"), std::string::npos) << name;
        EXPECT_NE(html.find("govuk-phase-banner"), std::string::npos) << name;
    }
}

TEST_F(WebShellTest, LayoutLinksTheHashedStylesheetAndModule) {
    auto html = get(router(), "/").body;

    EXPECT_NE(html.find("<link rel=\"stylesheet\" href=\"" + shell.assets.url("govuk-frontend.min.css") + "\">"),
              std::string::npos);
    EXPECT_NE(html.find("<script type=\"module\" src=\"" + shell.assets.url("safeboard/init.mjs") + "\"></script>"),
              std::string::npos);
    EXPECT_NE(html.find("href=\"" + shell.assets.url("images/favicon.svg") + "\""), std::string::npos);
    EXPECT_NE(html.find("href=\"" + shell.assets.url("manifest.json") + "\""), std::string::npos);
}

TEST_F(WebShellTest, EveryAssetAPageLinksIsServedForAYear) {
    auto routes = router();
    std::regex asset_link(R"re((?:href|src)="(/assets/[^"]+)")re");
    for (const auto& [name, html] : rendered_pages()) {
        int checked = 0;
        for (auto it = std::sregex_iterator(html.begin(), html.end(), asset_link); it != std::sregex_iterator(); ++it) {
            auto response = get(routes, (*it)[1].str());
            EXPECT_EQ(response.status, 200u) << name << ": " << (*it)[1];
            EXPECT_EQ(response.find_header("Cache-Control"), "public, max-age=31536000, immutable") << (*it)[1];
            ++checked;
        }
        EXPECT_GE(checked, 7) << name;
    }
}

TEST_F(WebShellTest, NoPageHasInlineScriptOrStyle) {
    std::regex script_tag(R"(<script\b[^>]*>)", std::regex::icase);
    for (const auto& [name, html] : rendered_pages()) {
        for (auto it = std::sregex_iterator(html.begin(), html.end(), script_tag); it != std::sregex_iterator(); ++it) {
            EXPECT_NE(it->str().find(" src=\""), std::string::npos) << name << ": " << it->str();
        }
        EXPECT_EQ(html.find("style="), std::string::npos) << name;
        EXPECT_EQ(html.find("<style"), std::string::npos) << name;
        EXPECT_FALSE(std::regex_search(html, std::regex(R"(\son[a-z]+=)"))) << name << ": inline event handler";
    }
}

TEST_F(WebShellTest, AssetsRouteAnswersHashedAndPlainNames) {
    auto routes = router();
    auto hashed = get(routes, shell.assets.url("govuk-frontend.min.css"));
    EXPECT_EQ(hashed.status, 200u);
    EXPECT_EQ(hashed.content_type, "text/css; charset=utf-8");

    auto plain = get(routes, "/assets/fonts/" + std::string("bold-b542beb274-v2.woff2"));
    EXPECT_EQ(plain.status, 200u);
    EXPECT_EQ(plain.content_type, "font/woff2");
    auto revalidated = get(routes, "/assets/govuk-frontend.min.js",
                           {{"if-none-match", std::string(get(routes, "/assets/govuk-frontend.min.js").find_header("ETag"))}});
    EXPECT_EQ(revalidated.status, 304u);

    EXPECT_EQ(get(routes, "/assets/nothing-here.css").status, 404u);
    EXPECT_EQ(get(routes, "/assets/../src/app/main.cpp").status, 404u);
}

TEST_F(WebShellTest, WebRoutesNeverBlock) {
    auto routes = router();
    for (const auto* route : routes.routes()) {
        EXPECT_EQ(route->execution, http::Execution::io) << route->pattern;
    }
    EXPECT_EQ(routes.routes().size(), 2u);
}

TEST_F(WebShellTest, NotFoundPageUsesGovukWording) {
    auto response = not_found_page(shell.templates);

    EXPECT_EQ(response.status, 404u);
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
    EXPECT_NE(response.body.find("<title>Page not found – Safeboard</title>"), std::string::npos);
    EXPECT_NE(response.body.find(">Page not found</h1>"), std::string::npos);
    EXPECT_NE(response.body.find("If you typed the web address, check it is correct."), std::string::npos);
}

TEST_F(WebShellTest, ErrorPageGivesTheRequestIdToQuote) {
    auto response = error_page(shell.templates, "7f3a<b>");

    EXPECT_EQ(response.status, 500u);
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
    EXPECT_NE(response.body.find(">Sorry, there is a problem with the service</h1>"), std::string::npos);
    EXPECT_NE(response.body.find("Try again later."), std::string::npos);
    EXPECT_NE(response.body.find("<strong>7f3a&lt;b&gt;</strong>"), std::string::npos);
}

TEST_F(WebShellTest, ServerHookShowsPagesForRefusalsMissingPagesAndFailuresOnly) {
    auto hook = error_page_hook(shell);
    http::Request request;
    request.path = "/nowhere";
    request.request_id = "req-42";

    auto missing = hook(404, request);
    ASSERT_TRUE(missing.has_value());
    EXPECT_NE(missing->body.find(">Page not found</h1>"), std::string::npos);

    auto failed = hook(500, request);
    ASSERT_TRUE(failed.has_value());
    EXPECT_EQ(failed->status, 500u);
    EXPECT_NE(failed->body.find("<strong>req-42</strong>"), std::string::npos);

    auto busy = hook(503, request);
    ASSERT_TRUE(busy.has_value());
    EXPECT_EQ(busy->status, 503u);  // kept, so clients know to retry

    auto forbidden = hook(403, request);
    ASSERT_TRUE(forbidden.has_value());
    EXPECT_EQ(forbidden->status, 403u);
    EXPECT_NE(forbidden->body.find(">Sorry, you cannot do that</h1>"), std::string::npos);
    auto unauthorised = hook(401, request);
    ASSERT_TRUE(unauthorised.has_value());
    EXPECT_NE(unauthorised->body.find("href=\"/sign-in\""), std::string::npos);

    EXPECT_FALSE(hook(405, request).has_value());
    EXPECT_FALSE(hook(422, request).has_value());
}

TEST_F(WebShellTest, ErrorPageStillAnswersWhenTemplatesCannot) {
    std::vector<embed::File> nothing;
    Templates empty(nothing);

    auto error = error_page(empty, "req-9");
    EXPECT_EQ(error.status, 500u);
    EXPECT_NE(error.body.find("req-9"), std::string::npos);
    EXPECT_EQ(not_found_page(empty).status, 404u);
}

// Templates refuses these when loading; this reads the embedded files
// themselves, so a broken template is named even before anything loads it.
TEST(EmbeddedTemplates, OnlyTheLayoutBodyIsUnescaped) {
    int layouts = 0;
    for (const auto& file : embed::tables::web_templates()) {
        auto tags = unescaped_tags(file.content);
        if (file.path == "layout.mustache") {
            ++layouts;
            EXPECT_EQ(tags, std::vector<std::string>{std::string(layout_body_slot)});
        } else {
            EXPECT_EQ(tags, std::vector<std::string>{}) << file.path;
        }
    }
    EXPECT_EQ(layouts, 1);
}

TEST(EmbeddedTemplates, EveryTemplateLoadsAndTheShellStarts) {
    std::unique_ptr<WebShell> shell;
    ASSERT_NO_THROW(shell = WebShell::from_embedded());
    for (const auto& name : {"layout", "start", "not_found", "error", "web/pages/input", "web/pages/textarea",
                             "web/pages/select", "web/pages/radios", "web/pages/checkboxes", "web/pages/summary",
                             "web/pages/paragraphs", "web/pages/next_page"}) {
        EXPECT_TRUE(shell->templates.contains(name)) << name;
    }
}

}  // namespace
}  // namespace safeboard::web
