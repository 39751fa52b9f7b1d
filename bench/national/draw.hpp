#pragma once
// Randomness that depends only on what it is drawn for: each draw hashes the
// seed with its coordinates (partnership, quarter, organisation, ...), so the
// dataset is the same whatever order it is written in, and counting it ahead
// gives exactly what writing it gives.
#include <cstdint>
#include <initializer_list>

namespace safeboard::national {

// splitmix64's finaliser: every bit of the input reaches every bit of the output.
constexpr std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

class Draw {
public:
    Draw(std::uint64_t seed, std::initializer_list<std::int64_t> keys) : state_(mix(seed)) {
        for (auto key : keys) state_ = mix(state_ ^ static_cast<std::uint64_t>(key));
    }
    std::uint64_t next() { return state_ = mix(state_); }
    // In [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // A whole number in [low, high], both included.
    std::int64_t whole(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    // In [low, high).
    double between(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double p) { return uniform() < p; }

private:
    std::uint64_t state_;
};

}  // namespace safeboard::national
