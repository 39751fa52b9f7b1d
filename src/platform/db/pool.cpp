#include "platform/db/pool.hpp"

#include <stdexcept>

namespace safeboard::db {
namespace {

// Returns a connection fit for the next borrower, or nullptr when it is
// broken and no new one can be opened now.
std::unique_ptr<Connection> make_reusable(std::unique_ptr<Connection> connection, const DatabaseUrl& url) {
    try {
        // A borrower that left a transaction open (an exception skipped its
        // commit) must not leak its writes or locks to the next one.
        if (connection->in_transaction()) connection->rollback();
        if (connection->ping()) return connection;
    } catch (const std::exception&) {
        // Whatever went wrong, the connection is replaced below.
    }
    connection.reset();
    try {
        return connect(url);
    } catch (const std::exception&) {
        // The slot stays empty; acquire() opens it again, and reports the
        // error to a caller who can act on it.
        return nullptr;
    }
}

}  // namespace

Lease::Lease(Pool& pool, std::unique_ptr<Connection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {
    other.pool_ = nullptr;
}

Lease::~Lease() {
    if (pool_ && connection_) pool_->release(std::move(connection_));
}

Pool::Pool(DatabaseUrl url, PoolOptions options) : url_(std::move(url)), options_(options) {
    if (options_.size == 0) throw std::invalid_argument("a database pool needs at least one connection");
    idle_.reserve(options_.size);
    for (std::size_t i = 0; i < options_.size; ++i) idle_.push_back(connect(url_));
}

Lease Pool::acquire() {
    std::unique_lock lock(mutex_);
    // A slot is free when a connection is idle, or when one was dropped
    // because it broke and could not be reopened at the time.
    auto free_slot = [&] { return !idle_.empty() || idle_.size() + in_use_ < options_.size; };
    if (!available_.wait_for(lock, options_.acquire_timeout, free_slot)) {
        throw DatabaseError(ErrorCode::busy, "no database connection free within " +
                                                 std::to_string(options_.acquire_timeout.count()) + "ms");
    }
    ++in_use_;
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(connection));
    }
    lock.unlock();
    try {
        return Lease(*this, connect(url_));
    } catch (...) {
        lock.lock();
        --in_use_;
        available_.notify_one();
        throw;
    }
}

void Pool::release(std::unique_ptr<Connection> connection) {
    // Outside the lock: rollback, ping and reconnect talk to the server.
    connection = make_reusable(std::move(connection), url_);
    {
        std::lock_guard lock(mutex_);
        --in_use_;
        if (connection) idle_.push_back(std::move(connection));
    }
    available_.notify_one();
}

PoolStats Pool::stats() const {
    std::lock_guard lock(mutex_);
    return PoolStats{options_.size, in_use_, idle_.size()};
}

}  // namespace safeboard::db
