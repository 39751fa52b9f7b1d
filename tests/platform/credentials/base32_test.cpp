#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "platform/credentials/base32.hpp"

namespace safeboard::credentials {
namespace {

using namespace std::string_literals;

TEST(Base32, Rfc4648VectorsWithoutPadding) {
    EXPECT_EQ(base32(""), "");
    EXPECT_EQ(base32("f"), "MY");
    EXPECT_EQ(base32("fo"), "MZXQ");
    EXPECT_EQ(base32("foo"), "MZXW6");
    EXPECT_EQ(base32("foob"), "MZXW6YQ");
    EXPECT_EQ(base32("fooba"), "MZXW6YTB");
    EXPECT_EQ(base32("foobar"), "MZXW6YTBOI");
}

TEST(Base32, DecodesWhatItEncodes) {
    for (const auto& bytes : {""s, "f"s, "fo"s, "foobar"s, "\x00\xff\x10\x80 bytes"s}) {
        EXPECT_EQ(from_base32(base32(bytes)), bytes);
    }
}

TEST(Base32, ToleratesHowPeopleCopySecrets) {
    EXPECT_EQ(from_base32("mzxw 6ytb oi"), "foobar");
    EXPECT_EQ(from_base32("MZXW6YQ="), "foob");
    EXPECT_EQ(from_base32("MZXW6YTBOI======"), "foobar");
}

TEST(Base32, RefusesWhatIsNotBase32) {
    EXPECT_EQ(from_base32("MZXW6YT1"), std::nullopt);  // 1 is not a base32 digit
    EXPECT_EQ(from_base32("MZXW-6YTB"), std::nullopt);
    EXPECT_EQ(from_base32("M"), std::nullopt);  // no whole byte
    EXPECT_EQ(from_base32("MZX"), std::nullopt);
}

}  // namespace
}  // namespace safeboard::credentials
