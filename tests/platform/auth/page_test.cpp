#include "platform/auth/page.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace safeboard::auth {
namespace {

http::Request with_query(std::vector<std::pair<std::string, std::string>> query) {
    http::Request request;
    request.path = "/things";
    request.query = std::move(query);
    return request;
}

TEST(PageRequest, AQueryIdIsAbsentBlankOrBad) {
    auto request = with_query({{"partnership", "12"}, {"blank", "  "}, {"zero", "0"}, {"word", "x1"}});

    EXPECT_EQ(query_id(request, "partnership").id, 12);
    EXPECT_FALSE(query_id(request, "partnership").bad);
    for (const auto* name : {"missing", "blank"}) {
        EXPECT_FALSE(query_id(request, name).id) << name;
        EXPECT_FALSE(query_id(request, name).bad) << name;
    }
    for (const auto* name : {"zero", "word"}) {
        EXPECT_FALSE(query_id(request, name).id) << name;
        EXPECT_TRUE(query_id(request, name).bad) << name;
    }
}

TEST(PageRequest, QueryTextIsTrimmed) {
    auto request = with_query({{"q", "  Essex Police \t"}});
    EXPECT_EQ(query_text(request, "q"), "Essex Police");
    EXPECT_EQ(query_text(request, "other"), "");
}

TEST(PageRequest, APathIdIsAPositiveNumber) {
    http::Request request;
    request.path_params = {{"id", "7"}, {"body", "-2"}};
    EXPECT_EQ(path_id(request), 7);
    EXPECT_FALSE(path_id(request, "body"));
}

TEST(PageRequest, AMissingRecordIsNamedInA404) {
    auto response = missing(with_query({}), "body");
    EXPECT_EQ(response.status, 404u);
    EXPECT_NE(response.body.find("There is no such body"), std::string::npos);
}

struct Shared {
    std::string greeting;
};

http::Response greet(const Shared& shared, const http::Request& request, http::Context&) {
    return http::Response::text(shared.greeting + " " + request.path);
}

TEST(PageRoute, APageRouteHandsItsHandlerWhatThePagesShare) {
    auto shared = std::make_shared<const Shared>(Shared{"Hello"});
    auto route = page_route(http::Method::get, "/hello", http::Access::any_user(), "Says hello", "plans", shared,
                            greet);

    EXPECT_EQ(route.execution, http::Execution::worker);
    EXPECT_EQ(route.doc.tag, "plans");
    http::Request request;
    request.path = "/hello";
    http::Context context(nullptr, "req-1");
    EXPECT_EQ(route.handler(request, context).body, "Hello /hello");
}

}  // namespace
}  // namespace safeboard::auth
