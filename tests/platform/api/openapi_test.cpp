#include "platform/api/openapi.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace safeboard::api {
namespace {

http::Handler nothing() {
    return [](const http::Request&, http::Context&) { return http::Response::text(""); };
}

TEST(OpenApi, DescribesEveryApiRouteFromTheTable) {
    http::Router router;
    ApiInfo info;
    info.version = "1.2.3";
    info.schemas["Body"] = boost::json::object{{"type", "object"}};
    router.add({http::Method::get, "/healthz", nothing(), http::Execution::io, {}, {}});
    router.add({http::Method::get, "/api/v1/bodies", nothing(), http::Execution::worker,
                {"List bodies", "register", {{"partnership", "Only this partnership", "string", false}}, "Body", true}, {}});
    router.add({http::Method::get, "/api/v1/bodies/{id}", nothing(), http::Execution::worker,
                {"One body", "register", {}, "Body", false}, {}});
    add_openapi_route(router, info);
    auto doc = openapi_document(router, info);
    EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
    EXPECT_EQ(doc.at("info").at("version").as_string(), "1.2.3");
    const auto& paths = doc.at("paths").as_object();
    EXPECT_FALSE(paths.contains("/healthz"));
    ASSERT_TRUE(paths.contains("/api/v1/bodies"));
    ASSERT_TRUE(paths.contains("/api/v1/bodies/{id}"));
    ASSERT_TRUE(paths.contains("/api/v1/openapi.json"));
    const auto& list = paths.at("/api/v1/bodies").at("get");
    EXPECT_EQ(list.at("summary").as_string(), "List bodies");
    auto names = [](const boost::json::value& op) {
        std::vector<std::string> out;
        for (const auto& p : op.at("parameters").as_array()) out.emplace_back(p.at("name").as_string());
        return out;
    };
    EXPECT_EQ(names(list), (std::vector<std::string>{"limit", "cursor", "partnership"}));
    EXPECT_EQ(names(paths.at("/api/v1/bodies/{id}").at("get")), (std::vector<std::string>{"id"}));
    const auto& schema = list.at("responses").at("200").at("content").at("application/json").at("schema");
    EXPECT_EQ(schema.at("properties").at("items").at("items").at("$ref").as_string(), "#/components/schemas/Body");
    EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Problem"));
    EXPECT_TRUE(undescribed_routes(router, info).empty());
}

TEST(OpenApi, FlagsRoutesThatCannotBeDescribed) {
    http::Router router;
    ApiInfo info;
    router.add({http::Method::post, "/api/v1/things", nothing(), http::Execution::worker, {}, {}});
    router.add({http::Method::get, "/api/v1/things", nothing(), http::Execution::worker,
                {"Things", "", {}, "Thing", true}, {}});
    auto missing = undescribed_routes(router, info);
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0], "POST /api/v1/things: no summary");
    EXPECT_EQ(missing[1], "GET /api/v1/things: unknown schema Thing");
}

}  // namespace
}  // namespace safeboard::api
