#pragma once
// Loading millions of rows through db::Connection: multi-row INSERTs,
// prepared once (the connection caches them) and bound like any other, in
// transactions of about 100,000 rows. A table's rows wait in memory until a
// statement's worth has gathered; the tables they refer to are written first,
// so every foreign key holds when its row arrives.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace safeboard::national {

class BulkLoad {
public:
    BulkLoad(db::Connection& db, std::int64_t rows_per_transaction);
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;
    ~BulkLoad();  // rolls back what finish() did not commit
    db::Connection& db() { return db_; }
    // Counts rows written, and commits when a transaction's worth has been.
    void wrote(std::int64_t rows);
    void finish();

private:
    db::Connection& db_;
    std::int64_t rows_per_transaction_;
    std::int64_t uncommitted_ = 0;
};

class BulkInsert {
public:
    // `parents`: the inserts whose rows these refer to, written first.
    BulkInsert(BulkLoad& load, std::string table, std::vector<std::string> columns,
               std::vector<BulkInsert*> parents = {});
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;
    void add(std::vector<db::Value> row);
    void flush();
    std::int64_t rows() const { return rows_; }
    const std::string& table() const { return table_; }

private:
    std::string statement(std::size_t rows) const;

    BulkLoad& load_;
    std::string table_;
    std::vector<std::string> columns_;
    std::vector<BulkInsert*> parents_;
    std::size_t rows_per_statement_;
    std::string full_statement_;
    std::vector<db::Value> pending_;
    std::int64_t rows_ = 0;
};

}  // namespace safeboard::national
