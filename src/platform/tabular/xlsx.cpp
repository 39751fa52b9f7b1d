#include "platform/tabular/xlsx.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>

#include "platform/core/text.hpp"
#include "platform/tabular/sheet_name.hpp"

namespace safeboard::tabular {
namespace {

constexpr std::size_t kMaxRows = 1'048'576;
constexpr std::size_t kMaxColumns = 16'384;
constexpr std::size_t kMinWidth = 8;   // Excel's default is about 8.43 characters
constexpr std::size_t kMaxWidth = 60;  // wider cells wrap instead

std::unexpected<Error> system_error(std::string_view what) {
    return fail(ErrorKind::internal, std::string(what) + ": " + std::strerror(errno));
}

// libxlsxwriter writes only to a named file. This one is private (mkstemp:
// mode 0600, a name nobody else holds), read back through its own
// descriptor, and removed when it goes out of scope, whatever happened.
class TempFile {
public:
    TempFile() = default;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ < 0) return;
        ::close(fd_);
        ::unlink(path_.c_str());
    }

    Status open(const std::filesystem::path& directory) {
        path_ = (directory / "safeboard-xlsx-XXXXXX").string();
        fd_ = ::mkstemp(path_.data());
        if (fd_ < 0) return system_error("could not create a temporary file for the workbook");
        return {};
    }

    const std::string& path() const { return path_; }

    Result<std::string> contents() const {
        struct stat status {};
        if (::fstat(fd_, &status) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) return system_error("could not read the workbook");
        std::string bytes;
        bytes.reserve(static_cast<std::size_t>(status.st_size));
        char buffer[1 << 16];
        for (;;) {
            ssize_t got = ::read(fd_, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) return system_error("could not read the workbook");
            if (got == 0) return bytes;
            bytes.append(buffer, static_cast<std::size_t>(got));
        }
    }

private:
    std::string path_;
    int fd_ = -1;
};

struct FreeWorkbook {
    void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using Workbook = std::unique_ptr<lxw_workbook, FreeWorkbook>;

struct Formats {
    lxw_format* header = nullptr;   // bold, wrapped
    lxw_format* wrapped = nullptr;  // for long or multi-line cells
};

Formats add_formats(lxw_workbook* workbook) {
    Formats formats{workbook_add_format(workbook), workbook_add_format(workbook)};
    format_set_bold(formats.header);
    format_set_text_wrap(formats.header);
    format_set_text_wrap(formats.wrapped);
    return formats;
}

// "A1" style, as a person looking at the sheet would name the cell.
std::string cell_name(std::size_t row, std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters + std::to_string(row + 1);
}

std::unexpected<Error> bad_cell(const std::string& sheet, std::size_t row, std::size_t column, std::string_view problem) {
    return fail(ErrorKind::validation,
                "sheet '" + sheet + "', cell " + cell_name(row, column) + ": " + std::string(problem));
}

// Characters on the longest line: what Excel needs to show the cell.
std::size_t longest_line(std::string_view text) {
    std::size_t longest = 0;
    std::size_t current = 0;
    for (char c : text) {
        if (c == '\n') {
            current = 0;
            continue;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) longest = std::max(longest, ++current);
    }
    return longest;
}

bool looks_escaped(std::string_view text, std::size_t at) {
    auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    return at + 7 <= text.size() && text.substr(at, 2) == "_x" && std::all_of(&text[at + 2], &text[at + 6], hex) &&
           text[at + 6] == '_';
}

// Excel reads "_x0041_" in a cell as an escaped character ("A").
// libxlsxwriter escapes control characters that way but leaves text that
// already has the form, so its underscore is escaped ("_x005F_") to be shown
// as written.
std::string keep_escape_like_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (looks_escaped(text, at)) out += "_x005F";
        out += text[at];
    }
    return out;
}

class SheetWriter {
public:
    SheetWriter(lxw_worksheet* worksheet, std::string name, const Formats& formats)
        : worksheet_(worksheet), name_(std::move(name)), formats_(formats) {}

    Status row(std::size_t index, const std::vector<std::string>& fields, lxw_format* format) {
        if (widths_.size() < fields.size()) widths_.resize(fields.size(), 0);
        for (std::size_t column = 0; column < fields.size(); ++column) {
            if (auto written = cell(index, column, fields[column], format); !written) return written;
        }
        return {};
    }

    void finish() {
        for (std::size_t column = 0; column < widths_.size(); ++column) {
            auto width = std::clamp(widths_[column] + 2, kMinWidth, kMaxWidth);
            auto at = static_cast<lxw_col_t>(column);
            worksheet_set_column(worksheet_, at, at, static_cast<double>(width), nullptr);
        }
        worksheet_freeze_panes(worksheet_, 1, 0);
    }

private:
    Status cell(std::size_t row, std::size_t column, const std::string& text, lxw_format* format) {
        if (!is_utf8(text) || text.find('\0') != std::string::npos) {
            return bad_cell(name_, row, column, "the text has bytes that are not UTF-8, or a NUL");
        }
        std::size_t width = longest_line(text);
        widths_[column] = std::max(widths_[column], width);
        if (!format && (width > kMaxWidth || text.find('\n') != std::string::npos)) format = formats_.wrapped;
        auto error = worksheet_write_string(worksheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                            keep_escape_like_text(text).c_str(), format);
        if (error != LXW_NO_ERROR) return bad_cell(name_, row, column, lxw_strerror(error));
        return {};
    }

    lxw_worksheet* worksheet_;
    std::string name_;
    const Formats& formats_;
    std::vector<std::size_t> widths_;
};

Status check_size(const std::string& name, const Sheet& sheet) {
    if (sheet.rows.size() + 1 > kMaxRows) {
        return fail(ErrorKind::validation, "sheet '" + name + "' has more rows than Excel allows (1,048,576)");
    }
    auto widest = sheet.header.size();
    for (const auto& row : sheet.rows) widest = std::max(widest, row.size());
    if (widest > kMaxColumns) {
        return fail(ErrorKind::validation, "sheet '" + name + "' has more columns than Excel allows (16,384)");
    }
    return {};
}

Status add_sheet(lxw_workbook* workbook, const std::string& name, const Sheet& sheet, const Formats& formats) {
    if (auto fits = check_size(name, sheet); !fits) return fits;
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
    if (!worksheet) return fail(ErrorKind::internal, "could not add the sheet '" + name + "'");
    SheetWriter writer(worksheet, name, formats);
    if (auto written = writer.row(0, sheet.header, formats.header); !written) return written;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        if (auto written = writer.row(i + 1, sheet.rows[i], nullptr); !written) return written;
    }
    writer.finish();
    return {};
}

std::vector<std::string> wanted_names(const std::vector<Sheet>& sheets) {
    std::vector<std::string> names;
    for (const auto& sheet : sheets) names.push_back(sheet.name);
    return names;
}

}  // namespace

Result<std::string> write_xlsx(const std::vector<Sheet>& sheets) {
    if (sheets.empty()) return fail(ErrorKind::validation, "a workbook needs at least one sheet");
    std::error_code error;
    auto directory = std::filesystem::temp_directory_path(error);
    if (error) return fail(ErrorKind::internal, "no temporary directory for the workbook: " + error.message());
    TempFile file;
    if (auto opened = file.open(directory); !opened) return std::unexpected(std::move(opened.error()));

    // The library's own scratch files go to the same directory; it removes
    // each one as soon as it has opened it, so none outlives the process.
    std::string scratch = directory.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = scratch.data();
    Workbook workbook(workbook_new_opt(file.path().c_str(), &options));
    if (!workbook) return fail(ErrorKind::internal, "could not start a workbook");

    auto formats = add_formats(workbook.get());
    auto names = sheet_names(wanted_names(sheets));
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (auto added = add_sheet(workbook.get(), names[i], sheets[i], formats); !added) {
            return std::unexpected(std::move(added.error()));
        }
    }
    // workbook_close writes the file and frees the workbook, whether or not it succeeds.
    if (auto closed = workbook_close(workbook.release()); closed != LXW_NO_ERROR) {
        return fail(ErrorKind::internal, std::string("could not write the workbook: ") + lxw_strerror(closed));
    }
    return file.contents();
}

}  // namespace safeboard::tabular
