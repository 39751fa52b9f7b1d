#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "platform/credentials/totp.hpp"

namespace safeboard::credentials {
namespace {

// RFC 6238 Appendix B, SHA-1: the last six digits of its eight-digit codes.
const TotpSecret kRfcSecret{"12345678901234567890"};

TEST(Totp, Rfc6238TestVectors) {
    EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");
    EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");
    EXPECT_EQ(totp_code(kRfcSecret, 1111111111), "050471");
    EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");
    EXPECT_EQ(totp_code(kRfcSecret, 2000000000), "279037");
    EXPECT_EQ(totp_code(kRfcSecret, 20000000000), "353130");
}

TEST(Totp, CodeHoldsForItsThirtySeconds) {
    EXPECT_EQ(totp_code(kRfcSecret, 1111111110), totp_code(kRfcSecret, 1111111139));
    EXPECT_NE(totp_code(kRfcSecret, 1111111139), totp_code(kRfcSecret, 1111111140));
}

TEST(Totp, VerifyReturnsTheStepMatched) {
    EXPECT_EQ(verify_totp(kRfcSecret, "050471", 1111111111, std::nullopt), 1111111111 / 30);
    EXPECT_EQ(verify_totp(kRfcSecret, "050471", 1111111111, std::nullopt, 0), 1111111111 / 30);
    EXPECT_EQ(verify_totp(kRfcSecret, "050472", 1111111111, std::nullopt), std::nullopt);
}

TEST(Totp, WindowAllowsOneStepOfDriftEachWay) {
    const std::int64_t now = 1111111111;
    const std::int64_t step = now / 30;
    auto code_at = [&](std::int64_t offset) { return totp_code(kRfcSecret, now + offset * 30); };
    EXPECT_EQ(verify_totp(kRfcSecret, code_at(-1), now, std::nullopt), step - 1);
    EXPECT_EQ(verify_totp(kRfcSecret, code_at(+1), now, std::nullopt), step + 1);
    EXPECT_EQ(verify_totp(kRfcSecret, code_at(-2), now, std::nullopt), std::nullopt);
    EXPECT_EQ(verify_totp(kRfcSecret, code_at(+2), now, std::nullopt), std::nullopt);
    EXPECT_EQ(verify_totp(kRfcSecret, code_at(-1), now, std::nullopt, 0), std::nullopt);
    EXPECT_EQ(verify_totp(kRfcSecret, code_at(-2), now, std::nullopt, 2), step - 2);
}

TEST(Totp, EachCodeWorksOnce) {
    const std::int64_t now = 1234567890;
    auto used = verify_totp(kRfcSecret, "005924", now, std::nullopt);
    ASSERT_TRUE(used);
    EXPECT_EQ(verify_totp(kRfcSecret, "005924", now, used), std::nullopt);
    EXPECT_EQ(verify_totp(kRfcSecret, "005924", now + 20, used), std::nullopt);
    // Nor may an older code be used once a newer one has been.
    auto earlier = totp_code(kRfcSecret, now - 30);
    EXPECT_EQ(verify_totp(kRfcSecret, earlier, now, used), std::nullopt);
    EXPECT_EQ(verify_totp(kRfcSecret, earlier, now, *used - 2), *used - 1);
    // The next step's code still works.
    EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, now + 30), now + 30, used), *used + 1);
}

TEST(Totp, CodeMustBeSixDigits) {
    const std::int64_t now = 1234567890;
    EXPECT_TRUE(verify_totp(kRfcSecret, "005 924", now, std::nullopt));
    EXPECT_TRUE(verify_totp(kRfcSecret, " 005924 ", now, std::nullopt));
    EXPECT_FALSE(verify_totp(kRfcSecret, "05924", now, std::nullopt));
    EXPECT_FALSE(verify_totp(kRfcSecret, "0005924", now, std::nullopt));
    EXPECT_FALSE(verify_totp(kRfcSecret, "89005924", now, std::nullopt));
    EXPECT_FALSE(verify_totp(kRfcSecret, "005-924", now, std::nullopt));
    EXPECT_FALSE(verify_totp(kRfcSecret, "", now, std::nullopt));
}

TEST(Totp, NewSecretIsTwentyRandomBytes) {
    auto first = new_totp_secret();
    auto second = new_totp_secret();
    EXPECT_EQ(first.bytes.size(), 20u);
    EXPECT_NE(first.bytes, second.bytes);
    const std::int64_t now = 1700000000;
    EXPECT_EQ(verify_totp(first, totp_code(first, now), now, std::nullopt), now / 30);
}

TEST(Totp, OtpauthUriForAuthenticatorApps) {
    EXPECT_EQ(otpauth_uri(kRfcSecret, "jane.okafor@example.org"),
              "otpauth://totp/Safeboard:jane.okafor@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
              "&issuer=Safeboard&algorithm=SHA1&digits=6&period=30");
}

TEST(Totp, OtpauthUriEncodesTheLabel) {
    auto uri = otpauth_uri(kRfcSecret, "jane+mfa@example.org", "Safeboard Test");
    EXPECT_TRUE(uri.starts_with("otpauth://totp/Safeboard%20Test:jane%2Bmfa@example.org?")) << uri;
    EXPECT_NE(uri.find("&issuer=Safeboard%20Test&"), std::string::npos) << uri;
}

}  // namespace
}  // namespace safeboard::credentials
