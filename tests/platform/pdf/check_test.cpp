#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "platform/pdf/check.hpp"
#include "platform/pdf/write.hpp"

namespace safeboard::pdf {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

const std::string kNotUtf8 = "Board\xff decisions";

std::vector<FieldError> refusal(const Document& document) {
    auto pdf = write_pdf(document);
    if (pdf) {
        ADD_FAILURE() << "the document was written";
        return {};
    }
    EXPECT_EQ(pdf.error().kind, ErrorKind::validation);
    return pdf.error().fields;
}

TEST(PdfCheck, RefusesTextThatIsNotUtf8NamingTheBlock) {
    Document document;
    document.blocks = {Heading{1, "Decisions"}, Paragraph{kNotUtf8}};
    EXPECT_THAT(refusal(document),
                ElementsAre(FieldError{"blocks[1].text", "Block 2 (paragraph) is not valid UTF-8"}));
}

TEST(PdfCheck, NamesTheCellItemOrPropertyThatIsNotUtf8) {
    Document document;
    document.title = kNotUtf8;
    document.blocks = {BulletList{{"fine", kNotUtf8}}, Table{{"A", "B"}, {{"a", "b"}, {"c", kNotUtf8}}, {}},
                       Heading{2, kNotUtf8}};
    EXPECT_THAT(refusal(document),
                ElementsAre(FieldError{"title", "The title is not valid UTF-8"},
                            FieldError{"blocks[0].items[1]", "Block 1 (bullet list), item 2 is not valid UTF-8"},
                            FieldError{"blocks[1].rows[1][1]", "Block 2 (table), row 2, column 2 is not valid UTF-8"},
                            FieldError{"blocks[2].text", "Block 3 (heading) is not valid UTF-8"}));
}

TEST(PdfCheck, TakesLineBreaksAndTabsInTextButNoOtherControls) {
    Document document;
    document.blocks = {Paragraph{"Line one\r\nLine two\tand a tab"}, Table{{"Address"}, {{"1 High St\nSouthend"}}, {}}};
    EXPECT_TRUE(check_document(document));
    document.blocks.push_back(Paragraph{"Bell \a"});
    document.blocks.push_back(Heading{1, "Two\nlines"});
    EXPECT_THAT(refusal(document),
                ElementsAre(FieldError{"blocks[2].text", "Block 3 (paragraph) contains control characters"},
                            FieldError{"blocks[3].text",
                                       "Block 4 (heading) contains control characters or line breaks"}));
}

TEST(PdfCheck, RefusesHeadingLevelsOutsideOneToThree) {
    Document document;
    document.blocks = {Heading{0, "Too big"}, Heading{3, "Fine"}, Heading{4, "Too small"}};
    EXPECT_THAT(refusal(document),
                ElementsAre(FieldError{"blocks[0].level", "Block 1 (heading) must have a level from 1 to 3"},
                            FieldError{"blocks[2].level", "Block 3 (heading) must have a level from 1 to 3"}));
}

TEST(PdfCheck, RefusesTablesWhoseRowsOrWidthsDoNotMatchTheColumns) {
    Document document;
    document.blocks = {Table{{"A", "B", "C"}, {{"a", "b", "c"}, {"a", "b"}}, {1, 2}}, Table{{}, {}, {}},
                       Table{{}, {{"x", "y"}}, {1, 0}}};
    EXPECT_THAT(refusal(document),
                ElementsAre(FieldError{"blocks[0].column_widths", "Block 1 (table) has 2 column widths for 3 columns"},
                            FieldError{"blocks[0].rows[1]", "Block 1 (table), row 2 has 2 cells for 3 columns"},
                            FieldError{"blocks[1]", "Block 2 (table) has no columns"},
                            FieldError{"blocks[2].column_widths",
                                       "Block 3 (table) must have column widths greater than 0"}));
}

TEST(PdfCheck, RefusesSizesThatCannotBeLaidOut) {
    Document document;
    document.font_size_pt = 2;
    document.margins.left_mm = 5;
    document.blocks = {Spacer{-1}};
    auto fields = refusal(document);
    EXPECT_THAT(fields, Contains(FieldError{"font_size_pt", "The font size must be from 6 to 24 points"}));
    EXPECT_THAT(fields, Contains(FieldError{"margins", "Each margin must be at least 10 mm"}));
    EXPECT_THAT(fields, Contains(FieldError{"blocks[0].height_mm", "Block 1 (spacer) must be from 0 to 100 mm high"}));
}

TEST(PdfCheck, RefusesMarginsThatLeaveTooLittleRoom) {
    Document document;
    document.margins = {80, 20, 80, 20};
    EXPECT_THAT(refusal(document),
                ElementsAre(FieldError{"margins",
                                       "The margins must leave at least half the page's width and height for text"}));
    document.orientation = Orientation::landscape;  // 210 mm high: 160 mm of margins leave too little
    EXPECT_FALSE(check_document(document));
    document.margins = {20, 20, 20, 20};
    EXPECT_TRUE(check_document(document));
}

}  // namespace
}  // namespace safeboard::pdf
