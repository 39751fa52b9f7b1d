// The plans API over real HTTP with API tokens: every list pages through to
// its end without overlap, the summary counts, and who may report progress.
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;
using safeboard::testing::RawResponse;

class PlansApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
        plan_ = plans::find_plan_titled(db, southend_, "Business Plan 2011–2014")->id;
        auto manager = register_::find_people_named(db, "LSCB Business Manager", std::nullopt).at(0);
        plans::ActionQuery owned;
        owned.reach.everything = true;
        owned.plan = plan_;
        owned.responsible = plans::Party{plans::PartyKind::person, manager.id, {}};
        owned_action_ = plans::all_actions(db, owned).at(0).id;
        // An action no part of the council owns: the lead may not report on it.
        owned.responsible.reset();
        for (const auto& action : plans::all_actions(db, owned)) {
            auto owners = plans::owning_organisations(db, action);
            if (std::find(owners.begin(), owners.end(), *manager.organisation_id) == owners.end()) {
                other_action_ = action.id;
                break;
            }
        }
        viewer_ = token_for(db, "viewer@example.org", access::Role::viewer, {access::ScopeKind::partnership, southend_});
        lead_ = token_for(db, "lead@example.org", access::Role::agency_lead,
                     {access::ScopeKind::organisation, *manager.organisation_id});
    }
    // Every id of a list, fetched `limit` at a time by following its cursors.
    std::vector<std::string> every_id(const std::string& path, const std::string& token, int limit) {
        std::vector<std::string> ids;
        auto separator = path.find('?') == std::string::npos ? "?" : "&";
        std::string target = path + separator + "limit=" + std::to_string(limit);
        for (int guard = 0; guard < 100; ++guard) {
            auto page = get(target, token);
            for (const auto& item : page.at("items").as_array()) ids.emplace_back(item.at("id").as_string());
            if (page.at("next").is_null()) break;
            target = path + separator + "limit=" + std::to_string(limit) + "&cursor=" +
                     std::string(page.at("next").as_string());
        }
        return ids;
    }
    static std::size_t distinct(const std::vector<std::string>& ids) {
        return std::set<std::string>(ids.begin(), ids.end()).size();
    }
    std::string p(std::int64_t id) { return std::to_string(id); }
    std::int64_t southend_ = 0, essex_ = 0, plan_ = 0, owned_action_ = 0, other_action_ = 0;
    std::string viewer_, lead_;
};

TEST_F(PlansApi, EveryListPagesToItsEndWithoutOverlap) {
    auto actions = every_id("/api/v1/plans/" + p(plan_) + "/actions", viewer_, 5);
    EXPECT_EQ(actions.size(), 32u);
    EXPECT_EQ(distinct(actions), actions.size());
    auto plans = every_id("/api/v1/plans", viewer_, 1);
    EXPECT_EQ(plans.size(), 2u);
    EXPECT_EQ(distinct(plans), 2u);
    // The viewer is Southend's: Essex's recommendations are out of reach.
    EXPECT_TRUE(every_id("/api/v1/recommendations", viewer_, 7).empty());
    auto bad = get("/api/v1/plans/" + p(plan_) + "/actions?cursor=%21&status=done&overdue_on=31/31/2012", viewer_, 422);
    std::vector<std::string> fields;
    for (const auto& e : bad.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    EXPECT_EQ(fields, (std::vector<std::string>{"cursor", "status", "overdue_on"}));
}

TEST_F(PlansApi, TheSummaryCountsMatchTheFilteredList) {
    auto summary = get("/api/v1/plans/" + p(plan_) + "/summary?on=2012-05-01", viewer_);
    EXPECT_EQ(summary.at("total").as_int64(), 32);
    auto overdue = every_id("/api/v1/plans/" + p(plan_) + "/actions?overdue_on=2012-05-01", viewer_, 10);
    EXPECT_EQ(static_cast<std::size_t>(summary.at("overdue").as_int64()), overdue.size());
    EXPECT_GT(overdue.size(), 0u);
}

TEST_F(PlansApi, AnAgencyLeadReportsProgressOnlyOnItsOwnActions) {
    auto update = R"({"narrative":"Attendance reviewed","rag":"green","status":"on_track","written_on":"2012-04-20"})";
    auto refused = call(bhttp::verb::post, "/api/v1/actions/" + p(other_action_) + "/updates", lead_, update);
    EXPECT_EQ(refused.result_int(), 403u) << refused.body();
    auto viewer = call(bhttp::verb::post, "/api/v1/actions/" + p(owned_action_) + "/updates", viewer_, update);
    EXPECT_EQ(viewer.result_int(), 403u) << viewer.body();
    auto bad = call(bhttp::verb::post, "/api/v1/actions/" + p(owned_action_) + "/updates", lead_, R"({"rag":"blue"})");
    EXPECT_EQ(bad.result_int(), 422u) << bad.body();
    auto made = call(bhttp::verb::post, "/api/v1/actions/" + p(owned_action_) + "/updates", lead_, update);
    ASSERT_EQ(made.result_int(), 201u) << made.body();
    auto action = get("/api/v1/actions/" + p(owned_action_), viewer_);
    EXPECT_EQ(action.at("status").as_string(), "on_track");
    EXPECT_EQ(action.at("rag").as_string(), "green");
    auto updates = get("/api/v1/actions/" + p(owned_action_) + "/updates", viewer_);
    ASSERT_EQ(updates.at("items").as_array().size(), 1u);
    EXPECT_EQ(updates.at("items").at(0).at("author").as_string(), "lead@example.org");
}

}  // namespace
}  // namespace safeboard::app
