#pragma once
// Structured logs as JSON lines: {"time", "level", "msg", ...fields}. One line
// per event, written whole under a lock, so lines from several threads never
// interleave. Lines about a request carry its request_id.
#include <functional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

namespace safeboard::log {

enum class Level { debug, info, warn, error };

struct Sink {
    std::function<void(std::string_view line)> write;  // gets a line without the newline
};

void set_sink(Sink sink);       // default: stderr
void set_level(Level minimum);  // default: info
bool parse_level(std::string_view text, Level& out);

void write(Level level, std::string_view message, boost::json::object fields = {});
inline void info(std::string_view m, boost::json::object f = {}) { write(Level::info, m, std::move(f)); }
inline void warn(std::string_view m, boost::json::object f = {}) { write(Level::warn, m, std::move(f)); }
inline void error(std::string_view m, boost::json::object f = {}) { write(Level::error, m, std::move(f)); }

// UTC now as ISO 8601 with milliseconds and Z.
std::string utc_timestamp();

}  // namespace safeboard::log
