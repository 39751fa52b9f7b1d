#include "platform/log/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include <boost/json/serialize.hpp>

namespace safeboard::log {

namespace {

std::mutex sink_mutex;
Sink current_sink{[](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
}};
std::atomic<Level> minimum_level{Level::info};

const char* name(Level level) {
    switch (level) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
    }
    return "info";
}

}  // namespace

void set_sink(Sink sink) {
    std::lock_guard lock(sink_mutex);
    current_sink = std::move(sink);
}

void set_level(Level minimum) { minimum_level = minimum; }

bool parse_level(std::string_view text, Level& out) {
    for (Level l : {Level::debug, Level::info, Level::warn, Level::error}) {
        if (text == name(l)) {
            out = l;
            return true;
        }
    }
    return false;
}

std::string utc_timestamp() {
    using namespace std::chrono;
    auto now = system_clock::now();
    auto seconds = system_clock::to_time_t(now);
    auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
    return buffer;
}

void write(Level level, std::string_view message, boost::json::object fields) {
    if (level < minimum_level.load(std::memory_order_relaxed)) return;
    boost::json::object line;
    line["time"] = utc_timestamp();
    line["level"] = name(level);
    line["msg"] = message;
    for (auto& [key, value] : fields) line[key] = std::move(value);
    std::string text = boost::json::serialize(line);
    std::lock_guard lock(sink_mutex);
    current_sink.write(text);
}

}  // namespace safeboard::log
