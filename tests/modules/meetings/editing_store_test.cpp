// Changing forward plans, agendas and attendance settings on SQLite and
// PostgreSQL, on the Southend demo: through the same checks the pages and
// the API use (linked.hpp), every change audited, an agenda numbered 1 to n
// after every move and removal, and an item that must stay kept.
#include <gtest/gtest.h>

#include <algorithm>

#include "demo_database.hpp"
#include "modules/meetings/agenda.hpp"
#include "modules/meetings/linked.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"

namespace safeboard::meetings {
namespace {

class MeetingsEditing : public MeetingsDemo {
protected:
    std::int64_t partnership(const std::string& code) { return register_::find_partnership_by_code(*db_, code)->id; }
    std::int64_t audited(const std::string& type, std::int64_t id) {
        return count("audit_log", "entity_type = '" + type + "' AND entity_id = '" + std::to_string(id) + "'");
    }
    std::int64_t add_planned(const Fields& fields) {
        ForwardPlanItem base;
        base.body_id = board().id;
        auto item = forward_plan_item_checked(*db_, board(), fields, base);
        if (!item) throw std::runtime_error(item.error().fields.at(0).message);
        db::Transaction transaction(*db_);
        auto id = create_forward_plan_item(*db_, *item, actor_);
        transaction.commit();
        return id;
    }
    Result<AgendaItem> agenda_item(const Meeting& meeting, const Fields& fields) {
        AgendaItem base;
        base.meeting_id = meeting.id;
        return agenda_item_checked(*db_, board(), fields, base);
    }
    std::int64_t add_item(const Meeting& meeting, const std::string& title) {
        auto item = agenda_item(meeting, {{"title", title}, {"type", "discussion"}});
        db::Transaction transaction(*db_);
        auto id = add_agenda_item(*db_, *item, actor_);
        transaction.commit();
        return id;
    }
    // The agenda's titles, checking it is numbered 1, 2, ... n.
    std::vector<std::string> agenda_titles(const Meeting& meeting) {
        std::vector<std::string> titles;
        auto agenda = agenda_of(*db_, meeting.id);
        for (std::size_t i = 0; i < agenda.size(); ++i) {
            EXPECT_EQ(agenda[i].position, static_cast<int>(i + 1)) << agenda[i].title;
            titles.push_back(agenda[i].title);
        }
        return titles;
    }
    Meeting november_2012() {
        return new_meeting(board(), {{"starts_at", "2012-11-15T14:00"}, {"ends_at", "2012-11-15T16:30"}});
    }
};

using Titles = std::vector<std::string>;

Titles titles_in(const std::vector<ForwardPlanItem>& items) {
    Titles titles;
    for (const auto& item : items) titles.push_back(item.title);
    return titles;
}

TEST_P(MeetingsEditing, AForwardPlanItemIsAddedMovedAndRemovedWhileOnlyPlanned) {
    auto first = add_planned({{"month", "November 2012"}, {"kind", "report"}, {"title", "Private fostering report"}});
    auto id = add_planned({{"month", "2012-11"},
                           {"kind", "agency_report"},
                           {"title", "Essex Police annual safeguarding report"},
                           {"organisation", std::to_string(organisation("Essex Police"))}});
    auto item = *find_forward_plan_item(*db_, id);
    EXPECT_EQ(item.organisation_name, "Essex Police");
    EXPECT_EQ(item.position, find_forward_plan_item(*db_, first)->position + 1);

    auto fields = forward_plan_item_fields(item);
    fields["month"] = "2012-12";
    auto moved = forward_plan_item_checked(*db_, board(), fields, item);
    ASSERT_TRUE(moved);
    db::Transaction transaction(*db_);
    EXPECT_TRUE(update_forward_plan_item(*db_, *moved, actor_));
    transaction.commit();
    EXPECT_EQ(titles_in(forward_plan_of(*db_, board().id, "2012-12", "2012-12")),
              Titles{"Essex Police annual safeguarding report"});

    ASSERT_FALSE(why_forward_plan_item_stays(*find_forward_plan_item(*db_, id)));
    db::Transaction removal(*db_);
    EXPECT_TRUE(remove_forward_plan_item(*db_, id, actor_));
    removal.commit();
    EXPECT_FALSE(find_forward_plan_item(*db_, id));
    EXPECT_EQ(audited("forward_plan_item", id), 3);  // created, moved, removed
    EXPECT_EQ(count("audit_log", "entity_type = 'forward_plan_item' AND action = 'delete' AND entity_id = '" +
                                     std::to_string(id) + "'"),
              1);
}

TEST_P(MeetingsEditing, AnItemTakenAtAMeetingStaysOnThePlan) {
    auto taken = *find_forward_plan_item_titled(*db_, board().id, "2011-11", "Monitor Key PIs");
    ASSERT_EQ(taken.status, ItemStatus::taken);
    EXPECT_TRUE(why_forward_plan_item_stays(taken));
    auto entries = count("audit_log");
    db::Transaction transaction(*db_);
    EXPECT_FALSE(remove_forward_plan_item(*db_, taken.id, actor_));
    transaction.commit();
    EXPECT_TRUE(find_forward_plan_item(*db_, taken.id));
    EXPECT_EQ(count("audit_log"), entries);
}

TEST_P(MeetingsEditing, AnAgendaIsNumbered1ToNAfterEveryMoveAndRemoval) {
    auto m = november_2012();
    std::vector<std::int64_t> ids;
    for (const auto* title : {"Welcome and apologies", "Minutes of the last meeting", "Monitor Key PIs", "AOB"}) {
        ids.push_back(add_item(m, title));
    }
    EXPECT_EQ(agenda_titles(m),
              (Titles{"Welcome and apologies", "Minutes of the last meeting", "Monitor Key PIs", "AOB"}));
    db::Transaction transaction(*db_);
    EXPECT_TRUE(move_agenda_item(*db_, ids[2], 1, actor_));
    EXPECT_EQ(agenda_titles(m),
              (Titles{"Monitor Key PIs", "Welcome and apologies", "Minutes of the last meeting", "AOB"}));
    EXPECT_TRUE(move_agenda_item(*db_, ids[1], 99, actor_));  // past the end is last
    EXPECT_EQ(agenda_titles(m),
              (Titles{"Monitor Key PIs", "Welcome and apologies", "AOB", "Minutes of the last meeting"}));
    EXPECT_FALSE(move_agenda_item(*db_, ids[1], 4, actor_));  // already there
    EXPECT_TRUE(remove_agenda_item(*db_, ids[0], actor_));
    EXPECT_EQ(agenda_titles(m), (Titles{"Monitor Key PIs", "AOB", "Minutes of the last meeting"}));
    EXPECT_TRUE(remove_agenda_item(*db_, ids[1], actor_));
    EXPECT_EQ(agenda_titles(m), (Titles{"Monitor Key PIs", "AOB"}));
    transaction.commit();
    EXPECT_EQ(audited("agenda_item", ids[2]), 2);  // added, moved to the top
    EXPECT_EQ(audited("agenda_item", ids[1]), 3);  // added, moved last, removed
}

TEST_P(MeetingsEditing, ALinkedRecordMustBeOfTheMeetingsPartnership) {
    auto m = november_2012();
    plans::PlanQuery southend_plans;
    southend_plans.reach.everything = true;
    southend_plans.partnership = partnership("southend");
    auto plan = plans::list_plans(*db_, southend_plans).at(0);
    auto linked = agenda_item(m, {{"title", "Business plan progress"},
                                  {"type", "decision"},
                                  {"link_kind", "plan"},
                                  {"link", std::to_string(plan.id)}});
    ASSERT_TRUE(linked) << linked.error().message;
    EXPECT_EQ(linked->link_id, plan.id);
    auto agency = agenda_item(m, {{"title", "Essex Police report"},
                                  {"type", "information"},
                                  {"link_kind", "organisation"},
                                  {"link", std::to_string(organisation("Essex Police"))}});
    EXPECT_TRUE(agency);

    plans::RecommendationQuery essex_recommendations;
    essex_recommendations.reach.everything = true;
    essex_recommendations.partnership = partnership("essex");
    auto elsewhere = plans::list_recommendations(*db_, essex_recommendations).at(0);
    for (const auto& [kind, id] : std::vector<std::pair<std::string, std::int64_t>>{
             {"recommendation", elsewhere.id}, {"plan", 999999}, {"action", 999999}, {"organisation", 999999}}) {
        auto refused = agenda_item(m, {{"title", "Linked"}, {"type", "information"}, {"link_kind", kind},
                                       {"link", std::to_string(id)}});
        ASSERT_FALSE(refused) << kind;
        ASSERT_EQ(refused.error().fields.size(), 1u) << kind;
        EXPECT_EQ(refused.error().fields[0].field, "link") << kind;
    }
    auto options = link_options(*db_, board(), AgendaItem{});
    EXPECT_TRUE(std::ranges::any_of(options, [&](const LinkOption& o) {
        return o.kind == LinkKind::plan && o.id == plan.id && o.label == "Business plan: " + plan.title;
    }));
    EXPECT_FALSE(std::ranges::any_of(options, [&](const LinkOption& o) {
        return o.kind == LinkKind::recommendation && o.id == elsewhere.id;
    }));
}

TEST_P(MeetingsEditing, TheActionsArisingFromAnItemAreCounted) {
    auto m = november_2012();
    auto id = add_item(m, "Safer recruitment");
    auto other = add_item(m, "AOB");
    db::Transaction transaction(*db_);
    auto saved = plans::save_meeting_action(
        *db_, partnership("southend"), m.id, id,
        {{"action", "Report on DBS checks"}, {"target_date", "2013-01-31"}, {"responsibility", "Essex Police"}},
        {true, {}}, actor_);
    ASSERT_TRUE(saved) << saved.error().message;
    transaction.commit();
    EXPECT_EQ(actions_arising_from(*db_, *find_agenda_item(*db_, id)), 1u);
    EXPECT_EQ(actions_arising_from(*db_, *find_agenda_item(*db_, other)), 0u);
    EXPECT_TRUE(why_agenda_item_stays(*find_agenda_item(*db_, id), 1));
}

TEST_P(MeetingsEditing, APartnershipsAttendanceSettingsAreKeptAndAudited) {
    auto southend = partnership("southend");
    auto defaults = attendance_settings_of(*db_, southend);
    EXPECT_FALSE(defaults.stored);
    EXPECT_EQ(defaults.good_standard, 66);
    EXPECT_EQ(defaults.substitutes, SubstituteSetting::organisation);

    auto settings = *attendance_settings_from({{"good_standard", "75"}, {"substitutes", "both"}}, defaults);
    db::Transaction transaction(*db_);
    EXPECT_EQ(save_attendance_settings(*db_, settings, actor_), Saved::created);
    EXPECT_EQ(save_attendance_settings(*db_, settings, actor_), Saved::unchanged);
    settings.good_standard = 80;
    EXPECT_EQ(save_attendance_settings(*db_, settings, actor_), Saved::updated);
    transaction.commit();
    auto stored = attendance_settings_of(*db_, southend);
    EXPECT_TRUE(stored.stored);
    EXPECT_EQ(stored.good_standard, 80);
    EXPECT_EQ(stored.substitutes, SubstituteSetting::both);
    EXPECT_TRUE(stored.updated_at.ends_with("Z"));
    EXPECT_EQ(count("audit_log", "entity_type = 'attendance_settings'"), 2);
    EXPECT_FALSE(attendance_settings_of(*db_, partnership("essex")).stored);

    AttendanceQuery query;
    query.reach.everything = true;
    query.body = board().id;
    query.from = "2011-10-01";
    query.to = "2012-09-30";
    auto report_of = report_settings(stored, "Southend LSCB");
    report_of.meetings_label = "Board";
    auto report = attendance_report(attendance_records(*db_, query), query.from, query.to, report_of);
    EXPECT_NE(report.headline.find("attended 80% or more of Board meetings"), std::string::npos) << report.headline;
    EXPECT_EQ(report.settings.standard_from, SettingSource::partnership);
}

SAFEBOARD_TEST_ON_BACKENDS(MeetingsEditing);

}  // namespace
}  // namespace safeboard::meetings
