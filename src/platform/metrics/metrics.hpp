#pragma once
// Request metrics in the Prometheus text format: a counter and a latency
// histogram per (method, route pattern, status), plus gauges read when
// scraped (the database pool). Recording takes a shared lock and atomics only
// once a series exists, so the hot path does not serialise requests.
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <tuple>
#include <vector>

namespace safeboard::metrics {

// Upper bounds in seconds, as Prometheus "le" labels.
inline constexpr std::array<double, 14> latency_buckets{
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

struct Gauge {
    std::string name;
    std::string help;
    // Called at scrape time: each pair is a label set ("state=\"idle\"") and a value.
    std::function<std::vector<std::pair<std::string, double>>()> read;
};

class Registry {
public:
    void record_request(const std::string& method, const std::string& route, unsigned status,
                        double seconds);
    void add_gauge(Gauge gauge);
    std::string render() const;  // text/plain; version=0.0.4

private:
    struct Series {
        std::atomic<std::uint64_t> count{0};
        std::atomic<std::uint64_t> sum_micros{0};
        std::array<std::atomic<std::uint64_t>, latency_buckets.size()> buckets{};
    };
    using Key = std::tuple<std::string, std::string, unsigned>;  // method, route, status
    Series& series(const std::string& method, const std::string& route, unsigned status);

    mutable std::shared_mutex mutex_;
    std::map<Key, std::unique_ptr<Series>> series_;
    std::vector<Gauge> gauges_;
};

// Escapes a label value per the exposition format (\\, \", \n).
std::string escape_label(std::string_view value);

}  // namespace safeboard::metrics
