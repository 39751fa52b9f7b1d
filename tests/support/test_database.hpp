#pragma once
// A fresh, empty database per test, on each backend, so a store test is
// written once and runs on SQLite and PostgreSQL alike:
//
//   class BodyStoreTest : public safeboard::testing::DatabaseTest {};
//   TEST_P(BodyStoreTest, Adds) { auto connection = connect(); ... }
//   SAFEBOARD_TEST_ON_BACKENDS(BodyStoreTest);
//
// SQLite gets a file in a new temporary directory; PostgreSQL a new schema in
// the cluster named by SAFEBOARD_TEST_POSTGRES (a libpq URI), chosen through
// the URI's search_path option so every pooled connection lands in it. Both
// are removed afterwards. Without SAFEBOARD_TEST_POSTGRES the PostgreSQL
// instances are reported as skipped, never as passed.
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace safeboard::db {
// Lets gtest show "sqlite" rather than the enum's bytes in test names and
// failures. A test file that asserts on Backend values includes this header,
// so that every file prints Backend the same way.
void PrintTo(Backend backend, std::ostream* out);
}  // namespace safeboard::db

namespace safeboard::testing {

inline constexpr const char* kPostgresVariable = "SAFEBOARD_TEST_POSTGRES";

// Why backend cannot be tested in this environment; nullopt when it can.
std::optional<std::string> unavailable_reason(db::Backend backend);

class TestDatabase {
public:
    // Throws std::runtime_error when the backend is unavailable or misconfigured.
    explicit TestDatabase(db::Backend backend);
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    ~TestDatabase();

    db::Backend backend() const { return url_.backend; }
    const db::DatabaseUrl& url() const { return url_; }
    std::unique_ptr<db::Connection> connect() const { return db::connect(url_); }
    // SQLite only: the directory that holds the database file.
    const std::filesystem::path& directory() const { return directory_; }

private:
    db::DatabaseUrl url_;
    std::filesystem::path directory_;  // SQLite
    std::optional<db::DatabaseUrl> cluster_;  // PostgreSQL: where the schema was made
    std::string schema_;
};

// Every backend, including those unavailable here: their tests then show as
// skipped rather than vanishing from the report.
std::vector<db::Backend> test_backends();

// Names parameterised tests ".../sqlite" and ".../postgresql".
std::string backend_name(const ::testing::TestParamInfo<db::Backend>& info);

// Base fixture: one fresh database per test. A fixture that overrides SetUp()
// calls DatabaseTest::SetUp() first and returns if IsSkipped().
class DatabaseTest : public ::testing::TestWithParam<db::Backend> {
protected:
    void SetUp() override;
    db::Backend backend() const { return GetParam(); }
    TestDatabase& database() { return *database_; }
    const db::DatabaseUrl& url() const { return database_->url(); }
    std::unique_ptr<db::Connection> connect() const { return database_->connect(); }

private:
    // Destroyed with the fixture, after the derived fixture's members, so no
    // pooled connection still uses the database when it is dropped.
    std::optional<TestDatabase> database_;
};

}  // namespace safeboard::testing

#define SAFEBOARD_TEST_ON_BACKENDS(fixture)                                                              \
    INSTANTIATE_TEST_SUITE_P(Backends, fixture, ::testing::ValuesIn(::safeboard::testing::test_backends()), \
                             ::safeboard::testing::backend_name)
