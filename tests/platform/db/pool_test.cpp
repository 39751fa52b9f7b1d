#include <gtest/gtest.h>

#include <optional>

#include "platform/db/pool.hpp"
#include "support/test_database.hpp"

namespace safeboard::db {
namespace {

using namespace std::chrono_literals;

class PoolTest : public testing::DatabaseTest {
protected:
    std::unique_ptr<Pool> make_pool(std::size_t size, std::chrono::milliseconds timeout = 5000ms) {
        return std::make_unique<Pool>(url(), PoolOptions{size, timeout});
    }
};

void expect_stats(const Pool& pool, std::size_t in_use, std::size_t idle) {
    auto stats = pool.stats();
    EXPECT_EQ(stats.size, in_use + idle);
    EXPECT_EQ(stats.in_use, in_use);
    EXPECT_EQ(stats.idle, idle);
}

TEST_P(PoolTest, StatsFollowLeases) {
    auto pool = make_pool(2);
    expect_stats(*pool, 0, 2);
    {
        auto first = pool->acquire();
        expect_stats(*pool, 1, 1);
        {
            auto second = pool->acquire();
            expect_stats(*pool, 2, 0);
        }
        expect_stats(*pool, 1, 1);
    }
    expect_stats(*pool, 0, 2);
}

TEST_P(PoolTest, MovedLeaseIsReturnedOnce) {
    auto pool = make_pool(2);
    {
        std::optional<Lease> held;
        {
            auto lease = pool->acquire();
            held.emplace(std::move(lease));
        }
        expect_stats(*pool, 1, 1);
        EXPECT_TRUE((*held)->ping());
    }
    expect_stats(*pool, 0, 2);
}

TEST_P(PoolTest, AcquireTimesOutAsBusy) {
    auto pool = make_pool(1, 20ms);
    auto held = pool->acquire();
    try {
        pool->acquire();
        FAIL() << "expected the wait to time out";
    } catch (const DatabaseError& error) {
        EXPECT_EQ(error.code(), ErrorCode::busy);
        EXPECT_STREQ(error.what(), "no database connection free within 20ms");
    }
    expect_stats(*pool, 1, 0);
}

TEST_P(PoolTest, LeaseReturnedInATransactionIsRolledBack) {
    auto pool = make_pool(1);
    pool->acquire()->execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    {
        auto lease = pool->acquire();
        lease->begin(TxMode::write);
        lease->query("INSERT INTO notes (id) VALUES (1)");
    }
    auto lease = pool->acquire();  // the same connection: the pool has one
    EXPECT_FALSE(lease->in_transaction());
    EXPECT_EQ(lease->query("SELECT COUNT(*) FROM notes").rows.at(0).integer(0), 0);
    auto other = connect();
    Transaction writing(*other);  // the write lock was released too
    other->query("INSERT INTO notes (id) VALUES (2)");
    writing.commit();
}

SAFEBOARD_TEST_ON_BACKENDS(PoolTest);

class PostgresqlPoolTest : public PoolTest {};

TEST_P(PostgresqlPoolTest, BrokenConnectionIsReplacedOnReturn) {
    auto pool = make_pool(1);
    std::int64_t old_pid = 0;
    {
        auto lease = pool->acquire();
        old_pid = lease->query("SELECT pg_backend_pid()").rows.at(0).integer(0);
        // Waits up to 5 s for the server process to be gone.
        auto killed = connect()->query("SELECT pg_terminate_backend($1::int, 5000)", {old_pid});
        ASSERT_TRUE(killed.rows.at(0).boolean(0));
    }
    expect_stats(*pool, 0, 1);
    auto lease = pool->acquire();
    EXPECT_NE(lease->query("SELECT pg_backend_pid()").rows.at(0).integer(0), old_pid);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresqlPoolTest, ::testing::Values(Backend::postgresql),
                         testing::backend_name);

TEST(Pool, UnreachableDatabaseFailsAtConstruction) {
    auto url = parse_database_url("postgresql://board@127.0.0.1:1/safeboard");
    ASSERT_TRUE(url);
    try {
        Pool pool(*url, PoolOptions{});
        FAIL() << "expected the pool to fail";
    } catch (const DatabaseError& error) {
        EXPECT_EQ(error.code(), ErrorCode::connection);
    }
}

}  // namespace
}  // namespace safeboard::db
