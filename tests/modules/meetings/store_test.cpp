// Meetings, attendance, forward plans, agendas, letters and feed tokens on
// SQLite and PostgreSQL, with the Southend demo of 2011/12 loaded through
// the ordinary imports.
#include <gtest/gtest.h>

#include <algorithm>

#include "demo_database.hpp"
#include "modules/meetings/agenda.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/vocabulary.hpp"

namespace safeboard::meetings {
namespace {

class MeetingsStore : public MeetingsDemo {};

std::vector<std::string> titles(const std::vector<ForwardPlanItem>& items, std::optional<ItemKind> kind = {}) {
    std::vector<std::string> found;
    for (const auto& item : items) {
        if (!kind || item.kind == *kind) found.push_back(item.title);
    }
    return found;
}

TEST_P(MeetingsStore, TheDemoHoldsAYearOfMeetingsAndLoadingItAgainChangesNothing) {
    EXPECT_EQ(summary_.meetings, 11u);  // eight of the Executive (one cancelled), three of the Board
    EXPECT_EQ(summary_.meetings_added, 11u);
    EXPECT_EQ(summary_.forward_plan_items, 100u);
    EXPECT_EQ(summary_.attendance, 26u * 3 + 2u * 7);
    const std::vector<std::string> tables{"meetings", "attendance", "forward_plan_items", "agenda_items"};
    std::vector<std::int64_t> before;
    for (const auto& table : tables) before.push_back(count(table));
    auto changes = count("audit_log", "action <> 'import'");
    auto again = load_demo(*db_, actor_);
    EXPECT_EQ(again.meetings_added, 0u);
    for (std::size_t i = 0; i < tables.size(); ++i) EXPECT_EQ(count(tables[i]), before[i]) << tables[i];
    EXPECT_EQ(count("audit_log", "action <> 'import'"), changes);
    EXPECT_EQ(count("attendance", "status = 'substitute'"), 5);
}

TEST_P(MeetingsStore, ListsMeetingsInTimeOrderPageByPageWithinReach) {
    auto southend = register_::find_partnership_by_code(*db_, "southend")->id;
    auto essex = register_::find_partnership_by_code(*db_, "essex")->id;
    MeetingQuery query;
    query.reach.ids = {southend};
    query.limit = 4;
    std::vector<Meeting> seen;
    for (;;) {
        auto page = list_meetings(*db_, query);
        seen.insert(seen.end(), page.begin(), page.end());
        if (page.size() < 4u) break;
        auto cursor = decode_meeting_key(encode_meeting_key(key_of(page.back())));
        ASSERT_TRUE(cursor);
        query.after = cursor;
    }
    ASSERT_EQ(seen.size(), 11u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end(),
                               [](const Meeting& a, const Meeting& b) { return a.starts_at < b.starts_at; }));
    EXPECT_EQ(seen.front().starts_at, "2011-10-12T09:30");
    EXPECT_EQ(seen.front().shown_title(), "LSCB Executive Group meeting");

    MeetingQuery board_only;
    board_only.reach.ids = {southend};
    board_only.body = board().id;
    board_only.from = "2012-03-22";
    board_only.to = "2012-07-19";
    auto found = list_meetings(*db_, board_only);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[1].date(), "2012-07-19");

    MeetingQuery elsewhere;
    elsewhere.reach.ids = {essex};
    EXPECT_TRUE(list_meetings(*db_, elsewhere).empty());
    MeetingQuery cancelled;
    cancelled.reach.everything = true;
    cancelled.status = MeetingStatus::cancelled;
    ASSERT_EQ(list_meetings(*db_, cancelled).size(), 1u);
    EXPECT_EQ(list_meetings(*db_, cancelled)[0].date(), "2012-05-09");
}

TEST_P(MeetingsStore, ExpectedSeatsAreTheRegistersSeatsOnTheMeetingsDate) {
    auto november = meeting_at(board(), "2011-11-17T14:00");
    auto seats = expected_seats(*db_, november);
    ASSERT_EQ(seats.size(), 26u);
    EXPECT_EQ(seats.front().membership.seat_title, "Independent Chair");
    EXPECT_TRUE(std::all_of(seats.begin(), seats.end(),
                            [](const ExpectedSeat& s) { return s.attendance.has_value() || s.membership.vacant(); }));
    auto vacant =
        std::count_if(seats.begin(), seats.end(), [](const ExpectedSeat& s) { return s.membership.vacant(); });
    EXPECT_EQ(vacant, 1);

    // The Superintendent moves on at the end of August 2012 and a successor takes the seat in September.
    auto superintendent = *std::find_if(
        seats.begin(), seats.end(), [](const ExpectedSeat& s) { return s.membership.seat_title == "Superintendent"; });
    auto ended = superintendent.membership;
    ended.ends_on = "2012-08-31";
    auto successor = superintendent.membership;
    successor.id = 0;
    successor.ends_on.reset();
    successor.starts_on = "2012-09-01";
    std::int64_t successor_id = 0;
    {
        db::Transaction transaction(*db_);
        register_::update_membership(*db_, ended, actor_);
        successor_id = register_::create_membership(*db_, successor, actor_);
        transaction.commit();
    }
    auto seat_ids = [&](const Meeting& m) {
        std::vector<std::int64_t> ids;
        for (const auto& s : expected_seats(*db_, m)) ids.push_back(s.membership.id);
        return ids;
    };
    auto july = seat_ids(meeting_at(board(), "2012-07-19T14:00"));
    EXPECT_NE(std::find(july.begin(), july.end(), ended.id), july.end());
    EXPECT_EQ(std::find(july.begin(), july.end(), successor_id), july.end());
    auto autumn_meeting = new_meeting(board(), {{"starts_at", "2012-11-15T14:00"}, {"ends_at", "2012-11-15T16:30"}});
    auto autumn = seat_ids(autumn_meeting);
    EXPECT_EQ(autumn.size(), 26u);
    EXPECT_EQ(std::find(autumn.begin(), autumn.end(), ended.id), autumn.end());
    EXPECT_NE(std::find(autumn.begin(), autumn.end(), successor_id), autumn.end());

    // A person's calendar: the meetings of the bodies where they hold a seat on the day.
    auto chair = register_::find_people_named(*db_, "Christine Doorly", std::nullopt).at(0).id;
    auto chaired = meetings_of_person(*db_, chair, std::nullopt, std::nullopt);
    ASSERT_EQ(chaired.size(), 4u);
    EXPECT_EQ(chaired[0].date(), "2011-11-17");
    EXPECT_EQ(chaired[3].id, autumn_meeting.id);
    EXPECT_EQ(meetings_of_person(*db_, chair, std::string("2012-01-01"), std::string("2012-07-19")).size(), 2u);
}

TEST_P(MeetingsStore, TheSequenceGoesUpOnATimeChangeAndNotOnANoteChange) {
    auto m = new_meeting(board(), {{"starts_at", "2012-11-15T14:00"}, {"ends_at", "2012-11-15T16:30"}});
    EXPECT_EQ(m.sequence, 0);
    EXPECT_EQ(m.status, MeetingStatus::planned);
    ASSERT_EQ(m.uid.size(), 32u + std::string("@safeboard").size());
    EXPECT_TRUE(m.uid.ends_with("@safeboard"));
    auto save = [&](Meeting changed) {
        db::Transaction transaction(*db_);
        auto result = update_meeting(*db_, changed, actor_);
        transaction.commit();
        return result;
    };
    auto noted = m;
    noted.notes = "Papers to follow";
    EXPECT_TRUE(save(noted));
    EXPECT_EQ(find_meeting(*db_, m.id)->sequence, 0);
    EXPECT_EQ(find_meeting(*db_, m.id)->notes, "Papers to follow");

    auto moved = *find_meeting(*db_, m.id);
    moved.starts_at = "2012-11-15T13:30";
    EXPECT_TRUE(save(moved));
    EXPECT_EQ(find_meeting(*db_, m.id)->sequence, 1);
    auto cancelled = *find_meeting(*db_, m.id);
    cancelled.status = MeetingStatus::cancelled;
    EXPECT_TRUE(save(cancelled));
    auto stored = *find_meeting(*db_, m.id);
    EXPECT_EQ(stored.sequence, 2);
    EXPECT_EQ(stored.uid, m.uid);
    EXPECT_FALSE(save(stored));  // nothing changed
    EXPECT_EQ(find_meeting(*db_, m.id)->sequence, 2);
    EXPECT_EQ(find_meeting_by_uid(*db_, m.uid)->id, m.id);
    EXPECT_EQ(count("audit_log", "entity_type = 'meeting' AND entity_id = '" + std::to_string(m.id) + "'"), 4);
}

TEST_P(MeetingsStore, TheExecutivesForwardPlanFor2011To12GroupsTheRollingProgrammeByMonth) {
    auto group = executive();
    EXPECT_EQ(year_starts_month(*db_, group), 10);
    auto year = reporting_year(2011, year_starts_month(*db_, group));
    auto months = by_month(forward_plan_of(*db_, group.id, year.first_month, year.last_month));
    std::vector<std::string> month_list;
    for (const auto& m : months) month_list.push_back(m.month);
    EXPECT_EQ(month_list,
              (std::vector<std::string>{"2011-10", "2011-12", "2012-01", "2012-03", "2012-05", "2012-07", "2012-09"}));
    using Titles = std::vector<std::string>;
    const std::vector<Titles> programme{{"CAFCASS", "SEE Community Healthcare"},
                                        {"Integrated Youth Service", "Fire and Rescue Service"},
                                        {"SEE College", "SBC Children & Learning", "Essex Probation"},
                                        {"SEPT", "PCT Commissioning Arm", "SAVS"},
                                        {"SBC Early Years"},
                                        {"Ambulance Trust", "Essex Police"},
                                        {"Southend Hospital", "Local Authority Commissioned Services"}};
    for (std::size_t i = 0; i < months.size(); ++i) {
        EXPECT_EQ(titles(months[i].items, ItemKind::agency_report), programme[i]) << months[i].month;
    }
    const auto& october = months[0].items;
    EXPECT_EQ(october[0].organisation_id, organisation("Children and Family Court Advisory and Support Service"));
    EXPECT_EQ(titles(october, ItemKind::audit_report),
              (Titles{"Exit threshold/decision making", "Domestic Abuse Referrals Audit"}));
    EXPECT_EQ(titles(october, ItemKind::subgroup_report),
              (Titles{"Monitoring SG", "Training SG", "Case Review Panel", "E Safety SG",
                      "Single Agency PI Report – Monitoring Sub Group"}));
    EXPECT_EQ(titles(october, ItemKind::annual_report), Titles{"Annual Safeguarding Report"});
    EXPECT_EQ(october[5].subject_body_name, "LSCB Monitoring Sub Group");
    EXPECT_FALSE(months[1].items[0].organisation_id);  // the Integrated Youth Service is not in the register
    EXPECT_EQ(titles(months[5].items, ItemKind::business_plan), Titles{"Draft Business Plan 2010/13"});
    // Each went on the agenda of its month's meeting (May's after the cancelled one) and was taken.
    for (const auto& month : months) {
        for (const auto& item : month.items) EXPECT_EQ(item.status, ItemStatus::taken) << item.title;
    }
    auto may = meeting_at(group, "2012-05-23T09:30");
    EXPECT_EQ(months[4].items[0].meeting_id, may.id);
    EXPECT_TRUE(agenda_of(*db_, meeting_at(group, "2012-05-09T09:30").id).empty());
}

TEST_P(MeetingsStore, TheBoardsForwardPlanIsAsTheSourceHasIt) {
    auto months = by_month(forward_plan_of(*db_, board().id, "2011-10", "2012-09"));
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(titles(months[0].items),
              (std::vector<std::string>{"Monitor Key PIs", "Annual Report October 2010 to September 2011",
                                        "Agree budget proposals for 2012/13 consider contributions for 2012 to 2015",
                                        "Review of performance management framework.",
                                        "Approve proposed audit programme for 2012/13",
                                        "Findings from single agency safeguarding performance reports",
                                        "Attendance Report", "Report from Strategic Child Death Review Panel",
                                        "Monitoring Sub Group Audits Report", "Executive Summary Report"}));
    EXPECT_EQ(months[1].items.size(), 7u);
    EXPECT_EQ(titles(months[2].items)[1], "Consider Revised Business Plan Oct 12 – Sept 13");
    // July also has the DAAT update the March meeting did not take.
    EXPECT_EQ(months[2].items.size(), 7u);
    auto agenda = agenda_of(*db_, meeting_at(board(), "2011-11-17T14:00").id);
    ASSERT_EQ(agenda.size(), 10u);
    EXPECT_EQ(agenda[0].position, 1);
    EXPECT_EQ(agenda[0].type, AgendaType::standing);
    EXPECT_EQ(agenda[1].type, AgendaType::decision);
}

TEST_P(MeetingsStore, CarryingForwardKeepsTheItemsHistory) {
    const std::string daat =
        "Update on DAAT review of the first year of focused inquiry into drug related deaths in Southend";
    auto march = meeting_at(board(), "2012-03-22T14:00");
    auto july = meeting_at(board(), "2012-07-19T14:00");
    auto carried = *find_forward_plan_item_titled(*db_, board().id, "2012-03", daat);
    EXPECT_EQ(carried.status, ItemStatus::carried);
    EXPECT_EQ(carried.meeting_id, march.id);
    auto continued = *find_forward_plan_item_titled(*db_, board().id, "2012-07", daat);
    EXPECT_EQ(continued.carried_from_id, carried.id);
    EXPECT_EQ(continued.status, ItemStatus::taken);
    EXPECT_EQ(continued.meeting_id, july.id);
    EXPECT_EQ(continued.kind, ItemKind::report);
    auto history = forward_plan_history(*db_, continued.id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].id, carried.id);
    auto march_agenda = agenda_of(*db_, march.id);
    auto deferred =
        std::find_if(march_agenda.begin(), march_agenda.end(), [&](const AgendaItem& a) { return a.title == daat; });
    ASSERT_NE(deferred, march_agenda.end());
    EXPECT_FALSE(deferred->taken);

    // Deciding again changes nothing.
    auto items = count("forward_plan_items");
    db::Transaction transaction(*db_);
    auto decided = decide_forward_plan(*db_, march, actor_);
    transaction.commit();
    EXPECT_EQ(decided.carried, 0u);
    EXPECT_EQ(count("forward_plan_items"), items);
}

TEST_P(MeetingsStore, AnAgendaIsReorderedAndAnItemTakenOffGoesBackToThePlan) {
    auto m = new_meeting(board(), {{"starts_at", "2012-11-15T14:00"}, {"ends_at", "2012-11-15T16:30"}});
    ForwardPlanItem item;
    item.body_id = board().id;
    item.title = "Annual Report October 2011 to September 2012";
    item.kind = ItemKind::annual_report;
    item.planned_month = "2012-11";
    db::Transaction transaction(*db_);
    create_forward_plan_item(*db_, item, actor_);
    AgendaItem welcome;
    welcome.meeting_id = m.id;
    welcome.title = "Welcome and apologies";
    welcome.type = AgendaType::standing;
    add_agenda_item(*db_, welcome, actor_);
    EXPECT_EQ(make_agenda(*db_, m, actor_), 1u);
    EXPECT_EQ(make_agenda(*db_, m, actor_), 0u);
    auto agenda = agenda_of(*db_, m.id);
    ASSERT_EQ(agenda.size(), 2u);
    EXPECT_TRUE(move_agenda_item(*db_, agenda[1].id, 1, actor_));
    agenda = agenda_of(*db_, m.id);
    EXPECT_EQ(agenda[0].title, "Annual Report October 2011 to September 2012");
    EXPECT_EQ(agenda[0].position, 1);
    EXPECT_EQ(agenda[1].position, 2);
    auto planned = find_forward_plan_item(*db_, *agenda[0].forward_plan_item_id);
    EXPECT_EQ(planned->status, ItemStatus::on_agenda);
    EXPECT_TRUE(remove_agenda_item(*db_, agenda[0].id, actor_));
    transaction.commit();
    agenda = agenda_of(*db_, m.id);
    ASSERT_EQ(agenda.size(), 1u);
    EXPECT_EQ(agenda[0].position, 1);
    planned = find_forward_plan_item(*db_, planned->id);
    EXPECT_EQ(planned->status, ItemStatus::planned);
    EXPECT_FALSE(planned->meeting_id);
}

TEST_P(MeetingsStore, TheAttendanceReportShowsTheBoardsHeadline) {
    auto b = board();
    AttendanceQuery query;
    query.reach.everything = true;
    query.body = b.id;
    query.from = "2011-10-01";
    query.to = "2012-09-30";
    auto records = attendance_records(*db_, query);
    ReportSettings settings;
    settings.meetings_label = meetings_label(b);
    auto report = attendance_report(records, query.from, query.to, settings);
    EXPECT_EQ(report.meetings, 3);
    EXPECT_EQ(report.organisations.size(), 19u);
    EXPECT_EQ(report.vacant_seats, 3);
    EXPECT_EQ(report.headline, "89% of partner agency representatives attended 66% or more of Board meetings");
    settings.substitutes = SubstituteSetting::neither;
    EXPECT_EQ(attendance_report(records, query.from, query.to, settings).headline,
              "84% of partner agency representatives attended 66% or more of Board meetings");
    auto youth = std::find_if(report.organisations.begin(), report.organisations.end(),
                              [](const OrganisationRow& r) { return r.name == "Southend Youth Council"; });
    ASSERT_NE(youth, report.organisations.end());
    EXPECT_EQ(youth->tally.percentage, 0);
    EXPECT_EQ(youth->tally.apologies, 1);

    // The Executive's cancelled meeting is not counted.
    query.body = executive().id;
    auto executive_report = attendance_report(attendance_records(*db_, query), query.from, query.to, {});
    EXPECT_EQ(executive_report.meetings, 7);
}

TEST_P(MeetingsStore, AResponseIsOverdueOnceItsDueDateHasPassed) {
    auto july = meeting_at(board(), "2012-07-19T14:00");
    Letter letter;
    letter.meeting_id = july.id;
    letter.organisation_id = organisation("Essex Police");
    letter.text = "Key issues, decisions and actions for Essex Police";
    letter.sent_on = "2012-07-26";
    letter.response_due_on = "2012-08-23";
    db::Transaction transaction(*db_);
    EXPECT_EQ(save_letter(*db_, letter, actor_), Saved::created);
    EXPECT_EQ(save_letter(*db_, letter, actor_), Saved::unchanged);
    transaction.commit();
    access::ScopeFilter everything{true, {}};
    EXPECT_TRUE(overdue_responses(*db_, everything, "2012-08-23").empty());
    auto overdue = overdue_responses(*db_, everything, "2012-08-24");
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0].organisation_name, "Essex Police");
    auto essex = register_::find_partnership_by_code(*db_, "essex")->id;
    EXPECT_TRUE(overdue_responses(*db_, {false, {essex}}, "2012-08-24").empty());
    letter.response_received_on = "2012-08-20";
    db::Transaction answer(*db_);
    EXPECT_EQ(save_letter(*db_, letter, actor_), Saved::updated);
    answer.commit();
    EXPECT_TRUE(overdue_responses(*db_, everything, "2012-08-24").empty());
    EXPECT_EQ(letters_of(*db_, july.id).size(), 1u);
}

TEST_P(MeetingsStore, APaperKeepsItsFilesHash) {
    auto july = meeting_at(board(), "2012-07-19T14:00");
    Paper paper;
    paper.meeting_id = july.id;
    paper.title = "Revised Business Plan Oct 12 – Sept 13";
    paper.file_sha256 = std::string(64, 'a');
    paper.filename = "business-plan.pdf";
    paper.content_type = "application/pdf";
    paper.size = 1234;
    paper.confidential = true;
    db::Transaction transaction(*db_);
    auto id = add_paper(*db_, paper, actor_);
    transaction.commit();
    auto papers = papers_of(*db_, july.id);
    ASSERT_EQ(papers.size(), 1u);
    EXPECT_EQ(papers[0].id, id);
    EXPECT_TRUE(papers[0].confidential);
    EXPECT_EQ(papers[0].file_sha256, paper.file_sha256);
    EXPECT_FALSE(papers[0].uploaded_at.empty());
}

TEST_P(MeetingsStore, AFeedTokenIsFoundByItsSecretUntilRevoked) {
    auto user = db_->query("INSERT INTO users (email, email_key, name) VALUES ($1, $1, $2) RETURNING id",
                           {std::string("manager@example.org"), std::string("Business Manager")})
                    .rows.at(0)
                    .integer(0);
    db::Transaction transaction(*db_);
    auto token = create_feed_token(*db_, user, FeedKind::body, board().id, actor_);
    transaction.commit();
    EXPECT_TRUE(token.secret.starts_with("sb_feed_"));
    auto stored = db_->query("SELECT token_hash FROM feed_tokens WHERE id = $1", {token.id}).rows.at(0).text(0);
    EXPECT_EQ(stored.size(), 64u);
    EXPECT_EQ(stored.find(token.secret), std::string::npos);
    auto found = find_feed_token(*db_, token.secret);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->kind, FeedKind::body);
    EXPECT_EQ(found->subject_id, board().id);
    EXPECT_EQ(found->user_id, user);
    EXPECT_FALSE(find_feed_token(*db_, token.secret + "x"));

    db::Transaction revoke(*db_);
    EXPECT_TRUE(revoke_feed_token(*db_, token.id, actor_));
    EXPECT_FALSE(revoke_feed_token(*db_, token.id, actor_));
    revoke.commit();
    EXPECT_FALSE(find_feed_token(*db_, token.secret));
    auto listed = feed_tokens_of(*db_, user);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_TRUE(listed[0].revoked_at);
}

SAFEBOARD_TEST_ON_BACKENDS(MeetingsStore);

}  // namespace
}  // namespace safeboard::meetings
