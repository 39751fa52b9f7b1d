#include <gtest/gtest.h>

#include <string>

#include "platform/files/upload.hpp"
#include "samples.hpp"

namespace safeboard::files {
namespace {

constexpr std::string_view kDangerous = "The file must not be a program, script or web page";

// The one message on field "file", or "" when the upload passed.
std::string refusal(const UploadPolicy& policy, std::string_view filename, std::string_view bytes) {
    auto checked = check_upload(policy, filename, bytes);
    if (checked) return "";
    EXPECT_EQ(checked.error().kind, ErrorKind::validation);
    EXPECT_EQ(checked.error().fields.size(), 1u);
    if (checked.error().fields.empty()) return "(no field)";
    EXPECT_EQ(checked.error().fields[0].field, "file");
    return checked.error().fields[0].message;
}

std::string refusal(std::string_view filename, std::string_view bytes) {
    return refusal(document_policy(), filename, bytes);
}

TEST(CheckUpload, AcceptsDocumentsAndGivesTheirType) {
    EXPECT_EQ(check_upload(document_policy(), "Action plan.pdf", samples::pdf()).value_or(""), "application/pdf");
    EXPECT_EQ(check_upload(document_policy(), "tracker.xlsx", samples::xlsx()).value_or(""),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(check_upload(document_policy(), "photo.png", samples::png()).value_or(""), "image/png");
    EXPECT_EQ(check_upload(document_policy(), "notes.txt", "Met the head teacher.\n").value_or(""), "text/plain");
}

TEST(CheckUpload, TextNamedCsvIsCsv) {
    EXPECT_EQ(check_upload(document_policy(), "Attendance.CSV", "name,date\nAsha,2025-03-01\n").value_or(""),
              "text/csv");
    UploadPolicy text_only{1024, {"text/plain"}};
    EXPECT_EQ(check_upload(text_only, "attendance.csv", "name,date\n").value_or(""), "text/plain");
}

TEST(CheckUpload, RefusesAnEmptyFile) { EXPECT_EQ(refusal("minutes.pdf", ""), "The file is empty"); }

TEST(CheckUpload, RefusesAFileOverTheLimitAndSaysTheLimit) {
    const std::size_t limit = document_policy().max_bytes;
    EXPECT_EQ(refusal("big.txt", std::string(limit + 1, 'a')), "The file must be smaller than 10 MB");
    EXPECT_EQ(refusal("just fits.txt", std::string(limit, 'a')), "");
    EXPECT_EQ(refusal(UploadPolicy{1536 * 1024, {"text/plain"}}, "a.txt", std::string(2'000'000, 'a')),
              "The file must be smaller than 1.5 MB");
}

TEST(CheckUpload, NamesTheTypesItTakesWhenRefusingAnother) {
    auto zip = samples::zip({"minutes.txt"});
    EXPECT_EQ(refusal("papers.zip", zip),
              "The file must be a PDF, Word document, Excel spreadsheet, PowerPoint presentation, CSV, plain text, "
              "PNG or JPEG");
    UploadPolicy sheets{1024, {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    EXPECT_EQ(refusal(sheets, "photo.png", samples::png()), "The file must be an Excel spreadsheet");
}

TEST(CheckUpload, RefusesProgramsAndPagesWhateverTheyAreCalled) {
    EXPECT_EQ(refusal("report.pdf", samples::elf_program()), kDangerous);
    EXPECT_EQ(refusal("minutes.txt", samples::html()), kDangerous);
    EXPECT_EQ(refusal("chart.png", samples::svg()), kDangerous);
    EXPECT_EQ(refusal("notes.txt", "#!/bin/sh\nrm -rf ~\n"), kDangerous);
}

TEST(CheckUpload, RefusesNamesThatWouldRunOrRenderWhateverTheContent) {
    EXPECT_EQ(refusal("notes.html", "Plain words.\n"), kDangerous);
    EXPECT_EQ(refusal("invoice.pdf.EXE", samples::pdf()), kDangerous);
    EXPECT_EQ(refusal("invoice.exe. ", samples::pdf()), kDangerous);
    EXPECT_EQ(refusal("C:\\Users\\asha\\chart.svg", "Plain words.\n"), kDangerous);
    EXPECT_EQ(refusal("exe", "Plain words.\n"), "");  // a name without an extension
}

TEST(CheckUpload, APolicyCannotAllowActiveContent) {
    UploadPolicy pages{1024, {"text/html", "image/svg+xml"}};
    EXPECT_EQ(refusal(pages, "page.txt", samples::html()), kDangerous);
    EXPECT_EQ(refusal(pages, "chart.txt", samples::svg()), kDangerous);
}

TEST(CheckUpload, RefusesAWordFileWithMacros) {
    auto docm = samples::zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/vbaProject.bin"});
    EXPECT_NE(refusal("letter.docx", docm), "");
}

TEST(ReadableSize, SaysSizesAsPeopleDo) {
    EXPECT_EQ(readable_size(10 * 1024 * 1024), "10 MB");
    EXPECT_EQ(readable_size(1536 * 1024), "1.5 MB");
    EXPECT_EQ(readable_size(512 * 1024), "512 KB");
    EXPECT_EQ(readable_size(900), "900 bytes");
    EXPECT_EQ(readable_size(1), "1 byte");
}

}  // namespace
}  // namespace safeboard::files
