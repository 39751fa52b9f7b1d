#pragma once
// A fixed-size pool of connections. acquire() blocks until one is free or the
// wait times out (DatabaseError busy). A connection that fails ping() on return
// is replaced.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "platform/db/database.hpp"

namespace safeboard::db {

struct PoolOptions {
    std::size_t size = 4;
    std::chrono::milliseconds acquire_timeout{5000};
};

struct PoolStats {
    std::size_t size = 0;
    std::size_t in_use = 0;
    std::size_t idle = 0;
};

class Pool;

class Lease {
public:
    Lease(Pool& pool, std::unique_ptr<Connection> connection);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
};

class Pool {
public:
    // Opens every connection up front, so an unreachable database fails here.
    Pool(DatabaseUrl url, PoolOptions options);
    Lease acquire();
    PoolStats stats() const;
    const DatabaseUrl& url() const { return url_; }
    Backend backend() const { return url_.backend; }

private:
    friend class Lease;
    void release(std::unique_ptr<Connection> connection);

    DatabaseUrl url_;
    PoolOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t in_use_ = 0;
};

}  // namespace safeboard::db
