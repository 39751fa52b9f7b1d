#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "platform/files/content_type.hpp"
#include "platform/files/zip_entries.hpp"
#include "samples.hpp"

namespace safeboard::files {
namespace {

constexpr std::string_view kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

TEST(SniffType, KnowsCommonFilesByTheirBytes) {
    EXPECT_EQ(sniff_type(samples::pdf()), "application/pdf");
    EXPECT_EQ(sniff_type(samples::png()), "image/png");
    EXPECT_EQ(sniff_type(samples::jpeg()), "image/jpeg");
    EXPECT_EQ(sniff_type("Actions agreed:\n1. Zoë to write to the school.\n"), "text/plain");
    EXPECT_EQ(sniff_type(samples::xlsx()), kXlsx);
}

TEST(SniffType, FindsProgramsAndPagesWhateverTheyClaim) {
    EXPECT_EQ(sniff_type(samples::elf_program()), "application/x-executable");
    EXPECT_EQ(sniff_type(samples::html()), "text/html");
    EXPECT_EQ(sniff_type(samples::svg()), "image/svg+xml");
}

// libmagic recognises these only when [Content_Types].xml comes first and
// the document's folder soon after; other writers order parts differently.
TEST(SniffType, KnowsOfficeFilesWhosePartsComeInAnyOrder) {
    EXPECT_EQ(sniff_type(samples::zip({"_rels/.rels", "[Content_Types].xml", "word/document.xml"})), kDocx);
    EXPECT_EQ(sniff_type(samples::zip({"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                       "customXml/item1.xml", "customXml/item2.xml", "word/document.xml"})),
              kDocx);
    EXPECT_EQ(sniff_type(samples::zip({"_rels/.rels", "[Content_Types].xml", "ppt/presentation.xml"})), kPptx);
}

TEST(SniffType, AZipArchiveIsNotAnOfficeFile) {
    EXPECT_EQ(sniff_type(samples::zip({"minutes.txt", "word/notes.txt"})), "application/zip");
    EXPECT_EQ(sniff_type(samples::zip({"[Content_Types].xml", "data/sheet.xml"})), "application/zip");
}

TEST(SniffType, AnOfficeFileWithMacrosIsTheMacroEnabledType) {
    auto docm = samples::zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/vbaProject.bin"});
    EXPECT_EQ(sniff_type(docm), "application/vnd.ms-word.document.macroEnabled.12");
}

TEST(SniffType, GivesTheSameAnswersOnManyThreads) {
    const std::string pdf = samples::pdf();
    std::vector<std::string> answers(8);
    std::vector<std::thread> threads;
    for (auto& answer : answers) {
        threads.emplace_back([&] {
            for (int k = 0; k < 20; ++k) answer = sniff_type(k % 2 ? pdf : samples::png());
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& answer : answers) EXPECT_EQ(answer, "application/pdf");
}

TEST(ZipEntryNames, ListsTheCentralDirectoryAndNothingForOtherBytes) {
    auto names = zip_entry_names(samples::zip({"[Content_Types].xml", "xl/workbook.xml"}));
    EXPECT_EQ(names, (std::vector<std::string>{"[Content_Types].xml", "xl/workbook.xml"}));
    EXPECT_TRUE(zip_entry_names(samples::pdf()).empty());
    auto truncated = samples::zip({"[Content_Types].xml", "xl/workbook.xml"});
    truncated.resize(truncated.size() - 30);
    EXPECT_TRUE(zip_entry_names(truncated).empty());
}

}  // namespace
}  // namespace safeboard::files
