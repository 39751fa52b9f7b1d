#include <gtest/gtest.h>

#include <thread>

#include "support/test_database.hpp"

namespace safeboard::db {
namespace {

class TransactionTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        writer_ = connect();
        reader_ = connect();
        writer_->execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    }

    std::int64_t count(Connection& connection) {
        return connection.query("SELECT COUNT(*) FROM notes").rows.at(0).integer(0);
    }

    void insert(std::int64_t id) {
        writer_->query("INSERT INTO notes (id, body) VALUES ($1, 'note')", {id});
    }

    std::unique_ptr<Connection> writer_;
    std::unique_ptr<Connection> reader_;
};

TEST_P(TransactionTest, CommittedWritesAreSeenByOthers) {
    Transaction transaction(*writer_);
    EXPECT_TRUE(writer_->in_transaction());
    insert(1);
    EXPECT_EQ(count(*reader_), 0) << "not visible before commit";
    transaction.commit();
    EXPECT_FALSE(writer_->in_transaction());
    EXPECT_EQ(count(*reader_), 1);
}

TEST_P(TransactionTest, DestructorRollsBackWhatWasNotCommitted) {
    {
        Transaction transaction(*writer_);
        insert(1);
        insert(2);
    }
    EXPECT_FALSE(writer_->in_transaction());
    EXPECT_EQ(count(*writer_), 0);
    EXPECT_EQ(count(*reader_), 0);
}

TEST_P(TransactionTest, ExceptionInsideRollsBackEverything) {
    insert(1);
    try {
        Transaction transaction(*writer_);
        insert(2);
        insert(1);  // duplicate: throws, and the transaction unwinds
        transaction.commit();
        FAIL() << "expected a unique violation";
    } catch (const DatabaseError& error) {
        EXPECT_EQ(error.code(), ErrorCode::unique_violation);
    }
    EXPECT_EQ(count(*reader_), 1);
    EXPECT_FALSE(writer_->in_transaction());
}

TEST_P(TransactionTest, ExplicitRollbackAndBegin) {
    writer_->begin(TxMode::write);
    insert(1);
    writer_->rollback();
    EXPECT_FALSE(writer_->in_transaction());
    writer_->rollback();  // nothing to undo is not an error
    writer_->begin(TxMode::read);
    EXPECT_TRUE(writer_->in_transaction());
    EXPECT_EQ(count(*writer_), 0);
    writer_->commit();
}

// Two writers on separate connections: each waits for the other's lock
// (busy timeout on SQLite, row locks on PostgreSQL) and no write is lost.
TEST_P(TransactionTest, ConcurrentWritersLoseNothing) {
    writer_->execute_script("CREATE TABLE counter (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);"
                            "INSERT INTO counter (id, value) VALUES (1, 0)");
    constexpr std::int64_t per_thread = 50;
    auto work = [&](std::int64_t first_id) {
        auto connection = connect();
        for (std::int64_t i = 0; i < per_thread; ++i) {
            Transaction transaction(*connection);
            connection->query("INSERT INTO notes (id, body) VALUES ($1, 'note')", {first_id + i});
            connection->query("UPDATE counter SET value = value + 1 WHERE id = 1");
            transaction.commit();
        }
    };
    std::exception_ptr failures[2];
    auto guarded = [&](int worker) {
        try {
            work(1000 * (worker + 1));
        } catch (...) {
            failures[worker] = std::current_exception();
        }
    };
    std::thread a(guarded, 0), b(guarded, 1);
    a.join();
    b.join();
    for (auto& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    EXPECT_EQ(count(*reader_), 2 * per_thread);
    EXPECT_EQ(reader_->query("SELECT value FROM counter").rows.at(0).integer(0), 2 * per_thread);
}

SAFEBOARD_TEST_ON_BACKENDS(TransactionTest);

class PostgresqlTransactionTest : public TransactionTest {};

// PostgreSQL aborts a transaction at its first error; a COMMIT then quietly
// rolls back, which must not look like success.
TEST_P(PostgresqlTransactionTest, CommitAfterAFailedStatementThrows) {
    insert(1);
    Transaction transaction(*writer_);
    insert(2);
    EXPECT_THROW(insert(1), DatabaseError);
    EXPECT_THROW(transaction.commit(), DatabaseError);
    EXPECT_EQ(count(*reader_), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresqlTransactionTest, ::testing::Values(Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace safeboard::db
