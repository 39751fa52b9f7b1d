#pragma once
// A write's JSON body read as field → text, with the same names as the
// record's import columns, so a script sends what a spreadsheet row holds and
// the same rules check it.
#include <string>
#include <vector>

#include "platform/core/error.hpp"
#include "platform/core/fields.hpp"
#include "platform/http/request.hpp"

namespace safeboard::api {

// A JSON object of field → string (or true/false as yes/no, null as empty, or
// an array of strings joined with ";"); every unknown or mistyped field is an error.
Result<Fields> fields_from(const http::Request& request, const std::vector<std::string>& columns,
                           const std::vector<std::string>& extra = {});

}  // namespace safeboard::api
