#include <gtest/gtest.h>

#include "platform/db/database.hpp"
#include "support/test_database.hpp"  // prints Backend by name; every test file must agree on that

namespace safeboard::db {
namespace {

TEST(DatabaseUrl, SqliteRelativePath) {
    auto url = parse_database_url("sqlite:var/safeboard.db");
    ASSERT_TRUE(url) << url.error().message;
    EXPECT_EQ(url->backend, Backend::sqlite);
    EXPECT_EQ(url->target, "var/safeboard.db");
    EXPECT_EQ(url->redacted, "sqlite:var/safeboard.db");
}

TEST(DatabaseUrl, SqliteAbsolutePathWithEmptyHost) {
    auto url = parse_database_url("sqlite:///srv/safeboard/data.db");
    ASSERT_TRUE(url) << url.error().message;
    EXPECT_EQ(url->target, "/srv/safeboard/data.db");
}

TEST(DatabaseUrl, SqliteNeedsAPath) {
    auto url = parse_database_url("sqlite:");
    ASSERT_FALSE(url);
    EXPECT_EQ(url.error().kind, ErrorKind::validation);
    EXPECT_NE(url.error().message.find("no file path"), std::string::npos);
}

TEST(DatabaseUrl, SqliteWithHostIsAmbiguous) {
    auto url = parse_database_url("sqlite://var/x.db");
    ASSERT_FALSE(url);
    EXPECT_NE(url.error().message.find("sqlite:///absolute/path"), std::string::npos);
}

TEST(DatabaseUrl, PostgresqlAndItsShortScheme) {
    for (std::string text : {"postgresql://board@db.example:5432/safeboard", "postgres://db.example/safeboard"}) {
        auto url = parse_database_url(text);
        ASSERT_TRUE(url) << text << ": " << url.error().message;
        EXPECT_EQ(url->backend, Backend::postgresql);
        EXPECT_EQ(url->target, text);
        EXPECT_EQ(url->redacted, text);
    }
}

TEST(DatabaseUrl, RedactsPasswordButKeepsTarget) {
    auto url = parse_database_url("postgresql://board:s3cret@db.example:5432/safeboard?sslmode=require");
    ASSERT_TRUE(url) << url.error().message;
    EXPECT_EQ(url->target, "postgresql://board:s3cret@db.example:5432/safeboard?sslmode=require");
    EXPECT_EQ(url->redacted, "postgresql://board:***@db.example:5432/safeboard?sslmode=require");
}

TEST(DatabaseUrl, RedactsPasswordQueryParameter) {
    auto url = parse_database_url("postgresql://db.example/safeboard?user=board&password=s3cret&sslmode=require");
    ASSERT_TRUE(url) << url.error().message;
    EXPECT_EQ(url->redacted, "postgresql://db.example/safeboard?user=board&password=***&sslmode=require");
}

TEST(DatabaseUrl, RejectsOtherSchemesNamingTheValue) {
    auto url = parse_database_url("mysql://board@db.example/safeboard");
    ASSERT_FALSE(url);
    EXPECT_EQ(url.error().kind, ErrorKind::validation);
    ASSERT_EQ(url.error().fields.size(), 1u);
    EXPECT_EQ(url.error().fields[0], (FieldError{"db", "must be sqlite:PATH or postgresql://..."}));
    EXPECT_NE(url.error().message.find("mysql://board@db.example/safeboard"), std::string::npos);
}

TEST(DatabaseUrl, RejectionNeverShowsThePassword) {
    for (std::string text : {"mysql://board:s3cret@db.example/x", "postgresql://board:s3cret@db.example/x y",
                             "postgresql://board:s3cret@db.example/x?no_such_option=1"}) {
        auto url = parse_database_url(text);
        ASSERT_FALSE(url) << text;
        EXPECT_EQ(url.error().message.find("s3cret"), std::string::npos) << url.error().message;
        EXPECT_NE(url.error().message.find("board:***@"), std::string::npos) << url.error().message;
    }
}

TEST(DatabaseUrl, RejectsWhitespaceAndControlCharacters) {
    EXPECT_FALSE(parse_database_url("postgresql://db.example/safe board"));
    EXPECT_FALSE(parse_database_url("postgresql://db.example/safeboard\n"));
    EXPECT_FALSE(parse_database_url("sqlite:var/x\x01.db"));
    EXPECT_TRUE(parse_database_url("sqlite:var/my board.db")) << "spaces are legal in file names";
}

TEST(DatabaseUrl, RejectsParametersLibpqDoesNotKnow) {
    auto url = parse_database_url("postgresql://db.example/safeboard?no_such_option=1");
    ASSERT_FALSE(url);
    EXPECT_NE(url.error().message.find("no_such_option"), std::string::npos) << url.error().message;
}

TEST(DatabaseUrl, RejectsEmptyAndPlainPaths) {
    EXPECT_FALSE(parse_database_url(""));
    EXPECT_FALSE(parse_database_url("var/safeboard.db"));
}

}  // namespace
}  // namespace safeboard::db
