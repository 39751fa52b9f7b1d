#pragma once
// A CSV file read as records for an import: each row a map from column name
// to cell, and the problems an import reports, each named by its line in the
// file and its column. Every module's import is built on these.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"
#include "platform/tabular/csv.hpp"

namespace safeboard::tabular {

using Fields = std::map<std::string, std::string>;

struct RowProblem {
    std::size_t line = 0;  // in the file, from 1 (the header is usually line 1); 0 for the file as a whole
    std::string column;    // empty when the problem is the whole row or file
    std::string message;
    bool operator==(const RowProblem&) const = default;
};

struct ImportReport {
    std::size_t rows = 0;
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::vector<RowProblem> problems;
    bool ok() const { return problems.empty(); }
};

struct FieldRow {
    std::size_t line = 0;
    Fields fields;
};

// The rows as field maps (column names lower-cased and trimmed). Unknown or
// repeated columns, a missing first column of `columns` and rows longer than
// the header are problems; `kind` names the files in messages ("people").
std::vector<FieldRow> field_rows(const Table& table, const std::vector<std::string>& columns, std::string_view kind,
                                 std::vector<RowProblem>& problems);

// Adds an error to the report: one problem per field error, or the message.
void note(ImportReport& report, std::size_t line, const Error& error);
// Problems of a file read whole (a data file compiled in, say) as one
// validation error: `heading`, then "line N, column: message" for each in
// line order, with a field per problem named "line N".
Error file_error(std::string_view heading, std::vector<RowProblem> problems);

// A data file read whole (one compiled in, say) into records: each row by
// `read_row(row, problems)` (nullopt for a bad one, its problems noted),
// then `check_all(records, problems)` across them; every problem of the
// file as one file_error headed `heading`. `kind` names the file in
// messages about its columns.
template <typename T, typename ReadRow, typename CheckAll>
Result<std::vector<T>> read_records(std::string_view csv, const std::vector<std::string>& columns,
                                    std::string_view kind, std::string_view heading, ReadRow read_row,
                                    CheckAll check_all) {
    auto table = read_csv(csv);
    if (!table) return std::unexpected(table.error());
    std::vector<RowProblem> problems;
    std::vector<T> records;
    for (const auto& row : field_rows(*table, columns, kind, problems)) {
        if (auto record = read_row(row, problems)) records.push_back(std::move(*record));
    }
    check_all(records, problems);
    if (!problems.empty()) return std::unexpected(file_error(heading, std::move(problems)));
    return records;
}

// The cells of a record in column order (empty where a field is missing).
std::vector<std::string> cells(const Fields& fields, const std::vector<std::string>& columns);

}  // namespace safeboard::tabular
