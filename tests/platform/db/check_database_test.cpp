#include <gtest/gtest.h>

#include "platform/db/migration_fixtures.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::db {
namespace {

using Problems = std::vector<std::string>;

class CheckDatabaseTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        connection_ = connect();
    }

    std::unique_ptr<Connection> connection_;
};

MigrationSet set_of(const std::vector<embed::File>& files) {
    MigrationSet set;
    set.add_module("test", files);
    return set;
}

TEST_P(CheckDatabaseTest, CleanAfterMigrating) {
    auto set = fixtures::good_migrations();
    migrate(*connection_, set);
    EXPECT_EQ(check_database(*connection_, set), Problems{});
}

TEST_P(CheckDatabaseTest, FreshDatabaseHasEverythingPending) {
    EXPECT_EQ(check_database(*connection_, fixtures::good_migrations()),
              Problems{"3 migrations pending: test/0001_create_bodies, test/0002_add_members, "
                       "test/0003_index_members"});
}

TEST_P(CheckDatabaseTest, EditedMigrationIsReported) {
    migrate(*connection_, fixtures::good_migrations());
    auto files = fixtures::good_files();
    for (auto& file : files) {
        if (file.path == "0001_create_bodies.sql") file.content = "CREATE TABLE bodies (id INTEGER PRIMARY KEY);\n";
    }
    EXPECT_EQ(check_database(*connection_, set_of(files)),
              Problems{"test/0001_create_bodies has changed since it was applied"});
}

TEST_P(CheckDatabaseTest, UnknownAndPendingMigrationsAreReported) {
    migrate(*connection_, fixtures::good_migrations());
    auto files = fixtures::good_files();
    std::erase_if(files, [](const embed::File& file) { return file.path.starts_with("0003"); });
    files.push_back({"0004_add_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);"});
    EXPECT_EQ(check_database(*connection_, set_of(files)),
              (Problems{"test/0003_index_members was applied but is not known to this version of Safeboard",
                        "1 migration pending: test/0004_add_notes"}));
}

SAFEBOARD_TEST_ON_BACKENDS(CheckDatabaseTest);

TEST(CheckSqliteDatabase, ReportsRowsBreakingForeignKeys) {
    testing::TestDatabase database(Backend::sqlite);
    auto set = fixtures::good_migrations();
    migrate(*database.connect(), set);
    // Only a connection that switched enforcement off can store such a row,
    // as an older tool or a manual repair might.
    auto careless = database.connect();
    careless->execute_script("PRAGMA foreign_keys = OFF; INSERT INTO members (id, body_id, name) VALUES (7, 99, 'x')");
    EXPECT_EQ(check_database(*database.connect(), set),
              Problems{"table members row 7 violates foreign key to bodies"});
}

}  // namespace
}  // namespace safeboard::db
