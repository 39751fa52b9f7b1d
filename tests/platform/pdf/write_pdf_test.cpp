#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "platform/pdf/poppler.hpp"
#include "platform/pdf/write.hpp"

namespace safeboard::pdf {
namespace {

using testing::flat;
using testing::flat_text;
using testing::info;
using testing::occurrences;
using testing::page_count;
using testing::page_texts;

std::string numbered(std::string_view before, int number, std::string_view after = "") {
    std::string text(before);
    text += std::to_string(number);
    text += after;
    return text;
}

std::string written(const Document& document) {
    auto pdf = write_pdf(document);
    if (!pdf) ADD_FAILURE() << pdf.error().message;
    return pdf.value_or("");
}

Document letter() {
    Document document;
    document.title = "Board’s decisions – Southend";
    document.author = "Partnership business unit";
    document.subject = "After the Board meeting of 14 March 2012";
    document.blocks = {
        Heading{1, "Board’s decisions – Southend"},
        Paragraph{"Dear Chief Superintendent,\nThank you for attending the Board on 14 March 2012."},
        Paragraph{"Translated for families into Polish: Zażółć gęślą jaźń — Łódź."},
        Heading{2, "Actions for your agency"},
        BulletList{{"Report on the Section 11 audit", "Nominate a lead for the neglect strategy"}},
        Table{{"Action", "Owner", "Due"}, {{"Review the escalation policy", "Essex Police", "30 April 2012"}}, {}},
    };
    return document;
}

// `count` rows, each wrapping over a few lines in its first column.
Table long_table(int count) {
    Table table{{"Reference", "Agency", "Progress"}, {}, {3, 1, 1}};
    for (int i = 1; i <= count; ++i) {
        table.rows.push_back({numbered("Row ", i,
                                       " says what was learned from the review and what changed in practice "
                                       "because of it, in enough words to wrap"),
                              "Southend Borough Council", "On track"});
    }
    return table;
}

TEST(PdfWrite, IsAWholePdfFile) {
    std::string pdf = written(letter());
    EXPECT_TRUE(pdf.starts_with("%PDF-"));
    EXPECT_TRUE(pdf.ends_with("%%EOF\n") || pdf.ends_with("%%EOF"));
    EXPECT_EQ(page_count(pdf), 1);
}

TEST(PdfWrite, HoldsTheTextOfEveryBlockAsText) {
    std::string text = flat_text(written(letter()));
    EXPECT_NE(text.find("Board’s decisions – Southend"), std::string::npos) << text;
    EXPECT_NE(text.find("Dear Chief Superintendent,"), std::string::npos) << text;
    EXPECT_NE(text.find("Thank you for attending the Board on 14 March 2012."), std::string::npos) << text;
    EXPECT_NE(text.find("Actions for your agency"), std::string::npos) << text;
    EXPECT_NE(text.find("Zażółć gęślą jaźń — Łódź."), std::string::npos) << text;
    EXPECT_NE(text.find("Nominate a lead for the neglect strategy"), std::string::npos) << text;
    EXPECT_NE(text.find("Review the escalation policy"), std::string::npos) << text;
    EXPECT_NE(text.find("Essex Police"), std::string::npos) << text;
    EXPECT_NE(text.find("30 April 2012"), std::string::npos) << text;
}

TEST(PdfWrite, KeepsLineBreaksInAParagraph) {
    Document document;
    document.blocks = {Paragraph{"Southend-on-Sea\nEssex"}};
    auto pages = page_texts(written(document));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_NE(pages[0].find("Southend-on-Sea\nEssex"), std::string::npos) << pages[0];
}

TEST(PdfWrite, ShowsMarkupInTheTextLiterally) {
    Document document;
    document.blocks = {Heading{1, "Fish &amp; chips <i>"}, Paragraph{"<b>not bold</b> & co"},
                       Table{{"<span foreground='red'>"}, {{"a < b > c"}}, {}}};
    std::string text = flat_text(written(document));
    EXPECT_NE(text.find("Fish &amp; chips <i>"), std::string::npos) << text;
    EXPECT_NE(text.find("<b>not bold</b> & co"), std::string::npos) << text;
    EXPECT_NE(text.find("<span foreground='red'>"), std::string::npos) << text;
    EXPECT_NE(text.find("a < b > c"), std::string::npos) << text;
}

TEST(PdfWrite, GivesTheDocumentPropertiesToTheReader) {
    std::string pdf = written(letter());
    EXPECT_EQ(info(pdf, "Title"), "Board’s decisions – Southend");
    EXPECT_EQ(info(pdf, "Author"), "Partnership business unit");
    EXPECT_EQ(info(pdf, "Subject"), "After the Board meeting of 14 March 2012");
}

TEST(PdfWrite, IsA4PortraitOrLandscape) {
    Document document = letter();
    EXPECT_EQ(info(written(document), "Page size"), "595.276 x 841.89 pts (A4)");
    document.orientation = Orientation::landscape;
    EXPECT_EQ(info(written(document), "Page size"), "841.89 x 595.276 pts (A4)");
}

TEST(PdfWrite, NumbersEveryPageOfTheWhole) {
    Document document;
    document.blocks = {Paragraph{"First"}, PageBreak{}, Paragraph{"Second"}, PageBreak{}, Paragraph{"Third"}};
    auto pages = page_texts(written(document));
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_NE(flat(pages[0]).find("Page 1 of 3"), std::string::npos) << pages[0];
    EXPECT_NE(flat(pages[1]).find("Second"), std::string::npos) << pages[1];
    EXPECT_NE(flat(pages[1]).find("Page 2 of 3"), std::string::npos) << pages[1];
    EXPECT_NE(flat(pages[2]).find("Page 3 of 3"), std::string::npos) << pages[2];
}

TEST(PdfWrite, LeavesPageNumbersOutWhenAsked) {
    Document document = letter();
    document.page_numbers = false;
    EXPECT_EQ(flat_text(written(document)).find("Page 1 of 1"), std::string::npos);
}

TEST(PdfWrite, NeverMakesABlankPageFromPageBreaks) {
    Document document;
    document.blocks = {PageBreak{}, Paragraph{"First"}, PageBreak{}, PageBreak{}, Paragraph{"Second"}, PageBreak{}};
    auto pages = page_texts(written(document));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_NE(pages[0].find("First"), std::string::npos);
    EXPECT_NE(pages[1].find("Second"), std::string::npos);
}

TEST(PdfWrite, EndsWithoutABlankPageAfterASpacer) {
    for (int fillers = 30; fillers <= 40; fillers += 2) {
        Document document;
        for (int i = 1; i <= fillers; ++i) document.blocks.push_back(Paragraph{numbered("Filler ", i)});
        int pages = page_count(written(document));
        document.blocks.push_back(Spacer{100});
        EXPECT_EQ(page_count(written(document)), pages) << fillers << " fillers";
    }
}

TEST(PdfWrite, BookmarksEachHeadingUnderTheOneAboveIt) {
    // The reader's bookmarks pane; cairo writes plain ASCII titles as literal strings.
    std::string pdf = written(letter());
    EXPECT_NE(pdf.find("/Outlines"), std::string::npos);
    EXPECT_NE(pdf.find("/Title (Actions for your agency)"), std::string::npos);
}

TEST(PdfWrite, PutsTheLetterheadAtTheTopOfTheFirstPageOnly) {
    Document document;
    document.letterhead = "Southend Safeguarding Children Partnership";
    document.blocks = {Paragraph{"Dear colleague,"}, PageBreak{}, Paragraph{"Yours sincerely,"}};
    auto pages = page_texts(written(document));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_TRUE(flat(pages[0]).starts_with("Southend Safeguarding Children Partnership Dear colleague,")) << pages[0];
    EXPECT_EQ(pages[1].find("Southend Safeguarding"), std::string::npos) << pages[1];
}

TEST(PdfWrite, BreaksALongParagraphAcrossPages) {
    std::string words;
    for (int i = 1; i <= 1200; ++i) words += numbered("word", i, " ");
    Document document;
    document.blocks = {Paragraph{words}};
    std::string pdf = written(document);
    EXPECT_GE(page_count(pdf), 2);
    std::string text = flat_text(pdf);
    EXPECT_NE(text.find("word1 word2 word3"), std::string::npos);
    EXPECT_NE(text.find("word1199 word1200"), std::string::npos);
}

TEST(PdfWrite, KeepsAHeadingOnThePageOfWhatFollowsIt) {
    // However much comes before, the heading is never left alone at the
    // foot of a page: some count of fillers puts it there if allowed.
    for (int fillers = 28; fillers <= 40; ++fillers) {
        Document document;
        for (int i = 1; i <= fillers; ++i) document.blocks.push_back(Paragraph{numbered("Filler ", i)});
        document.blocks.push_back(Heading{2, "Kept heading"});
        document.blocks.push_back(Paragraph{"What the heading is about"});
        for (const auto& page : page_texts(written(document))) {
            EXPECT_EQ(page.find("Kept heading") == std::string::npos,
                      page.find("What the heading is about") == std::string::npos)
                << fillers << " fillers";
        }
    }
}

TEST(PdfTables, GrowPagesAndRepeatTheHeaderOnEach) {
    Document shorter;
    shorter.blocks = {long_table(5)};
    Document longer;
    longer.blocks = {long_table(80)};
    std::string pdf = written(longer);
    int pages = page_count(pdf);
    EXPECT_EQ(page_count(written(shorter)), 1);
    ASSERT_GE(pages, 3);
    auto texts = page_texts(pdf);
    for (const auto& page : texts) EXPECT_NE(page.find("Reference"), std::string::npos) << page;
    EXPECT_NE(flat(texts[1]).find(numbered("Page 2 of ", pages)), std::string::npos) << texts[1];
    std::string text = flat_text(pdf);
    for (int i = 1; i <= 80; ++i) {
        EXPECT_EQ(occurrences(text, numbered("Row ", i, " says")), 1u) << i;
    }
    EXPECT_EQ(occurrences(text, "in enough words to wrap"), 80u);
}

TEST(PdfTables, SplitARowLongerThanAPage) {
    std::string cell;
    for (int i = 1; i <= 150; ++i) cell += numbered("Line ", i, "\n");
    Document document;
    document.blocks = {Table{{"Notes", "Agency"}, {{cell, "Essex Police"}}, {}}};
    std::string pdf = written(document);
    EXPECT_GE(page_count(pdf), 3);
    std::string text = flat_text(pdf);
    for (int i = 1; i <= 150; ++i) EXPECT_EQ(occurrences(text, numbered("Line ", i, " ")), 1u) << i;
    EXPECT_EQ(occurrences(text, "Notes"), static_cast<std::size_t>(page_count(pdf)));
}

TEST(PdfTables, WrapCellTextWithinNarrowColumns) {
    Document document;
    document.blocks = {Table{{"Lesson", "Seen"},
                             {{"Practitioners did not share concerns about neglect with the school nurse", "2008"}},
                             {1, 4}}};
    auto pages = page_texts(written(document));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_NE(flat(pages[0]).find("Practitioners did not share concerns about neglect with the school nurse"),
              std::string::npos)
        << pages[0];
    // A fifth of the width cannot hold the sentence on one line.
    EXPECT_EQ(pages[0].find("Practitioners did not share concerns about neglect"), std::string::npos) << pages[0];
}

TEST(PdfThreads, WriteWholeDocumentsAtOnce) {
    constexpr int kThreads = 4;
    std::vector<std::string> pdfs(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &pdfs] {
            Document document = letter();
            document.blocks.push_back(Paragraph{numbered("Written by thread ", t)});
            document.blocks.push_back(long_table(30));
            auto pdf = write_pdf(document);
            if (pdf) pdfs[static_cast<std::size_t>(t)] = std::move(*pdf);
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        std::string text = flat_text(pdfs[static_cast<std::size_t>(t)]);
        EXPECT_NE(text.find(numbered("Written by thread ", t)), std::string::npos) << t;
        EXPECT_NE(text.find("Row 30 says"), std::string::npos) << t;
    }
}

}  // namespace
}  // namespace safeboard::pdf
