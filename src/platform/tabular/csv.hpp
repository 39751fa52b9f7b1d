#pragma once
// CSV files as people's spreadsheets write them (RFC 4180, and Excel's
// "CSV UTF-8"): read for imports, written for exports.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::tabular {

struct Record {
    std::size_t line = 0;  // the physical line of the file where the record starts, from 1
    std::vector<std::string> fields;
};

struct Table {
    std::vector<std::string> header;  // names trimmed of spaces, case kept
    std::vector<Record> records;
};

// UTF-8 with or without a byte order mark; CRLF, LF (or a lone CR) line
// ends, the last one optional; quoted fields may hold commas, "" and line
// ends. The header is the first record that is not empty; empty records (a
// blank line, or only commas) are skipped. Fields are kept as written, and a
// record may have more or fewer fields than the header: the caller reports
// that per row. Errors (ErrorKind::validation) name the line: bytes that are
// not UTF-8, a NUL byte, a quoted field not closed, text after a closing
// quote, an empty file, a file without a header row.
Result<Table> read_csv(std::string_view bytes);

// The index of the header named `name`, ignoring ASCII case and surrounding
// spaces; the first one when several match.
std::optional<std::size_t> column(const Table& table, std::string_view name);

struct CsvOptions {
    bool bom = true;  // Excel opens a CSV file as UTF-8 only when it starts with one
    // For files people open rather than import (the audit log): a cell that
    // starts with = + - @ TAB or CR gets a leading apostrophe, so a
    // spreadsheet shows it as text and never runs it as a formula (OWASP CSV
    // injection).
    bool guard_formulas = false;
};

// CRLF line ends; a field is quoted (quotes doubled) when it holds a comma, a
// quote, CR or LF, or starts or ends with a space or tab, so read_csv gives
// back exactly what was written (except rows whose fields are all empty,
// which it skips).
//
// By default cells are written as they are: no apostrophe before "=", "+",
// "-" or "@" against formula injection (see CsvOptions::guard_formulas). Our exports for people to open in a spreadsheet
// are XLSX, where write_xlsx stores every cell as text, so nothing is ever
// evaluated; CSV exports exist to be imported again, and an added apostrophe
// would change the data on the way back.
std::string write_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                      const CsvOptions& options = {});

}  // namespace safeboard::tabular
