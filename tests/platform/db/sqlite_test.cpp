// What only the SQLite side promises: no stray files, WAL, enforced foreign
// keys, durable commits.
#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace safeboard::db {
namespace {

using testing::TestDatabase;

std::string pragma(Connection& connection, const std::string& name) {
    return connection.query("PRAGMA " + name).rows.at(0).text(0);
}

TEST(Sqlite, MissingDirectoryFailsAndCreatesNothing) {
    TestDatabase database(Backend::sqlite);
    auto missing = database.directory() / "var";
    auto path = (missing / "safeboard.db").string();
    try {
        connect(DatabaseUrl{Backend::sqlite, path, "sqlite:" + path});
        FAIL() << "expected the open to fail";
    } catch (const DatabaseError& error) {
        EXPECT_EQ(error.code(), ErrorCode::connection);
        EXPECT_EQ(std::string(error.what()),
                  "cannot open SQLite database " + path + ": directory " + missing.string() + " does not exist");
    }
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(Sqlite, EveryConnectionIsConfiguredForSafety) {
    TestDatabase database(Backend::sqlite);
    auto connection = database.connect();
    EXPECT_EQ(pragma(*connection, "journal_mode"), "wal");
    EXPECT_EQ(pragma(*connection, "foreign_keys"), "1");
    EXPECT_EQ(pragma(*connection, "synchronous"), "2") << "FULL";
    EXPECT_EQ(pragma(*connection, "busy_timeout"), "5000");
    auto second = database.connect();
    EXPECT_EQ(pragma(*second, "foreign_keys"), "1") << "a per-connection setting";
}

// WAL lets a reader keep its snapshot while a writer commits, instead of
// blocking one of them.
TEST(Sqlite, ReaderKeepsItsSnapshotWhileAWriterCommits) {
    TestDatabase database(Backend::sqlite);
    auto writer = database.connect();
    auto reader = database.connect();
    writer->execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    Transaction reading(*reader, TxMode::read);
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM notes").rows.at(0).integer(0), 0);
    {
        Transaction writing(*writer);
        writer->query("INSERT INTO notes (id) VALUES (1)");
        writing.commit();
    }
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM notes").rows.at(0).integer(0), 0);
    reading.commit();
    EXPECT_EQ(reader->query("SELECT COUNT(*) FROM notes").rows.at(0).integer(0), 1);
}

TEST(Sqlite, WriteTransactionTakesTheLockUpFront) {
    TestDatabase database(Backend::sqlite);
    auto first = database.connect();
    auto second = database.connect();
    first->execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    Transaction holding(*first, TxMode::write);
    // A second writer is refused (after the busy timeout) at BEGIN, before it
    // has done any work, rather than at its first write.
    second->execute_script("PRAGMA busy_timeout = 0");
    try {
        second->begin(TxMode::write);
        FAIL() << "expected the write lock to be held";
    } catch (const DatabaseError& error) {
        EXPECT_EQ(error.code(), ErrorCode::busy);
    }
    EXPECT_FALSE(second->in_transaction());
}

TEST(Sqlite, BlobsReadBackAsBytes) {
    TestDatabase database(Backend::sqlite);
    auto connection = database.connect();
    auto result = connection->query("SELECT X'00FF41'");
    EXPECT_EQ(result.rows.at(0).text(0), std::string("\0\xff" "A", 3));
}

}  // namespace
}  // namespace safeboard::db
