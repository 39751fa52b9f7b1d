#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "platform/files/file_store.hpp"

namespace safeboard::files {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

// SHA-256("abc"), from FIPS 180-2.
constexpr std::string_view kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

// A store in a fresh directory of its own, removed afterwards.
class FileStoreTest : public ::testing::Test {
protected:
    FileStoreTest()
        : base_(fs::temp_directory_path() /
                ("safeboard-files-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name())),
          store_(base_ / "var" / "files") {}
    ~FileStoreTest() override { fs::remove_all(base_); }

    std::size_t files_on_disk() const {
        std::size_t count = 0;
        for (const auto& entry : fs::recursive_directory_iterator(store_.root())) count += entry.is_regular_file();
        return count;
    }

    fs::path base_;
    FileStore store_;
};

TEST_F(FileStoreTest, GivesBackTheBytesItStored) {
    const std::string bytes = "evidence\0with a NUL and \xff bytes"s;
    auto stored = store_.put(bytes);
    ASSERT_TRUE(stored) << stored.error().message;
    EXPECT_EQ(stored->size, bytes.size());
    EXPECT_TRUE(store_.exists(stored->sha256));
    auto read = store_.get(stored->sha256);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(*read, bytes);
}

TEST_F(FileStoreTest, NamesFilesByTheirSha256InTwoLevelsOfFolders) {
    auto stored = store_.put("abc");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->sha256, kAbc);
    EXPECT_TRUE(fs::is_regular_file(store_.root() / "ba" / "78" / kAbc));
}

TEST_F(FileStoreTest, KeepsItsFilesPrivate) {
    ASSERT_TRUE(store_.put("abc"));
    EXPECT_EQ(fs::status(store_.root()).permissions(), fs::perms::owner_all);
    EXPECT_EQ(fs::status(store_.root() / "ba" / "78").permissions() & (fs::perms::group_all | fs::perms::others_all),
              fs::perms::none);
    EXPECT_EQ(fs::status(store_.root() / "ba" / "78" / kAbc).permissions(), fs::perms::owner_read);
}

TEST_F(FileStoreTest, StoresTheSameBytesOnceAndLeavesNothingElse) {
    auto first = store_.put("minutes of the March meeting");
    auto second = store_.put("minutes of the March meeting");
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_EQ(*first, *second);
    EXPECT_EQ(files_on_disk(), 1u);  // no temporary file either
    ASSERT_TRUE(store_.put("minutes of the April meeting"));
    EXPECT_EQ(files_on_disk(), 2u);
}

TEST_F(FileStoreTest, AFileChangedOnDiskIsAnErrorNotData) {
    auto stored = store_.put("abc");
    ASSERT_TRUE(stored);
    auto path = store_.root() / "ba" / "78" / kAbc;
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "abd";

    auto read = store_.get(kAbc);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ErrorKind::internal);

    // Storing the bytes again mends it.
    ASSERT_TRUE(store_.put("abc"));
    EXPECT_EQ(store_.get(kAbc).value_or(""), "abc");
}

TEST_F(FileStoreTest, AnUnknownHashIsNotFound) {
    auto read = store_.get(std::string(64, 'a'));
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ErrorKind::not_found);
    EXPECT_FALSE(store_.exists(std::string(64, 'a')));
}

TEST_F(FileStoreTest, RefusesReferencesThatAreNotAHash) {
    ASSERT_TRUE(store_.put("abc"));
    std::ofstream(base_ / "secret") << "not for download";
    std::string upper(kAbc);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string bad[] = {
        "../../secret", "../" + std::string(kAbc).substr(3), upper, std::string(kAbc).substr(0, 63),
        std::string(kAbc) + "0", "ba/78/" + std::string(kAbc).substr(6), "", std::string(kAbc).substr(0, 63) + "g",
    };
    for (const auto& reference : bad) {
        auto read = store_.get(reference);
        ASSERT_FALSE(read) << reference;
        EXPECT_EQ(read.error().kind, ErrorKind::not_found) << reference;
        EXPECT_FALSE(store_.exists(reference)) << reference;
    }
}

TEST_F(FileStoreTest, ASymbolicLinkInTheStoreIsNotAStoredFile) {
    std::ofstream(base_ / "secret") << "abc";
    fs::create_directories(store_.root() / "ba" / "78");
    fs::create_symlink(base_ / "secret", store_.root() / "ba" / "78" / kAbc);
    EXPECT_FALSE(store_.exists(kAbc));
    EXPECT_FALSE(store_.get(kAbc));
}

}  // namespace
}  // namespace safeboard::files
