#include <gtest/gtest.h>

#include <functional>
#include <limits>

#include "platform/db/database.hpp"

namespace safeboard::db {
namespace {

Row row_of(Value value) {
    return Row({std::move(value)});
}

ErrorCode code_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const DatabaseError& error) {
        return error.code();
    }
    ADD_FAILURE() << "expected a DatabaseError";
    return ErrorCode::busy;
}

TEST(Row, IntegerFromEveryRepresentation) {
    EXPECT_EQ(row_of(std::int64_t{42}).integer(0), 42);
    EXPECT_EQ(row_of(std::string("-9223372036854775808")).integer(0), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(row_of(3.0).integer(0), 3);
    EXPECT_EQ(row_of(true).integer(0), 1);
}

TEST(Row, IntegerRejectsWhatIsNotOne) {
    EXPECT_EQ(code_of([] { row_of(std::string("abc")).integer(0); }), ErrorCode::other);
    EXPECT_EQ(code_of([] { row_of(std::string("12abc")).integer(0); }), ErrorCode::other);
    EXPECT_EQ(code_of([] { row_of(std::string("")).integer(0); }), ErrorCode::other);
    EXPECT_EQ(code_of([] { row_of(3.5).integer(0); }), ErrorCode::other);
    EXPECT_EQ(code_of([] { row_of(1e19).integer(0); }), ErrorCode::other);
    EXPECT_EQ(code_of([] { row_of(Null{}).integer(0); }), ErrorCode::other);
}

TEST(Row, ErrorNamesColumnAndValue) {
    try {
        Row({Value{std::int64_t{1}}, Value{std::string("abc")}}).integer(1);
        FAIL() << "expected a DatabaseError";
    } catch (const DatabaseError& error) {
        EXPECT_STREQ(error.what(), "column 1: cannot read text \"abc\" as an integer");
    }
}

TEST(Row, BooleanFromSqliteIntegersAndPostgresqlText) {
    EXPECT_TRUE(row_of(std::int64_t{1}).boolean(0));
    EXPECT_FALSE(row_of(std::int64_t{0}).boolean(0));
    EXPECT_TRUE(row_of(std::string("t")).boolean(0));
    EXPECT_FALSE(row_of(std::string("f")).boolean(0));
    EXPECT_TRUE(row_of(true).boolean(0));
    EXPECT_EQ(code_of([] { row_of(std::int64_t{2}).boolean(0); }), ErrorCode::other);
    EXPECT_EQ(code_of([] { row_of(std::string("yes")).boolean(0); }), ErrorCode::other);
}

TEST(Row, RealAndText) {
    EXPECT_DOUBLE_EQ(row_of(std::string("2.5")).real(0), 2.5);
    EXPECT_DOUBLE_EQ(row_of(std::int64_t{7}).real(0), 7.0);
    EXPECT_EQ(code_of([] { row_of(std::string("2.5kg")).real(0); }), ErrorCode::other);
    EXPECT_EQ(row_of(std::int64_t{-5}).text(0), "-5");
    EXPECT_EQ(row_of(0.1).text(0), "0.1");
    EXPECT_EQ(row_of(false).text(0), "false");
}

TEST(Row, NullIsOnlyReadableAsOptional) {
    Row row = row_of(Null{});
    EXPECT_TRUE(row.is_null(0));
    EXPECT_EQ(row.optional_text(0), std::nullopt);
    EXPECT_EQ(row.optional_integer(0), std::nullopt);
    EXPECT_EQ(code_of([&] { row.text(0); }), ErrorCode::other);
    EXPECT_EQ(row_of(std::string("12")).optional_integer(0), 12);
}

}  // namespace
}  // namespace safeboard::db
