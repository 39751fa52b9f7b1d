#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/tabular/sheet_name.hpp"

namespace safeboard::tabular {
namespace {

using ::testing::ElementsAre;

TEST(XlsxSheetName, KeepsValidNames) {
    EXPECT_THAT(sheet_names({"Partnerships", "Zoë’s reviews"}), ElementsAre("Partnerships", "Zoë’s reviews"));
}

TEST(XlsxSheetName, ReplacesCharactersExcelRefuses) {
    EXPECT_THAT(sheet_names({"Reviews 2024/25 [draft]", "Who? What*", "a:b\\c", "tab\there"}),
                ElementsAre("Reviews 2024-25 (draft)", "Who What", "a-b-c", "tab here"));
}

TEST(XlsxSheetName, CutsLongNamesAtThirtyOneCharacters) {
    auto names = sheet_names({"Safeguarding practice reviews and rapid reviews", "ééééééééééééééééééééééééééééééééééé"});
    EXPECT_EQ(names[0], "Safeguarding practice reviews a");
    EXPECT_EQ(names[1], "ééééééééééééééééééééééééééééééé");
}

TEST(XlsxSheetName, CountsCharactersBeyondTheBasicPlaneAsTwo) {
    // U+1F600 takes two UTF-16 units, so fifteen of them fill thirty and the sixteenth does not fit.
    std::string faces;
    for (int i = 0; i < 16; ++i) faces += "\U0001F600";
    EXPECT_EQ(sheet_names({faces})[0], faces.substr(0, 15 * 4));
}

TEST(XlsxSheetName, RemovesApostrophesAndSpacesAtEitherEnd) {
    EXPECT_THAT(sheet_names({"'Quoted'", "  spaced  "}), ElementsAre("Quoted", "spaced"));
}

TEST(XlsxSheetName, NamesEmptySheetsByPosition) {
    EXPECT_THAT(sheet_names({"Data", "", "'?*"}), ElementsAre("Data", "Sheet 2", "Sheet 3"));
}

TEST(XlsxSheetName, NumbersNamesAlreadyUsedIgnoringCase) {
    EXPECT_THAT(sheet_names({"Reviews", "reviews", "REVIEWS", "History"}),
                ElementsAre("Reviews", "reviews (2)", "REVIEWS (3)", "History (2)"));
    auto long_names = sheet_names({std::string(40, 'x'), std::string(40, 'x')});
    EXPECT_EQ(long_names[1], std::string(27, 'x') + " (2)");
}

}  // namespace
}  // namespace safeboard::tabular
