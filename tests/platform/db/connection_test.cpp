// Behaviour every backend must share: binding, reading back, statement reuse
// and how constraint failures are reported.
#include <gtest/gtest.h>

#include <limits>

#include "support/test_database.hpp"

namespace safeboard::db {
namespace {

class ConnectionTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        connection_ = connect();
        connection_->execute_script(
            "CREATE TABLE samples (id INTEGER PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT, b BOOLEAN);"
            "CREATE TABLE bodies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            "  size INTEGER CHECK (size >= 0));"
            "CREATE TABLE members (id INTEGER PRIMARY KEY, body_id INTEGER NOT NULL REFERENCES bodies (id));");
    }

    ErrorCode failure_of(std::string_view sql, std::initializer_list<Value> params) {
        try {
            connection_->query(sql, params);
        } catch (const DatabaseError& error) {
            return error.code();
        }
        ADD_FAILURE() << "expected " << sql << " to fail";
        return ErrorCode::other;
    }

    std::unique_ptr<Connection> connection_;
};

constexpr const char* kInsertSample = "INSERT INTO samples (id, i, r, t, b) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kSelectSample = "SELECT i, r, t, b FROM samples WHERE id = $1";

TEST_P(ConnectionTest, EveryValueTypeRoundTrips) {
    const std::string text = "Zoë’s café — 安全 🙂";
    const auto big = std::numeric_limits<std::int64_t>::max();
    connection_->query(kInsertSample, {std::int64_t{1}, big, 0.1, text, true});
    connection_->query(kInsertSample, {std::int64_t{2}, std::numeric_limits<std::int64_t>::min(), -2.5e300,
                                       std::string(), false});

    auto first = connection_->query(kSelectSample, {std::int64_t{1}});
    ASSERT_EQ(first.rows.size(), 1u);
    EXPECT_EQ(first.columns, (std::vector<std::string>{"i", "r", "t", "b"}));
    EXPECT_EQ(first.rows[0].integer(0), big);
    EXPECT_EQ(first.rows[0].real(1), 0.1);
    EXPECT_EQ(first.rows[0].text(2), text);
    EXPECT_TRUE(first.rows[0].boolean(3));

    auto second = connection_->query(kSelectSample, {std::int64_t{2}});
    EXPECT_EQ(second.rows.at(0).integer(0), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(second.rows.at(0).real(1), -2.5e300);
    EXPECT_EQ(second.rows.at(0).text(2), "");
    EXPECT_FALSE(second.rows.at(0).boolean(3));
}

TEST_P(ConnectionTest, NullRoundTrips) {
    connection_->query(kInsertSample, {std::int64_t{1}, Null{}, Null{}, Null{}, Null{}});
    auto row = connection_->query(kSelectSample, {std::int64_t{1}}).rows.at(0);
    for (std::size_t i = 0; i < row.size(); ++i) EXPECT_TRUE(row.is_null(i)) << "column " << i;
    EXPECT_EQ(row.optional_integer(0), std::nullopt);
    EXPECT_EQ(row.optional_text(2), std::nullopt);
}

TEST_P(ConnectionTest, ParametersBindByNumberAndMayRepeat) {
    connection_->query("INSERT INTO bodies (id, name) VALUES ($1, $2)", {std::int64_t{1}, std::string("x")});
    connection_->query("INSERT INTO bodies (id, name) VALUES ($1, $2)", {std::int64_t{2}, std::string("y")});
    // $2 before $1 in the text, and $1 twice.
    auto found = connection_->query("SELECT id FROM bodies WHERE (name = $2 OR id = $1) AND id <> $1 + 5",
                                    {std::int64_t{2}, std::string("x")});
    ASSERT_EQ(found.rows.size(), 2u);
    auto sum = connection_->query("SELECT CAST($1 AS BIGINT) + CAST($1 AS BIGINT)", {std::int64_t{21}});
    EXPECT_EQ(sum.rows.at(0).integer(0), 42);
}

TEST_P(ConnectionTest, ReusedStatementGivesEachCallItsOwnResult) {
    for (std::int64_t i = 1; i <= 30; ++i) {
        connection_->query("INSERT INTO bodies (id, name) VALUES ($1, $2)", {i, "body " + std::to_string(i)});
    }
    for (std::int64_t i = 1; i <= 30; ++i) {
        auto result = connection_->query("SELECT name FROM bodies WHERE id = $1", {i});
        ASSERT_EQ(result.rows.size(), 1u);
        EXPECT_EQ(result.rows[0].text(0), "body " + std::to_string(i));
    }
}

TEST_P(ConnectionTest, StatementStillWorksAfterItFailed) {
    constexpr const char* insert = "INSERT INTO bodies (id, name) VALUES ($1, $2)";
    connection_->query(insert, {std::int64_t{1}, std::string("a")});
    EXPECT_EQ(failure_of(insert, {std::int64_t{2}, std::string("a")}), ErrorCode::unique_violation);
    connection_->query(insert, {std::int64_t{2}, std::string("b")});
    EXPECT_EQ(connection_->query("SELECT COUNT(*) FROM bodies").rows.at(0).integer(0), 2);
}

TEST_P(ConnectionTest, AffectedCountsOnlyChangedRows) {
    connection_->query("INSERT INTO bodies (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    EXPECT_EQ(connection_->query("UPDATE bodies SET size = 1 WHERE id < 3").affected, 2);
    EXPECT_EQ(connection_->query("SELECT * FROM bodies").affected, 0);
    EXPECT_EQ(connection_->query("DELETE FROM bodies WHERE id = 99").affected, 0);
    EXPECT_EQ(connection_->query("DELETE FROM bodies WHERE id = $1", {std::int64_t{3}}).affected, 1);
}

TEST_P(ConnectionTest, ConstraintFailuresHaveTheirOwnCodes) {
    connection_->query("INSERT INTO bodies (id, name) VALUES (1, 'Board')");
    EXPECT_EQ(failure_of("INSERT INTO bodies (id, name) VALUES (2, $1)", {std::string("Board")}),
              ErrorCode::unique_violation);
    EXPECT_EQ(failure_of("INSERT INTO bodies (id, name) VALUES (1, $1)", {std::string("Other")}),
              ErrorCode::unique_violation);
    EXPECT_EQ(failure_of("INSERT INTO bodies (id, name) VALUES (3, $1)", {Null{}}), ErrorCode::not_null_violation);
    EXPECT_EQ(failure_of("INSERT INTO bodies (id, name, size) VALUES (4, 'x', $1)", {std::int64_t{-1}}),
              ErrorCode::check_violation);
}

TEST_P(ConnectionTest, ForeignKeysAreEnforced) {
    EXPECT_EQ(failure_of("INSERT INTO members (id, body_id) VALUES (1, $1)", {std::int64_t{99}}),
              ErrorCode::foreign_key_violation);
    connection_->query("INSERT INTO bodies (id, name) VALUES (99, 'Board')");
    connection_->query("INSERT INTO members (id, body_id) VALUES (1, $1)", {std::int64_t{99}});
    EXPECT_EQ(failure_of("DELETE FROM bodies WHERE id = $1", {std::int64_t{99}}), ErrorCode::foreign_key_violation);
}

TEST_P(ConnectionTest, UniqueViolationMessageNamesTheConstraint) {
    connection_->query("INSERT INTO bodies (id, name) VALUES (1, 'Board')");
    try {
        connection_->query("INSERT INTO bodies (id, name) VALUES (2, 'Board')");
        FAIL() << "expected a unique violation";
    } catch (const DatabaseError& error) {
        EXPECT_NE(std::string(error.what()).find(backend() == Backend::sqlite ? "bodies.name" : "bodies_name_key"),
                  std::string::npos)
            << error.what();
    }
}

TEST_P(ConnectionTest, WrongParameterCountIsRejected) {
    EXPECT_EQ(failure_of("SELECT name FROM bodies WHERE id = $1", {}), ErrorCode::other);
    EXPECT_EQ(failure_of("SELECT name FROM bodies WHERE id = $1", {std::int64_t{1}, std::int64_t{2}}),
              ErrorCode::other);
    EXPECT_TRUE(connection_->ping()) << "a refused call leaves the connection usable";
}

TEST_P(ConnectionTest, QueryTakesOneStatement) {
    EXPECT_EQ(failure_of("SELECT 1; SELECT 2", {}), ErrorCode::other);
    EXPECT_EQ(failure_of("SELEKT 1", {}), ErrorCode::other);
}

TEST_P(ConnectionTest, ReportsItsBackendAndAnswersPing) {
    EXPECT_EQ(connection_->backend(), backend());
    EXPECT_TRUE(connection_->ping());
    EXPECT_FALSE(connection_->in_transaction());
}

SAFEBOARD_TEST_ON_BACKENDS(ConnectionTest);

TEST(PostgresqlConnect, UnreachableServerFailsWithRedactedUrl) {
    auto url = parse_database_url("postgresql://board:s3cret@127.0.0.1:1/safeboard?connect_timeout=5");
    ASSERT_TRUE(url);
    try {
        connect(*url);
        FAIL() << "expected the connection to fail";
    } catch (const DatabaseError& error) {
        std::string message = error.what();
        EXPECT_EQ(error.code(), ErrorCode::connection);
        EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
        EXPECT_NE(message.find("postgresql://board:***@127.0.0.1:1/safeboard"), std::string::npos) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
    }
}

}  // namespace
}  // namespace safeboard::db
