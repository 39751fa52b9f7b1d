#pragma once
// Looking at iCalendar text as a calendar program receives it.
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::ical::ics_text {

// The physical lines, split at CRLF (the last CRLF ends the last line).
std::vector<std::string> physical_lines(std::string_view text);
// The content lines: folded lines joined again (RFC 5545 section 3.1).
std::vector<std::string> content_lines(std::string_view text);
// The content lines from BEGIN:<name> to END:<name>, the first such block.
std::vector<std::string> block(std::string_view text, std::string_view name);
// Lines joined with CRLF, as a file to read.
std::string ics(const std::vector<std::string>& lines);

}  // namespace safeboard::ical::ics_text
