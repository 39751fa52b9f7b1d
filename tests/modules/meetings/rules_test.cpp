// The meetings rules that need no database: reading fields into records with
// every error named by its field, the iCalendar sequence, months and
// reporting years, making an agenda from the forward plan and carrying
// forward what a meeting did not take.
#include <gtest/gtest.h>

#include <algorithm>

#include "field_names.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/vocabulary.hpp"

namespace safeboard::meetings {
namespace {

bool names(const Error& error, const std::string& field) {
    auto all = fields_named(error);
    return std::find(all.begin(), all.end(), field) != all.end();
}

Meeting base_meeting() {
    Meeting m;
    m.id = 7;
    m.body_id = 3;
    m.uid = "abc@safeboard";
    m.sequence = 2;
    return m;
}

// ---- meetings ------------------------------------------------------------------------------

TEST(MeetingRules, ReadsAMeetingAndKeepsWhatTheFieldsDoNotSay) {
    auto m = meeting_from({{"starts_at", "2011-11-17T14:00"},
                           {"ends_at", "2011-11-17 16:30"},
                           {"place", "Civic Centre, Victoria Avenue, Southend-on-Sea"},
                           {"status", "Held"}},
                          base_meeting(), "2026-01-01");
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_EQ(m->starts_at, "2011-11-17T14:00");
    EXPECT_EQ(m->ends_at, "2011-11-17T16:30");
    EXPECT_EQ(m->status, MeetingStatus::held);
    EXPECT_EQ(m->uid, "abc@safeboard");
    EXPECT_EQ(m->sequence, 2);
    EXPECT_EQ(m->body_id, 3);
}

TEST(MeetingRules, AFormGivesTheDateAndTimesApart) {
    auto m = meeting_from({{"date", "17/11/2011"}, {"start_time", "14:00"}, {"end_time", "16:30"}}, base_meeting(),
                          "2026-01-01");
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_EQ(m->starts_at, "2011-11-17T14:00");
    EXPECT_EQ(m->ends_at, "2011-11-17T16:30");
    EXPECT_EQ(m->status, MeetingStatus::planned);

    auto bad = meeting_from({{"date", "31/11/2011"}, {"start_time", "25:00"}}, base_meeting(), "2026-01-01");
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_named(bad.error()), (std::vector<std::string>{"date", "start_time", "end_time"}));
}

TEST(MeetingRules, EveryProblemIsNamedByItsField) {
    auto m = meeting_from({{"starts_at", "2011-11-17T16:30"},
                           {"ends_at", "2011-11-17T14:00"},
                           {"online_url", "teams meeting"},
                           {"status", "postponed"},
                           {"title", std::string(201, 'x')}},
                          base_meeting(), "2026-01-01");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().kind, ErrorKind::validation);
    for (const auto* field : {"ends_at", "online_url", "status", "title"})
        EXPECT_TRUE(names(m.error(), field)) << field;

    auto empty = meeting_from({}, base_meeting(), "2026-01-01");
    ASSERT_FALSE(empty);
    EXPECT_EQ(fields_named(empty.error()), (std::vector<std::string>{"starts_at", "ends_at"}));
}

TEST(MeetingRules, AConfirmedMeetingNeedsAPlaceAndAHeldOneMustHaveHappened) {
    Fields f{{"starts_at", "2012-11-15T14:00"}, {"ends_at", "2012-11-15T16:30"}, {"status", "confirmed"}};
    auto confirmed = meeting_from(f, base_meeting(), "2012-11-01");
    ASSERT_FALSE(confirmed);
    EXPECT_EQ(fields_named(confirmed.error()), std::vector<std::string>{"place"});
    f["online_url"] = "https://meet.example.org/lscb";
    EXPECT_TRUE(meeting_from(f, base_meeting(), "2012-11-01"));

    f["status"] = "held";
    auto early = meeting_from(f, base_meeting(), "2012-11-14");
    ASSERT_FALSE(early);
    EXPECT_EQ(fields_named(early.error()), std::vector<std::string>{"status"});
    EXPECT_TRUE(meeting_from(f, base_meeting(), "2012-11-15"));
}

TEST(MeetingSequence, ATimePlaceStatusOrTitleChangeIsOneACalendarMustHear) {
    auto before = base_meeting();
    before.starts_at = "2011-11-17T14:00";
    before.ends_at = "2011-11-17T16:30";
    auto after = before;
    after.notes = "Papers to follow";
    EXPECT_FALSE(changes_sequence(before, after));
    EXPECT_EQ(next_sequence(before, after), 2);
    after.starts_at = "2011-11-17T14:30";
    EXPECT_EQ(next_sequence(before, after), 3);
    for (auto change : std::vector<void (*)(Meeting&)>{
             [](Meeting& m) { m.ends_at = "2011-11-17T17:00"; }, [](Meeting& m) { m.place = "Tickfield Centre"; },
             [](Meeting& m) { m.online_url = "https://meet.example.org/x"; },
             [](Meeting& m) { m.status = MeetingStatus::cancelled; }, [](Meeting& m) { m.title = "Extraordinary"; }}) {
        auto changed = before;
        change(changed);
        EXPECT_TRUE(changes_sequence(before, changed));
    }
}

// ---- months and reporting years -------------------------------------------------------------

TEST(ForwardPlanRules, ReadsAForwardPlansMonthHeadings) {
    EXPECT_EQ(parse_month("November 11"), "2011-11");
    EXPECT_EQ(parse_month("March 12"), "2012-03");
    EXPECT_EQ(parse_month("Oct 2011"), "2011-10");
    EXPECT_EQ(parse_month("Sept 2012"), "2012-09");
    EXPECT_EQ(parse_month("2012-07"), "2012-07");
    EXPECT_FALSE(parse_month("2012-13"));
    EXPECT_FALSE(parse_month("Smarch 2012"));
    EXPECT_FALSE(parse_month(""));
    EXPECT_EQ(month_after("2011-12"), "2012-01");
    EXPECT_EQ(month_label("2011-11"), "November 2011");
}

TEST(ForwardPlanRules, AReportingYearRunsFromItsFirstMonth) {
    auto southend = reporting_year(2011, 10);
    EXPECT_EQ(southend.first_month, "2011-10");
    EXPECT_EQ(southend.last_month, "2012-09");
    EXPECT_EQ(southend.label, "2011/12");
    EXPECT_EQ(reporting_year_holding("2012-09", 10).first_year, 2011);
    EXPECT_EQ(reporting_year_holding("2012-10", 10).first_year, 2012);
    EXPECT_EQ(reporting_year(2012, 4).last_month, "2013-03");
    EXPECT_EQ(reporting_year(2012, 1).label, "2012");
    EXPECT_EQ(reporting_year(2012, 1).last_month, "2012-12");
    EXPECT_EQ(reporting_year(1999, 4).label, "1999/00");
    EXPECT_EQ(parse_reporting_year("2011/12"), 2011);
    EXPECT_EQ(parse_reporting_year("2011-2012"), 2011);
    EXPECT_EQ(parse_reporting_year("2011"), 2011);
    EXPECT_FALSE(parse_reporting_year("2011/13"));
    EXPECT_FALSE(parse_reporting_year("next year"));
}

// ---- forward plan items and agenda items ----------------------------------------------------

const std::vector<Choice> organisations{{12, "Children and Family Court Advisory and Support Service", "CAFCASS"},
                                        {13, "Essex Police", ""},
                                        {14, "Southend Police", ""}};
const std::vector<Choice> bodies{{5, "LSCB Monitoring Sub Group", "Monitoring SG"}, {6, "LSCB Executive Group", ""}};

TEST(ForwardPlanRules, ReadsAnItemNamingItsAgencyOrSubGroup) {
    ForwardPlanItem base;
    base.body_id = 6;
    auto item = forward_plan_item_from(
        {{"month", "Oct 2011"}, {"kind", "agency_report"}, {"title", "CAFCASS"}, {"organisation", "cafcass"}}, base,
        organisations, bodies);
    ASSERT_TRUE(item) << item.error().message;
    EXPECT_EQ(item->planned_month, "2011-10");
    EXPECT_EQ(item->kind, ItemKind::agency_report);
    EXPECT_EQ(item->organisation_id, 12);
    EXPECT_EQ(item->status, ItemStatus::planned);

    auto report = forward_plan_item_from({{"month", "2011-10"},
                                          {"kind", "Sub group report"},
                                          {"title", "Monitoring SG"},
                                          {"subject_body", "Monitoring SG"}},
                                         base, organisations, bodies);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->subject_body_id, 5);
}

TEST(ForwardPlanRules, EveryProblemIsNamedByItsField) {
    ForwardPlanItem base;
    base.body_id = 6;
    auto item = forward_plan_item_from({{"month", "Octember"},
                                        {"kind", "memo"},
                                        {"organisation", "Essex Fire"},
                                        {"subject_body", "LSCB Executive Group"}},
                                       base, organisations, bodies);
    ASSERT_FALSE(item);
    EXPECT_EQ(fields_named(item.error()),
              (std::vector<std::string>{"month", "kind", "title", "organisation", "subject_body"}));
}

TEST(MeetingAgenda, ReadsAnAgendaItemAndLinksThePresenterByName) {
    AgendaItem base;
    base.meeting_id = 4;
    base.taken = false;
    std::vector<Choice> people{{1, "Christine Doorly", ""}};
    auto item = agenda_item_from({{"title", "Annual Report"},
                                  {"type", "For decision"},
                                  {"presenter", "christine doorly"},
                                  {"link_kind", "plan"},
                                  {"link", "2"}},
                                 base, people);
    ASSERT_TRUE(item) << item.error().message;
    EXPECT_EQ(item->type, AgendaType::decision);
    EXPECT_EQ(item->presenter_person_id, 1);
    EXPECT_EQ(item->link_kind, LinkKind::plan);
    EXPECT_EQ(item->link_id, 2);
    EXPECT_FALSE(item->taken);  // blank keeps what it was

    auto bad = agenda_item_from({{"type", "aside"}, {"link_kind", "action"}, {"taken", "perhaps"}}, base, people);
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_named(bad.error()), (std::vector<std::string>{"title", "type", "link", "taken"}));
    auto unlinked = agenda_item_from({{"title", "AOB"}, {"type", "discussion"}, {"link", "9"}}, base, people);
    ASSERT_FALSE(unlinked);
    EXPECT_EQ(fields_named(unlinked.error()), std::vector<std::string>{"link_kind"});
}

// ---- attendance rows -------------------------------------------------------------------------

std::vector<ExpectedSeat> board_seats() {
    auto seat = [](std::int64_t id, std::string title, std::optional<std::int64_t> organisation, std::string name,
                   std::string short_name) {
        ExpectedSeat s;
        s.membership.id = id;
        s.membership.seat_title = std::move(title);
        s.membership.organisation_id = organisation;
        s.membership.organisation_name = std::move(name);
        s.organisation_short_name = std::move(short_name);
        return s;
    };
    auto chair = seat(1, "Independent Chair", std::nullopt, "", "");
    chair.membership.person_id = 50;
    chair.membership.person_name = "Christine Doorly";
    return {chair, seat(2, "Chief Officer", 12, "Children and Family Court Advisory and Support Service", "CAFCASS"),
            seat(3, "Chief Officer", 19, "Southend Association of Voluntary Services", "SAVS")};
}

TEST(AttendanceRules, FindsTheSeatByTitleOrPersonAndTheOrganisationSaysWhich) {
    auto seats = board_seats();
    auto chair = seat_named({{"seat", "Christine Doorly"}}, seats);
    ASSERT_TRUE(chair);
    EXPECT_EQ((*chair)->membership.id, 1);
    auto cafcass = seat_named({{"seat", "chief officer"}, {"organisation", "CAFCASS"}}, seats);
    ASSERT_TRUE(cafcass);
    EXPECT_EQ((*cafcass)->membership.id, 2);

    auto which = seat_named({{"seat", "Chief Officer"}}, seats);
    ASSERT_FALSE(which);
    EXPECT_EQ(fields_named(which.error()), std::vector<std::string>{"seat"});
    EXPECT_NE(which.error().fields[0].message.find("add the organisation"), std::string::npos);
    auto nobody = seat_named({{"seat", "Chief Constable"}}, seats);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(fields_named(nobody.error()), std::vector<std::string>{"seat"});
    auto elsewhere = seat_named({{"seat", "Chief Officer"}, {"organisation", "Essex Police"}}, seats);
    ASSERT_FALSE(elsewhere);
    EXPECT_EQ(fields_named(elsewhere.error()), std::vector<std::string>{"organisation"});
    auto someone_else = seat_named({{"seat", "Independent Chair"}, {"person", "Another Chair"}}, seats);
    ASSERT_FALSE(someone_else);
    EXPECT_EQ(fields_named(someone_else.error()), std::vector<std::string>{"person"});
}

TEST(AttendanceRules, ASubstituteIsNamedForASubstituteAndOnlyThen) {
    auto seats = board_seats();
    auto sub = attendance_from({{"status", "Substitute"}, {"substitute", "Deputy Chief Officer"}}, seats[1], 9);
    ASSERT_TRUE(sub);
    EXPECT_EQ(sub->status, AttendanceStatus::substitute);
    EXPECT_EQ(sub->membership_id, 2);
    EXPECT_EQ(sub->organisation_id, 12);
    EXPECT_EQ(sub->meeting_id, 9);

    auto unnamed = attendance_from({{"status", "substitute"}}, seats[1], 9);
    ASSERT_FALSE(unnamed);
    EXPECT_EQ(fields_named(unnamed.error()), std::vector<std::string>{"substitute"});
    auto stray = attendance_from({{"status", "present"}, {"substitute", "Someone"}}, seats[1], 9);
    ASSERT_FALSE(stray);
    EXPECT_EQ(fields_named(stray.error()), std::vector<std::string>{"substitute"});
    auto unknown = attendance_from({{"status", "late"}}, seats[1], 9);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(fields_named(unknown.error()), std::vector<std::string>{"status"});
    auto vacant = seats[2];
    vacant.membership.vacancy = "To be identified";
    auto nobody = attendance_from({{"status", "present"}}, vacant, 9);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(fields_named(nobody.error()), std::vector<std::string>{"seat"});
}

// ---- the agenda from the plan, and carrying forward -------------------------------------------

ForwardPlanItem planned(std::int64_t id, const std::string& month, int position, const std::string& title,
                        ItemKind kind = ItemKind::report) {
    ForwardPlanItem item;
    item.id = id;
    item.body_id = 3;
    item.planned_month = month;
    item.position = position;
    item.title = title;
    item.kind = kind;
    return item;
}

Meeting board_meeting(std::int64_t id, const std::string& date, MeetingStatus status) {
    auto m = base_meeting();
    m.id = id;
    m.starts_at = date + "T14:00";
    m.ends_at = date + "T16:30";
    m.status = status;
    return m;
}

TEST(MeetingAgenda, TheAgendaTakesWhatIsStillPlannedForTheMonthInThePlansOrder) {
    auto pis = planned(1, "2012-03", 1, "Monitor Key PIs", ItemKind::standing);
    auto daat = planned(2, "2012-03", 2, "Update on DAAT review");
    auto cafcass = planned(3, "2012-03", 3, "CAFCASS", ItemKind::agency_report);
    cafcass.organisation_id = 12;
    auto july = planned(4, "2012-07", 1, "C&YP Plan");
    auto done = planned(5, "2012-03", 4, "Already taken");
    done.status = ItemStatus::taken;
    auto agenda =
        agenda_from_plan(board_meeting(8, "2012-03-22", MeetingStatus::confirmed), {cafcass, july, daat, pis, done});
    ASSERT_EQ(agenda.size(), 3u);
    EXPECT_EQ(agenda[0].title, "Monitor Key PIs");
    EXPECT_EQ(agenda[0].type, AgendaType::standing);
    EXPECT_EQ(agenda[1].forward_plan_item_id, 2);
    EXPECT_EQ(agenda[2].link_kind, LinkKind::organisation);
    EXPECT_EQ(agenda[2].link_id, 12);
    EXPECT_EQ(agenda[2].meeting_id, 8);
    EXPECT_TRUE(agenda_from_plan(board_meeting(8, "2012-03-22", MeetingStatus::cancelled), {pis}).empty());
}

TEST(ForwardPlanCarry, AnItemNotTakenIsCarriedToTheNextMeetingWithItsHistory) {
    auto march = board_meeting(8, "2012-03-22", MeetingStatus::held);
    auto july = board_meeting(9, "2012-07-19", MeetingStatus::planned);
    auto pis = planned(1, "2012-03", 1, "Monitor Key PIs", ItemKind::standing);
    auto daat = planned(2, "2012-03", 2, "Update on DAAT review");
    daat.notes = "DAAT";
    for (auto* item : {&pis, &daat}) {
        item->status = ItemStatus::on_agenda;
        item->meeting_id = 8;
    }
    AgendaItem taken;
    taken.forward_plan_item_id = 1;
    AgendaItem deferred;
    deferred.forward_plan_item_id = 2;
    deferred.taken = false;
    AgendaItem unplanned;  // added by hand: nothing to decide
    auto decisions = carry_forward(march, {taken, deferred, unplanned}, {pis, daat}, july);
    EXPECT_EQ(decisions.taken, std::vector<std::int64_t>{1});
    EXPECT_EQ(decisions.carried, std::vector<std::int64_t>{2});
    ASSERT_EQ(decisions.continued.size(), 1u);
    const auto& continued = decisions.continued[0];
    EXPECT_EQ(continued.planned_month, "2012-07");
    EXPECT_EQ(continued.carried_from_id, 2);
    EXPECT_EQ(continued.status, ItemStatus::planned);
    EXPECT_FALSE(continued.meeting_id);
    EXPECT_EQ(continued.title, "Update on DAAT review");
    EXPECT_EQ(continued.notes, "DAAT");

    // With no next meeting set, the month after.
    EXPECT_EQ(carry_forward(march, {deferred}, {daat}, std::nullopt).continued[0].planned_month, "2012-04");
    // Nothing is decided before the meeting is held, or twice.
    EXPECT_TRUE(carry_forward(board_meeting(8, "2012-03-22", MeetingStatus::confirmed), {deferred}, {daat}, july)
                    .carried.empty());
    daat.status = ItemStatus::carried;
    EXPECT_TRUE(carry_forward(march, {deferred}, {daat}, july).continued.empty());
}

TEST(ForwardPlanRules, ThePlanGroupsByMonthInThePlansOrder) {
    auto months =
        by_month({planned(3, "2012-03", 1, "C"), planned(1, "2011-11", 2, "B"), planned(2, "2011-11", 1, "A")});
    ASSERT_EQ(months.size(), 2u);
    EXPECT_EQ(months[0].month, "2011-11");
    EXPECT_EQ(months[0].items[0].title, "A");
    EXPECT_EQ(months[0].items[1].title, "B");
    EXPECT_EQ(months[1].items[0].title, "C");
}

}  // namespace
}  // namespace safeboard::meetings
