#pragma once
// The encodings an e-mail needs to carry UTF-8 through 7-bit SMTP: base64
// (RFC 4648, for AUTH and encoded-words), quoted-printable bodies (RFC 2045)
// and encoded-words in headers (RFC 2047), and header folding (RFC 5322).
#include <string>
#include <string_view>

namespace safeboard::mail {

// Standard alphabet with padding.
std::string base64(std::string_view bytes);

// The body of a text/plain part: CRLF line ends whatever the text used
// (CRLF, LF or a lone CR), every encoded line at most 76 characters (longer
// ones end in a soft break "="), ending with CRLF unless the text is empty.
std::string quoted_printable(std::string_view text);

// Header text as it may be written: unchanged when it is printable ASCII
// that can be folded, otherwise RFC 2047 "B" encoded-words separated by
// spaces, each short enough for a 76-character line and holding whole UTF-8
// characters (so each decodes on its own).
std::string header_text(std::string_view text);

// "Name: value" and CRLF, folded before spaces so each line stays within 76
// characters wherever the value has a space to fold at.
std::string header_line(std::string_view name, std::string_view value);

}  // namespace safeboard::mail
