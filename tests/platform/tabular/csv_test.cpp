#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/tabular/csv.hpp"

namespace safeboard::tabular {
namespace {

using ::testing::ElementsAre;
using Rows = std::vector<std::vector<std::string>>;

std::vector<std::size_t> lines_of(const Table& table) {
    std::vector<std::size_t> lines;
    for (const auto& record : table.records) lines.push_back(record.line);
    return lines;
}

Rows fields_of(const Table& table) {
    Rows rows;
    for (const auto& record : table.records) rows.push_back(record.fields);
    return rows;
}

std::string error_of(std::string_view bytes) {
    auto table = read_csv(bytes);
    if (table) return "(read without error)";
    EXPECT_EQ(table.error().kind, ErrorKind::validation);
    return table.error().message;
}

TEST(CsvRead, ReadsHeaderAndRecordsWithLfLineEnds) {
    auto table = read_csv("Name,Role\nAsha Patel,Chair\nTom Reid,Member\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_THAT(table->header, ElementsAre("Name", "Role"));
    EXPECT_EQ(fields_of(*table), (Rows{{"Asha Patel", "Chair"}, {"Tom Reid", "Member"}}));
    EXPECT_THAT(lines_of(*table), ElementsAre(2, 3));
}

TEST(CsvRead, ReadsCrlfLineEndsWithoutKeepingTheCarriageReturn) {
    auto table = read_csv("Name,Role\r\nAsha Patel,Chair\r\nTom Reid,Member\r\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_THAT(table->header, ElementsAre("Name", "Role"));
    EXPECT_EQ(fields_of(*table), (Rows{{"Asha Patel", "Chair"}, {"Tom Reid", "Member"}}));
    EXPECT_THAT(lines_of(*table), ElementsAre(2, 3));
}

TEST(CsvRead, StripsTheByteOrderMark) {
    auto table = read_csv("\xEF\xBB\xBFName,Role\r\nAsha,Chair\r\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_THAT(table->header, ElementsAre("Name", "Role"));
    ASSERT_TRUE(column(*table, "name"));
    EXPECT_EQ(*column(*table, "name"), 0u);
}

TEST(CsvRead, TheLastLineEndIsOptional) {
    auto table = read_csv("Name,Role\nAsha,Chair");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(fields_of(*table), (Rows{{"Asha", "Chair"}}));

    auto quoted_last = read_csv("Name,Role\nAsha,\"Chair\"");
    ASSERT_TRUE(quoted_last) << quoted_last.error().message;
    EXPECT_EQ(fields_of(*quoted_last), (Rows{{"Asha", "Chair"}}));
}

TEST(CsvRead, QuotedFieldsHoldCommasQuotesAndLineEnds) {
    auto table = read_csv(
        "Name,Notes\r\n"
        "\"Reid, Tom\",\"Said \"\"no\"\" twice\"\r\n"
        "Asha,\"First line\nsecond line\r\nthird line\"\r\n"
        "Priya,\"\"\r\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(fields_of(*table), (Rows{{"Reid, Tom", "Said \"no\" twice"},
                                       {"Asha", "First line\nsecond line\r\nthird line"},
                                       {"Priya", ""}}));
}

TEST(CsvRead, LineNumbersCountTheLinesInsideQuotedFields) {
    auto table = read_csv(
        "Name,Notes\n"                // 1
        "Asha,\"one\ntwo\nthree\"\n"  // 2-4
        "Tom,short\n"                 // 5
        "Priya,\"a\r\nb\"\r\n"        // 6-7
        "Sam,last\n");                // 8
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_THAT(lines_of(*table), ElementsAre(2, 5, 6, 8));
}

TEST(CsvRead, SkipsBlankLinesAndRowsOfEmptyFields) {
    auto table = read_csv(
        "\n"                 // 1: blank before the header
        "Name,Role,Area\n"   // 2
        "Asha,Chair,North\n" // 3
        "\n"                 // 4
        ",,\n"               // 5: what Excel writes for an empty row
        "\"\",,\"\"\n"       // 6
        "Tom,,\n"            // 7: one field is enough to keep it
        "\r\n");             // 8
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_THAT(table->header, ElementsAre("Name", "Role", "Area"));
    EXPECT_EQ(fields_of(*table), (Rows{{"Asha", "Chair", "North"}, {"Tom", "", ""}}));
    EXPECT_THAT(lines_of(*table), ElementsAre(3, 7));
}

TEST(CsvRead, KeepsRecordsWithMoreOrFewerFieldsThanTheHeader) {
    auto table = read_csv("Name,Role\nAsha\nTom,Member,extra\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(fields_of(*table), (Rows{{"Asha"}, {"Tom", "Member", "extra"}}));
}

TEST(CsvRead, TrimsHeaderNamesButKeepsFieldsAsWritten) {
    auto table = read_csv("  Full Name , Role\n  Asha  , Chair \n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_THAT(table->header, ElementsAre("Full Name", "Role"));
    EXPECT_EQ(fields_of(*table), (Rows{{"  Asha  ", " Chair "}}));
}

TEST(CsvRead, KeepsAQuoteInsideAnUnquotedField) {
    auto table = read_csv("Name,Height\nAsha,5'4\"\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(fields_of(*table), (Rows{{"Asha", "5'4\""}}));
}

TEST(CsvRead, ReadsNonAsciiText) {
    auto table = read_csv("Organisation,Contact\nChildren’s Trust,Zoë Ng\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(fields_of(*table), (Rows{{"Children’s Trust", "Zoë Ng"}}));
}

TEST(CsvRead, RefusesAQuotedFieldThatIsNotClosedNamingTheLineItOpensOn) {
    EXPECT_EQ(error_of("Name,Notes\nAsha,ok\nTom,\"never\nclosed\n"), "line 3: a quoted field is not closed");
}

TEST(CsvRead, RefusesTextAfterAClosingQuote) {
    EXPECT_EQ(error_of("Name,Notes\nAsha,ok\n\"Tom\"x,no\n"), "line 3: text after a closing quote");
    EXPECT_EQ(error_of("Name,Notes\nAsha,\"two\nlines\" then\n"), "line 3: text after a closing quote");
}

TEST(CsvRead, RefusesBytesThatAreNotUtf8NamingTheLine) {
    // "Zoë" saved as Windows-1252, as older Excel versions write "CSV".
    EXPECT_EQ(error_of("Name\nAsha\nTom\nZo\xEB\n"), "the file is not UTF-8 text (line 4)");
}

TEST(CsvRead, RefusesANulByte) {
    EXPECT_EQ(error_of(std::string("Name\nAsha\nT\0m\n", 14)), "line 3: the file has a NUL byte, so it is not CSV text");
}

TEST(CsvRead, RefusesAnEmptyFile) {
    EXPECT_EQ(error_of(""), "the file is empty");
    EXPECT_EQ(error_of("\xEF\xBB\xBF"), "the file is empty");
}

TEST(CsvRead, RefusesAFileWithoutAHeaderRow) {
    EXPECT_EQ(error_of("\r\n,,,\r\n\r\n"), "the file has no header row");
}

TEST(CsvColumn, FindsAColumnIgnoringCaseAndSpaces) {
    auto table = read_csv("Name,Date Of Birth,name\nAsha,2010-01-02,x\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(column(*table, " date of birth "), 1u);
    EXPECT_EQ(column(*table, "NAME"), 0u);
    EXPECT_EQ(column(*table, "role"), std::nullopt);
}

TEST(CsvWrite, WritesBomCrlfAndQuotesOnlyWhereNeeded) {
    auto bytes = write_csv({"Name", "Notes"}, {{"Asha", "plain"}, {"Reid, Tom", "said \"no\""}, {" lead", "two\nlines"}});
    EXPECT_EQ(bytes,
              "\xEF\xBB\xBF"
              "Name,Notes\r\n"
              "Asha,plain\r\n"
              "\"Reid, Tom\",\"said \"\"no\"\"\"\r\n"
              "\" lead\",\"two\nlines\"\r\n");
}

TEST(CsvWrite, LeavesOutTheBomWhenAsked) {
    EXPECT_EQ(write_csv({"Name"}, {{"Asha"}}, CsvOptions{.bom = false}), "Name\r\nAsha\r\n");
}

TEST(CsvWrite, WritesFormulaLikeCellsAsTheyAre) {
    EXPECT_EQ(write_csv({"Value"}, {{"=SUM(A1)"}, {"-3"}, {"@cmd"}}, CsvOptions{.bom = false}),
              "Value\r\n=SUM(A1)\r\n-3\r\n@cmd\r\n");
}

TEST(CsvWrite, GuardsFormulaLikeCellsButNotTheHeaderWhenAsked) {
    EXPECT_EQ(write_csv({"=Value"}, {{"=SUM(A1)"}, {"-3"}, {"@cmd"}, {"\tx"}, {"plain"}},
                        CsvOptions{.bom = false, .guard_formulas = true}),
              "=Value\r\n'=SUM(A1)\r\n'-3\r\n'@cmd\r\n'\tx\r\nplain\r\n");
}

TEST(CsvWrite, WhatIsWrittenReadsBackTheSame) {
    const std::vector<std::string> header{"Name", "Organisation", "Notes"};
    const Rows rows{
        {"Zoë Ng", "Children’s Trust", "said \"yes\", then \"no\""},
        {" leading", "trailing ", "line one\nline two\r\nline three"},
        {"\"quoted\"", "a,b,c", ""},
        {"", "", "only the last"},
        {"tab\tinside", "\ttab first", "=1+2"},
    };
    auto table = read_csv(write_csv(header, rows));
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->header, header);
    EXPECT_EQ(fields_of(*table), rows);
    EXPECT_THAT(lines_of(*table), ElementsAre(2, 3, 6, 7, 8));
}

}  // namespace
}  // namespace safeboard::tabular
