// Plans, actions, progress and recommendations on SQLite and PostgreSQL,
// loaded from the demo (the Southend business plans and the ESCB's
// recommendations of May 2010) through the ordinary imports.
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/plans/import.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/policy.hpp"
#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "support/test_database.hpp"

namespace safeboard::plans {
namespace {

class PlansStore : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, app::all_migrations());
        register_::load_demo(*db_, actor_);
        summary_ = load_demo(*db_, actor_);
        southend_ = register_::find_partnership_by_code(*db_, "southend")->id;
        essex_ = register_::find_partnership_by_code(*db_, "essex")->id;
    }
    Plan plan(std::string_view title) { return *find_plan_titled(*db_, southend_, title); }
    std::vector<Action> actions_of(const Plan& p) {
        ActionQuery query;
        query.reach.everything = true;
        query.plan = p.id;
        return all_actions(*db_, query);
    }
    Action action(const Plan& p, std::string_view number) { return *find_action_numbered(*db_, p.id, {}, number); }
    std::int64_t count(const char* table) {
        return db_->query(std::string("SELECT COUNT(*) FROM ") + table).rows.at(0).integer(0);
    }
    // An account to write updates as.
    Author author() {
        auto id = db_->query("INSERT INTO users (email, email_key, name) VALUES ($1, $1, $2) RETURNING id",
                             {std::string("manager@example.org"), std::string("Business Manager")})
                      .rows.at(0)
                      .integer(0);
        return {id, "Business Manager"};
    }
    std::int64_t body(std::string_view name) { return register_::find_bodies_named(*db_, name).at(0).id; }
    std::int64_t organisation(std::string_view name) {
        return register_::find_organisations_named(*db_, name).at(0).id;
    }
    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    DemoSummary summary_;
    std::int64_t southend_ = 0;
    std::int64_t essex_ = 0;
};

TEST_P(PlansStore, TheDemoHoldsSouthendsPlansWithTheirReviewAndLinks) {
    EXPECT_EQ(summary_.plans, 2u);
    auto current = plan("Business Plan 2011–2014");
    auto previous = plan("LSCB Business Plan 2010/11");
    EXPECT_EQ(current.year_starts_month, 10);
    EXPECT_EQ(current.previous_plan_id, previous.id);
    EXPECT_EQ(previous.reviewed_on, "2011-09-30");
    auto priorities = priorities_of(*db_, current.id);
    ASSERT_EQ(priorities.size(), 3u);
    EXPECT_EQ(priorities[0].code, "A");
    EXPECT_EQ(priorities[1].title,
              "Reduce the number of children and young people who have experienced bullying including face to face, "
              "text or internet");
    EXPECT_EQ(objectives_of(*db_, current.id).size(), 9u);
    EXPECT_EQ(objectives_of(*db_, previous.id).size(), 10u);

    auto engagement = action(current, "1.1");
    EXPECT_EQ(engagement.title, "Ensure effective engagement of partner agencies.");
    EXPECT_EQ(engagement.carried_from_id, action(previous, "1.2").id);
    EXPECT_EQ(engagement.timescale.entries.size(), 3u);  // April 2012, October 2012, June 2012
    auto responsible = engagement.responsible;
    EXPECT_NE(std::find(responsible.begin(), responsible.end(),
                        Party{PartyKind::body, body("Southend LSCB Overarching Board"), {}}),
              responsible.end());
    auto anti_bullying = action(current, "5.6");
    EXPECT_EQ(anti_bullying.priorities, std::vector<std::string>{"B"});

    auto reviewed = action(previous, "7.4");
    EXPECT_NE(reviewed.achievement.find("Southend Hospital 88%"), std::string::npos);
    EXPECT_NE(reviewed.issues_for_revised_plan.find("Essex Police"), std::string::npos);
}

TEST_P(PlansStore, LoadingTheDemoAgainChangesNothing) {
    auto actions = count("actions");
    auto updates = count("action_timescales");
    auto audit_entries = count("audit_log");
    load_demo(*db_, actor_);
    EXPECT_EQ(count("actions"), actions);
    EXPECT_EQ(count("action_timescales"), updates);
    // Only the two imports' own entries are added (each import is recorded).
    EXPECT_LE(count("audit_log"), audit_entries + 4);
}

TEST_P(PlansStore, AnActionIsOverdueOnceADatedTimescaleHasPassedUnlessItIsFinished) {
    auto current = plan("Business Plan 2011–2014");
    auto engagement = action(current, "1.1");  // April 2012; October 2012; June 2012
    EXPECT_FALSE(overdue_on(engagement, "2012-04-30"));
    EXPECT_TRUE(overdue_on(engagement, "2012-05-01"));

    ActionQuery overdue;
    overdue.reach.everything = true;
    overdue.plan = current.id;
    overdue.overdue_on = "2012-05-01";
    auto listed = all_actions(*db_, overdue);
    auto summary = summarise(actions_of(current), "2012-05-01");
    EXPECT_EQ(static_cast<std::size_t>(summary.overdue), listed.size());
    EXPECT_TRUE(std::any_of(listed.begin(), listed.end(), [&](const Action& a) { return a.id == engagement.id; }));
    EXPECT_EQ(summary.total, static_cast<int>(actions_of(current).size()));
}

TEST_P(PlansStore, TheLatestUpdateSetsTheActionsStatusAndRag) {
    auto engagement = action(plan("Business Plan 2011–2014"), "1.1");
    auto writer = author();
    db::Transaction tx(*db_);
    auto first = save_update(*db_, engagement,
                             {{"written_on", "2012-04-20"}, {"narrative", "Attendance reviewed: 87% met the standard"},
                              {"rag", "green"}, {"status", "on_track"}, {"links", "https://example.org/attendance"}},
                             {}, writer, actor_);
    ASSERT_TRUE(first.has_value());
    auto older = save_update(*db_, engagement,
                             {{"written_on", "2012-01-10"}, {"narrative", "Review planned"}, {"rag", "amber"},
                              {"status", "at_risk"}},
                             {}, writer, actor_);
    ASSERT_TRUE(older.has_value());
    tx.commit();
    auto now = *find_action(*db_, engagement.id);
    EXPECT_EQ(now.status, Status::on_track);
    EXPECT_EQ(now.rag, Rag::green);
    auto updates = updates_of(*db_, engagement.id);
    ASSERT_EQ(updates.size(), 2u);
    EXPECT_EQ(updates[0].written_on, "2012-04-20");
    ASSERT_EQ(updates[0].evidence.size(), 1u);
    EXPECT_EQ(updates[0].evidence[0].url, "https://example.org/attendance");
}

TEST_P(PlansStore, AnUpdateNeedsItsFieldsAndChangesNothingWithoutThem) {
    auto engagement = action(plan("Business Plan 2011–2014"), "1.1");
    db::Transaction tx(*db_);
    auto result = save_update(*db_, engagement, {{"rag", "purple"}, {"links", "javascript:alert(1)"}}, {},
                              {1, "Business Manager"}, actor_);
    ASSERT_FALSE(result.has_value());
    std::vector<std::string> fields;
    for (const auto& e : result.error().fields) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"narrative", "rag", "status", "links"}));
    EXPECT_EQ(count("action_updates"), 0);
}

TEST_P(PlansStore, TheEscbRecommendationsKeepTheirSourceOwnerAndAcceptance) {
    RecommendationQuery query;
    query.reach.everything = true;
    query.partnership = essex_;
    query.limit = 100;
    auto all = list_recommendations(*db_, query);
    EXPECT_EQ(all.size(), 31u);
    auto first = *find_recommendation_numbered(*db_, essex_, "Safeguarding Children Review", "1");
    EXPECT_EQ(first.source, Source::scrutiny_committee);
    EXPECT_EQ(first.acceptance, Acceptance::not_for_this_partnership);
    EXPECT_EQ(first.acceptance_reasons, "Recommendation not for ESCB Chair");
    auto second = *find_recommendation_numbered(*db_, essex_, "Safeguarding Children Review", "2");
    ASSERT_TRUE(second.owner.has_value());
    EXPECT_EQ(second.owner->name, "Paul Fallon");
    query.source = Source::scrutiny_committee;
    EXPECT_EQ(list_recommendations(*db_, query).size(), 13u);
    query.source.reset();
    query.owner = second.owner;
    auto owned = list_recommendations(*db_, query);
    EXPECT_TRUE(std::all_of(owned.begin(), owned.end(), [&](const Recommendation& r) { return r.owner == second.owner; }));
}

TEST_P(PlansStore, RowsRepeatingARecommendationAddItsActionsInTurn) {
    auto report = import_recommendations(*db_, essex_,
                                         "source,source_reference,number,recommendation,action,status\n"
                                         "audit,Audit 2012/1,4,Strengthen core groups,Train core group chairs,on_track\n"
                                         "audit,Audit 2012/1,4,,Audit core group minutes,at_risk\n",
                                         {true, {}}, actor_);
    ASSERT_TRUE(report.ok()) << report.problems.front().column << ": " << report.problems.front().message;
    auto recommendation = *find_recommendation_numbered(*db_, essex_, "Audit 2012/1", "4");
    ActionQuery query;
    query.reach.everything = true;
    query.recommendation = recommendation.id;
    auto actions = all_actions(*db_, query);
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[0].number, "1");
    EXPECT_EQ(actions[0].title, "Train core group chairs");
    EXPECT_EQ(actions[1].number, "2");
    EXPECT_EQ(recommendation.status, Status::at_risk);
}

TEST_P(PlansStore, ARecommendationsStatusRollsUpFromItsActions) {
    auto recommendation = *find_recommendation_numbered(*db_, essex_, "Safeguarding Children Review", "12");
    EXPECT_EQ(recommendation.status, Status::not_started);
    db::Transaction tx(*db_);
    ASSERT_TRUE(save_recommendation_action(*db_, recommendation,
                                           {{"action", "Report vacancy levels to the committee"},
                                            {"target_date", "2010-09-30"}, {"status", "complete"}},
                                           {}, {true, {}}, actor_));
    ASSERT_TRUE(save_recommendation_action(*db_, recommendation,
                                           {{"action", "Review recruitment and retention"}, {"timescale", "Quarterly"},
                                            {"status", "at_risk"}},
                                           {}, {true, {}}, actor_));
    tx.commit();
    EXPECT_EQ(find_recommendation(*db_, recommendation.id)->status, Status::at_risk);
    RecommendationQuery at_risk;
    at_risk.reach.everything = true;
    at_risk.status = Status::at_risk;
    auto found = list_recommendations(*db_, at_risk);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, recommendation.id);
}

TEST_P(PlansStore, ABadActionsFileChangesNothingAndNamesEachRow) {
    auto current = plan("Business Plan 2011–2014");
    auto before = count("actions");
    auto report = import_actions(*db_, current,
                                 "number,action,timescale,priorities,responsibility\n"
                                 "1.9,A new action,June 2012,A,LSCB Training Sub Group\n"
                                 "1.10,Another,within a while,Z,Nobody At All\n"
                                 "12.1,No objective,Ongoing,,\n",
                                 {true, {}}, actor_);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(count("actions"), before);
    std::vector<std::pair<std::size_t, std::string>> problems;
    for (const auto& p : report.problems) problems.emplace_back(p.line, p.column);
    EXPECT_EQ(problems, (std::vector<std::pair<std::size_t, std::string>>{
                            {3, "timescale"}, {3, "responsibility"}, {3, "priorities"}, {4, "objective_title"}}));
}

TEST_P(PlansStore, AnAgencyLeadUpdatesOnlyTheActionsItsOrganisationOwns) {
    auto current = plan("Business Plan 2011–2014");
    auto manager = register_::find_people_named(*db_, "LSCB Business Manager", std::nullopt).at(0);
    ActionQuery theirs;
    theirs.reach.everything = true;
    theirs.plan = current.id;
    theirs.responsible = Party{PartyKind::person, manager.id, {}};
    auto owned = all_actions(*db_, theirs);
    ASSERT_FALSE(owned.empty());
    theirs.responsible = Party{PartyKind::body, body("LSCB Training Sub Group"), {}};
    auto training = all_actions(*db_, theirs);
    ASSERT_FALSE(training.empty());

    access::Principal council;
    council.grants = {{access::Role::agency_lead, {access::ScopeKind::organisation, *manager.organisation_id}}};
    access::Principal police;
    police.grants = {{access::Role::agency_lead, {access::ScopeKind::organisation, organisation("Essex Police")}}};
    access::Principal trainer;
    trainer.grants = {{access::Role::member, {access::ScopeKind::body, body("LSCB Training Sub Group")}}};
    access::Principal business_unit;
    business_unit.grants = {{access::Role::business_unit, {access::ScopeKind::partnership, southend_}}};
    access::Principal essex_unit;
    essex_unit.grants = {{access::Role::business_unit, {access::ScopeKind::partnership, essex_}}};

    EXPECT_TRUE(may_update(*db_, council, owned.front()));
    EXPECT_FALSE(may_update(*db_, police, owned.front()));
    EXPECT_TRUE(may_update(*db_, trainer, training.front()));
    auto community = Party{PartyKind::body, body("LSCB Community Sub Group"), {}};
    theirs.responsible = community;
    auto others = all_actions(*db_, theirs);
    auto not_training = std::find_if(others.begin(), others.end(), [&](const Action& a) {
        return std::none_of(training.begin(), training.end(), [&](const Action& t) { return t.id == a.id; });
    });
    ASSERT_NE(not_training, others.end());
    EXPECT_FALSE(may_update(*db_, trainer, *not_training));
    EXPECT_TRUE(may_update(*db_, business_unit, owned.front()));
    EXPECT_FALSE(may_update(*db_, essex_unit, owned.front()));
}

TEST_P(PlansStore, RollingForwardAReviewedPlanCarriesItsOpenIssuesLinked) {
    auto previous = plan("LSCB Business Plan 2010/11");
    auto carried_over = 0;
    for (const auto& a : actions_of(previous)) carried_over += a.issues_for_revised_plan.empty() ? 0 : 1;
    db::Transaction tx(*db_);
    auto next = roll_forward(*db_, previous, {{"title", "Rolled forward 2011/12"}}, actor_);
    ASSERT_TRUE(next.has_value()) << next.error().message;
    tx.commit();
    auto rolled = *find_plan(*db_, next->id);
    EXPECT_EQ(rolled.previous_plan_id, previous.id);
    EXPECT_EQ(rolled.starts_on, "2011-10-01");
    EXPECT_EQ(rolled.ends_on, "2012-09-30");
    auto actions = actions_of(rolled);
    EXPECT_EQ(static_cast<int>(actions.size()), carried_over);
    auto pr = action(rolled, "7.4");
    EXPECT_EQ(pr.carried_from_id, action(previous, "7.4").id);
    EXPECT_EQ(pr.required, action(previous, "7.4").issues_for_revised_plan);
    EXPECT_EQ(pr.status, Status::not_started);
    EXPECT_EQ(objectives_of(*db_, rolled.id).size(), 10u);

    auto unreviewed = plan("Business Plan 2011–2014");
    auto refused = roll_forward(*db_, unreviewed, {{"title", "Too early"}}, actor_);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().fields.at(0).field, "plan");
}

SAFEBOARD_TEST_ON_BACKENDS(PlansStore);

}  // namespace
}  // namespace safeboard::plans
