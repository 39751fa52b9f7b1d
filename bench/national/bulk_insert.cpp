#include "national/bulk_insert.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace safeboard::national {

namespace {

// SQLite finds each named parameter by a linear search, so its statements
// stay short; PostgreSQL pays a round trip per statement, so its are long,
// though under 7,500 parameters: libpq takes a longer description of them
// (4 bytes each) for a broken connection.
std::size_t parameters_per_statement(db::Backend backend) { return backend == db::Backend::sqlite ? 400 : 5000; }

}  // namespace

BulkLoad::BulkLoad(db::Connection& db, std::int64_t rows_per_transaction)
    : db_(db), rows_per_transaction_(rows_per_transaction) {
    db_.begin(db::TxMode::write);
}

BulkLoad::~BulkLoad() {
    try {
        db_.rollback();
    } catch (const db::DatabaseError&) {
        // Already failing: the error that got us here is the one to report.
    }
}

void BulkLoad::wrote(std::int64_t rows) {
    uncommitted_ += rows;
    if (uncommitted_ < rows_per_transaction_) return;
    db_.commit();
    db_.begin(db::TxMode::write);
    uncommitted_ = 0;
}

void BulkLoad::finish() {
    db_.commit();
    uncommitted_ = 0;
}

BulkInsert::BulkInsert(BulkLoad& load, std::string table, std::vector<std::string> columns,
                       std::vector<BulkInsert*> parents)
    : load_(load), table_(std::move(table)), columns_(std::move(columns)), parents_(std::move(parents)) {
    rows_per_statement_ = std::max<std::size_t>(1, parameters_per_statement(load_.db().backend()) / columns_.size());
    full_statement_ = statement(rows_per_statement_);
    pending_.reserve(rows_per_statement_ * columns_.size());
}

std::string BulkInsert::statement(std::size_t rows) const {
    std::string sql = "INSERT INTO " + table_ + " (";
    for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + columns_[c];
    sql += ") VALUES ";
    std::size_t n = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", $" : "$") + std::to_string(++n);
        sql += ")";
    }
    return sql;
}

void BulkInsert::add(std::vector<db::Value> row) {
    if (row.size() != columns_.size()) throw std::logic_error("a row of " + table_ + " has the wrong number of values");
    std::move(row.begin(), row.end(), std::back_inserter(pending_));
    if (pending_.size() == rows_per_statement_ * columns_.size()) flush();
}

void BulkInsert::flush() {
    if (pending_.empty()) return;
    for (auto* parent : parents_) parent->flush();
    auto rows = pending_.size() / columns_.size();
    load_.db().query(rows == rows_per_statement_ ? full_statement_ : statement(rows), pending_);
    pending_.clear();
    rows_ += static_cast<std::int64_t>(rows);
    load_.wrote(static_cast<std::int64_t>(rows));
}

}  // namespace safeboard::national
