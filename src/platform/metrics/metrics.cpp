#include "platform/metrics/metrics.hpp"

#include <cstdio>
#include <mutex>

namespace safeboard::metrics {

std::string escape_label(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

Registry::Series& Registry::series(const std::string& method, const std::string& route,
                                   unsigned status) {
    Key key{method, route, status};
    {
        std::shared_lock lock(mutex_);
        if (auto it = series_.find(key); it != series_.end()) return *it->second;
    }
    std::unique_lock lock(mutex_);
    auto& slot = series_[key];
    if (!slot) slot = std::make_unique<Series>();
    return *slot;
}

void Registry::record_request(const std::string& method, const std::string& route, unsigned status,
                              double seconds) {
    Series& s = series(method, route, status);
    s.count.fetch_add(1, std::memory_order_relaxed);
    s.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
    for (std::size_t i = 0; i < latency_buckets.size(); ++i) {
        if (seconds <= latency_buckets[i]) {
            s.buckets[i].fetch_add(1, std::memory_order_relaxed);
            break;  // buckets are stored non-cumulative and summed when rendered
        }
    }
}

void Registry::add_gauge(Gauge gauge) {
    std::unique_lock lock(mutex_);
    gauges_.push_back(std::move(gauge));
}

namespace {

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

}  // namespace

std::string Registry::render() const {
    std::shared_lock lock(mutex_);
    std::string out;
    out += "# HELP safeboard_http_requests_total HTTP requests answered, by method, route and status.\n";
    out += "# TYPE safeboard_http_requests_total counter\n";
    for (const auto& [key, s] : series_) {
        const auto& [method, route, status] = key;
        out += "safeboard_http_requests_total{method=\"" + escape_label(method) + "\",route=\"" +
               escape_label(route) + "\",status=\"" + std::to_string(status) + "\"} " +
               std::to_string(s->count.load()) + "\n";
    }
    out += "# HELP safeboard_http_request_duration_seconds Time to answer HTTP requests, by route and status.\n";
    out += "# TYPE safeboard_http_request_duration_seconds histogram\n";
    for (const auto& [key, s] : series_) {
        const auto& [method, route, status] = key;
        std::string labels = "method=\"" + escape_label(method) + "\",route=\"" + escape_label(route) +
                             "\",status=\"" + std::to_string(status) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < latency_buckets.size(); ++i) {
            cumulative += s->buckets[i].load();
            out += "safeboard_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
                   number(latency_buckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        std::uint64_t count = s->count.load();
        out += "safeboard_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
               std::to_string(count) + "\n";
        out += "safeboard_http_request_duration_seconds_sum{" + labels + "} " +
               number(static_cast<double>(s->sum_micros.load()) / 1e6) + "\n";
        out += "safeboard_http_request_duration_seconds_count{" + labels + "} " + std::to_string(count) + "\n";
    }
    for (const auto& gauge : gauges_) {
        out += "# HELP " + gauge.name + " " + gauge.help + "\n# TYPE " + gauge.name + " gauge\n";
        for (const auto& [labels, value] : gauge.read()) {
            out += gauge.name + (labels.empty() ? "" : "{" + labels + "}") + " " + number(value) + "\n";
        }
    }
    return out;
}

}  // namespace safeboard::metrics
