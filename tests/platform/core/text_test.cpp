// The one UTF-8 reader and the checks every form field passes through.
#include <gtest/gtest.h>

#include "platform/core/text.hpp"

namespace safeboard {
namespace {

TEST(Utf8, CountsCodePointsOfWellFormedText) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("Southend"), 8u);
    EXPECT_EQ(utf8_length("Zoë’s £5 €"), 10u);
    EXPECT_EQ(utf8_length("\xF0\x9F\x91\xB6"), 1u);  // U+1F476
    EXPECT_EQ(decode_utf8("a\xC3\xA9\xE2\x82\xAC"), std::u32string(U"aé€"));
}

TEST(Utf8, RefusesEveryIllFormedSequence) {
    for (std::string bad : {"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3",
                            "\xE2\x82", "a\x80"}) {
        EXPECT_FALSE(utf8_length(bad)) << bad;
        EXPECT_FALSE(decode_utf8(bad)) << bad;
        EXPECT_FALSE(is_utf8(bad)) << bad;
    }
}

TEST(Utf8, ReplacesBadBytesAndCutsOnlyBetweenCharacters) {
    EXPECT_EQ(replace_invalid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(replace_invalid_utf8("ok €"), "ok €");
    EXPECT_EQ(shortened("short", 10), "short");
    EXPECT_EQ(shortened("ab€cd", 3), "ab…");  // the euro sign's first byte is not kept alone
}

TEST(Text, ControlCharactersIncludeDelAndC1) {
    EXPECT_FALSE(has_control_characters("plain text – with a dash"));
    EXPECT_TRUE(has_control_characters("line\nbreak"));
    EXPECT_TRUE(has_control_characters("del\x7F"));
    EXPECT_TRUE(has_control_characters("c1\xC2\x85"));
    EXPECT_FALSE(has_control_characters("tab\there", true));
    EXPECT_TRUE(has_control_characters("tab\there"));
}

TEST(Text, CheckLineNamesTheFieldAndTheProblem) {
    EXPECT_FALSE(check_line("name", "Full name", "Ann Lead", 1, 200));
    EXPECT_EQ(check_line("name", "Full name", "", 1, 200)->message, "Enter full name");
    EXPECT_EQ(check_line("name", "Full name", std::string(201, 'a'), 1, 200)->message,
              "Full name must be 200 characters or fewer");
    EXPECT_EQ(check_line("name", "Full name", "\xFF", 1, 200)->field, "name");
    EXPECT_NE(check_line("name", "Full name", "a\nb", 1, 200)->message.find("control characters"), std::string::npos);
    // Two hundred characters of two bytes each are within a 200-character limit.
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";
    EXPECT_FALSE(check_line("name", "Full name", accents, 1, 200));
}

TEST(XmlEscaped, EscapesEveryCharacterMarkupReads) {
    EXPECT_EQ(xml_escaped("'&'"), "&#39;&amp;&#39;");
    EXPECT_EQ(xml_escaped("<b class=\"x\">Board’s</b>"), "&lt;b class=&quot;x&quot;&gt;Board’s&lt;/b&gt;");
}

}  // namespace
}  // namespace safeboard
