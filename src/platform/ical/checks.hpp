#pragma once
// What write_calendar refuses, every problem named by its field.
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"
#include "platform/ical/calendar.hpp"

namespace safeboard::ical {

std::vector<FieldError> check_calendar(const Calendar& calendar);

// Line breaks as one "\n": libical drops a carriage return, so a lone one
// (old Mac text) would join two lines.
std::string with_newlines(std::string_view text);

}  // namespace safeboard::ical
