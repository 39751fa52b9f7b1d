#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <minizip/unzip.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/tabular/xlsx.hpp"

namespace safeboard::tabular {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The parts of a zip archive by name. minizip reads only files, so the bytes
// go through a temporary one.
std::map<std::string, std::string> unzipped(const std::string& bytes) {
    auto path = (std::filesystem::temp_directory_path() / "safeboard-xlsx-test-XXXXXX").string();
    int fd = ::mkstemp(path.data());
    EXPECT_GE(fd, 0);
    ::close(fd);
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));

    std::map<std::string, std::string> parts;
    unzFile zip = unzOpen64(path.c_str());
    EXPECT_NE(zip, nullptr) << "not a zip archive";
    for (int more = zip ? unzGoToFirstFile(zip) : UNZ_END_OF_LIST_OF_FILE; more == UNZ_OK; more = unzGoToNextFile(zip)) {
        char name[512];
        unz_file_info64 info{};
        unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0);
        std::string content(static_cast<std::size_t>(info.uncompressed_size), '\0');
        unzOpenCurrentFile(zip);
        int read = unzReadCurrentFile(zip, content.data(), static_cast<unsigned>(content.size()));
        EXPECT_EQ(read, static_cast<int>(content.size())) << name;
        unzCloseCurrentFile(zip);
        parts[name] = content;
    }
    if (zip) unzClose(zip);
    std::filesystem::remove(path);
    return parts;
}

std::map<std::string, std::string> written(const std::vector<Sheet>& sheets) {
    auto bytes = write_xlsx(sheets);
    EXPECT_TRUE(bytes) << bytes.error().message;
    return bytes ? unzipped(*bytes) : std::map<std::string, std::string>{};
}

// Points TMPDIR at a fresh directory while it lives, so a test sees every
// file written there and nothing from anyone else.
class PrivateTmpdir {
public:
    PrivateTmpdir() {
        auto pattern = (std::filesystem::temp_directory_path() / "safeboard-xlsx-test-XXXXXX").string();
        EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
        path_ = pattern;
        if (const char* old = std::getenv("TMPDIR")) old_ = old;
        ::setenv("TMPDIR", path_.c_str(), 1);
    }
    ~PrivateTmpdir() {
        if (old_) {
            ::setenv("TMPDIR", old_->c_str(), 1);
        } else {
            ::unsetenv("TMPDIR");
        }
        std::filesystem::remove_all(path_);
    }
    bool empty() const { return std::filesystem::is_empty(path_); }

private:
    std::filesystem::path path_;
    std::optional<std::string> old_;
};

const Sheet kMembers{"Members",
                     {"Name", "Organisation", "Code"},
                     {{"Zoë Ng", "Children’s Trust", "0123"}, {"Tom Reid", "=cmd|' /C calc'!A0", "+44 7700"}}};

TEST(XlsxWrite, NamesTheSheetsInTheWorkbook) {
    auto parts = written({kMembers, Sheet{"Reviews 2024/25", {"Title"}, {}}, Sheet{"members", {"Name"}, {}}});
    EXPECT_THAT(parts["xl/workbook.xml"], HasSubstr(R"(<sheet name="Members" sheetId="1")"));
    EXPECT_THAT(parts["xl/workbook.xml"], HasSubstr(R"(<sheet name="Reviews 2024-25" sheetId="2")"));
    EXPECT_THAT(parts["xl/workbook.xml"], HasSubstr(R"x(<sheet name="members (2)" sheetId="3")x"));
    EXPECT_EQ(parts.count("xl/worksheets/sheet3.xml"), 1u);
}

TEST(XlsxWrite, StoresEveryCellAsTextNeverAFormulaOrNumber) {
    auto parts = written({kMembers});
    const auto& strings = parts["xl/sharedStrings.xml"];
    const auto& sheet = parts["xl/worksheets/sheet1.xml"];
    for (const char* text : {"Name", "Zoë Ng", "Children’s Trust", "0123", "+44 7700"}) {
        EXPECT_THAT(strings, HasSubstr(std::string("<t>") + text + "</t>"));
    }
    EXPECT_THAT(strings, HasSubstr("<t>=cmd|' /C calc'!A0</t>"));
    EXPECT_THAT(sheet, Not(HasSubstr("<f>")));
    EXPECT_THAT(sheet, Not(HasSubstr("<v>123</v>")));
    // Nine cells, each a shared string (t="s").
    std::size_t cells = 0;
    for (auto at = sheet.find("<c "); at != std::string::npos; at = sheet.find("<c ", at + 1)) {
        ++cells;
        EXPECT_THAT(sheet.substr(at, sheet.find('>', at) - at), HasSubstr(R"(t="s")"));
    }
    EXPECT_EQ(cells, 9u);
}

TEST(XlsxWrite, TheHeaderRowIsBoldAndFrozen) {
    auto parts = written({kMembers});
    EXPECT_THAT(parts["xl/worksheets/sheet1.xml"], HasSubstr(R"(ySplit="1")"));
    EXPECT_THAT(parts["xl/worksheets/sheet1.xml"], HasSubstr(R"(state="frozen")"));
    EXPECT_THAT(parts["xl/worksheets/sheet1.xml"], HasSubstr(R"(<c r="A1" s="1" t="s">)"));
    EXPECT_THAT(parts["xl/worksheets/sheet1.xml"], HasSubstr(R"(<c r="A2" t="s">)"));
    EXPECT_THAT(parts["xl/styles.xml"], HasSubstr("<b/>"));
}

TEST(XlsxWrite, ColumnsAreAsWideAsTheirTextWithinLimits) {
    Sheet sheet{"Widths", {"A", "Organisation name", "Notes"}, {{"x", "Children’s Trust", std::string(200, 'n')}}};
    const auto xml = written({sheet})["xl/worksheets/sheet1.xml"];
    EXPECT_THAT(xml, HasSubstr(R"(<col min="1" max="1" width="8)"));    // short: the minimum
    EXPECT_THAT(xml, HasSubstr(R"(<col min="2" max="2" width="19)"));   // 17 characters and a margin
    EXPECT_THAT(xml, HasSubstr(R"(<col min="3" max="3" width="60)"));   // capped, and the cell wraps
}

TEST(XlsxWrite, KeepsTextThatLooksLikeAnExcelEscape) {
    auto parts = written({Sheet{"Codes", {"Code"}, {{"_x0041_"}, {"tab\there"}}}});
    EXPECT_THAT(parts["xl/sharedStrings.xml"], HasSubstr("<t>_x005F_x0041_</t>"));
    EXPECT_THAT(parts["xl/sharedStrings.xml"], HasSubstr("<t>tab\there</t>"));
}

TEST(XlsxWrite, RefusesCellsThatAreNotUtf8OrTooLong) {
    auto not_text = write_xlsx({Sheet{"Members", {"Name"}, {{"ok"}, {"Zo\xEB"}}}});
    ASSERT_FALSE(not_text);
    EXPECT_EQ(not_text.error().kind, ErrorKind::validation);
    EXPECT_THAT(not_text.error().message, HasSubstr("sheet 'Members', cell A3"));

    auto too_long = write_xlsx({Sheet{"Notes", {"Name", "Notes"}, {{"Asha", std::string(32'768, 'a')}}}});
    ASSERT_FALSE(too_long);
    EXPECT_THAT(too_long.error().message, HasSubstr("sheet 'Notes', cell B2"));
}

TEST(XlsxWrite, RefusesAWorkbookWithoutSheets) {
    EXPECT_FALSE(write_xlsx({}));
}

TEST(XlsxWrite, LeavesNoTemporaryFilesBehind) {
    PrivateTmpdir tmpdir;
    ASSERT_TRUE(write_xlsx({kMembers}));
    EXPECT_TRUE(tmpdir.empty());
    ASSERT_FALSE(write_xlsx({kMembers, Sheet{"Members", {"Name"}, {{"Zo\xEB"}}}}));
    EXPECT_TRUE(tmpdir.empty());
}

}  // namespace
}  // namespace safeboard::tabular
