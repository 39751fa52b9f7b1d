// Timescales as plans write them: the entries read from the words, when they
// fall due, and the words a page shows for them.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "modules/plans/timescale.hpp"

namespace safeboard::plans {
namespace {

using Lines = std::vector<std::string>;

constexpr int october = 10;  // Southend's reporting year runs October to September
constexpr std::string_view no_entry =
    "Enter a timescale with a date, a month, a quarter, \"Ongoing\" or how often (\"Quarterly\")";

// One line per entry: "month 2012-04-01..2012-04-30 from [April 2012]".
std::string line(const TimescaleEntry& entry) {
    std::string text(code_of(entry.kind));
    if (entry.recurrence) text.append(" ").append(code_of(*entry.recurrence));
    if (!entry.starts_on.empty()) text.append(" ").append(entry.starts_on).append("..").append(entry.ends_on);
    if (entry.from_only) text.append(" from");
    return text.append(" [").append(entry.wording).append("]");
}

Lines read(std::string_view text, int year_starts_month = october) {
    auto timescale = parse_timescale(text, year_starts_month);
    if (!timescale) {
        ADD_FAILURE() << "not read: " << text << ": " << timescale.error().fields.at(0).message;
        return {};
    }
    EXPECT_EQ(timescale->wording, text);
    Lines lines;
    for (const auto& entry : timescale->entries) lines.push_back(line(entry));
    return lines;
}

// The messages on the field "timescale" when the text is refused.
Lines refusal(std::string_view text, int year_starts_month = october) {
    auto timescale = parse_timescale(text, year_starts_month);
    if (timescale) {
        ADD_FAILURE() << "read: " << text;
        return {};
    }
    EXPECT_EQ(timescale.error().kind, ErrorKind::validation);
    Lines messages;
    for (const auto& field : timescale.error().fields) {
        EXPECT_EQ(field.field, "timescale");
        messages.push_back(field.message);
    }
    return messages;
}

std::string month(std::string_view starts, std::string_view ends, std::string_view wording, bool from = false) {
    return "month " + std::string(starts) + ".." + std::string(ends) + (from ? " from" : "") + " [" +
           std::string(wording) + "]";
}

// ---- The Southend business plan's wordings ---------------------------------

TEST(TimescaleSeed, MonthsAlone) {
    EXPECT_EQ(read("June 2012"), Lines{month("2012-06-01", "2012-06-30", "June 2012")});
    EXPECT_EQ(read("October 2011"), Lines{month("2011-10-01", "2011-10-31", "October 2011")});
    EXPECT_EQ(read("September 2012"), Lines{month("2012-09-01", "2012-09-30", "September 2012")});
    EXPECT_EQ(read("March 2011"), Lines{month("2011-03-01", "2011-03-31", "March 2011")});
}

TEST(TimescaleSeed, TwoMonthsOneAfterTheOther) {
    EXPECT_EQ(read("April 2012 October 2012"), (Lines{month("2012-04-01", "2012-04-30", "April 2012"),
                                                       month("2012-10-01", "2012-10-31", "October 2012")}));
    EXPECT_EQ(read("April 2012 September 2012"), (Lines{month("2012-04-01", "2012-04-30", "April 2012"),
                                                         month("2012-09-01", "2012-09-30", "September 2012")}));
}

TEST(TimescaleSeed, OngoingAndHowOften) {
    EXPECT_EQ(read("Ongoing"), Lines{"ongoing [Ongoing]"});
    EXPECT_EQ(read("Ongoing monitoring of safer recruitment compliance in Schools"), Lines{"ongoing [Ongoing]"});
    EXPECT_EQ(read("Quarterly"), Lines{"recurrence quarterly [Quarterly]"});
    EXPECT_EQ(read("Annual Rolling Programme"), Lines{"recurrence annual [Annual Rolling Programme]"});
}

TEST(TimescaleSeed, MonthsInsideASentence) {
    EXPECT_EQ(read("Programme Developed by May 2010"), Lines{month("2010-05-01", "2010-05-31", "May 2010")});
    EXPECT_EQ(read("Programme Developed by January 2012"),
              Lines{month("2012-01-01", "2012-01-31", "January 2012")});
    EXPECT_EQ(read("Dissemination of procedures and completion of briefing programme by December 2011"),
              Lines{month("2011-12-01", "2011-12-31", "December 2011")});
    EXPECT_EQ(read("Dip sample completed and findings reported March 2012"),
              Lines{month("2012-03-01", "2012-03-31", "March 2012")});
}

TEST(TimescaleSeed, ImplementationFromAMonthFallsDueNever) {
    EXPECT_EQ(read("Implementation from July 2010"), Lines{month("2010-07-01", "2010-07-31", "July 2010", true)});
    EXPECT_EQ(read("Implementation from February 2012"),
              Lines{month("2012-02-01", "2012-02-29", "February 2012", true)});
}

TEST(TimescaleSeed, OngoingWithAMonth) {
    EXPECT_EQ(read("Ongoing. Review of outcomes March 2012"),
              (Lines{"ongoing [Ongoing]", month("2012-03-01", "2012-03-31", "March 2012")}));
    EXPECT_EQ(read("Initially by December 2011 then ongoing"),
              (Lines{month("2011-12-01", "2011-12-31", "December 2011"), "ongoing [ongoing]"}));
}

TEST(TimescaleSeed, ReportsInEachOfTwoYears) {
    EXPECT_EQ(read("Report prepared October 2011 and 2012. Report to LSCB November 2011 and 2012 Report to Health "
                   "and Wellbeing Board; Cabinet of Southend Borough Council; and Children's Partnership December "
                   "2011 and 2012"),
              (Lines{month("2011-10-01", "2011-10-31", "October 2011"),
                     month("2012-10-01", "2012-10-31", "October 2012"),
                     month("2011-11-01", "2011-11-30", "November 2011"),
                     month("2012-11-01", "2012-11-30", "November 2012"),
                     month("2011-12-01", "2011-12-31", "December 2011"),
                     month("2012-12-01", "2012-12-31", "December 2012")}));
    EXPECT_EQ(read("Final report to LSCB November 2011 and 2012 Final report to Health and Wellbeing Board; Cabinet "
                   "of Southend Borough Council; and Children's Partnership December 2011 and 2012"),
              (Lines{month("2011-11-01", "2011-11-30", "November 2011"),
                     month("2012-11-01", "2012-11-30", "November 2012"),
                     month("2011-12-01", "2011-12-31", "December 2011"),
                     month("2012-12-01", "2012-12-31", "December 2012")}));
}

TEST(TimescaleSeed, APlanWithoutADateIsRefused) {
    EXPECT_EQ(refusal("Plan Developed within 4 months of publication of revised government guidance"),
              Lines{std::string(no_entry)});
}

// ---- The grammar -----------------------------------------------------------

TEST(TimescaleGrammar, BlankTextIsNoTimescale) {
    for (const char* blank : {"", "   ", "\n\t "}) {
        auto timescale = parse_timescale(blank, october);
        ASSERT_TRUE(timescale) << '"' << blank << '"';
        EXPECT_TRUE(timescale->empty());
        EXPECT_TRUE(timescale->entries.empty());
    }
    EXPECT_FALSE(parse_timescale("March 2012", october)->empty());
}

TEST(TimescaleGrammar, KeepsTheWordingTrimmed) {
    auto timescale = parse_timescale("  Ongoing. Review of outcomes March 2012\n", october);
    ASSERT_TRUE(timescale);
    EXPECT_EQ(timescale->wording, "Ongoing. Review of outcomes March 2012");
}

TEST(TimescaleGrammar, ADayInEveryForm) {
    Lines day{"date 2012-03-31..2012-03-31 [31 March 2012]"};
    EXPECT_EQ(read("31 March 2012"), day);
    EXPECT_EQ(read("31/03/2012"), Lines{"date 2012-03-31..2012-03-31 [31/03/2012]"});
    EXPECT_EQ(read("31-03-2012"), Lines{"date 2012-03-31..2012-03-31 [31-03-2012]"});
    EXPECT_EQ(read("2012-03-31"), Lines{"date 2012-03-31..2012-03-31 [2012-03-31]"});
    EXPECT_EQ(read("31 Mar 2012"), Lines{"date 2012-03-31..2012-03-31 [31 Mar 2012]"});
    EXPECT_EQ(read("31st March 2012"), Lines{"date 2012-03-31..2012-03-31 [31st March 2012]"});
    EXPECT_EQ(read("1/4/2012"), Lines{"date 2012-04-01..2012-04-01 [1/4/2012]"});
    EXPECT_EQ(read("Report by 5 Sept 2012"), Lines{"date 2012-09-05..2012-09-05 [5 Sept 2012]"});
}

TEST(TimescaleGrammar, MonthNamesInFullShortAndAnyCase) {
    const char* names[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December"};
    const char* ends[] = {"31", "29", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"};
    for (int i = 0; i < 12; ++i) {
        std::string name = names[i];
        char number[3];
        std::snprintf(number, sizeof number, "%02d", i + 1);
        std::string starts = std::string("2012-") + number + "-01";
        std::string last = std::string("2012-") + number + "-" + ends[i];
        for (std::string written : {name, name.substr(0, 3)}) {
            EXPECT_EQ(read(written + " 2012"), Lines{month(starts, last, written + " 2012")});
        }
    }
    EXPECT_EQ(read("Sept 2012"), Lines{month("2012-09-01", "2012-09-30", "Sept 2012")});
    EXPECT_EQ(read("Sept. 2012"), Lines{month("2012-09-01", "2012-09-30", "Sept. 2012")});
    EXPECT_EQ(read("MARCH 2012"), Lines{month("2012-03-01", "2012-03-31", "MARCH 2012")});
    EXPECT_EQ(read("sEp 2012"), Lines{month("2012-09-01", "2012-09-30", "sEp 2012")});
}

TEST(TimescaleGrammar, FebruaryEndsOnTheLeapDay) {
    EXPECT_EQ(read("February 2012"), Lines{month("2012-02-01", "2012-02-29", "February 2012")});
    EXPECT_EQ(read("February 2011"), Lines{month("2011-02-01", "2011-02-28", "February 2011")});
    EXPECT_EQ(read("February 2000"), Lines{month("2000-02-01", "2000-02-29", "February 2000")});
    EXPECT_EQ(read("February 2100"), Lines{month("2100-02-01", "2100-02-28", "February 2100")});
    EXPECT_EQ(read("29 February 2012"), Lines{"date 2012-02-29..2012-02-29 [29 February 2012]"});
}

TEST(TimescaleGrammar, AMonthInSeveralYears) {
    EXPECT_EQ(read("October 2011 and 2012"), (Lines{month("2011-10-01", "2011-10-31", "October 2011"),
                                                     month("2012-10-01", "2012-10-31", "October 2012")}));
    EXPECT_EQ(read("March 2012, 2013 & 2014"), (Lines{month("2012-03-01", "2012-03-31", "March 2012"),
                                                       month("2013-03-01", "2013-03-31", "March 2013"),
                                                       month("2014-03-01", "2014-03-31", "March 2014")}));
    // A number that is not a year does not continue the list.
    EXPECT_EQ(read("March 2012 and 14 partners"), Lines{month("2012-03-01", "2012-03-31", "March 2012")});
}

TEST(TimescaleGrammar, AMonthNeedsAYear) {
    EXPECT_EQ(refusal("By March"), Lines{std::string(no_entry)});
    EXPECT_EQ(refusal("May be reviewed in 2012"), Lines{std::string(no_entry)});
    EXPECT_EQ(refusal("Within 4 months"), Lines{std::string(no_entry)});
}

TEST(TimescaleGrammar, CalendarQuarters) {
    EXPECT_EQ(read("Q1 2012"), Lines{"quarter 2012-01-01..2012-03-31 [Q1 2012]"});
    EXPECT_EQ(read("Q2 2012"), Lines{"quarter 2012-04-01..2012-06-30 [Q2 2012]"});
    EXPECT_EQ(read("q3 2012"), Lines{"quarter 2012-07-01..2012-09-30 [q3 2012]"});
    EXPECT_EQ(read("Q4 2012"), Lines{"quarter 2012-10-01..2012-12-31 [Q4 2012]"});
    EXPECT_EQ(read("Quarter 2 2012"), Lines{"quarter 2012-04-01..2012-06-30 [Quarter 2 2012]"});
}

TEST(TimescaleGrammar, QuartersOfTheReportingYear) {
    EXPECT_EQ(read("Q1 2011/12"), Lines{"quarter 2011-10-01..2011-12-31 [Q1 2011/12]"});
    EXPECT_EQ(read("Q2 2011/12"), Lines{"quarter 2012-01-01..2012-03-31 [Q2 2011/12]"});
    EXPECT_EQ(read("Q3 2011/12"), Lines{"quarter 2012-04-01..2012-06-30 [Q3 2011/12]"});
    EXPECT_EQ(read("Q4 2011/12"), Lines{"quarter 2012-07-01..2012-09-30 [Q4 2011/12]"});
    EXPECT_EQ(read("Q1 2011-12"), Lines{"quarter 2011-10-01..2011-12-31 [Q1 2011-12]"});
    EXPECT_EQ(read("Q1 2011/2012"), Lines{"quarter 2011-10-01..2011-12-31 [Q1 2011/2012]"});
    EXPECT_EQ(read("Quarter 2 2011/12"), Lines{"quarter 2012-01-01..2012-03-31 [Quarter 2 2011/12]"});
    EXPECT_EQ(read("Q4 1999/00"), Lines{"quarter 2000-07-01..2000-09-30 [Q4 1999/00]"});
    // The year the plan's reporting year starts in sets the months.
    EXPECT_EQ(read("Q1 2011/12", 4), Lines{"quarter 2011-04-01..2011-06-30 [Q1 2011/12]"});
    EXPECT_EQ(read("Q4 2011/12", 4), Lines{"quarter 2012-01-01..2012-03-31 [Q4 2011/12]"});
    EXPECT_EQ(read("Q1 2011/12", 11), Lines{"quarter 2011-11-01..2012-01-31 [Q1 2011/12]"});
}

TEST(TimescaleGrammar, QuartersThatDoNotExist) {
    EXPECT_EQ(refusal("Q5 2012"), Lines{"\"Q5 2012\" in the timescale is not a quarter (Q1 to Q4)"});
    EXPECT_EQ(refusal("Quarter 0 2011/12"), Lines{"\"Quarter 0 2011/12\" in the timescale is not a quarter (Q1 to Q4)"});
    EXPECT_EQ(refusal("Q1 2011/13"), Lines{"\"Q1 2011/13\" in the timescale is not a quarter of a year like 2011/12"});
    EXPECT_EQ(refusal("Q1 2012/11"), Lines{"\"Q1 2012/11\" in the timescale is not a quarter of a year like 2011/12"});
}

TEST(TimescaleGrammar, OngoingAnywhereInAnyCase) {
    for (const char* text : {"ONGOING", "ongoing", "On-going", "Work is ongoing", "on going"}) {
        auto lines = read(text);
        ASSERT_EQ(lines.size(), 1U) << text;
        EXPECT_EQ(lines[0].substr(0, 8), "ongoing ") << text;
    }
    // Said twice, it is still one entry.
    EXPECT_EQ(read("Ongoing; monitoring ongoing"), Lines{"ongoing [Ongoing]"});
}

TEST(TimescaleGrammar, HowOften) {
    EXPECT_EQ(read("Monthly"), Lines{"recurrence monthly [Monthly]"});
    EXPECT_EQ(read("Quarterly reports"), Lines{"recurrence quarterly [Quarterly]"});
    for (const char* annual : {"Annual", "annually", "Yearly", "Annual report", "annual rolling programme"}) {
        auto lines = read(annual);
        ASSERT_EQ(lines.size(), 1U) << annual;
        EXPECT_EQ(lines[0].substr(0, 18), "recurrence annual ") << annual;
    }
    for (const char* twice : {"Biannual", "bi-annual", "Bi annual", "biannual basis", "Bi-annually", "twice a year",
                              "Six-monthly", "six monthly", "6-monthly", "6 monthly", "Half yearly",
                              "every six months"}) {
        auto lines = read(twice);
        ASSERT_EQ(lines.size(), 1U) << twice;
        EXPECT_EQ(lines[0].substr(0, 20), "recurrence biannual ") << twice;
    }
    EXPECT_EQ(read("Bi annual"), Lines{"recurrence biannual [Bi annual]"});
    EXPECT_EQ(read("biannual basis"), Lines{"recurrence biannual [biannual]"});
}

TEST(TimescaleGrammar, OneEntryForEachWordLeftToRight) {
    EXPECT_EQ(read("Quarterly to the sub-group and annually to the Board"),
              (Lines{"recurrence quarterly [Quarterly]", "recurrence annual [annually]"}));
    EXPECT_EQ(read("Monthly, then ongoing from April 2012"),
              (Lines{"recurrence monthly [Monthly]", "ongoing [ongoing]",
                     month("2012-04-01", "2012-04-30", "April 2012", true)}));
    EXPECT_EQ(read("31 March 2012 and Q2 2012/13 then June 2013"),
              (Lines{"date 2012-03-31..2012-03-31 [31 March 2012]", "quarter 2013-01-01..2013-03-31 [Q2 2012/13]",
                     month("2013-06-01", "2013-06-30", "June 2013")}));
}

TEST(TimescaleGrammar, ByIsDueFromAndStartingAreNot) {
    EXPECT_EQ(read("by March 2012"), Lines{month("2012-03-01", "2012-03-31", "March 2012")});
    EXPECT_EQ(read("From April 2012"), Lines{month("2012-04-01", "2012-04-30", "April 2012", true)});
    EXPECT_EQ(read("Starting April 2012"), Lines{month("2012-04-01", "2012-04-30", "April 2012", true)});
    EXPECT_EQ(read("starting in April 2012"), Lines{month("2012-04-01", "2012-04-30", "April 2012", true)});
    EXPECT_EQ(read("from 1 April 2012"), Lines{"date 2012-04-01..2012-04-01 from [1 April 2012]"});
    EXPECT_EQ(read("from Q1 2012/13"), Lines{"quarter 2012-10-01..2012-12-31 from [Q1 2012/13]"});
    EXPECT_EQ(read("From October 2011 and 2012"),
              (Lines{month("2011-10-01", "2011-10-31", "October 2011", true),
                     month("2012-10-01", "2012-10-31", "October 2012", true)}));
    // The qualifier is for the words right after it only.
    EXPECT_EQ(read("From the review, report March 2012"), Lines{month("2012-03-01", "2012-03-31", "March 2012")});
    EXPECT_EQ(read("From July 2010 to March 2011"), (Lines{month("2010-07-01", "2010-07-31", "July 2010", true),
                                                            month("2011-03-01", "2011-03-31", "March 2011")}));
}

TEST(TimescaleGrammar, DatesThatDoNotExistAreRefused) {
    EXPECT_EQ(refusal("31/02/2012"), Lines{"\"31/02/2012\" in the timescale is not a real date"});
    EXPECT_EQ(refusal("2012-02-30"), Lines{"\"2012-02-30\" in the timescale is not a real date"});
    EXPECT_EQ(refusal("29 February 2011"), Lines{"\"29 February 2011\" in the timescale is not a real date"});
    EXPECT_EQ(refusal("31 April 2012"), Lines{"\"31 April 2012\" in the timescale is not a real date"});
    EXPECT_EQ(refusal("32 March 2012"), Lines{"\"32 March 2012\" in the timescale is not a real date"});
    EXPECT_EQ(refusal("12/13/2012"), Lines{"\"12/13/2012\" in the timescale is not a real date"});
    EXPECT_EQ(refusal("0 March 2012"), Lines{"\"0 March 2012\" in the timescale is not a real date"});
    // Every bad date is named, even beside good entries.
    EXPECT_EQ(refusal("Ongoing; review 31/02/2012 and 30/02/2013"),
              (Lines{"\"31/02/2012\" in the timescale is not a real date",
                     "\"30/02/2013\" in the timescale is not a real date"}));
}

TEST(TimescaleGrammar, TextWithoutAnEntryIsRefused) {
    for (const char* text : {"As soon as possible", "TBC", "2012", "Q1", "2011/12", "n/a", "-"}) {
        EXPECT_EQ(refusal(text), Lines{std::string(no_entry)}) << text;
    }
}

// ---- Due dates and words for a page ----------------------------------------

TEST(TimescaleEntry, DatedEntriesFallDueOnTheirLastDay) {
    auto timescale = parse_timescale(
        "31 March 2012; April 2012; Q1 2011/12; from May 2012; Ongoing; Quarterly", october);
    ASSERT_TRUE(timescale);
    ASSERT_EQ(timescale->entries.size(), 6U);
    EXPECT_EQ(timescale->entries[0].due_on(), "2012-03-31");
    EXPECT_EQ(timescale->entries[1].due_on(), "2012-04-30");
    EXPECT_EQ(timescale->entries[2].due_on(), "2011-12-31");
    EXPECT_FALSE(timescale->entries[3].due_on());
    EXPECT_FALSE(timescale->entries[4].due_on());
    EXPECT_FALSE(timescale->entries[5].due_on());
}

TEST(TimescaleEntry, DescribesEachEntryForAPage) {
    auto described = [](std::string_view text, int year_starts_month = october) {
        auto timescale = parse_timescale(text, year_starts_month);
        Lines words;
        if (timescale) {
            for (const auto& entry : timescale->entries) words.push_back(describe(entry));
        }
        return words;
    };
    EXPECT_EQ(described("apr 2012"), Lines{"April 2012"});
    EXPECT_EQ(described("Sept 2012"), Lines{"September 2012"});
    EXPECT_EQ(described("31/03/2012"), Lines{"31 March 2012"});
    EXPECT_EQ(described("2012-04-01"), Lines{"1 April 2012"});
    EXPECT_EQ(described("Q1 2011/12"), Lines{"Q1 2011/12 (October to December 2011)"});
    EXPECT_EQ(described("Q1 2011/12", 11), Lines{"Q1 2011/12 (November 2011 to January 2012)"});
    EXPECT_EQ(described("Q1 2012"), Lines{"Q1 2012 (January to March 2012)"});
    EXPECT_EQ(described("ongoing"), Lines{"Ongoing"});
    EXPECT_EQ(described("quarterly"), Lines{"Quarterly"});
    EXPECT_EQ(described("monthly and annual rolling programme"), (Lines{"Monthly", "Annually"}));
    EXPECT_EQ(described("Bi annual"), Lines{"Twice a year"});
    EXPECT_EQ(described("Implementation from July 2010"), Lines{"From July 2010"});
    EXPECT_EQ(described("from 1 April 2012"), Lines{"From 1 April 2012"});
}

TEST(TimescaleEntry, KindsAndRecurrencesHaveStableCodes) {
    EXPECT_EQ(codes_list<TimescaleKind>(), "date, month, quarter, ongoing, recurrence");
    EXPECT_EQ(codes_list<Recurrence>(), "monthly, quarterly, biannual, annual");
    EXPECT_EQ(parse_term<TimescaleKind>("quarter"), TimescaleKind::quarter);
    EXPECT_EQ(parse_term<Recurrence>("biannual"), Recurrence::biannual);
    EXPECT_EQ(parse_term<Recurrence>("Twice a year"), Recurrence::biannual);
    EXPECT_FALSE(parse_term<Recurrence>("fortnightly"));
}

// The store keeps each entry's fields and reads back an equal entry.
TEST(TimescaleEntry, EntriesCompareByEveryField) {
    auto first = parse_timescale("April 2012", october);
    auto again = parse_timescale("April 2012", october);
    auto from = parse_timescale("from April 2012", october);
    ASSERT_TRUE(first && again && from);
    EXPECT_EQ(*first, *again);
    EXPECT_NE(first->entries, from->entries);
}

}  // namespace
}  // namespace safeboard::plans
