#pragma once
// Field errors as the GOV.UK error summary and error message patterns show
// them: every template with a form reads {{has_errors}}, {{#errors}} (field,
// message: the summary, linking to each field) and {{error_<field>}} (the
// message beside the field).
#include <vector>

#include <kainjow/mustache.hpp>

#include "platform/core/error.hpp"

namespace safeboard::web {

void set_errors(kainjow::mustache::data& values, const std::vector<FieldError>& errors);

}  // namespace safeboard::web
