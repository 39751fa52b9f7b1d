#pragma once
// UK wall-clock text, "YYYY-MM-DDTHH:MM", as libical's zone-less local time.
#include <optional>
#include <string>
#include <string_view>

#include <libical/ical.h>

namespace safeboard::ical {

// nullopt unless the text is exactly that form and the day exists.
std::optional<icaltimetype> parse_wall_clock(std::string_view text);
// The date and time of `time` in that form; seconds are dropped.
std::string wall_clock_text(const icaltimetype& time);

}  // namespace safeboard::ical
