#pragma once
// Field errors as the GOV.UK error summary and error message patterns show
// them: every template with a form reads {{has_errors}}, {{#errors}} (field,
// message: the summary, linking to each field) and {{error_<field>}} (the
// message beside the field).
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "platform/core/error.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::web {

void set_errors(kainjow::mustache::data& values, const std::vector<FieldError>& errors);

// The first message for `field`; "" when it has none.
std::string error_for(const std::vector<FieldError>& errors, std::string_view field);
// Errors in the order the form shows its fields (`fields`, by name); errors
// for a field not listed go last, each field's own keeping their order.
void order_errors(std::vector<FieldError>& errors, const std::vector<std::string>& fields);
// set_errors, after ordering the errors as the form shows its fields, so the
// summary reads from the top of the form down.
void set_form_errors(kainjow::mustache::data& values, std::vector<FieldError> errors,
                     const std::vector<std::string>& fields);

// An import's problems as table rows: {line ("The whole file" for line 0),
// column ("–" for none), message}.
kainjow::mustache::data problem_rows(const std::vector<tabular::RowProblem>& problems);

}  // namespace safeboard::web
