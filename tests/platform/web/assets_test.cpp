#include "platform/web/assets.hpp"

#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

SAFEBOARD_EMBEDDED_TABLE(web_assets)

namespace safeboard::web {
namespace {

using embed::File;

std::string header(const http::Response& response, std::string_view name) {
    return std::string(response.find_header(name));
}

// The answer for a path under /assets/; a test that expects one fails here if there is none.
http::Response get(const Assets& assets, std::string_view path,
                   std::optional<std::string_view> if_none_match = std::nullopt) {
    auto response = assets.serve(path, if_none_match);
    EXPECT_TRUE(response.has_value()) << "no asset at " << path;
    return response ? std::move(*response) : http::Response::text("missing", 404);
}

TEST(Assets, UrlNamesTheFileByItsContentHash) {
    std::vector<File> files{{"css/site.css", "body { margin: 0 }"}};
    Assets assets(files);

    EXPECT_TRUE(std::regex_match(assets.url("css/site.css"), std::regex("/assets/css/site\\.[0-9a-f]{10}\\.css")));
    EXPECT_EQ(assets.url("css/site.css"), "/assets/css/site." + assets.hash("css/site.css") + ".css");
}

TEST(Assets, HashIsStableAndChangesWithTheContent) {
    std::vector<File> first{{"site.css", "body { margin: 0 }"}};
    std::vector<File> same{{"site.css", "body { margin: 0 }"}};
    std::vector<File> changed{{"site.css", "body { margin: 1px }"}};

    EXPECT_EQ(Assets(first).url("site.css"), Assets(same).url("site.css"));
    EXPECT_NE(Assets(first).url("site.css"), Assets(changed).url("site.css"));
}

TEST(Assets, UrlOfAnUnknownAssetThrows) {
    std::vector<File> files{{"site.css", "x"}};
    Assets assets(files);
    EXPECT_THROW(assets.url("stie.css"), std::out_of_range);
    EXPECT_THROW(assets.hash("images/none.png"), std::out_of_range);
}

TEST(Assets, HashedNameIsCachedForAYear) {
    std::vector<File> files{{"site.css", "body { margin: 0 }"}};
    Assets assets(files);
    auto path = assets.url("site.css").substr(std::string("/assets/").size());

    auto response = get(assets, path);

    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, "body { margin: 0 }");
    EXPECT_EQ(header(response, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.content_type, "text/css; charset=utf-8");
}

TEST(Assets, PlainNameIsRevalidatedWithTheHashAsETag) {
    std::vector<File> files{{"fonts/bold.woff2", std::string_view("wOF2\0\1", 6)}};
    Assets assets(files);
    std::string etag = "\"" + assets.hash("fonts/bold.woff2") + "\"";

    auto response = get(assets, "fonts/bold.woff2");

    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, std::string("wOF2\0\1", 6));
    EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
    EXPECT_EQ(header(response, "ETag"), etag);
    EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
}

TEST(Assets, MatchingIfNoneMatchAnswers304WithoutABody) {
    std::vector<File> files{{"fonts/bold.woff2", "font bytes"}};
    Assets assets(files);
    std::string etag = "\"" + assets.hash("fonts/bold.woff2") + "\"";

    for (const std::string& if_none_match : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
        auto response = get(assets, "fonts/bold.woff2", if_none_match);
        EXPECT_EQ(response.status, 304u) << if_none_match;
        EXPECT_TRUE(response.body.empty());
        EXPECT_EQ(header(response, "ETag"), etag);
        EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
    }
}

TEST(Assets, StaleETagGetsTheContent) {
    std::vector<File> files{{"fonts/bold.woff2", "font bytes"}};
    Assets assets(files);

    auto response = get(assets, "fonts/bold.woff2", "\"0123456789\"");

    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, "font bytes");
}

TEST(Assets, UnknownOrEscapingPathsAreNotFound) {
    std::vector<File> files{{"css/site.css", "x"}};
    Assets assets(files);
    auto stale = hashed_path("css/site.css", "0000000000");

    for (std::string_view path : {"", "site.css", "css/missing.css", "../css/site.css", "css/../css/site.css",
                                  "/css/site.css", "css//site.css", "../../etc/passwd"}) {
        EXPECT_FALSE(assets.serve(path, std::nullopt).has_value()) << path;
    }
    EXPECT_FALSE(assets.serve(stale, std::nullopt).has_value());
}

TEST(Assets, ServesFromTheRoutePathParameterAndIfNoneMatchHeader) {
    std::vector<File> files{{"images/crest.svg", "<svg/>"}};
    Assets assets(files);
    http::Request request;
    request.path = "/assets/images/crest.svg";
    request.path_params["path"] = "images/crest.svg";

    EXPECT_EQ(assets.serve(request).status, 200u);

    request.headers.emplace_back("if-none-match", "\"" + assets.hash("images/crest.svg") + "\"");
    EXPECT_EQ(assets.serve(request).status, 304u);
}

TEST(Assets, AnUnknownRequestIsA404Problem) {
    std::vector<File> files{{"images/crest.svg", "<svg/>"}};
    Assets assets(files);
    http::Request request;
    request.path = "/assets/images/crown.svg";
    request.request_id = "req-1";
    request.path_params["path"] = "images/crown.svg";

    auto response = assets.serve(request);

    EXPECT_EQ(response.status, 404u);
    // A problem, so the server can show a browser its "Page not found" page.
    EXPECT_EQ(response.content_type, "application/problem+json");
}

TEST(Assets, ContentTypeFollowsTheExtension) {
    EXPECT_EQ(content_type_for("a/b.min.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("govuk-frontend.min.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("safeboard/init.mjs"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("fonts/light.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("fonts/light.woff"), "font/woff");
    EXPECT_EQ(content_type_for("images/icon.png"), "image/png");
    EXPECT_EQ(content_type_for("images/crest.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("images/favicon.ico"), "image/x-icon");
    EXPECT_EQ(content_type_for("manifest.json"), "application/json");
    EXPECT_EQ(content_type_for("site.webmanifest"), "application/manifest+json");
    EXPECT_EQ(content_type_for("no-extension"), "application/octet-stream");
    EXPECT_EQ(content_type_for("dir.v2/readme"), "application/octet-stream");
}

TEST(Assets, HashedPathKeepsTheExtensionLast) {
    EXPECT_EQ(hashed_path("govuk-frontend.min.css", "abc"), "govuk-frontend.min.abc.css");
    EXPECT_EQ(hashed_path("fonts/bold-b542beb274-v2.woff2", "abc"), "fonts/bold-b542beb274-v2.abc.woff2");
    EXPECT_EQ(hashed_path("LICENCE", "abc"), "LICENCE.abc");
}

// --- the embedded GOV.UK Frontend, as the browser will ask for it ---

std::string resolve(std::string_view reference, std::string_view base_dir) {
    std::string url(reference);
    if (url.size() >= 2 && (url.front() == '"' || url.front() == '\'') && url.back() == url.front()) {
        url = url.substr(1, url.size() - 2);
    }
    if (url.starts_with("/assets/")) return url.substr(std::string("/assets/").size());
    if (url.starts_with("/") || url.find(':') != std::string::npos) return "outside /assets/: " + url;
    std::string dir(base_dir);  // "" or "folder/"
    while (url.starts_with("../")) {
        if (dir.empty()) return "outside /assets/: " + std::string(reference);
        dir.pop_back();
        auto slash = dir.rfind('/');
        dir = slash == std::string::npos ? "" : dir.substr(0, slash + 1);
        url.erase(0, 3);
    }
    if (url.starts_with("./")) url.erase(0, 2);
    return dir + url;
}

std::string embedded(const Assets& assets, std::string_view path) {
    return get(assets, path).body;
}

TEST(EmbeddedAssets, EveryUrlInTheGovukStylesheetResolves) {
    Assets assets(embed::tables::web_assets());
    std::string css = embedded(assets, "govuk-frontend.min.css");
    ASSERT_FALSE(css.empty());

    std::regex url_reference(R"(url\(\s*([^)]*?)\s*\))");
    int checked = 0;
    for (auto it = std::sregex_iterator(css.begin(), css.end(), url_reference); it != std::sregex_iterator(); ++it) {
        std::string reference = (*it)[1];
        if (reference.find("data:") != std::string::npos) continue;
        auto path = resolve(reference, "");
        auto response = get(assets, path);
        EXPECT_EQ(response.status, 200u) << reference << " -> " << path;
        EXPECT_NE(response.content_type, "application/octet-stream") << path;
        ++checked;
    }
    // The fonts and the crest: if none were found the test proves nothing.
    EXPECT_GE(checked, 5);
}

TEST(EmbeddedAssets, EveryIconInTheManifestResolves) {
    Assets assets(embed::tables::web_assets());
    std::string manifest = embedded(assets, "manifest.json");
    ASSERT_FALSE(manifest.empty());

    std::regex src(R"re("src"\s*:\s*"([^"]+)")re");
    int checked = 0;
    for (auto it = std::sregex_iterator(manifest.begin(), manifest.end(), src); it != std::sregex_iterator(); ++it) {
        auto path = resolve((*it)[1].str(), "");
        EXPECT_TRUE(assets.serve(path, std::nullopt).has_value()) << path;
        ++checked;
    }
    EXPECT_GE(checked, 1);
}

TEST(EmbeddedAssets, InitModuleImportsResolveToJavaScript) {
    Assets assets(embed::tables::web_assets());
    std::string init = embedded(assets, "safeboard/init.mjs");
    ASSERT_FALSE(init.empty());

    std::regex import_from(R"re(from\s+['"]([^'"]+)['"])re");
    int checked = 0;
    for (auto it = std::sregex_iterator(init.begin(), init.end(), import_from); it != std::sregex_iterator(); ++it) {
        auto path = resolve((*it)[1].str(), "safeboard/");
        auto response = get(assets, path);
        EXPECT_EQ(response.status, 200u) << path;
        EXPECT_EQ(response.content_type, "text/javascript; charset=utf-8") << path;
        EXPECT_NE(response.body.find("initAll"), std::string::npos) << path;
        ++checked;
    }
    EXPECT_EQ(checked, 1);
}

TEST(EmbeddedAssets, GovukFontsImagesAndModuleAreServed) {
    Assets assets(embed::tables::web_assets());
    EXPECT_EQ(get(assets, "govuk-frontend.min.js").content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(get(assets, "images/favicon.svg").content_type, "image/svg+xml");
    EXPECT_EQ(get(assets, "images/favicon.ico").content_type, "image/x-icon");
    EXPECT_EQ(get(assets, "images/govuk-icon-180.png").content_type, "image/png");
}

}  // namespace
}  // namespace safeboard::web
