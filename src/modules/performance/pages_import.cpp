// Agencies' returned figures from a CSV file, on the web: the business unit
// uploads the file for its partnership and import.hpp checks every row; the
// file goes in whole or not at all, every problem named by its line and
// column.
#include <algorithm>
#include <variant>

#include "modules/performance/import.hpp"
#include "modules/performance/pages_support.hpp"
#include "modules/performance/policy.hpp"
#include "modules/register/choices.hpp"
#include "modules/register/store.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::performance::pages {

namespace {

using access::Permission;
using http::Access;

// A partnership's year of returns is a few thousand rows; this leaves room
// for several years in one file.
constexpr std::size_t import_body_limit = 16 * 1024 * 1024;
// The summary at the top names this many problems; the table below lists every one.
constexpr std::size_t problems_in_summary = 20;

http::Response choose_page(const Pages& pages, http::Context& context,
                           const std::vector<register_::Partnership>& managed) {
    std::vector<web::Choice> choices;
    for (const auto& p : managed) choices.push_back({std::to_string(p.id), p.name, {}});
    data values;
    values.set("choose", web::choice_field("partnership", "Partnership", choices, {}, {}));
    return render(pages, context, "performance/pages/import", std::move(values), "Import returns", 200,
                  "/performance/returns");
}

// The partnership of ?partnership=, when the user may import into it;
// without one, the only partnership they may. Otherwise the answer: the
// page to choose one, 404 for a partnership outside their reach, 403 for
// one whose figures they only read.
std::variant<register_::Partnership, http::Response> importing(const Pages& pages, const http::Request& request,
                                                               http::Context& context) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto chosen = auth::query_id(request, "partnership");
    if (chosen.bad) return auth::missing(request, "partnership");
    if (!chosen.id) {
        auto managed = register_::partnerships_in(db, reach.review);
        if (managed.size() == 1) return managed.front();
        if (request.method == http::Method::post) return auth::missing(request, "partnership");
        return choose_page(pages, context, managed);
    }
    auto partnership = register_::find_partnership(db, *chosen.id);
    if (!partnership || !may_read_figures(reach, partnership->id)) return auth::missing(request, "partnership");
    if (!may_manage(reach, partnership->id)) {
        return auth::refuse(request, context, "performance.write is not held for partnership " +
                                                  std::to_string(partnership->id));
    }
    return *partnership;
}

std::string columns_text() {
    std::string text;
    for (const auto& column : value_columns()) text += (text.empty() ? "" : ", ") + column;
    return text;
}

// `beside` is what the file input says, when it is not the summary's first message.
http::Response import_page(const Pages& pages, http::Context& context, const register_::Partnership& partnership,
                           data values, Errors errors, unsigned status, std::string beside = {}) {
    values.set("partnership_id", std::to_string(partnership.id));
    values.set("partnership_name", partnership.name);
    auto beside_file = beside.empty() ? errors : Errors{{"file", std::move(beside)}};
    values.set("f_file", web::field("file", "CSV file", "", beside_file,
                                    "Saved from Excel as “CSV UTF-8”, with the column names in the first row"));
    values.set("columns", columns_text());
    if (!errors.empty()) web::set_errors(values, errors);
    return render(pages, context, "performance/pages/import", std::move(values), "Import returns", status,
                  "/performance/returns");
}

std::string where(const RowProblem& problem) {
    if (problem.line == 0) return "The file";
    auto at = "Line " + std::to_string(problem.line);
    return problem.column.empty() ? at : at + ", " + problem.column;
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The summary names each problem by its line and column, linking to the
// file input (the file is what is put right); a long list ends by pointing
// to the table of every problem.
Errors summary_of(const std::vector<RowProblem>& problems) {
    Errors errors;
    for (const auto& problem : problems) {
        if (errors.size() == problems_in_summary) {
            auto more = problems.size() - problems_in_summary;
            errors.push_back({"problems", "And " + counted(more, "more problem", "more problems") +
                                              ", listed below the form"});
            break;
        }
        errors.push_back({"file", where(problem) + ": " + problem.message});
    }
    return errors;
}

http::Response import_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = importing(pages, request, context);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    return import_page(pages, context, std::get<register_::Partnership>(found), {}, {}, 200);
}

http::Response import_file(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = importing(pages, request, context);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    const auto& partnership = std::get<register_::Partnership>(found);
    auto file = http::form_file(request, "file");
    if (!file || file->filename.empty()) {
        return import_page(pages, context, partnership, {}, {{"file", "Select a CSV file"}}, 422);
    }
    if (file->bytes.empty()) {
        return import_page(pages, context, partnership, {}, {{"file", "The selected file is empty"}}, 422);
    }
    auto report = import_values(context.db(), partnership.id, file->bytes, auth::actor_of(request, context.user()),
                                today());
    data values;
    values.set("filename", file->filename);
    if (!report.ok()) {
        values.set("has_problems", true);
        values.set("problems", web::problem_rows(report.problems));
        auto count = counted(report.problems.size(), "problem", "problems");
        values.set("problem_count", count);
        return import_page(pages, context, partnership, std::move(values), summary_of(report.problems), 422,
                           file->filename + " has " + count + ": nothing was imported");
    }
    data result;
    result.set("filename", file->filename);
    result.set("rows", counted(report.rows, "row", "rows"));
    result.set("created", counted(report.created, "value added", "values added"));
    result.set("updated", counted(report.updated, "value changed", "values changed"));
    result.set("unchanged", std::to_string(report.unchanged) + " unchanged");
    values.set("result", result);
    return import_page(pages, context, partnership, std::move(values), {}, 200);
}

}  // namespace

void add_import_pages(http::Router& router, const PagesPtr& pages) {
    const auto importers = Access::needs(Permission::performance_write);
    using M = http::Method;
    router.add(route(M::get, "/performance/import", importers, "The form to import agencies' returned figures from a "
                                                               "CSV file", pages, import_form));
    auto upload = route(M::post, "/performance/import", importers,
                        "Import agencies' returned figures from a CSV file, all or nothing", pages, import_file);
    upload.body_limit = import_body_limit;
    router.add(std::move(upload));
}

}  // namespace safeboard::performance::pages
