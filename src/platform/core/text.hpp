#pragma once
// Checks on text that arrives from people: every field of every form and API
// body passes through these before it is stored.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "platform/core/error.hpp"

namespace safeboard {

// The one UTF-8 reader (RFC 3629: no overlong forms, surrogates or code
// points past U+10FFFF). The length of the well-formed sequence starting at
// text[at], or 0 when none starts there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);
bool is_utf8(std::string_view text);
// Unicode code points in valid UTF-8; nullopt when the bytes are not UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);
// The code points of valid UTF-8; nullopt when the bytes are not UTF-8.
std::optional<std::u32string> decode_utf8(std::string_view text);
// Each byte that does not start a well-formed sequence becomes U+FFFD.
std::string replace_invalid_utf8(std::string_view text);
// At most `max_bytes` of valid UTF-8 text, cut where a character starts,
// with "…" added when cut.
std::string shortened(std::string_view text, std::size_t max_bytes);
// C0 controls (other than tab, when allowed), DEL and C1 controls.
bool has_control_characters(std::string_view text, bool allow_tab = false);
std::string trim(std::string_view text);
std::string lower_ascii(std::string_view text);
// &, <, >, " and ' as character references: text safe inside an HTML or
// XML element or a quoted attribute (for markup built without templates:
// SVG, a standalone printable page).
std::string xml_escaped(std::string_view text);

// The one-line text rule most fields share: valid UTF-8, no control
// characters, between min and max characters. The message names the field
// by its label ("Full name must be 200 characters or fewer").
std::optional<FieldError> check_line(std::string_view field, std::string_view label, std::string_view value,
                                     std::size_t min, std::size_t max);

}  // namespace safeboard
