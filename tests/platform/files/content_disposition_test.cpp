#include <gtest/gtest.h>

#include "platform/files/content_disposition.hpp"

namespace safeboard::files {
namespace {

TEST(ContentDisposition, GivesAPlainNameTwice) {
    EXPECT_EQ(content_disposition("Action plan 2025.pdf"),
              "attachment; filename=\"Action plan 2025.pdf\"; filename*=UTF-8''Action%20plan%202025.pdf");
}

TEST(ContentDisposition, KeepsNonAsciiInTheEncodedNameOnly) {
    EXPECT_EQ(content_disposition("Zoë’s notes.docx"),
              "attachment; filename=\"Zo__s notes.docx\"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20notes.docx");
}

TEST(ContentDisposition, DropsQuotesAndLineBreaksThatWouldEndTheHeader) {
    EXPECT_EQ(content_disposition("a\"b\r\nSet-Cookie: x=1.pdf"),
              "attachment; filename=\"abSet-Cookie: x=1.pdf\"; filename*=UTF-8''abSet-Cookie%3A%20x%3D1.pdf");
}

TEST(ContentDisposition, NeverNamesAnotherFolder) {
    EXPECT_EQ(content_disposition("../../etc/passwd"),
              "attachment; filename=\"-..-etc-passwd\"; filename*=UTF-8''-..-etc-passwd");
    EXPECT_EQ(content_disposition("C:\\Users\\asha\\Minutes 2024/25.pdf"),
              "attachment; filename=\"C:-Users-asha-Minutes 2024-25.pdf\"; "
              "filename*=UTF-8''C%3A-Users-asha-Minutes%202024-25.pdf");
}

TEST(ContentDisposition, DropsCharactersThatDisguiseTheExtension) {
    EXPECT_EQ(content_disposition("report\u202Efdp.exe"),
              "attachment; filename=\"reportfdp.exe\"; filename*=UTF-8''reportfdp.exe");
}

TEST(ContentDisposition, KeepsPercentSignsOutOfTheFallback) {
    EXPECT_EQ(content_disposition("100%.txt"), "attachment; filename=\"100_.txt\"; filename*=UTF-8''100%25.txt");
}

TEST(ContentDisposition, NamesAFileWithNothingLeftDownload) {
    EXPECT_EQ(content_disposition(" .\r\n\""), "attachment; filename=\"download\"; filename*=UTF-8''download");
    EXPECT_EQ(content_disposition("\xff.pdf"),
              "attachment; filename=\"_.pdf\"; filename*=UTF-8''%EF%BF%BD.pdf");
}

}  // namespace
}  // namespace safeboard::files
