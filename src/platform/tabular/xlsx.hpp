#pragma once
// XLSX workbooks for exports people open in Excel.
#include <string>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::tabular {

struct Sheet {
    std::string name;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// The bytes of an .xlsx file with one worksheet per sheet, in order. Every
// cell is text, so "=cmd" is never a formula and "0123" keeps its zero. The
// header row is bold and stays in view when scrolling; columns are as wide
// as their longest line (within limits); cells holding line breaks wrap.
// Names are made valid for Excel: at most 31 characters, []:*?/\ replaced,
// no apostrophe at either end, unique ignoring case ("Name (2)"), and
// "Sheet N" when empty.
// Errors: no sheets, a cell that is not UTF-8 or longer than Excel's 32,767
// characters, more rows or columns than a worksheet holds (ErrorKind::
// validation, naming the sheet and cell); no temporary file (internal).
Result<std::string> write_xlsx(const std::vector<Sheet>& sheets);

}  // namespace safeboard::tabular
