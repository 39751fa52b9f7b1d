// Actions arising at meetings, the action engine's third home, on SQLite and
// PostgreSQL: numbered within their meeting, found by it, checked like any
// other action, shown with a link to their meeting; and the migration that
// made room for them keeps every action a database already had.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/application.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/pages_support.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::plans {
namespace {

class MeetingActions : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
    }
    void load() {
        db::migrate(*db_, app::all_migrations());
        register_::load_demo(*db_, actor_);
        southend_ = register_::find_partnership_by_code(*db_, "southend")->id;
        reach_.ids = {southend_};
    }
    Result<SaveResult> arising(std::int64_t meeting, const Fields& fields,
                               std::optional<std::int64_t> agenda_item = std::nullopt) {
        db::Transaction transaction(*db_);
        auto saved = save_meeting_action(*db_, southend_, meeting, agenda_item, fields, reach_, actor_);
        if (saved) transaction.commit();
        return saved;
    }
    std::vector<Action> of_meeting(std::int64_t meeting) {
        ActionQuery query;
        query.reach.ids = {southend_};
        query.meeting = meeting;
        return all_actions(*db_, query);
    }
    std::int64_t count(const std::string& table) {
        return db_->query("SELECT COUNT(*) FROM " + table).rows.at(0).integer(0);
    }
    std::int64_t organisation(std::string_view name) {
        return register_::find_organisations_named(*db_, name).at(0).id;
    }

    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    std::int64_t southend_ = 0;
    access::ScopeFilter reach_;
};

std::vector<std::string> fields_named(const Error& error) {
    std::vector<std::string> names;
    for (const auto& e : error.fields) names.push_back(e.field);
    return names;
}

TEST_P(MeetingActions, AreNumberedWithinTheirMeetingAndFoundByIt) {
    load();
    Fields police{{"action", "Review the referral pathway"}, {"target_date", "31/01/2012"},
                  {"responsibility", "Essex Police"}};
    auto first = arising(101, police, 7);
    ASSERT_TRUE(first) << first.error().message;
    auto second = arising(101, {{"action", "Report on missing children"}, {"target_date", "2012-03-01"},
                                {"responsibility", "Essex Police; LSCB Business Manager"}, {"status", "on_track"}});
    ASSERT_TRUE(second) << (second.error().fields.empty() ? second.error().message : second.error().fields[0].message);
    auto elsewhere = arising(102, police);
    ASSERT_TRUE(elsewhere);

    auto found = of_meeting(101);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].number, "1");
    EXPECT_EQ(found[1].number, "2");
    EXPECT_EQ(found[0].meeting_id, 101);
    EXPECT_EQ(found[0].agenda_item_id, 7);
    EXPECT_FALSE(found[1].agenda_item_id);
    EXPECT_EQ(found[0].target_date, "2012-01-31");
    ASSERT_EQ(found[0].responsible.size(), 1u);
    EXPECT_EQ(found[0].responsible[0], (Party{PartyKind::organisation, organisation("Essex Police"), {}}));
    EXPECT_EQ(found[1].responsible.size(), 2u);
    EXPECT_EQ(found[1].status, Status::on_track);
    EXPECT_EQ(of_meeting(102).at(0).number, "1");

    // An action arising falls due like any other, but is no plan's.
    ActionQuery overdue;
    overdue.reach.everything = true;
    overdue.overdue_on = "2012-02-01";
    auto late = all_actions(*db_, overdue);
    EXPECT_TRUE(std::any_of(late.begin(), late.end(), [&](const Action& a) { return a.id == first->id; }));
    ActionQuery plans_only;
    plans_only.reach.everything = true;
    plans_only.plans_only = true;
    auto planned = all_actions(*db_, plans_only);
    EXPECT_TRUE(std::none_of(planned.begin(), planned.end(), [](const Action& a) { return a.meeting_id.has_value(); }));
}

TEST_P(MeetingActions, NeedTheActionATargetDateAndSomeoneResponsible) {
    load();
    auto before = count("actions");
    auto empty = arising(101, {});
    ASSERT_FALSE(empty);
    EXPECT_EQ(fields_named(empty.error()), (std::vector<std::string>{"action", "target_date", "responsibility"}));
    auto wrong = arising(101, {{"action", "Audit"}, {"target_date", "2012-02-30"},
                               {"responsibility", "The Ministry of Magic"}, {"status", "sometime"}});
    ASSERT_FALSE(wrong);
    EXPECT_EQ(fields_named(wrong.error()), (std::vector<std::string>{"target_date", "responsibility", "status"}));
    EXPECT_EQ(count("actions"), before);
}

TEST_P(MeetingActions, ATableOfActionsLinksEachToItsMeeting) {
    load();
    auto saved = arising(101, {{"action", "Circulate the minutes"}, {"target_date", "2012-01-31"},
                               {"responsibility", "LSCB Business Manager"}});
    ASSERT_TRUE(saved);
    auto row = pages::action_row(*db_, *find_action(*db_, saved->id), "2012-01-01", true);
    EXPECT_EQ(row.get("home")->string_value(), "Meeting action");
    EXPECT_EQ(row.get("home_href")->string_value(), "/meetings/101");
}

// The plans schema as it was before actions could arise at meetings.
db::MigrationSet before_meeting_actions() {
    std::vector<embed::File> first;
    for (const auto& file : migrations()) {
        if (file.path.starts_with("0001_")) first.push_back(file);
    }
    db::MigrationSet set;
    set.add_module("audit", audit::migrations());
    set.add_module("auth", auth::migrations());
    set.add_module("register", register_::migrations());
    set.add_module("plans", first);
    return set;
}

TEST_P(MeetingActions, UpgradingKeepsEveryActionAndWhatRefersToIt) {
    db::migrate(*db_, before_meeting_actions());
    register_::load_demo(*db_, actor_);
    southend_ = register_::find_partnership_by_code(*db_, "southend")->id;
    auto police = organisation("Essex Police");
    auto id = [&](const std::string& sql, std::vector<db::Value> params) {
        return db_->query(sql + " RETURNING id", params).rows.at(0).integer(0);
    };
    auto plan = id("INSERT INTO plans (partnership_id, title, title_key, starts_on, ends_on, year_starts_month) "
                   "VALUES ($1, 'Plan', 'plan', '2011-10-01', '2014-09-30', 10)",
                   {southend_});
    auto objective = id("INSERT INTO plan_objectives (plan_id, number, title) VALUES ($1, 1, 'Objective')", {plan});
    auto insert_action = [&](const std::string& number, db::Value carried_from) {
        return id("INSERT INTO actions (partnership_id, plan_id, objective_id, number, sort_key, title, "
                  "carried_from_id) VALUES ($1, $2, $3, $4, $4, 'Action', $5)",
                  {southend_, plan, objective, number, carried_from});
    };
    auto first = insert_action("1.1", db::Null{});
    auto second = insert_action("1.2", first);
    db_->query("INSERT INTO action_parties (action_id, position, kind, organisation_id) VALUES ($1, 0, "
               "'organisation', $2)",
               {second, police});
    db_->query("INSERT INTO action_timescales (action_id, position, kind, wording) VALUES ($1, 0, 'ongoing', "
               "'Ongoing')",
               {first});

    auto all = app::all_migrations();
    db::migrate(*db_, all);
    EXPECT_TRUE(db::check_database(*db_, all).empty());
    auto kept = find_action(*db_, second);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->carried_from_id, first);
    EXPECT_EQ(kept->plan_id, plan);
    EXPECT_FALSE(kept->meeting_id);
    ASSERT_EQ(kept->responsible.size(), 1u);
    EXPECT_EQ(kept->responsible[0].id, police);
    EXPECT_EQ(find_action(*db_, first)->timescale.entries.size(), 1u);
    // The new rule holds: one home each, and an agenda item only with its meeting.
    EXPECT_THROW(db_->query("UPDATE actions SET meeting_id = 5 WHERE id = $1", {first}), db::DatabaseError);
    EXPECT_THROW(db_->query("UPDATE actions SET agenda_item_id = 5 WHERE id = $1", {first}), db::DatabaseError);
}

SAFEBOARD_TEST_ON_BACKENDS(MeetingActions);

}  // namespace
}  // namespace safeboard::plans
