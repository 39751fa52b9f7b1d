#pragma once
// JSON text for the audit library (internal). What the log holds is data and
// is kept byte for byte; what it writes out (JSON lines, CSV) must stay
// well-formed even if someone wrote bad bytes into the table. UTF-8 itself is
// read by platform/core/text.hpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace safeboard::audit::text {

// Appends `value` as a quoted JSON string: control characters escaped,
// ill-formed bytes as \ufffd.
void append_json_string(std::string& out, std::string_view value);

}  // namespace safeboard::audit::text
