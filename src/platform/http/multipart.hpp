#pragma once
// multipart/form-data bodies (RFC 7578 over RFC 2046): what a browser sends
// for a form with a file input.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::http {

struct MultipartPart {
    std::string name;                     // the field's name, as sent
    std::optional<std::string> filename;  // set for a file input, "" when none was chosen
    std::string content_type;             // as sent; "text/plain" when the part names none
    std::string_view bytes;               // the part's content: a view into the body that was read
};

// The parts of a body whose Content-Type is `content_type`, in order. The
// boundary comes from the Content-Type (quoted or not; 1-70 characters that
// RFC 2046 allows); the preamble and epilogue are ignored; part contents are
// kept byte for byte, including bytes that only look like a boundary.
// Names, file names and contents are bytes as sent: like the urlencoded
// fields, they are checked (UTF-8, length) by whoever uses them.
// ErrorKind::validation when the type is not multipart/form-data or the body
// is malformed: no boundary parameter, no opening or closing boundary, a part
// without headers, or without Content-Disposition: form-data and a name.
Result<std::vector<MultipartPart>> read_multipart(std::string_view content_type, std::string_view body);

}  // namespace safeboard::http
