// What a review panel types, checked and saved, on SQLite and PostgreSQL:
// every problem named by its field with nothing written, the decision
// ratified only by a statutory partner, steps from the partnership's clock
// rules, sign-offs by the agency concerned, the learning shared and what is
// missing, and the demo loading twice without change.
#include <gtest/gtest.h>

#include "modules/plans/module.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/store.hpp"
#include "modules/reviews/view.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::reviews {
namespace {

std::vector<std::string> fields_of(const Error& error) {
    std::vector<std::string> names;
    for (const auto& e : error.fields) names.push_back(e.field);
    return names;
}

bool names(const Error& error, const std::string& field) {
    auto all = fields_of(error);
    return std::ranges::find(all, field) != all.end();
}

class ReviewSave : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::MigrationSet set;
        set.add_module("audit", audit::migrations());
        set.add_module("auth", auth::migrations());
        set.add_module("register", register_::migrations());
        set.add_module("plans", plans::migrations());
        set.add_module("reviews", migrations());
        db::migrate(*db_, set);
        register_::load_demo(*db_, actor_);
        essex_ = register_::find_partnership_by_code(*db_, "essex")->id;
    }
    Case fresh() {
        db::Transaction tx(*db_);
        auto id = save_case(*db_,
                            {{"reference", "Child Q / 2026"},
                             {"incident_on", "2026-03-27"},
                             {"became_aware_on", "2026-03-30"},
                             {"agencies", "Essex Police; Essex County Council"}},
                            essex_, std::nullopt, today_, actor_);
        EXPECT_TRUE(id) << (id ? "" : id.error().message);
        tx.commit();
        return *find_case(*db_, *id);
    }
    std::int64_t audit_entries() { return db_->query("SELECT COUNT(*) FROM audit_log").rows.at(0).integer(0); }
    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    std::int64_t essex_ = 0;
    std::string today_ = "2026-11-22";
};

TEST_P(ReviewSave, ACaseWithEveryProblemNamedAndNothingWritten) {
    auto before = audit_entries();
    auto saved = save_case(*db_,
                           {{"reference", ""},
                            {"incident_on", "2026-02-30"},
                            {"became_aware_on", "2027-01-01"},
                            {"agencies", "Nowhere Council"}},
                           essex_, std::nullopt, today_, actor_);
    ASSERT_FALSE(saved);
    for (const char* field : {"reference", "incident_on", "agencies"}) EXPECT_TRUE(names(saved.error(), field)) << field;
    EXPECT_EQ(audit_entries(), before);
    EXPECT_TRUE(cases_of(*db_, {essex_}).empty());
    auto c = fresh();
    EXPECT_EQ(c.agencies.size(), 2u);
    auto again = save_case(*db_, {{"reference", "Child Q / 2026"}, {"incident_on", "2026-03-27"},
                                  {"became_aware_on", "2026-03-30"}},
                           essex_, std::nullopt, today_, actor_);
    ASSERT_FALSE(again);
    EXPECT_TRUE(names(again.error(), "reference"));
}

TEST_P(ReviewSave, OnlyAStatutoryPartnerRatifiesTheDecision) {
    auto c = fresh();
    auto school = save_decision(*db_, c, {{"decision", "lcspr"}, {"ratified_by", "All Special Schools"},
                                          {"ratified_on", "2026-04-29"}},
                                today_, actor_);
    ASSERT_FALSE(school);
    EXPECT_EQ(fields_of(school.error()), std::vector<std::string>{"ratified_by"});
    auto early = save_decision(*db_, c, {{"decision", "lcspr"}, {"ratified_by", "Essex Police"},
                                         {"ratified_on", "2026-03-01"}},
                               today_, actor_);
    ASSERT_FALSE(early);
    EXPECT_TRUE(names(early.error(), "ratified_on"));
    db::Transaction tx(*db_);
    ASSERT_TRUE(save_decision(*db_, c, {{"decision", "no_review"}, {"ratified_by", "Essex Police"},
                                        {"ratified_on", "2026-04-29"}},
                              today_, actor_));
    tx.commit();
    auto decided = *find_case(*db_, c.id);
    ASSERT_TRUE(decided.decision);
    EXPECT_EQ(decided.decision->kind, DecisionKind::no_review);
}

TEST_P(ReviewSave, StepsComeFromTheClockRulesAndClosureClosesTheCase) {
    auto c = fresh();
    auto unknown = save_step(*db_, c, {{"step", "lunch"}, {"done_on", "2026-04-01"}}, today_, actor_);
    ASSERT_FALSE(unknown);
    EXPECT_TRUE(names(unknown.error(), "step"));
    auto decision = save_step(*db_, c, {{"step", "decision"}, {"done_on", "2026-04-01"}}, today_, actor_);
    ASSERT_FALSE(decision);
    auto future = save_step(*db_, c, {{"step", "notification"}, {"done_on", "2026-12-01"}}, today_, actor_);
    ASSERT_FALSE(future);
    EXPECT_TRUE(names(future.error(), "done_on"));
    db::Transaction tx(*db_);
    ASSERT_TRUE(save_step(*db_, c, {{"step", "notification"}, {"done_on", "2026-04-08"}, {"evidence", "Portal"}},
                          today_, actor_));
    ASSERT_TRUE(save_step(*db_, *find_case(*db_, c.id), {{"step", "closure"}, {"done_on", "2026-11-20"}}, today_,
                          actor_));
    tx.commit();
    auto closed = *find_case(*db_, c.id);
    EXPECT_EQ(closed.status, CaseStatus::closed);
    EXPECT_EQ(closed.steps.at("notification").evidence, "Portal");
}

TEST_P(ReviewSave, AgencyReportsAndTermsOfReference) {
    auto c = fresh();
    db::Transaction tx(*db_);
    auto report = save_agency_report(*db_, c, {{"organisation", "Mid Essex Hospital Services NHS Trust"},
                                               {"due_on", "2026-07-31"}, {"senior_manager", "Malcolm Newsam"}},
                                     std::nullopt, today_, actor_);
    // Malcolm Newsam is of Essex County Council, not of the hospital trust.
    ASSERT_FALSE(report);
    EXPECT_EQ(fields_of(report.error()), std::vector<std::string>{"senior_manager"});
    report = save_agency_report(*db_, c, {{"organisation", "Mid Essex Hospital Services NHS Trust"},
                                          {"due_on", "2026-07-31"}},
                                std::nullopt, today_, actor_);
    ASSERT_TRUE(report);
    // The trust became an agency of the case; a second report from it is refused.
    EXPECT_EQ(find_case(*db_, c.id)->agencies.size(), 3u);
    EXPECT_FALSE(save_agency_report(*db_, c, {{"organisation", "Mid Essex Hospital Services NHS Trust"},
                                              {"due_on", "2026-08-31"}},
                                    std::nullopt, today_, actor_));
    ASSERT_TRUE(save_agency_report(*db_, c, {{"received_on", "2026-07-30"}}, *report, today_, actor_));
    auto terms = save_terms_of_reference(*db_, c, {{"summary", "What agencies knew"}}, actor_);
    ASSERT_TRUE(terms);
    ASSERT_TRUE(sign_off_terms(*db_, c, *terms, {{"signed_off_by", "Paul Fallon"}, {"signed_off_on", "2026-05-12"}},
                               today_, actor_));
    auto twice = sign_off_terms(*db_, c, *terms, {{"signed_off_by", "Paul Fallon"}, {"signed_off_on", "2026-05-13"}},
                                today_, actor_);
    ASSERT_FALSE(twice);
    EXPECT_TRUE(names(twice.error(), "terms"));
    tx.commit();
    auto signed_off = *find_case(*db_, c.id);
    EXPECT_EQ(signed_off.steps.at("terms_of_reference").done_on, "2026-05-12");
    EXPECT_EQ(agency_reports_of(*db_, c.id).at(0).received_on, std::optional<std::string>("2026-07-30"));
}

TEST_P(ReviewSave, ConfirmationsOfLearningSharedAndWhatIsMissing) {
    auto c = fresh();
    auto outsider = save_confirmation(*db_, c, {{"organisation", "All Special Schools"}, {"level", "practitioner"},
                                                {"confirmed_on", "2026-06-01"}, {"evidence", "Briefing"}},
                                      today_, actor_);
    ASSERT_FALSE(outsider);
    EXPECT_TRUE(names(outsider.error(), "organisation"));
    auto blank = save_confirmation(*db_, c, {{"organisation", "Essex Police"}, {"level", "board"}}, today_, actor_);
    ASSERT_FALSE(blank);
    for (const char* field : {"level", "confirmed_on"}) EXPECT_TRUE(names(blank.error(), field)) << field;
    db::Transaction tx(*db_);
    ASSERT_TRUE(save_confirmation(*db_, c, {{"organisation", "Essex Police"}, {"level", "governance"},
                                            {"confirmed_on", "2026-06-01"}, {"evidence", "Police and Crime Panel"}},
                                  today_, actor_));
    tx.commit();
    auto view = view_of(*db_, *find_case(*db_, c.id), today_);
    ASSERT_EQ(view.confirmations.size(), 1u);
    EXPECT_EQ(view.confirmations[0].organisation_name, "Essex Police");
    EXPECT_EQ(view.missing.size(), 5u);  // two agencies at three levels, one confirmed
}

TEST_P(ReviewSave, RecommendationsAreTheRegistersAndSignedOffByTheAgencyConcerned) {
    auto c = fresh();
    access::ScopeFilter everything{true, {}};
    db::Transaction tx(*db_);
    auto id = save_recommendation(*db_, c,
                                  {{"number", "1"},
                                   {"recommendation", "Record every out-of-hours call about a child"},
                                   {"owner", "Essex County Council"},
                                   {"action", "Change the form"},
                                   {"target_date", "2027-03-31"},
                                   {"responsibility", "Essex County Council"}},
                                  everything, actor_);
    ASSERT_TRUE(id) << id.error().message;
    auto recommendation = *plans::find_recommendation(*db_, *id);
    EXPECT_EQ(recommendation.source, plans::Source::case_review);
    EXPECT_EQ(recommendation.source_reference, "Child Q / 2026");
    auto wrong_agency = sign_off_recommendation(*db_, c, *id, {{"signed_off_by", "Paul Fallon"},
                                                               {"signed_off_on", "2026-11-01"}},
                                                today_, actor_);
    ASSERT_FALSE(wrong_agency);
    EXPECT_TRUE(names(wrong_agency.error(), "signed_off_by"));
    ASSERT_TRUE(sign_off_recommendation(*db_, c, *id, {{"signed_off_by", "Malcolm Newsam"},
                                                       {"signed_off_on", "2026-11-01"}},
                                        today_, actor_));
    tx.commit();
    auto view = view_of(*db_, c, "2026-11-22");
    ASSERT_EQ(view.recommendations.size(), 1u);
    ASSERT_TRUE(view.recommendations[0].sign_off);
    EXPECT_EQ(view.recommendations[0].sign_off->signer_name, "Malcolm Newsam");
    // A new action has no progress yet: the quarter's monitoring says so.
    EXPECT_EQ(view.recommendations[0].exceptions,
              std::vector<std::string>{"Action 1 has no progress reported in the last quarter"});
}

TEST_P(ReviewSave, TheDemoLoadsTwiceWithoutChange) {
    plans::load_demo(*db_, actor_);
    auto first = load_demo(*db_, actor_);
    EXPECT_EQ(first.cases, 4u);
    EXPECT_EQ(first.cases_added, 4u);
    auto entries = audit_entries();
    auto second = load_demo(*db_, actor_);
    EXPECT_EQ(second.cases_added, 0u);
    EXPECT_EQ(audit_entries(), entries);
    auto child_a = *find_case_by_reference(*db_, essex_, "Child A / 2008");
    EXPECT_EQ(child_a.status, CaseStatus::closed);
    auto view = view_of(*db_, child_a, "2010-06-01");
    ASSERT_EQ(view.recommendations.size(), 1u);
    EXPECT_NE(view.recommendations[0].recommendation.text.find("annual summary"), std::string::npos);
}

SAFEBOARD_TEST_ON_BACKENDS(ReviewSave);

}  // namespace
}  // namespace safeboard::reviews
