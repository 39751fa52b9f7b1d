// Sensitive details encrypted at rest, and the key file refused when unsafe.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "modules/reviews/vault.hpp"

namespace safeboard::reviews {
namespace {

namespace fs = std::filesystem;

class ReviewVault : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("safeboard-vault-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path key_file(const std::string& content, fs::perms perms = fs::perms::owner_read | fs::perms::owner_write) {
        auto path = dir_ / "key";
        std::ofstream(path, std::ios::binary) << content;
        fs::permissions(path, perms);
        return path;
    }
    fs::path dir_;
};

const std::string hex_key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

TEST_F(ReviewVault, ARoundTripGivesTheTextBackAndNeverShowsIt) {
    auto vault = Vault::open(key_file(hex_key + "\n"));
    ASSERT_TRUE(vault) << vault.error().message;
    auto sealed = vault->encrypt("Jane Example, 1 Any Street");
    EXPECT_EQ(sealed.find("Jane"), std::string::npos);
    EXPECT_TRUE(sealed.starts_with("v1:"));
    EXPECT_NE(vault->encrypt("Jane Example, 1 Any Street"), sealed);  // a fresh nonce each time
    EXPECT_EQ(vault->decrypt(sealed).value(), "Jane Example, 1 Any Street");
    EXPECT_EQ(vault->decrypt(vault->encrypt("")).value(), "");
}

TEST_F(ReviewVault, ThirtyTwoRawBytesAreAKeyToo) {
    auto vault = Vault::open(key_file(std::string(32, '\x07')));
    ASSERT_TRUE(vault) << vault.error().message;
    EXPECT_EQ(vault->decrypt(vault->encrypt("x")).value(), "x");
}

TEST_F(ReviewVault, ATamperedValueIsRefused) {
    auto vault = Vault::open(key_file(hex_key));
    ASSERT_TRUE(vault);
    auto sealed = vault->encrypt("identifying detail");
    auto altered = sealed;
    altered[10] = altered[10] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(vault->decrypt(altered));
    EXPECT_FALSE(vault->decrypt(sealed.substr(0, sealed.size() - 4)));
    EXPECT_FALSE(vault->decrypt("identifying detail"));
}

TEST_F(ReviewVault, AnotherKeyCannotRead) {
    auto vault = Vault::open(key_file(hex_key));
    ASSERT_TRUE(vault);
    std::array<unsigned char, Vault::kKeyBytes> other{};
    other.fill(9);
    auto decrypted = Vault::with_key(other).decrypt(vault->encrypt("identifying detail"));
    ASSERT_FALSE(decrypted);
    EXPECT_EQ(decrypted.error().kind, ErrorKind::validation);
}

TEST_F(ReviewVault, AFileThatIsNotAKeyIsRefusedWithItsReason) {
    auto short_key = Vault::open(key_file("0001020304"));
    ASSERT_FALSE(short_key);
    EXPECT_NE(short_key.error().message.find("32 bytes, or 64 hex characters"), std::string::npos);
    auto not_hex = Vault::open(key_file(std::string(64, 'z')));
    ASSERT_FALSE(not_hex);
    EXPECT_NE(not_hex.error().message.find("does not hold a key"), std::string::npos);
    auto missing = Vault::open(dir_ / "nothing");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("cannot be found"), std::string::npos);
}

TEST_F(ReviewVault, AKeyFileOthersCanReadIsRefused) {
    using fs::perms;
    auto group = Vault::open(key_file(hex_key, perms::owner_read | perms::owner_write | perms::group_read));
    ASSERT_FALSE(group);
    EXPECT_NE(group.error().message.find("open to group or others"), std::string::npos);
    EXPECT_NE(group.error().message.find("chmod 600"), std::string::npos);
    EXPECT_FALSE(Vault::open(key_file(hex_key, perms::owner_read | perms::others_read)));
    EXPECT_TRUE(Vault::open(key_file(hex_key, perms::owner_read)));
}

}  // namespace
}  // namespace safeboard::reviews
