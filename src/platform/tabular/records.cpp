#include "platform/tabular/records.hpp"

#include <algorithm>

#include "platform/core/text.hpp"

namespace safeboard::tabular {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::vector<FieldRow> field_rows(const Table& table, const std::vector<std::string>& columns, std::string_view kind,
                                 std::vector<RowProblem>& problems) {
    std::vector<std::string> names;
    for (const auto& header : table.header) {
        auto name = lower_ascii(trim(header));
        if (!contains(columns, name)) {
            problems.push_back({1, header, "\"" + shortened(header, 60) + "\" is not a column of " + std::string(kind) +
                                               " files"});
        } else if (contains(names, name)) {
            problems.push_back({1, header, "The column \"" + name + "\" appears twice"});
        }
        names.push_back(name);
    }
    if (!contains(names, columns.front())) {
        problems.push_back({1, columns.front(), "The file has no \"" + columns.front() + "\" column"});
    }
    std::vector<FieldRow> rows;
    for (const auto& record : table.records) {
        if (record.fields.size() > names.size()) {
            problems.push_back({record.line, "", "The row has " + std::to_string(record.fields.size()) +
                                                     " cells but the header has " + std::to_string(names.size())});
            continue;
        }
        FieldRow row{record.line, {}};
        for (std::size_t i = 0; i < record.fields.size(); ++i) row.fields[names[i]] = record.fields[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

void note(ImportReport& report, std::size_t line, const Error& error) {
    if (error.fields.empty()) {
        report.problems.push_back({line, "", error.message});
        return;
    }
    for (const auto& field : error.fields) report.problems.push_back({line, field.field, field.message});
}

std::vector<std::string> cells(const Fields& fields, const std::vector<std::string>& columns) {
    std::vector<std::string> row;
    for (const auto& column : columns) {
        auto it = fields.find(column);
        row.push_back(it == fields.end() ? "" : it->second);
    }
    return row;
}

Error file_error(std::string_view heading, std::vector<RowProblem> problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
    Error error{ErrorKind::validation, std::string(heading), {}};
    for (const auto& problem : problems) {
        auto where = "line " + std::to_string(problem.line);
        auto what = problem.column.empty() ? problem.message : problem.column + ": " + problem.message;
        error.message += " " + where + ", " + what + ";";
        error.fields.push_back({where, what});
    }
    if (!problems.empty()) error.message.pop_back();
    return error;
}

}  // namespace safeboard::tabular
