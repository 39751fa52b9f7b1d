#pragma once
// Password hashing runs on a bounded number of slots, so that a burst of
// sign-ins (each argon2id hash takes 19 MiB and tens of milliseconds)
// cannot take every worker thread and starve other requests.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

namespace safeboard::credentials {

class HashLimiter {
public:
    // Throws std::invalid_argument for a capacity of 0.
    HashLimiter(unsigned capacity, std::chrono::milliseconds wait);
    HashLimiter(const HashLimiter&) = delete;
    HashLimiter& operator=(const HashLimiter&) = delete;

    // Runs `work` once a slot is free, waiting up to the limiter's wait;
    // nullopt when none came free (the caller answers 503 with Retry-After).
    // An exception from `work` frees the slot and propagates.
    template <typename F>
    auto run(F&& work) -> std::optional<std::invoke_result_t<F&>> {
        static_assert(!std::is_void_v<std::invoke_result_t<F&>>, "the work must return its result");
        if (!acquire()) return std::nullopt;
        Slot slot(*this);
        return std::optional<std::invoke_result_t<F&>>(work());
    }

    unsigned capacity() const { return capacity_; }
    unsigned in_use() const;
    unsigned waiting() const;  // callers queued for a slot now

private:
    struct Slot {
        explicit Slot(HashLimiter& limiter) : limiter(limiter) {}
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        ~Slot() { limiter.release(); }
        HashLimiter& limiter;
    };

    bool acquire();
    void release();

    const unsigned capacity_;
    const std::chrono::milliseconds wait_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    unsigned in_use_ = 0;
    unsigned waiting_ = 0;
};

}  // namespace safeboard::credentials
