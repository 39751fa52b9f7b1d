#pragma once
// Times and dates of audit entries (internal). `at` is ISO 8601 UTC text with
// milliseconds, so text order is time order and a date range is a text range.
#include <string>
#include <string_view>

namespace safeboard::audit::dates {

// Now, as "2026-11-22T10:15:00.123Z".
std::string utc_now();
// True for text shaped like utc_now()'s, naming a real date and time.
bool is_timestamp(std::string_view text);
// True for a real calendar date written YYYY-MM-DD, years 0001 to 9999.
bool is_date(std::string_view text);
// The bound `at < bound` that takes in the whole of `date` (YYYY-MM-DD) and
// nothing after it: every `at` of that day starts "YYYY-MM-DDT", and 'T' < 'U'.
std::string end_of_day(std::string_view date);

}  // namespace safeboard::audit::dates
