// The letters after a meeting, drafted from plain records (no database):
// which agencies get one and who in each, what each says, the response and
// its dates, and the same letter as a PDF and as a page.
#include <gtest/gtest.h>

#include <algorithm>

#include "modules/meetings/letters.hpp"
#include "platform/pdf/poppler.hpp"
#include "platform/pdf/write.hpp"

namespace safeboard::meetings {
namespace {

using register_::Membership;
using register_::SeatRole;

constexpr std::int64_t police = 10;
constexpr std::int64_t probation = 11;
constexpr std::int64_t youth_council = 12;
constexpr std::int64_t council = 13;

Membership seat(std::int64_t id, std::string title, SeatRole role, std::optional<std::int64_t> organisation,
                std::string organisation_name, std::optional<std::int64_t> person = {}, std::string person_name = {}) {
    Membership m;
    m.id = id;
    m.body_id = 1;
    m.seat_title = std::move(title);
    m.role = role;
    m.organisation_id = organisation;
    m.organisation_name = std::move(organisation_name);
    m.person_id = person;
    m.person_name = std::move(person_name);
    return m;
}

// A Board like Southend's: a chair with no agency, two police seats, a lay
// member and an observer for organisations, a vacancy and a seat that ended.
std::vector<Membership> board() {
    auto ended = seat(7, "Assistant Chief Officer (former)", SeatRole::member, probation, "Essex Probation Service");
    ended.ends_on = "2011-06-30";
    auto vacant = seat(8, "Special Schools Representative", SeatRole::member, std::nullopt, "");
    vacant.vacancy = "To be identified";
    return {seat(1, "Independent Chair", SeatRole::chair, std::nullopt, "", 100, "Christine Doorly"),
            seat(2, "Chief Inspector, Southend Police Station", SeatRole::member, police, "Essex Police"),
            seat(3, "Head of CAIU", SeatRole::member, police, "Essex Police", 101, "Pat Jones"),
            seat(4, "Assistant Chief Officer", SeatRole::member, probation, "Essex Probation Service"),
            seat(5, "Youth Lay Member", SeatRole::lay_member, youth_council, "Southend Youth Council"),
            seat(6, "Lead Member", SeatRole::observer, council, "Southend Borough Council"),
            ended,
            vacant};
}

plans::Action action(std::int64_t id, std::string number, std::string title, std::string target,
                     std::vector<plans::Party> responsible, std::string responsibility) {
    plans::Action a;
    a.id = id;
    a.meeting_id = 50;
    a.number = std::move(number);
    a.title = std::move(title);
    a.target_date = std::move(target);
    a.responsible = std::move(responsible);
    a.responsibility = std::move(responsibility);
    return a;
}

LetterFacts facts() {
    LetterFacts f;
    f.meeting.id = 50;
    f.meeting.body_id = 1;
    f.meeting.body_name = "Southend LSCB Overarching Board";
    f.meeting.starts_at = "2011-11-17T14:00";
    f.meeting.ends_at = "2011-11-17T16:30";
    f.meeting.status = MeetingStatus::held;
    AgendaItem pis;
    pis.title = "Monitor Key PIs";
    pis.decision = "The Board noted the indicators\nand asked for a report on\tre-referrals.";
    AgendaItem carried;
    carried.title = "Section 11 audit";
    carried.taken = false;
    AgendaItem summary;
    summary.title = "Executive Summary Report";
    f.agenda = {pis, carried, summary};
    f.actions = {action(1, "1", "Review the referral pathway", "2012-01-31",
                        {{plans::PartyKind::organisation, police, "Essex Police"}}, "Essex Police"),
                 action(2, "2", "Report on missing children", "2012-03-01",
                        {{plans::PartyKind::person, 200, "Sam Smith"}}, "Sam Smith"),
                 action(3, "3", "Circulate the minutes", "2011-12-01",
                        {{plans::PartyKind::body, 1, "Southend LSCB Overarching Board"}}, "The Board")};
    register_::Person sam;
    sam.id = 200;
    sam.organisation_id = probation;
    f.people = person_organisations({sam}, board(), "2011-11-17");
    f.chair = board().front();
    return f;
}

const MemberAgency& agency(const std::vector<MemberAgency>& agencies, std::int64_t id) {
    return *std::find_if(agencies.begin(), agencies.end(), [&](const MemberAgency& a) { return a.organisation_id == id; });
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(Letters, GoToEachAgencySeatedAsAMemberOnTheDayOnce) {
    auto agencies = member_agencies(board(), "2011-11-17");
    ASSERT_EQ(agencies.size(), 2u);  // not the lay member's, the observer's, the vacancy or the chair
    EXPECT_EQ(agencies[0].name, "Essex Police");
    EXPECT_EQ(agencies[0].seats.size(), 2u);
    EXPECT_EQ(agencies[1].name, "Essex Probation Service");
    EXPECT_EQ(agencies[1].seats.size(), 1u);  // the seat that ended in June is history
    // The officer the register names is the one written to.
    EXPECT_EQ(recipient_seat(agencies[0]).seat_title, "Head of CAIU");
    EXPECT_EQ(recipient_seat(agencies[1]).seat_title, "Assistant Chief Officer");
    EXPECT_EQ(member_agencies(board(), "2011-06-01").at(1).seats.size(), 2u);
}

TEST(Letters, AnActionFallsToTheAgencyItNamesOrWhosePersonItNames) {
    auto f = facts();
    EXPECT_TRUE(falls_to(f.actions[0], police, f.people));
    EXPECT_FALSE(falls_to(f.actions[0], probation, f.people));
    EXPECT_TRUE(falls_to(f.actions[1], probation, f.people));  // Sam Smith works for probation
    EXPECT_FALSE(falls_to(f.actions[2], police, f.people));    // the Board itself is nobody's agency
    // Holding an agency's seat makes its holder answer for the agency too.
    auto seats = board();
    register_::Person pat;
    pat.id = 101;
    auto people = person_organisations({pat}, seats, "2011-11-17");
    auto pats = action(4, "4", "Train the CAIU", "2012-02-01", {{plans::PartyKind::person, 101, "Pat Jones"}}, "");
    EXPECT_TRUE(falls_to(pats, police, people));
    // Someone of no agency and with no seat is nobody's.
    register_::Person lee;
    lee.id = 300;
    auto lees = action(5, "5", "Write the newsletter", "2012-02-01", {{plans::PartyKind::person, 300, "Lee"}}, "");
    EXPECT_FALSE(falls_to(lees, police, person_organisations({lee}, seats, "2011-11-17")));
}

TEST(Letters, DatesAreCountedAcrossMonthsAndYears) {
    EXPECT_EQ(days_after("2011-11-17", default_response_days), "2011-12-15");
    EXPECT_EQ(days_after("2011-12-20", 28), "2012-01-17");
    EXPECT_EQ(days_after("2012-02-28", 1), "2012-02-29");
    EXPECT_EQ(days_after("2012-03-01", -1), "2012-02-29");
}

TEST(Letters, SayTheKeyIssuesTheDecisionsAndTheAgencysOwnActions) {
    auto f = facts();
    auto agencies = member_agencies(board(), "2011-11-17");
    auto letter = draft_letter(f, agency(agencies, police), "2011-12-15");
    const auto& text = letter.text;
    EXPECT_EQ(letter.meeting_id, 50);
    EXPECT_EQ(letter.organisation_id, police);
    EXPECT_EQ(letter.recipient_membership_id, 3);
    EXPECT_EQ(letter.recipient_person_id, 101);
    EXPECT_EQ(letter.response_due_on, "2011-12-15");
    EXPECT_FALSE(letter.sent_on);
    EXPECT_TRUE(has(text, "Dear Pat Jones,")) << text;
    EXPECT_TRUE(has(text, "Southend LSCB Overarching Board meeting, Thursday 17 November 2011")) << text;
    EXPECT_TRUE(has(text, "- Monitor Key PIs\n- Executive Summary Report\n")) << text;  // the item not taken is no key issue
    EXPECT_FALSE(has(text, "Section 11 audit")) << text;
    EXPECT_TRUE(has(text, "- Monitor Key PIs: The Board noted the indicators and asked for a report on re-referrals.\n"))
        << text;
    EXPECT_TRUE(has(text, "Actions for Essex Police\n")) << text;
    EXPECT_TRUE(has(text, "- 1. Review the referral pathway (Essex Police), by Tuesday 31 January 2012")) << text;
    EXPECT_FALSE(has(text, "missing children")) << text;
    EXPECT_FALSE(has(text, "Circulate the minutes")) << text;
    EXPECT_TRUE(has(text, "Please reply by Thursday 15 December 2011, saying how Essex Police will take forward"))
        << text;
    EXPECT_TRUE(has(text, "Copy to: Chief Inspector, Southend Police Station")) << text;
    EXPECT_TRUE(has(text, "Christine Doorly\nIndependent Chair, Southend LSCB Overarching Board")) << text;

    auto probation_letter = draft_letter(f, agency(agencies, probation), "2011-12-15");
    EXPECT_TRUE(has(probation_letter.text, "Dear Assistant Chief Officer,")) << probation_letter.text;
    EXPECT_TRUE(has(probation_letter.text, "- 2. Report on missing children (Sam Smith), by Thursday 1 March 2012"));
    EXPECT_FALSE(has(probation_letter.text, "referral pathway"));
    EXPECT_FALSE(has(probation_letter.text, "Copy to"));
    EXPECT_EQ(probation_letter.recipient_name, "Assistant Chief Officer");
}

TEST(Letters, AnAgencyWithNoActionsIsAskedOnlyToNoteTheDecisions) {
    auto f = facts();
    f.actions.clear();
    f.agenda[0].decision.clear();
    f.chair.reset();
    auto letter = draft_letter(f, member_agencies(board(), "2011-11-17").at(1), "2012-01-05");
    EXPECT_TRUE(has(letter.text, "No decisions were recorded.")) << letter.text;
    EXPECT_TRUE(has(letter.text, "No actions arising fall to Essex Probation Service.")) << letter.text;
    EXPECT_TRUE(has(letter.text, "Please reply by Thursday 5 January 2012, confirming that Essex Probation Service "
                                 "has noted the decisions above."))
        << letter.text;
    EXPECT_TRUE(has(letter.text, "Chair\nSouthend LSCB Overarching Board")) << letter.text;
}

TEST(Letters, TheTextReadsBackAsHeadingsParagraphsAndLists) {
    auto f = facts();
    auto letter = draft_letter(f, member_agencies(board(), "2011-11-17").at(0), "2011-12-15");
    auto blocks = letter_blocks(letter.text);
    ASSERT_GE(blocks.size(), 10u);
    const auto& address = std::get<pdf::Paragraph>(blocks[0]);
    EXPECT_EQ(address.text, "Pat Jones\nHead of CAIU\nEssex Police");
    EXPECT_EQ(std::get<pdf::Paragraph>(blocks[1]).text, "Dear Pat Jones,");
    const auto& subject = std::get<pdf::Heading>(blocks[2]);
    EXPECT_EQ(subject.level, 2);
    EXPECT_EQ(subject.text, "Southend LSCB Overarching Board meeting, Thursday 17 November 2011");
    const auto& issues = std::get<pdf::Heading>(blocks[4]);
    EXPECT_EQ(issues.level, 3);
    EXPECT_EQ(issues.text, "Key issues");
    EXPECT_EQ(std::get<pdf::BulletList>(blocks[5]).items,
              (std::vector<std::string>{"Monitor Key PIs", "Executive Summary Report"}));
    // A hand-made text reads the same way, Windows line ends and all.
    auto read = letter_blocks("Title\r\n=====\r\n\r\n\r\nOne\r\ntwo\r\n\r\n- a\r\n- b\r\n- not\r\nlisted");
    ASSERT_EQ(read.size(), 3u);
    EXPECT_EQ(std::get<pdf::Heading>(read[0]).text, "Title");
    EXPECT_EQ(std::get<pdf::Paragraph>(read[1]).text, "One\ntwo");
    EXPECT_EQ(std::get<pdf::Paragraph>(read[2]).text, "- a\n- b\n- not\nlisted");
}

TEST(Letters, ThePdfCarriesTheLetterheadTheLetterAndWhetherItWasSent) {
    auto f = facts();
    auto letter = draft_letter(f, member_agencies(board(), "2011-11-17").at(0), "2011-12-15");
    letter.organisation_name = "Essex Police";
    auto document = letter_document(letter, f.meeting);
    EXPECT_EQ(document.letterhead, "Southend LSCB Overarching Board");
    EXPECT_EQ(std::get<pdf::Paragraph>(document.blocks.at(0)).text, "Draft: not yet sent");
    auto bytes = pdf::write_pdf(document);
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_TRUE(bytes->starts_with("%PDF-"));
    auto text = pdf::testing::flat_text(*bytes);
    for (const char* part : {"Southend LSCB Overarching Board", "Dear Pat Jones,", "Actions for Essex Police",
                             "Review the referral pathway (Essex Police), by Tuesday 31 January 2012"}) {
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
    }
    EXPECT_EQ(pdf::testing::info(*bytes, "Title"),
              "Letter to Essex Police after the Southend LSCB Overarching Board meeting of Thursday 17 November 2011");
    letter.sent_on = "2011-11-24";
    EXPECT_EQ(std::get<pdf::Paragraph>(letter_document(letter, f.meeting).blocks.at(0)).text,
              "Sent on Thursday 24 November 2011");
}

TEST(Letters, ThePageEscapesEveryText) {
    auto f = facts();
    f.meeting.body_name = "Board <script>alert(1)</script>";
    f.agenda[2].title = "Q&A with \"Ofsted\" <b>now</b>";
    auto letter = draft_letter(f, member_agencies(board(), "2011-11-17").at(0), "2011-12-15");
    auto html = letter_html(letter, f.meeting);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_FALSE(has(html, "<script>"));
    EXPECT_FALSE(has(html, "<b>now"));
    EXPECT_TRUE(has(html, "<li>Q&amp;A with &quot;Ofsted&quot; &lt;b&gt;now&lt;/b&gt;</li>")) << html;
    EXPECT_TRUE(has(html, "<h2>Key issues</h2>")) << html;
    EXPECT_TRUE(has(html, "<p>Pat Jones<br>\nHead of CAIU<br>\nEssex Police</p>")) << html;
}

std::vector<std::string> fields_named(const Error& error) {
    std::vector<std::string> names;
    for (const auto& e : error.fields) names.push_back(e.field);
    return names;
}

TEST(Letters, ChangesKeepWhatIsNotGivenAndNameEachMistake) {
    Letter base;
    base.id = 9;
    base.response_due_on = "2011-12-15";
    auto sent = letter_changes({{"sent_on", "24/11/2011"}}, base, "2011-11-17", "2012-01-10");
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->sent_on, "2011-11-24");
    EXPECT_EQ(sent->response_due_on, "2011-12-15");
    EXPECT_FALSE(response_overdue(*sent, "2011-12-15"));
    EXPECT_TRUE(response_overdue(*sent, "2011-12-16"));
    EXPECT_FALSE(response_overdue(base, "2012-12-16"));  // a draft is owed nothing

    auto answered = letter_changes({{"response_received_on", "2011-12-20"}, {"response", "Done."}}, *sent,
                                   "2011-11-17", "2012-01-10");
    ASSERT_TRUE(answered);
    EXPECT_FALSE(response_overdue(*answered, "2012-01-01"));
    auto cleared = letter_changes({{"response_received_on", ""}, {"response", ""}}, *answered, "2011-11-17",
                                  "2012-01-10");
    ASSERT_TRUE(cleared);
    EXPECT_FALSE(cleared->response_received_on);

    auto bad = letter_changes({{"sent_on", "2011-11-31"}, {"response_due_on", "soon"}, {"response_received_on", "x"}},
                              base, "2011-11-17", "2012-01-10");
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_named(bad.error()), (std::vector<std::string>{"sent_on", "response_due_on", "response_received_on"}));
    auto early = letter_changes({{"sent_on", "2011-11-16"}, {"response_due_on", "2011-11-15"}}, base, "2011-11-17",
                                "2012-01-10");
    ASSERT_FALSE(early);
    EXPECT_EQ(fields_named(early.error()), (std::vector<std::string>{"sent_on", "response_due_on"}));
    auto unsent = letter_changes({{"response", "We agree."}, {"response_received_on", "2011-12-01"}}, base,
                                 "2011-11-17", "2012-01-10");
    ASSERT_FALSE(unsent);
    EXPECT_EQ(fields_named(unsent.error()), (std::vector<std::string>{"response_received_on"}));
    auto future = letter_changes({{"sent_on", "2012-01-11"}, {"response_due_on", "2012-02-08"}}, base, "2011-11-17",
                                 "2012-01-10");
    ASSERT_FALSE(future);
    EXPECT_EQ(fields_named(future.error()), (std::vector<std::string>{"sent_on"}));
    auto wordless = letter_changes({{"response", "We agree."}}, *sent, "2011-11-17", "2012-01-10");
    ASSERT_FALSE(wordless);
    EXPECT_EQ(fields_named(wordless.error()), (std::vector<std::string>{"response_received_on"}));
}

}  // namespace
}  // namespace safeboard::meetings
