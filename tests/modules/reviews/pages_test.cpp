// The learning reviews pages, called as the server calls them (route,
// access, handler) on the Essex demo, on SQLite and PostgreSQL alike: need
// to know (404 outside the reach, 403 to a reader who tries to change), the
// partnership's clocks, forms that name every field and change nothing until
// right, recommendations into the register with their action, and the
// yearly summary of lessons as a page and a PDF.
#include <chrono>
#include <cstdio>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/lessons.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/pages.hpp"
#include "modules/reviews/store.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/dispatch.hpp"
#include "platform/http/problem.hpp"
#include "platform/web/routes.hpp"
#include "support/module_pages.hpp"

namespace safeboard::reviews {
namespace {

using access::Role;
using access::ScopeKind;
using testing::Form;
using testing::form_encoded;

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

class ReviewPages : public testing::ModulePages {
protected:
    void load(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        load_demo(db, actor_);
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        child_b_ = find_case_by_reference(db, essex_, "Child B / 2026")->id;
        child_d_ = find_case_by_reference(db, essex_, "Child D / 2026")->id;
        police_ = register_::find_organisations_named(db, "Essex Police").at(0).id;
    }
    void add_module_pages(http::Router& router, web::Templates& templates) override {
        templates.add(page_templates());
        add_pages(router, templates);
    }

    static access::Principal user(Role role, std::int64_t partnership) {
        return testing::principal(role, {ScopeKind::partnership, partnership});
    }
    access::Principal panel() const { return user(Role::review_panel, essex_); }

    Case case_of(std::int64_t id) {
        auto lease = pool_->acquire();
        return *find_case(*lease, id);
    }
    std::string review(std::int64_t id) const { return "/reviews/" + std::to_string(id); }

    std::int64_t essex_ = 0, southend_ = 0, child_b_ = 0, child_d_ = 0, police_ = 0;
};

TEST_P(ReviewPages, ACaseIsNeedToKnow) {
    // A viewer and another partnership's panel are told there is no such review.
    for (const auto& outsider : {user(Role::viewer, essex_), user(Role::review_panel, southend_)}) {
        EXPECT_EQ(get(review(child_d_), outsider).status, 404u);
        EXPECT_EQ(get(review(child_d_) + "/decision", outsider).status, 404u);
        EXPECT_EQ(post(review(child_d_) + "/decision", outsider,
                       {{"decision", "lcspr"}, {"ratified_by", std::to_string(police_)}, {"ratified_on", "2026-11-20"}})
                      .status,
                  404u);
    }
    EXPECT_EQ(get("/reviews", user(Role::viewer, essex_)).status, 403u);
    // A statutory partner reads the case but may not record its decision.
    auto partner = user(Role::statutory_partner, essex_);
    auto page = get(review(child_d_), partner);
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_TRUE(has(page.body, "Child D / 2026"));
    EXPECT_FALSE(has(page.body, "Record the decision"));
    // Only those who may read reviews are shown the way to them.
    EXPECT_TRUE(has(page.body, "href=\"/reviews\">Learning reviews</a>"));
    auto viewers_page = get(review(child_d_), user(Role::viewer, essex_));
    EXPECT_FALSE(has(viewers_page.body, "Learning reviews"));
    EXPECT_EQ(post(review(child_d_) + "/decision", partner,
                   {{"decision", "lcspr"}, {"ratified_by", std::to_string(police_)}, {"ratified_on", "2026-11-20"}})
                  .status,
              403u);
    EXPECT_FALSE(case_of(child_d_).decision.has_value());
}

TEST_P(ReviewPages, TheDecisionFormNamesEveryFieldAndRecordsNothingUntilRight) {
    auto empty = post(review(child_d_) + "/decision", panel(), {{"decision", ""}, {"ratified_by", ""}, {"ratified_on", ""}});
    ASSERT_EQ(empty.status, 422u);
    for (const char* link : {"href=\"#decision\"", "href=\"#ratified_by\"", "href=\"#ratified_on\""}) {
        EXPECT_TRUE(has(empty.body, link)) << link;
    }
    EXPECT_FALSE(case_of(child_d_).decision.has_value());
    auto future = post(review(child_d_) + "/decision", panel(),
                       {{"decision", "lcspr"}, {"ratified_by", std::to_string(police_)}, {"ratified_on", "2999-01-01"}});
    EXPECT_EQ(future.status, 422u);
    EXPECT_TRUE(has(future.body, "href=\"#ratified_on\""));
    EXPECT_FALSE(case_of(child_d_).decision.has_value());

    auto done = post(review(child_d_) + "/decision", panel(),
                     {{"decision", "lcspr"}, {"ratified_by", std::to_string(police_)}, {"ratified_on", "2026-11-20"}});
    ASSERT_EQ(done.status, 303u) << done.body;
    EXPECT_EQ(done.find_header("Location"), review(child_d_) + "#clock");
    auto c = case_of(child_d_);
    ASSERT_TRUE(c.decision.has_value());
    EXPECT_EQ(c.decision->ratified_by, police_);
    auto page = get(review(child_d_), panel());
    EXPECT_TRUE(has(page.body, "Local child safeguarding practice review"));
    EXPECT_TRUE(has(page.body, "Essex Police"));
    EXPECT_TRUE(has(page.body, "Change the decision"));
}

TEST_P(ReviewPages, TheClocksListFlagsOverdueStepsInWords) {
    auto list = get("/reviews?partnership=" + std::to_string(essex_), panel());
    ASSERT_EQ(list.status, 200u) << list.body;
    // Child D's notification was due on Friday 20 November 2026 and has not been made.
    EXPECT_TRUE(has(list.body, "Notify the national Child Safeguarding Practice Review Panel"));
    EXPECT_TRUE(has(list.body, "20 November 2026"));
    EXPECT_TRUE(has(list.body, ">Overdue<"));
    EXPECT_TRUE(has(list.body, "Record a serious incident"));
    // Child A is closed, but Essex Police has not confirmed it shared the learning with its managers.
    EXPECT_TRUE(has(list.body, "Child A / 2008"));
    // Its recommendation's action is long overdue: the Executive and the Board are told.
    EXPECT_TRUE(has(list.body, "Recommendations needing attention"));
    EXPECT_TRUE(has(list.body, "<li>Action 1 is overdue</li>"));
    EXPECT_FALSE(has(get("/reviews", user(Role::statutory_partner, essex_)).body, "Record a serious incident"));
    EXPECT_EQ(get("/reviews?partnership=" + std::to_string(southend_), panel()).status, 404u);
}

TEST_P(ReviewPages, ASeriousIncidentIsRecordedWithEveryProblemNamed) {
    auto target = "/reviews/new?partnership=" + std::to_string(essex_);
    ASSERT_EQ(get(target, panel()).status, 200u);
    auto bad = post(target, panel(), {{"reference", ""}, {"incident_on", "2026-11-20"}, {"became_aware_on", "2026-13-40"}});
    ASSERT_EQ(bad.status, 422u);
    EXPECT_TRUE(has(bad.body, "href=\"#reference\""));
    EXPECT_TRUE(has(bad.body, "href=\"#became_aware_on\""));
    {
        auto lease = pool_->acquire();
        EXPECT_EQ(cases_of(*lease, {essex_}).size(), 3u);
    }
    auto made = post(target, panel(),
                     {{"reference", "Child E / 2026"}, {"incident_on", "2026-11-16"}, {"became_aware_on", "2026-11-17"},
                      {"agencies", std::to_string(police_)}});
    ASSERT_EQ(made.status, 303u) << made.body;
    auto lease = pool_->acquire();
    auto c = find_case_by_reference(*lease, essex_, "Child E / 2026");
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(made.find_header("Location"), review(c->id));
    EXPECT_EQ(c->agencies, std::vector<std::int64_t>{police_});
    EXPECT_EQ(post(target, user(Role::statutory_partner, essex_), {{"reference", "Child F / 2026"}}).status, 403u);
}

TEST_P(ReviewPages, ARecommendationGoesIntoTheRegisterWithItsAction) {
    auto bad = post(review(child_b_) + "/recommendations", panel(), {{"number", "1"}, {"recommendation", ""}});
    ASSERT_EQ(bad.status, 422u);
    EXPECT_TRUE(has(bad.body, "href=\"#recommendation\""));
    auto added = post(review(child_b_) + "/recommendations", panel(),
                      {{"number", "1"},
                       {"recommendation", "The out-of-hours service should record every call about a child."},
                       {"owner", "Essex County Council"},
                       {"acceptance", "accepted"},
                       {"action", "Change the out-of-hours recording form"},
                       {"target_date", "2027-03-31"},
                       {"responsibility", "Essex County Council"},
                       {"senior_lead", "Malcolm Newsam"}});
    ASSERT_EQ(added.status, 303u) << added.body;
    {
        auto lease = pool_->acquire();
        auto found = plans::recommendations_from(*lease, essex_, plans::Source::case_review, "Child B / 2026");
        ASSERT_EQ(found.size(), 1u);
        plans::ActionQuery query;
        query.reach.everything = true;
        query.recommendation = found.front().id;
        auto actions = plans::all_actions(*lease, query);
        ASSERT_EQ(actions.size(), 1u);
        EXPECT_EQ(actions.front().title, "Change the out-of-hours recording form");
    }
    auto page = get(review(child_b_), panel());
    EXPECT_TRUE(has(page.body, "Change the out-of-hours recording form"));
    EXPECT_TRUE(has(page.body, "Not signed off by the agency concerned"));

    // The agency concerned signs it off: someone of Essex County Council.
    std::int64_t recommendation = 0, newsam = 0;
    {
        auto lease = pool_->acquire();
        recommendation = plans::recommendations_from(*lease, essex_, plans::Source::case_review, "Child B / 2026")[0].id;
        newsam = register_::find_people_named(*lease, "Malcolm Newsam", std::nullopt).at(0).id;
    }
    auto sign = review(child_b_) + "/recommendations/" + std::to_string(recommendation) + "/sign-off";
    ASSERT_EQ(get(sign, panel()).status, 200u);
    auto unsigned_ = post(sign, panel(), {{"signed_off_by", ""}, {"signed_off_on", "2026-11-02"}});
    EXPECT_EQ(unsigned_.status, 422u);
    EXPECT_TRUE(has(unsigned_.body, "href=\"#signed_off_by\""));
    auto signed_off = post(sign, panel(), {{"signed_off_by", std::to_string(newsam)}, {"signed_off_on", "2026-11-02"}});
    ASSERT_EQ(signed_off.status, 303u) << signed_off.body;
    auto after = get(review(child_b_), panel());
    EXPECT_TRUE(has(after.body, "Malcolm Newsam, 2 November 2026"));
    EXPECT_FALSE(has(after.body, "Not signed off by the agency concerned"));
    // Another review's recommendation is not this one's to sign off.
    EXPECT_EQ(get(review(child_d_) + "/recommendations/" + std::to_string(recommendation) + "/sign-off", panel()).status,
              404u);
}

TEST_P(ReviewPages, TheLessonsSummaryGivesThePeriodsLessonsAndNoSensitiveDetail) {
    std::array<unsigned char, Vault::kKeyBytes> key{};
    key.fill(3);
    auto vault = Vault::with_key(key);
    const std::string secret = "Jordan Example-Smith";
    {
        auto lease = pool_->acquire();
        db::Transaction tx(*lease);
        auto child_c = find_case_by_reference(*lease, essex_, "Child C / 2025")->id;
        set_sensitive_detail(*lease, vault, child_c, "child_name", secret, actor_);
        tx.commit();
    }
    auto query = "?partnership=" + std::to_string(essex_) + "&from=2026-01-01&to=2026-12-31";
    auto page = get("/reviews/lessons" + query, panel());
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_TRUE(has(page.body, "Child C / 2025"));
    EXPECT_TRUE(has(page.body, "moves between schools mid-year"));
    EXPECT_FALSE(has(page.body, "Child A / 2008"));  // published in 2008
    EXPECT_FALSE(has(page.body, "Child B / 2026"));  // no lessons recorded yet
    EXPECT_FALSE(has(page.body, secret));
    auto pdf = get("/reviews/lessons.pdf" + query, panel());
    ASSERT_EQ(pdf.status, 200u) << pdf.body;
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    auto bad = get("/reviews/lessons?partnership=" + std::to_string(essex_) + "&from=2026-13-01", panel());
    EXPECT_EQ(bad.status, 422u);
    EXPECT_TRUE(has(bad.body, "href=\"#from\""));
    EXPECT_EQ(get("/reviews/lessons.pdf?partnership=" + std::to_string(southend_), panel()).status, 404u);

    // Child A / 2008 was closed in 2010: its lessons and its recommendation, with their status.
    auto lease = pool_->acquire();
    auto essex = *register_::find_partnership(*lease, essex_);
    auto summary = lessons_summary(*lease, essex, {"2010-01-01", "2010-12-31"});
    ASSERT_EQ(summary.cases.size(), 1u);
    EXPECT_EQ(summary.cases[0].reference, "Child A / 2008");
    EXPECT_EQ(summary.cases[0].milestone.what, "Closed");
    ASSERT_EQ(summary.cases[0].recommendations.size(), 1u);
    EXPECT_TRUE(has(summary.cases[0].recommendations[0].text, "annual summary"));
    EXPECT_TRUE(has(lessons_introduction(summary), "1 January 2010 to 31 December 2010"));
}

SAFEBOARD_TEST_ON_BACKENDS(ReviewPages);

}  // namespace
}  // namespace safeboard::reviews
