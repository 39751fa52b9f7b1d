#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "platform/db/migration_fixtures.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::db {
namespace {

class MigrateTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        connection_ = connect();
    }

    bool table_exists(const std::string& name) {
        if (backend() == Backend::sqlite) {
            return !connection_->query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1", {name})
                        .empty();
        }
        return connection_->query("SELECT to_regclass($1) IS NOT NULL", {name}).rows.at(0).boolean(0);
    }

    std::vector<std::string> applied_ids() {
        std::vector<std::string> ids;
        for (const auto& applied : applied_migrations(*connection_)) {
            ids.push_back(applied.module + "/" + std::to_string(applied.version) + "_" + applied.name);
        }
        return ids;
    }

    std::unique_ptr<Connection> connection_;
};

std::vector<std::string> ids_of(const std::vector<Migration>& migrations) {
    std::vector<std::string> ids;
    for (const auto& migration : migrations) ids.push_back(migration.id());
    return ids;
}

const std::vector<std::string> kGoodIds{"test/0001_create_bodies", "test/0002_add_members",
                                        "test/0003_index_members"};

TEST_P(MigrateTest, FreshDatabaseGetsEveryMigrationInOrder) {
    auto set = fixtures::good_migrations();
    EXPECT_EQ(ids_of(pending_migrations(*connection_, set)), kGoodIds);
    EXPECT_EQ(ids_of(migrate(*connection_, set)), kGoodIds);

    auto applied = applied_migrations(*connection_);
    ASSERT_EQ(applied.size(), 3u);
    const std::regex utc_second(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    for (std::size_t i = 0; i < applied.size(); ++i) {
        const auto& migration = set.all()[i];
        EXPECT_EQ(applied[i].module, "test");
        EXPECT_EQ(applied[i].version, migration.version);
        EXPECT_EQ(applied[i].name, migration.name);
        EXPECT_EQ(applied[i].checksum, migration.checksum_for(backend()));
        EXPECT_TRUE(std::regex_match(applied[i].applied_at, utc_second)) << applied[i].applied_at;
    }
    EXPECT_TRUE(table_exists("bodies"));
    EXPECT_TRUE(table_exists("members"));
    EXPECT_TRUE(pending_migrations(*connection_, set).empty());
}

TEST_P(MigrateTest, SecondRunAppliesNothing) {
    auto set = fixtures::good_migrations();
    migrate(*connection_, set);
    auto before = applied_migrations(*connection_);
    EXPECT_TRUE(migrate(*connection_, set).empty());
    EXPECT_EQ(applied_migrations(*connection_).size(), before.size());
    EXPECT_EQ(connection_->query("SELECT COUNT(*) FROM dialect").rows.at(0).integer(0), 1);
}

TEST_P(MigrateTest, DialectPairRunsTheBackendsOwnText) {
    auto set = fixtures::good_migrations();
    migrate(*connection_, set);
    EXPECT_EQ(connection_->query("SELECT name FROM dialect").rows.at(0).text(0), to_string(backend()));
    Backend other = backend() == Backend::sqlite ? Backend::postgresql : Backend::sqlite;
    auto recorded = applied_migrations(*connection_).at(1);
    EXPECT_EQ(recorded.checksum, set.all()[1].checksum_for(backend()));
    EXPECT_NE(recorded.checksum, set.all()[1].checksum_for(other));
}

TEST_P(MigrateTest, FailingMigrationRollsBackOnlyItself) {
    try {
        migrate(*connection_, fixtures::failing_migrations());
        FAIL() << "expected the migration to fail";
    } catch (const DatabaseError& error) {
        std::string message = error.what();
        EXPECT_NE(message.find("migration test/0002_broken failed"), std::string::npos) << message;
        EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
    }
    EXPECT_FALSE(connection_->in_transaction());
    EXPECT_TRUE(table_exists("bodies")) << "the migration before it stays applied";
    EXPECT_FALSE(table_exists("half_done")) << "the failed migration left no trace";
    EXPECT_FALSE(table_exists("never_reached")) << "the run stopped at the failure";
    EXPECT_EQ(applied_ids(), (std::vector<std::string>{"test/1_create_bodies"}));
}

TEST_P(MigrateTest, LaterRunAppliesOnlyWhatIsNew) {
    auto files = fixtures::good_files();
    std::erase_if(files, [](const embed::File& file) { return file.path.starts_with("0003"); });
    MigrationSet older;
    older.add_module("test", files);
    EXPECT_EQ(migrate(*connection_, older).size(), 2u);
    EXPECT_EQ(ids_of(migrate(*connection_, fixtures::good_migrations())),
              (std::vector<std::string>{"test/0003_index_members"}));
}

// Two processes starting at once (here, two connections on two threads):
// each migration runs exactly once and neither fails.
TEST_P(MigrateTest, ConcurrentRunsApplyEachMigrationOnce) {
    auto set = fixtures::good_migrations();
    std::vector<Migration> applied[2];
    std::exception_ptr failures[2];
    auto run = [&](int worker) {
        try {
            applied[worker] = migrate(*connect(), set);
        } catch (...) {
            failures[worker] = std::current_exception();
        }
    };
    std::thread a(run, 0), b(run, 1);
    a.join();
    b.join();
    for (auto& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    EXPECT_EQ(applied[0].size() + applied[1].size(), 3u);
    EXPECT_EQ(applied_migrations(*connection_).size(), 3u);
    EXPECT_EQ(connection_->query("SELECT COUNT(*) FROM dialect").rows.at(0).integer(0), 1);
}

SAFEBOARD_TEST_ON_BACKENDS(MigrateTest);

}  // namespace
}  // namespace safeboard::db
