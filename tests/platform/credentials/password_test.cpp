#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "platform/credentials/password.hpp"

namespace safeboard::credentials {
namespace {

using namespace std::string_literals;

// The least libsodium allows, for tests that are not about the parameters:
// each hash at the real parameters takes tens of milliseconds.
const HashParameters kQuick{1, 64 * 1024};

TEST(PasswordHash, DefaultIsArgon2idAtOwaspMinimum) {
    auto phc = hash_password("correct horse battery staple");
    EXPECT_TRUE(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << phc;
    EXPECT_TRUE(verify_password(phc, "correct horse battery staple"));
}

TEST(PasswordHash, VerifiesOnlyTheSamePassword) {
    auto phc = hash_password("correct horse battery staple", kQuick);
    EXPECT_TRUE(verify_password(phc, "correct horse battery staple"));
    EXPECT_FALSE(verify_password(phc, "Correct horse battery staple"));
    EXPECT_FALSE(verify_password(phc, "correct horse battery staple "));
    EXPECT_FALSE(verify_password(phc, ""));
}

TEST(PasswordHash, EachHashHasItsOwnSalt) {
    auto first = hash_password("correct horse battery staple", kQuick);
    auto second = hash_password("correct horse battery staple", kQuick);
    EXPECT_NE(first, second);
    EXPECT_TRUE(verify_password(second, "correct horse battery staple"));
}

TEST(PasswordHash, PasswordIsEveryByteNotACString) {
    auto with_nul = "abc\0defghijkl"s;
    auto phc = hash_password(with_nul, kQuick);
    EXPECT_TRUE(verify_password(phc, with_nul));
    EXPECT_FALSE(verify_password(phc, "abc"));
    auto welsh = hash_password("Mae'r ŵyn yn chwarae", kQuick);
    EXPECT_TRUE(verify_password(welsh, "Mae'r ŵyn yn chwarae"));
    EXPECT_FALSE(verify_password(welsh, "Mae'r wyn yn chwarae"));
}

TEST(PasswordHash, EmptyPasswordHashesAndVerifies) {
    auto phc = hash_password("", kQuick);
    EXPECT_TRUE(verify_password(phc, ""));
    EXPECT_FALSE(verify_password(phc, " "));
}

TEST(PasswordHash, MalformedHashNeverVerifies) {
    auto phc = hash_password("correct horse battery staple", kQuick);
    EXPECT_FALSE(verify_password("", "correct horse battery staple"));
    EXPECT_FALSE(verify_password("not a hash", "correct horse battery staple"));
    EXPECT_FALSE(verify_password(phc.substr(0, phc.size() - 4), "correct horse battery staple"));
    EXPECT_FALSE(verify_password(phc + std::string(200, 'A'), "correct horse battery staple"));
    EXPECT_FALSE(verify_password(phc.substr(0, 20) + '\0' + phc.substr(20), "correct horse battery staple"));
}

TEST(PasswordHash, ParametersBelowLibsodiumMinimumAreRefused) {
    EXPECT_THROW(hash_password("x", HashParameters{0, 64 * 1024}), std::invalid_argument);
    EXPECT_THROW(hash_password("x", HashParameters{1, 1024}), std::invalid_argument);
}

TEST(PasswordRehash, WhenParametersRise) {
    auto phc = hash_password("correct horse battery staple", kQuick);
    EXPECT_FALSE(needs_rehash(phc, kQuick));
    EXPECT_TRUE(needs_rehash(phc, HashParameters{2, kQuick.memory_bytes}));
    EXPECT_TRUE(needs_rehash(phc, HashParameters{1, 2 * kQuick.memory_bytes}));
    EXPECT_TRUE(needs_rehash(phc));
}

TEST(PasswordRehash, NotWhenStoredHashIsStronger) {
    EXPECT_FALSE(needs_rehash(dummy_hash()));
    EXPECT_FALSE(needs_rehash(dummy_hash(), kQuick));
}

TEST(PasswordRehash, WhenNotArgon2idOrUnreadable) {
    EXPECT_TRUE(needs_rehash("$argon2i$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ"));
    EXPECT_TRUE(needs_rehash("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
    EXPECT_TRUE(needs_rehash("$argon2id$v=19$m=x,t=2,p=1$salt$hash"));
    EXPECT_TRUE(needs_rehash(""));
}

TEST(PasswordDummyHash, IsComputedOnceAtTheCurrentParameters) {
    const auto& first = dummy_hash();
    EXPECT_EQ(&first, &dummy_hash());
    EXPECT_TRUE(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    EXPECT_FALSE(verify_password(first, ""));
    EXPECT_TRUE(dummy_hash(kQuick).starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
}

}  // namespace
}  // namespace safeboard::credentials
