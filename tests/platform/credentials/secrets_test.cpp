#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

#include "platform/credentials/secrets.hpp"

namespace safeboard::credentials {
namespace {

using namespace std::string_literals;

TEST(Secrets, RandomBytesAreFreshEachTime) {
    EXPECT_EQ(random_bytes(0), "");
    EXPECT_EQ(random_bytes(32).size(), 32u);
    EXPECT_NE(random_bytes(16), random_bytes(16));
}

TEST(Secrets, Base64UrlWithoutPadding) {
    EXPECT_EQ(base64url(""), "");
    EXPECT_EQ(base64url("f"), "Zg");
    EXPECT_EQ(base64url("fo"), "Zm8");
    EXPECT_EQ(base64url("foo"), "Zm9v");
    EXPECT_EQ(base64url("\xfb\xff"), "-_8");
}

TEST(Secrets, TokenIsPrefixAnd256RandomBits) {
    auto token = new_token("sb_api_");
    ASSERT_TRUE(token.starts_with("sb_api_"));
    EXPECT_EQ(token.size(), 7u + 43u);  // 32 bytes as base64 without padding
    EXPECT_THAT(token.substr(7), testing::MatchesRegex("[A-Za-z0-9_-]+"));
    EXPECT_NE(token, new_token("sb_api_"));
    EXPECT_EQ(new_token("", 16).size(), 22u);
}

TEST(Secrets, TokenHashIsHexSha256) {
    EXPECT_EQ(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(token_hash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Secrets, EqualConstantTime) {
    EXPECT_TRUE(equal_constant_time("", ""));
    EXPECT_TRUE(equal_constant_time("same token", "same token"));
    EXPECT_FALSE(equal_constant_time("same token", "same tokeN"));
    EXPECT_FALSE(equal_constant_time("same token", "same token "));
    EXPECT_FALSE(equal_constant_time("a\0b"s, "a\0c"s));
}

TEST(Secrets, TenRecoveryCodesInGroupsOfFour) {
    auto codes = new_recovery_codes();
    ASSERT_EQ(codes.size(), 10u);
    for (const auto& code : codes) {
        EXPECT_THAT(code, testing::MatchesRegex("[a-z2-7]{4}(-[a-z2-7]{4}){5}"));
    }
    EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());
    EXPECT_EQ(new_recovery_codes(3).size(), 3u);
}

TEST(Secrets, RecoveryCodeMatchesHoweverItIsTyped) {
    auto code = new_recovery_codes(1).front();
    auto stored = token_hash(normalise_recovery_code(code));
    std::string shouted;
    for (char c : code) shouted += c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(token_hash(normalise_recovery_code(shouted)), stored);
    EXPECT_EQ(normalise_recovery_code("ABCD EFGH-ijkl "), "abcdefghijkl");
    EXPECT_NE(token_hash(normalise_recovery_code(new_recovery_codes(1).front())), stored);
}

}  // namespace
}  // namespace safeboard::credentials
