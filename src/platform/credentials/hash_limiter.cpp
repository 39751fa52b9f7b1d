#include "platform/credentials/hash_limiter.hpp"

#include <stdexcept>

namespace safeboard::credentials {

HashLimiter::HashLimiter(unsigned capacity, std::chrono::milliseconds wait) : capacity_(capacity), wait_(wait) {
    if (capacity == 0) throw std::invalid_argument("a hash limiter needs at least one slot");
}

unsigned HashLimiter::in_use() const {
    std::lock_guard lock(mutex_);
    return in_use_;
}

unsigned HashLimiter::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

bool HashLimiter::acquire() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    bool free = freed_.wait_for(lock, wait_, [&] { return in_use_ < capacity_; });
    --waiting_;
    if (free) ++in_use_;
    return free;
}

void HashLimiter::release() {
    {
        std::lock_guard lock(mutex_);
        --in_use_;
    }
    freed_.notify_one();
}

}  // namespace safeboard::credentials
