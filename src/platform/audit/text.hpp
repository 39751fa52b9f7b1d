#pragma once
// UTF-8 and JSON text helpers for the audit library (internal). What the log
// holds is data and is kept byte for byte; what it writes out (JSON lines,
// CSV) must stay well-formed even if someone wrote bad bytes into the table.
#include <cstddef>
#include <string>
#include <string_view>

namespace safeboard::audit::text {

// The length of the well-formed UTF-8 sequence starting at text[at], or 0.
std::size_t sequence_length(std::string_view text, std::size_t at);
bool is_valid_utf8(std::string_view text);
// Code points in valid UTF-8.
std::size_t characters(std::string_view text);
// Each ill-formed byte becomes U+FFFD.
std::string replace_invalid_utf8(std::string_view text);
// Appends `value` as a quoted JSON string: control characters escaped,
// ill-formed bytes as \ufffd.
void append_json_string(std::string& out, std::string_view value);

}  // namespace safeboard::audit::text
