// The learning reviews API over real HTTP, on the Essex demo: need to know
// (404 for a viewer and for another partnership's panel), the clock and the
// partnership's deadlines in working days, recording a decision (only a
// statutory partner may ratify it), recommendations into the register with
// their sign-off, the learning shared and what is missing, and sensitive
// details sealed at rest and audited on every read, never in plain text in
// the audit trail.
#include <algorithm>
#include <mutex>
#include <sstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/log/log.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;
using safeboard::testing::RawResponse;

class ReviewsApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        reviews::load_demo(db, actor_);
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
        auto southend = register_::find_partnership_by_code(db, "southend")->id;
        auto user = [&](const std::string& email, access::Role role, std::int64_t partnership) {
            return token_for(db, email, role, {access::ScopeKind::partnership, partnership});
        };
        panel_ = user("panel@example.org", access::Role::review_panel, essex_);
        partner_ = user("partner@example.org", access::Role::statutory_partner, essex_);
        unit_ = user("unit@example.org", access::Role::business_unit, essex_);
        viewer_ = user("viewer@example.org", access::Role::viewer, essex_);
        outsider_ = user("panel@southend.example.org", access::Role::review_panel, southend);
        child_b_ = reviews::find_case_by_reference(db, essex_, "Child B / 2026")->id;
        child_d_ = reviews::find_case_by_reference(db, essex_, "Child D / 2026")->id;
        child_a_ = reviews::find_case_by_reference(db, essex_, "Child A / 2008")->id;
    }
    json::value post(const std::string& target, const std::string& token, const json::object& body,
                     unsigned status) {
        auto response = call(bhttp::verb::post, target, token, json::serialize(body));
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return json::parse(response.body());
    }
    std::string review(std::int64_t id) { return "/api/v1/reviews/" + std::to_string(id); }
    std::int64_t count_audit(const std::string& needle) {
        auto lease = pool_->acquire();
        auto rows = lease->query("SELECT COUNT(*) FROM audit_log WHERE changes LIKE $1 OR detail LIKE $1", {"%" + needle + "%"});
        return rows.rows.front().integer(0);
    }
    std::int64_t essex_ = 0, child_a_ = 0, child_b_ = 0, child_d_ = 0;
    std::string panel_, partner_, unit_, viewer_, outsider_;
};

const json::object& step_of(const json::value& clock, std::string_view step) {
    for (const auto& s : clock.at("steps").as_array()) {
        if (s.at("step").as_string() == step) return s.as_object();
    }
    throw std::runtime_error("no step " + std::string(step));
}

TEST_F(ReviewsApi, ReviewsAreNeedToKnow) {
    auto list = get("/api/v1/reviews?partnership=" + std::to_string(essex_), panel_);
    EXPECT_EQ(list.at("items").as_array().size(), 3u);  // Child A / 2008 is closed
    EXPECT_EQ(get("/api/v1/reviews?status=all", partner_).at("items").as_array().size(), 4u);
    // A viewer, the business unit and another partnership's panel are told there is no such review.
    for (const auto* token : {&viewer_, &unit_, &outsider_}) {
        get(review(child_b_), *token, 404);
        get(review(child_b_) + "/clock", *token, 404);
        get(review(child_b_) + "/dissemination", *token, 404);
        post(review(child_b_) + "/steps", *token, {{"step", "notification"}, {"done_on", "2026-04-08"}}, 404);
    }
    EXPECT_TRUE(get("/api/v1/reviews", outsider_).at("items").as_array().empty());
    // A statutory partner reads but does not change.
    get(review(child_b_), partner_);
    post(review(child_b_) + "/steps", partner_, {{"step", "panel_meetings"}, {"done_on", "2026-06-01"}}, 403);
}

TEST_F(ReviewsApi, TheClockCountsWorkingDaysAcrossEasterAndAWeekend) {
    // Child B: aware Monday 30 March 2026; Good Friday and Easter Monday are not working days.
    auto clock = get(review(child_b_) + "/clock?on=2026-04-01", panel_);
    EXPECT_EQ(step_of(clock, "notification").at("due_on").as_string(), "2026-04-08");
    EXPECT_EQ(step_of(clock, "rapid_review").at("due_on").as_string(), "2026-04-22");
    EXPECT_EQ(step_of(clock, "publication").at("due_on").as_string(), "2026-10-29");  // 6 months after ratification
    // Child D: aware on Saturday 14 November 2026, so Monday is day 1.
    auto d = get(review(child_d_) + "/clock?on=2026-11-23", panel_);
    const auto& notification = step_of(d, "notification");
    EXPECT_EQ(notification.at("due_on").as_string(), "2026-11-20");
    EXPECT_TRUE(notification.at("overdue").as_bool());
    EXPECT_EQ(notification.at("working_days_left").as_int64(), -1);
    EXPECT_EQ(step_of(d, "rapid_review").at("due_on").as_string(), "2026-12-04");
    // The partnership's deadlines, nearest first.
    auto deadlines = get("/api/v1/reports/review-deadlines?on=2026-11-23", panel_);
    const auto& rows = deadlines.at("deadlines").as_array();
    ASSERT_FALSE(rows.empty());
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(), [](const json::value& a, const json::value& b) {
        return a.at("due_on").as_string() < b.at("due_on").as_string();
    }));
    get("/api/v1/reports/review-deadlines?on=23/13/2026", panel_, 422);
}

TEST_F(ReviewsApi, ADecisionIsRatifiedByAStatutoryPartner) {
    auto bad = post(review(child_d_) + "/decision", panel_,
                    {{"decision", "maybe"}, {"ratified_by", "All Secondary Education Establishments"},
                     {"ratified_on", "2026-11-40"}},
                    422);
    std::vector<std::string> fields;
    for (const auto& e : bad.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    EXPECT_NE(std::ranges::find(fields, "decision"), fields.end());
    EXPECT_NE(std::ranges::find(fields, "ratified_on"), fields.end());
    EXPECT_TRUE(get(review(child_d_), panel_).at("decision").is_null());  // nothing changed
    auto not_partner = post(review(child_d_) + "/decision", panel_,
                            {{"decision", "lcspr"}, {"ratified_by", "All Secondary Education Establishments"},
                             {"ratified_on", "2026-11-20"}},
                            422);
    EXPECT_EQ(not_partner.at("errors").as_array()[0].at("field").as_string(), "ratified_by");
    auto done = post(review(child_d_) + "/decision", panel_,
                     {{"decision", "lcspr"}, {"ratified_by", "Essex Police"}, {"ratified_on", "2026-11-20"}}, 200);
    EXPECT_EQ(done.at("decision").at("ratified_by_name").as_string(), "Essex Police");
    EXPECT_EQ(step_of(done.at("clock"), "decision").at("done_on").as_string(), "2026-11-20");
}

TEST_F(ReviewsApi, RecommendationsGoIntoTheRegisterAndAreSignedOff) {
    auto recs = get(review(child_a_) + "/recommendations?on=2010-06-01", panel_);
    const auto& items = recs.at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_NE(std::string(items[0].at("recommendation").as_string()).find("annual summary"), std::string::npos);
    EXPECT_FALSE(items[0].at("sign_off").is_null());
    // The action is overdue on 1 June 2010 and reported as an exception.
    const auto& exceptions = items[0].at("exceptions").as_array();
    EXPECT_TRUE(std::any_of(exceptions.begin(), exceptions.end(),
                            [](const json::value& e) { return e.as_string() == "Action 1 is overdue"; }));
    auto added = post(review(child_b_) + "/recommendations", panel_,
                      {{"number", "1"},
                       {"recommendation", "The out-of-hours service should record every call about a child."},
                       {"owner", "Essex County Council"},
                       {"action", "Change the out-of-hours recording form"},
                       {"target_date", "2027-03-31"},
                       {"responsibility", "Essex County Council"}},
                      201);
    const auto& rec = added.at("recommendations").as_array().at(0);
    EXPECT_EQ(rec.at("exceptions").as_array()[0].as_string(), "Not signed off by the agency concerned");
    auto id = std::string(rec.at("id").as_string());
    // Signed off by someone of the agency it concerns: Paul Fallon is not of Essex County Council.
    post(review(child_b_) + "/recommendations/" + id + "/sign-off", panel_,
         {{"signed_off_by", "Paul Fallon"}, {"signed_off_on", "2026-11-02"}}, 422);
    auto signed_off = post(review(child_b_) + "/recommendations/" + id + "/sign-off", panel_,
                           {{"signed_off_by", "Malcolm Newsam"}, {"signed_off_on", "2026-11-02"}}, 200);
    EXPECT_EQ(signed_off.at("recommendations").as_array()[0].at("sign_off").at("signed_off_by_name").as_string(),
              "Malcolm Newsam");
}

TEST_F(ReviewsApi, ThePartnershipsRecommendationExceptionsForTheBoard) {
    auto report = get("/api/v1/reports/review-recommendations?on=2026-11-23&partnership=" + std::to_string(essex_),
                      partner_);
    const auto& rows = report.at("recommendations").as_array();
    // Child A's case is closed, but its recommendation is not finished: it is still reported.
    auto child_a = std::find_if(rows.begin(), rows.end(),
                                [](const json::value& r) { return r.at("reference").as_string() == "Child A / 2008"; });
    ASSERT_NE(child_a, rows.end());
    const auto& exceptions = child_a->at("exceptions").as_array();
    EXPECT_TRUE(std::any_of(exceptions.begin(), exceptions.end(),
                            [](const json::value& e) { return e.as_string() == "Action 1 is overdue"; }));
    EXPECT_EQ(call(bhttp::verb::get, "/api/v1/reports/review-recommendations", viewer_).result_int(), 403u);
    EXPECT_TRUE(get("/api/v1/reports/review-recommendations", outsider_).at("recommendations").as_array().empty());
}

TEST_F(ReviewsApi, LearningSharedAndWhatIsMissing) {
    auto shared = get(review(child_a_) + "/dissemination", panel_);
    EXPECT_EQ(shared.at("confirmations").as_array().size(), 4u);
    // Five agencies at three levels, four confirmed.
    EXPECT_EQ(shared.at("missing").as_array().size(), 11u);
    auto bad = post(review(child_a_) + "/dissemination", panel_,
                    {{"organisation", "Essex Police"}, {"level", "governance"}, {"confirmed_on", "2009-01-10"}}, 422);
    EXPECT_EQ(bad.at("errors").as_array()[0].at("field").as_string(), "evidence");
    post(review(child_a_) + "/dissemination", panel_,
         {{"organisation", "Chelmsford City Council"}, {"level", "governance"}, {"confirmed_on", "2009-01-10"},
          {"evidence", "Minutes"}},
         422);  // not an agency of the case
    auto after = post(review(child_a_) + "/dissemination", panel_,
                      {{"organisation", "Essex Police"}, {"level", "governance"}, {"confirmed_on", "2009-01-10"},
                       {"evidence", "Report to the Police and Crime Panel"}},
                      201);
    EXPECT_EQ(after.at("dissemination").at("missing").as_array().size(), 10u);
}

TEST_F(ReviewsApi, SensitiveDetailsAreSealedAndEveryReadIsAudited) {
    const std::string secret = "Jordan Example-Smith, 14 Any Street";
    auto put = call(bhttp::verb::put, review(child_b_) + "/sensitive-details", panel_,
                    json::serialize(json::object{{"child_name_and_address", secret}}));
    ASSERT_EQ(put.result_int(), 200u) << put.body();
    // A statutory partner may not change them; a viewer is told there is no such review.
    EXPECT_EQ(call(bhttp::verb::put, review(child_b_) + "/sensitive-details", partner_,
                   json::serialize(json::object{{"x", "y"}}))
                  .result_int(),
              403u);
    get(review(child_b_) + "/sensitive-details", viewer_, 404);
    auto read = get(review(child_b_) + "/sensitive-details", partner_);
    EXPECT_EQ(read.at("details").at("child_name_and_address").as_string(), secret);
    {
        auto lease = pool_->acquire();
        auto stored = lease->query("SELECT ciphertext FROM review_sensitive_details WHERE case_id = $1", {child_b_});
        ASSERT_EQ(stored.rows.size(), 1u);
        EXPECT_EQ(stored.rows[0].text(0).rfind("v1:", 0), 0u);
        EXPECT_EQ(stored.rows[0].text(0).find("Jordan"), std::string::npos);
        auto reads = lease->query(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'review_sensitive_detail'", {});
        EXPECT_EQ(reads.rows.front().integer(0), 1);
    }
    EXPECT_EQ(count_audit("Jordan"), 0);
    // Nor does the case's own JSON carry them.
    auto whole = call(bhttp::verb::get, review(child_b_), panel_);
    EXPECT_EQ(whole.body().find("Jordan"), std::string::npos);
}

TEST_F(ReviewsApi, SensitiveDetailsNeverReachTheLogsOrTheAuditExports) {
    const std::string secret = "Robin Sample-Jones";
    std::mutex lock;
    std::vector<std::string> lines;
    log::set_level(log::Level::debug);
    log::set_sink({[&](std::string_view line) {
        std::lock_guard guard(lock);
        lines.emplace_back(line);
    }});
    auto put = call(bhttp::verb::put, review(child_d_) + "/sensitive-details", panel_,
                    json::serialize(json::object{{"child_name", secret}}));
    auto read = call(bhttp::verb::get, review(child_d_) + "/sensitive-details", partner_);
    // A bad request echoes field names, never the text.
    auto bad = call(bhttp::verb::put, review(child_d_) + "/sensitive-details", panel_,
                    json::serialize(json::object{{"Child Name", secret}}));
    log::set_sink({[](std::string_view line) {
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fputc('\n', stderr);
    }});
    log::set_level(log::Level::info);
    EXPECT_EQ(put.result_int(), 200u) << put.body();
    EXPECT_NE(read.body().find(secret), std::string::npos);
    EXPECT_EQ(bad.result_int(), 422u);
    EXPECT_EQ(bad.body().find(secret), std::string::npos) << bad.body();
    for (const auto& line : lines) EXPECT_EQ(line.find(secret), std::string::npos) << line;
    auto lease = pool_->acquire();
    std::ostringstream exported;
    audit::export_jsonl(*lease, "2000-01-01", "2100-12-31", exported);
    EXPECT_NE(exported.str().find("review_sensitive_detail"), std::string::npos);
    EXPECT_EQ(exported.str().find(secret), std::string::npos);
}

TEST_F(ReviewsApi, CreatingACaseChecksEveryField) {
    auto bad = post("/api/v1/reviews", panel_,
                    {{"partnership", std::to_string(essex_)}, {"reference", ""}, {"incident_on", "2026-11-10"},
                     {"became_aware_on", "2026-11-01"}, {"agencies", "Nowhere Council"}},
                    422);
    std::vector<std::string> fields;
    for (const auto& e : bad.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    EXPECT_NE(std::ranges::find(fields, "reference"), fields.end());
    EXPECT_NE(std::ranges::find(fields, "agencies"), fields.end());
    auto made = post("/api/v1/reviews", panel_,
                     {{"partnership", std::to_string(essex_)}, {"reference", "Child E / 2026"},
                      {"incident_on", "2026-11-01"}, {"became_aware_on", "2026-11-02"},
                      {"agencies", "Essex Police;Essex County Council"}},
                     201);
    EXPECT_EQ(made.at("agencies").as_array().size(), 2u);
    post("/api/v1/reviews", panel_,
         {{"partnership", std::to_string(essex_)}, {"reference", "Child E / 2026"}, {"incident_on", "2026-11-01"},
          {"became_aware_on", "2026-11-02"}},
         422);  // the reference is taken
    post("/api/v1/reviews", unit_,
         {{"partnership", std::to_string(essex_)}, {"reference", "Child F / 2026"}, {"incident_on", "2026-11-01"},
          {"became_aware_on", "2026-11-02"}},
         403);
}

TEST_F(ReviewsApi, TheOpenApiDocumentDescribesEveryAnswer) {
    auto doc = get("/api/v1/openapi.json", panel_);
    const auto& schemas = doc.at("components").at("schemas").as_object();
    for (const char* name : {"Review", "ReviewSummary", "ReviewClock", "ReviewDeadlines", "ReviewRecommendation",
                             "ReviewRecommendationExceptions", "AgencyReport", "TermsOfReference", "Dissemination",
                             "SensitiveDetails", "SensitiveDetailsStored"}) {
        ASSERT_TRUE(schemas.contains(name)) << name;
        EXPECT_FALSE(schemas.at(name).at("properties").as_object().empty()) << name;
    }
    // What a case's route answers has every property the schema requires.
    auto one = get(review(child_d_), panel_);
    for (const auto& name : schemas.at("Review").at("required").as_array()) {
        EXPECT_TRUE(one.as_object().contains(name.as_string())) << name;
    }
    auto list = get("/api/v1/reviews", panel_);
    for (const auto& name : schemas.at("ReviewSummary").at("required").as_array()) {
        EXPECT_TRUE(list.at("items").as_array().front().as_object().contains(name.as_string())) << name;
    }
}

}  // namespace
}  // namespace safeboard::app
