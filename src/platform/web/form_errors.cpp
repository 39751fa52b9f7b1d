#include "platform/web/form_errors.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <string>

namespace safeboard::web {

void set_errors(kainjow::mustache::data& values, const std::vector<FieldError>& errors) {
    if (errors.empty()) return;
    kainjow::mustache::data list{kainjow::mustache::data::type::list};
    std::set<std::string> shown;
    for (const auto& error : errors) {
        kainjow::mustache::data item;
        item.set("field", error.field);
        item.set("message", error.message);
        list.push_back(item);
        // The first message for a field goes beside it; the summary lists them all.
        if (shown.insert(error.field).second) values.set("error_" + error.field, error.message);
    }
    values.set("has_errors", true);
    values.set("errors", list);
}

std::string error_for(const std::vector<FieldError>& errors, std::string_view field) {
    for (const auto& error : errors) {
        if (error.field == field) return error.message;
    }
    return {};
}

void order_errors(std::vector<FieldError>& errors, const std::vector<std::string>& fields) {
    auto rank = [&](const FieldError& error) {
        return std::distance(fields.begin(), std::find(fields.begin(), fields.end(), error.field));
    };
    std::stable_sort(errors.begin(), errors.end(),
                     [&](const FieldError& a, const FieldError& b) { return rank(a) < rank(b); });
}

void set_form_errors(kainjow::mustache::data& values, std::vector<FieldError> errors,
                     const std::vector<std::string>& fields) {
    order_errors(errors, fields);
    set_errors(values, errors);
}

kainjow::mustache::data problem_rows(const std::vector<tabular::RowProblem>& problems) {
    using kainjow::mustache::data;
    data rows{data::type::list};
    for (const auto& problem : problems) {
        data row;
        row.set("line", problem.line == 0 ? std::string("The whole file") : std::to_string(problem.line));
        row.set("column", problem.column.empty() ? std::string("–") : problem.column);
        row.set("message", problem.message);
        rows.push_back(row);
    }
    return rows;
}

}  // namespace safeboard::web
