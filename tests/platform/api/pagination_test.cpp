#include "platform/api/pagination.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace safeboard::api {
namespace {

http::Request with_query(std::vector<std::pair<std::string, std::string>> query) {
    http::Request request;
    request.query = std::move(query);
    return request;
}

TEST(Pagination, DefaultsToFiftyFromTheStart) {
    auto page = page_request(with_query({}));
    ASSERT_TRUE(page);
    EXPECT_EQ(page->limit, 50);
    EXPECT_FALSE(page->after);
}

TEST(Pagination, AcceptsLimitsFromOneToAThousand) {
    EXPECT_EQ(page_request(with_query({{"limit", "1"}}))->limit, 1);
    EXPECT_EQ(page_request(with_query({{"limit", "1000"}}))->limit, 1000);
}

TEST(Pagination, ReportsEveryBadParameterAtOnce) {
    auto page = page_request(with_query({{"limit", "1001"}, {"cursor", "!!"}}));
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().kind, ErrorKind::validation);
    ASSERT_EQ(page.error().fields.size(), 2u);
    EXPECT_EQ(page.error().fields[0].field, "limit");
    EXPECT_EQ(page.error().fields[1].field, "cursor");
    for (const char* bad : {"0", "-1", "ten", "5x", ""}) {
        EXPECT_FALSE(page_request(with_query({{"limit", bad}}))) << bad;
    }
}

TEST(Pagination, CursorsRoundTripAnyKey) {
    for (const std::string& key : std::vector<std::string>{"1", "42", "southend", std::string("\0\xff key", 6), std::string(300, 'z')}) {
        auto cursor = encode_cursor(key);
        EXPECT_EQ(cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        EXPECT_EQ(decode_cursor(cursor), key);
    }
    EXPECT_FALSE(decode_cursor("a"));    // impossible length
    EXPECT_FALSE(decode_cursor("MR"));   // non-zero trailing bits: not one we issued
    EXPECT_FALSE(decode_cursor("a+b/"));  // not base64url
}

TEST(Pagination, TheEnvelopeHasItemsAndNext) {
    PageRequest page;
    auto last = list_body({1, 2}, page, std::nullopt);
    EXPECT_EQ(boost::json::serialize(last), R"({"items":[1,2],"next":null})");
    auto more = list_body({1, 2}, page, std::string("2"));
    EXPECT_EQ(decode_cursor(more.at("next").as_string()), "2");
}

}  // namespace
}  // namespace safeboard::api
