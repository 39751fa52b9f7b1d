#include "platform/http/router.hpp"

#include <gtest/gtest.h>

namespace safeboard::http {
namespace {

Handler answer(std::string text) {
    return [text](const Request&, Context&) { return Response::text(text); };
}

Router sample_router() {
    Router router;
    router.add({Method::get, "/", answer("root"), Execution::io, {}, {}});
    router.add({Method::get, "/api/v1/bodies", answer("list"), Execution::io, {}, {}});
    router.add({Method::post, "/api/v1/bodies", answer("create"), Execution::io, {}, {}});
    router.add({Method::get, "/api/v1/bodies/{id}", answer("one"), Execution::io, {}, {}});
    router.add({Method::get, "/api/v1/bodies/{id}/members", answer("members"), Execution::io, {}, {}});
    router.add({Method::get, "/api/v1/bodies/vacancies", answer("vacancies"), Execution::io, {}, {}});
    router.add({Method::get, "/assets/{path*}", answer("asset"), Execution::io, {}, {}});
    return router;
}

std::string run(const Match& match) {
    Context context(nullptr, "test");
    return match.route->handler(Request{}, context).body;
}

TEST(Router, MatchesLiteralPaths) {
    Router router = sample_router();
    auto match = router.match(Method::get, "/api/v1/bodies");
    ASSERT_EQ(match.kind, Match::Kind::found);
    EXPECT_EQ(run(match), "list");
    EXPECT_EQ(run(router.match(Method::get, "/")), "root");
}

TEST(Router, CapturesPathParameters) {
    Router router = sample_router();
    auto match = router.match(Method::get, "/api/v1/bodies/42/members");
    ASSERT_EQ(match.kind, Match::Kind::found);
    EXPECT_EQ(run(match), "members");
    EXPECT_EQ(match.params.at("id"), "42");
}

TEST(Router, PrefersALiteralSegmentOverAParameter) {
    Router router = sample_router();
    auto match = router.match(Method::get, "/api/v1/bodies/vacancies");
    EXPECT_EQ(run(match), "vacancies");
    EXPECT_TRUE(match.params.empty());
}

TEST(Router, TailParameterTakesTheRestOfThePath) {
    Router router = sample_router();
    auto match = router.match(Method::get, "/assets/fonts/bold.woff2");
    ASSERT_EQ(match.kind, Match::Kind::found);
    EXPECT_EQ(match.params.at("path"), "fonts/bold.woff2");
    EXPECT_EQ(router.match(Method::get, "/assets").kind, Match::Kind::not_found);
}

TEST(Router, UnknownPathIsNotFound) {
    Router router = sample_router();
    EXPECT_EQ(router.match(Method::get, "/api/v1/nothing").kind, Match::Kind::not_found);
    EXPECT_EQ(router.match(Method::get, "/api/v1/bodies/1/members/2").kind, Match::Kind::not_found);
    EXPECT_EQ(router.match(Method::get, "/api/v1/bodies/").kind, Match::Kind::not_found);
    EXPECT_EQ(router.match(Method::get, "no-slash").kind, Match::Kind::not_found);
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
    Router router = sample_router();
    auto match = router.match(Method::delete_, "/api/v1/bodies");
    ASSERT_EQ(match.kind, Match::Kind::method_not_allowed);
    EXPECT_EQ(match.allowed, (std::vector<Method>{Method::get, Method::post, Method::head}));
}

TEST(Router, HeadFallsBackToGet) {
    Router router = sample_router();
    auto match = router.match(Method::head, "/api/v1/bodies/7");
    ASSERT_EQ(match.kind, Match::Kind::found);
    EXPECT_EQ(run(match), "one");
    EXPECT_EQ(match.params.at("id"), "7");
}

TEST(Router, RejectsDuplicateAndMalformedRoutes) {
    Router router = sample_router();
    EXPECT_THROW(router.add({Method::get, "/api/v1/bodies", answer("again"), Execution::io, {}, {}}), std::invalid_argument);
    EXPECT_THROW(router.add({Method::get, "api/v1/x", answer("x"), Execution::io, {}, {}}), std::invalid_argument);
    EXPECT_THROW(router.add({Method::get, "/a//b", answer("x"), Execution::io, {}, {}}), std::invalid_argument);
    EXPECT_THROW(router.add({Method::get, "/a/{x", answer("x"), Execution::io, {}, {}}), std::invalid_argument);
    EXPECT_THROW(router.add({Method::get, "/files/{rest*}/more", answer("x"), Execution::io, {}, {}}), std::invalid_argument);
    EXPECT_THROW(router.add({Method::get, "/api/v1/bodies/{name}/x", answer("x"), Execution::io, {}, {}}), std::invalid_argument);
}

TEST(Router, ListsRoutesInTheOrderAdded) {
    Router router = sample_router();
    auto routes = router.routes();
    ASSERT_EQ(routes.size(), 7u);
    EXPECT_EQ(routes.front()->pattern, "/");
    EXPECT_EQ(routes.back()->pattern, "/assets/{path*}");
}

}  // namespace
}  // namespace safeboard::http
