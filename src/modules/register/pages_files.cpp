// Spreadsheets in and out: importing a CSV file into a partnership's
// register (all or nothing, with every problem listed by line and column),
// and downloading what it holds as CSV or XLSX in the same columns.
#include <cctype>
#include <variant>

#include "modules/register/import.hpp"
#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"
#include "platform/web/downloads.hpp"

namespace safeboard::register_::pages {

namespace {

using access::Permission;
using http::Access;

std::string kind_label(ImportKind kind) {
    std::string label(to_string(kind));
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

// ---- import --------------------------------------------------------------------------------

data kind_columns() {
    data list{data::type::list};
    for (auto kind : import_kinds()) {
        std::string columns;
        for (const auto& column : columns_of(kind)) columns += (columns.empty() ? "" : ", ") + column;
        data item;
        item.set("label", kind_label(kind));
        item.set("columns", columns);
        list.push_back(item);
    }
    return list;
}

http::Response import_page(const Pages& pages, http::Context& context, const Partnership& partnership,
                           const std::string& kind, data values, Errors errors, unsigned status) {
    std::vector<Choice> kinds{{"", "Choose what the file holds", {}}};
    for (auto each : import_kinds()) kinds.push_back({std::string(to_string(each)), kind_label(each), {}});
    values.set("id", std::to_string(partnership.id));
    values.set("partnership_name", partnership.name);
    values.set("f_kind", choice_field("kind", "What the file holds", kinds, {kind}, errors));
    values.set("f_file", field("file", "CSV file", "", errors, "Saved from Excel as “CSV UTF-8”, with a header row"));
    values.set("kinds", kind_columns());
    if (!errors.empty()) set_form_errors(values, std::move(errors), {"kind", "file"});
    return render(pages, context, "register/pages/import", std::move(values), "Import a spreadsheet", status,
                  "/partnerships/" + std::to_string(partnership.id));
}

std::variant<Partnership, http::Response> importing_partnership(const http::Request& request, http::Context& context) {
    auto partnership = readable_partnership(context.db(), context.user(), path_id(request));
    if (!partnership) return missing(request, "partnership");
    if (!writable(context.user()).allows(partnership->id)) {
        return auth::refuse(request, context, "register.write is not held for partnership " + std::to_string(partnership->id));
    }
    return *partnership;
}

http::Response import_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto partnership = importing_partnership(request, context);
    if (auto* refusal = std::get_if<http::Response>(&partnership)) return std::move(*refusal);
    return import_page(pages, context, std::get<Partnership>(partnership), query_text(request, "kind"), {}, {}, 200);
}

http::Response import_file(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = importing_partnership(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& partnership = std::get<Partnership>(found);
    auto kind_text = http::form_field(request, "kind").value_or("");
    auto kind = parse_import_kind(kind_text);
    auto file = http::form_file(request, "file");
    Errors errors;
    if (!kind) errors.push_back({"kind", "Choose what the file holds"});
    if (!file || file->filename.empty()) {
        errors.push_back({"file", "Select a CSV file"});
    } else if (file->bytes.empty()) {
        errors.push_back({"file", "The selected file is empty"});
    }
    if (!errors.empty()) return import_page(pages, context, partnership, kind_text, {}, std::move(errors), 422);

    auto report = import_csv(context.db(), *kind, file->bytes, partnership.id, readable(context.db(), context.user()),
                             auth::actor_of(request, context.user()));
    data values;
    values.set("filename", file->filename);
    if (!report.ok()) {
        auto count = report.problems.size();
        values.set("has_problems", true);
        values.set("problems", web::problem_rows(report.problems));
        auto summary = file->filename + " has " + std::to_string(count) + (count == 1 ? " problem" : " problems") +
                       ": nothing was imported";
        return import_page(pages, context, partnership, kind_text, std::move(values), {{"file", summary}}, 422);
    }
    data result;
    result.set("filename", file->filename);
    result.set("rows", std::to_string(report.rows) + (report.rows == 1 ? " row" : " rows"));
    result.set("created", std::to_string(report.created));
    result.set("updated", std::to_string(report.updated));
    result.set("unchanged", std::to_string(report.unchanged));
    values.set("result", result);
    return import_page(pages, context, partnership, kind_text, std::move(values), {}, 200);
}

// ---- export --------------------------------------------------------------------------------

http::Response download(const Pages&, const http::Request& request, http::Context& context) {
    auto partnership = readable_partnership(context.db(), context.user(), path_id(request));
    if (!partnership) return missing(request, "partnership");
    const auto& file = request.path_param("file");
    auto dot = file.rfind('.');
    auto kind = dot == std::string::npos ? std::nullopt : parse_import_kind(file.substr(0, dot));
    auto format = dot == std::string::npos ? std::string() : file.substr(dot + 1);
    if (!kind || (format != "csv" && format != "xlsx")) return missing(request, "download");
    auto sheet = export_sheet(context.db(), *kind, partnership->id);
    auto name = partnership->code + "-" + std::string(to_string(*kind)) + "." + format;
    return web::sheet_download(format, name, {kind_label(*kind), sheet.header, sheet.rows}, request);
}

}  // namespace

void add_file_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::register_read);
    const auto writers = Access::needs(Permission::register_write);
    using M = http::Method;
    router.add(route(M::get, "/partnerships/{id}/import", writers, "The form to import a CSV file", pages, import_form));
    router.add(route(M::post, "/partnerships/{id}/import", writers, "Import a CSV file into the register", pages,
                     import_file));
    router.add(route(M::get, "/partnerships/{id}/export/{file}", readers,
                     "Download a partnership's organisations, people, bodies or memberships as CSV or XLSX", pages,
                     download));
}

}  // namespace safeboard::register_::pages
