#include <gtest/gtest.h>

#include <latch>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "platform/credentials/hash_limiter.hpp"

namespace safeboard::credentials {
namespace {

using namespace std::chrono_literals;

// Occupies one slot of `limiter` on its own thread until release() is called.
class SlotHolder {
public:
    explicit SlotHolder(HashLimiter& limiter)
        : thread_([this, &limiter] {
              result_ = limiter.run([this] {
                  started_.count_down();
                  release_.wait();
                  return 1;
              });
          }) {
        started_.wait();
    }
    ~SlotHolder() { release(); }
    void release() {
        if (!thread_.joinable()) return;
        release_.count_down();
        thread_.join();
    }

private:
    std::latch started_{1};
    std::latch release_{1};
    std::optional<int> result_;
    std::thread thread_;
};

TEST(HashLimiter, RunsTheWorkAndReturnsItsResult) {
    HashLimiter limiter(2, 0ms);
    EXPECT_EQ(limiter.run([] { return 42; }), 42);
    EXPECT_EQ(limiter.run([] { return std::string("hash"); }), "hash");
    EXPECT_EQ(limiter.in_use(), 0u);
    EXPECT_EQ(limiter.capacity(), 2u);
}

TEST(HashLimiter, RefusesAtOnceWhenEverySlotIsTaken) {
    HashLimiter limiter(2, 0ms);
    SlotHolder first(limiter);
    EXPECT_EQ(limiter.in_use(), 1u);
    SlotHolder second(limiter);
    EXPECT_EQ(limiter.in_use(), 2u);
    bool ran = false;
    EXPECT_EQ(limiter.run([&] {
        ran = true;
        return 1;
    }),
              std::nullopt);
    EXPECT_FALSE(ran);
    first.release();
    EXPECT_EQ(limiter.in_use(), 1u);
    EXPECT_EQ(limiter.run([] { return 2; }), 2);
}

TEST(HashLimiter, WaiterGetsTheSlotWhenItIsFreed) {
    HashLimiter limiter(1, 10min);  // a wait far longer than the test needs
    SlotHolder holder(limiter);
    std::optional<int> result;
    std::thread waiter([&] { result = limiter.run([] { return 7; }); });
    while (limiter.waiting() == 0) std::this_thread::yield();
    holder.release();
    waiter.join();
    EXPECT_EQ(result, 7);
    EXPECT_EQ(limiter.in_use(), 0u);
    EXPECT_EQ(limiter.waiting(), 0u);
}

TEST(HashLimiter, FailingWorkFreesItsSlot) {
    HashLimiter limiter(1, 0ms);
    EXPECT_THROW(limiter.run([]() -> int { throw std::runtime_error("out of memory"); }), std::runtime_error);
    EXPECT_EQ(limiter.in_use(), 0u);
    EXPECT_EQ(limiter.run([] { return 1; }), 1);
}

TEST(HashLimiter, NeedsAtLeastOneSlot) { EXPECT_THROW(HashLimiter(0, 0ms), std::invalid_argument); }

}  // namespace
}  // namespace safeboard::credentials
