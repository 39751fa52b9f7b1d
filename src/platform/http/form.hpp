#pragma once
// HTML form posts, decoded: application/x-www-form-urlencoded, and
// multipart/form-data (a form with a file input).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/core/fields.hpp"
#include "platform/http/request.hpp"

namespace safeboard::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// The decoded text fields of a form body, in order (for multipart/form-data,
// the parts that are not files); empty when the request is not a form post
// or the body is not valid form encoding. Values are bytes as sent: the
// checks in platform/core/text.hpp say whether they are text.
FormFields form_fields(const Request& request);
// The first value of a field, if the form has it.
std::optional<std::string> form_field(const Request& request, std::string_view name);
std::optional<std::string> find_field(const FormFields& fields, std::string_view name);
// The form's fields of these names, each "" when not sent; a field sent
// several times (a list of checkboxes) is its values joined by ";", as the
// modules' rules read a list.
Fields posted_fields(const Request& request, const std::vector<std::string>& names);

// A file from a form's file input.
struct FormFile {
    std::string field;
    std::string filename;      // as sent (browsers send the name without its folder); "" when none was chosen
    std::string content_type;  // as sent; browsers send application/octet-stream for a type they do not know
    std::string bytes;
};

// The files of a multipart/form-data body, in order, including those of a
// file input left empty (filename "" and no bytes); empty when the request
// is not multipart/form-data or the body is malformed.
std::vector<FormFile> form_files(const Request& request);
// The first file sent for a field, if the form has one.
std::optional<FormFile> form_file(const Request& request, std::string_view field);

}  // namespace safeboard::http
