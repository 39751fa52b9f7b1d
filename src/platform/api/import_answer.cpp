#include "platform/api/import_answer.hpp"

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "platform/http/problem.hpp"

namespace safeboard::api {

http::Response import_answer(const tabular::ImportReport& report, const http::Request& request) {
    namespace json = boost::json;
    if (!report.ok()) {
        std::vector<FieldError> errors;
        for (const auto& p : report.problems) {
            errors.push_back({"line " + std::to_string(p.line) + (p.column.empty() ? "" : " " + p.column), p.message});
        }
        return http::problem(422, "The file has " + std::to_string(report.problems.size()) +
                                      " problem(s); nothing was imported", request, errors);
    }
    return http::Response::json(json::object{{"rows", report.rows}, {"created", report.created},
                                             {"updated", report.updated}, {"unchanged", report.unchanged}});
}

}  // namespace safeboard::api
