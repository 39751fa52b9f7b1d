#pragma once
// A spreadsheet as a download, the way every export page answers: CSV
// (UTF-8) or XLSX of one sheet, as an attachment.
#include <string>
#include <string_view>

#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/tabular/xlsx.hpp"

namespace safeboard::web {

// `format` is "csv" or "xlsx"; `filename` is ours (never the user's text).
// An XLSX that cannot be written answers its problem.
http::Response sheet_download(std::string_view format, const std::string& filename, const tabular::Sheet& sheet,
                              const http::Request& request);

}  // namespace safeboard::web
