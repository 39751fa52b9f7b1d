#include "platform/web/downloads.hpp"

#include "platform/http/problem.hpp"
#include "platform/tabular/csv.hpp"

namespace safeboard::web {

http::Response sheet_download(std::string_view format, const std::string& filename, const tabular::Sheet& sheet,
                              const http::Request& request) {
    http::Response response;
    if (format == "xlsx") {
        auto workbook = tabular::write_xlsx({sheet});
        if (!workbook) return http::problem(workbook.error(), request);
        response = http::Response::text(std::move(*workbook));
        response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    } else {
        response = http::Response::text(tabular::write_csv(sheet.header, sheet.rows));
        response.content_type = "text/csv; charset=utf-8";
    }
    response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return response;
}

}  // namespace safeboard::web
