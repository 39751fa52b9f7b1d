#pragma once
// HTML form posts (application/x-www-form-urlencoded), decoded.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/http/request.hpp"

namespace safeboard::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// The decoded fields of a form body; empty when the request is not a form
// post or the body is not valid form encoding.
FormFields form_fields(const Request& request);
// The first value of a field, if the form has it.
std::optional<std::string> form_field(const Request& request, std::string_view name);
std::optional<std::string> find_field(const FormFields& fields, std::string_view name);

}  // namespace safeboard::http
