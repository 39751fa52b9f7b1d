// The register's API over real HTTP with API tokens: filters and pages,
// record-level reach, 422 with every field error, and who may write what.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/application.hpp"
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
using Headers = std::vector<std::pair<std::string, std::string>>;

class RegisterApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        police_ = register_::find_organisations_named(db, "Essex Police").at(0).id;
        council_ = register_::find_organisations_named(db, "Essex County Council").at(0).id;
        viewer_ = token_for(db, "viewer@example.org", access::Role::viewer, {access::ScopeKind::partnership, essex_});
        business_ = token_for(db, "unit@example.org", access::Role::business_unit, {access::ScopeKind::partnership, essex_});
        lead_ = token_for(db, "lead@example.org", access::Role::agency_lead, {access::ScopeKind::organisation, police_});
    }
    std::int64_t count(const char* sql) {
        auto lease = pool_->acquire();
        return lease->query(sql).rows.at(0).integer(0);
    }
    static std::vector<std::string> names(const json::value& list, const char* key = "name") {
        std::vector<std::string> found;
        for (const auto& item : list.at("items").as_array()) found.emplace_back(item.at(key).as_string());
        return found;
    }
    static std::vector<std::string> error_fields(const json::value& problem) {
        std::vector<std::string> fields;
        for (const auto& e : problem.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
        return fields;
    }
    std::string p(std::int64_t id) { return std::to_string(id); }
    std::int64_t essex_ = 0, southend_ = 0, police_ = 0, council_ = 0;
    std::string viewer_, business_, lead_;
};

TEST_F(RegisterApi, ListsFilterPageAndRefuseBadQueries) {
    auto partners = get("/api/v1/organisations?statutory_partner=true&partnership=" + p(essex_), viewer_);
    auto list = names(partners);
    EXPECT_NE(std::find(list.begin(), list.end(), "Essex Police"), list.end());
    EXPECT_EQ(std::find(list.begin(), list.end(), "CAFCASS"), list.end());
    // Two at a time: the pages do not overlap and the last has no next cursor.
    std::vector<std::string> seen;
    std::string target = "/api/v1/bodies?kind=stay_safe_group&limit=2";
    for (int guard = 0; guard < 10; ++guard) {
        auto page = get(target, viewer_);
        for (const auto& name : names(page)) seen.push_back(name);
        if (page.at("next").is_null()) break;
        target = "/api/v1/bodies?kind=stay_safe_group&limit=2&cursor=" + std::string(page.at("next").as_string());
    }
    EXPECT_GE(seen.size(), 4u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    auto bad = get("/api/v1/organisations?sector=council&statutory_partner=perhaps&cursor=%21", viewer_, 422);
    EXPECT_EQ(error_fields(bad), (std::vector<std::string>{"cursor", "sector", "statutory_partner"}));
}

TEST_F(RegisterApi, AViewerSeesOnlyTheirPartnershipAndCannotWrite) {
    auto southend_board = get("/api/v1/bodies?q=Overarching", business_);
    EXPECT_TRUE(southend_board.at("items").as_array().empty());
    auto board_id = [&] {
        auto lease = pool_->acquire();
        return register_::find_bodies_named(*lease, "Southend LSCB Overarching Board").at(0).id;
    }();
    get("/api/v1/bodies/" + p(board_id), viewer_, 404);
    get("/api/v1/bodies/" + p(board_id) + "/members", viewer_, 404);
    get("/api/v1/reports/vacancies?partnership=" + p(southend_), viewer_, 404);
    auto bodies = count("SELECT count(*) FROM bodies");
    auto refused = call(bhttp::verb::post, "/api/v1/bodies", viewer_,
                        R"({"partnership":")" + p(essex_) + R"(","name":"Viewer Group","kind":"panel"})");
    EXPECT_EQ(refused.result_int(), 403u);
    EXPECT_EQ(count("SELECT count(*) FROM bodies"), bodies);
}

TEST_F(RegisterApi, WritesAnswer422WithEveryFieldAndThenCreate) {
    auto bodies = count("SELECT count(*) FROM bodies");
    auto bad = call(bhttp::verb::post, "/api/v1/bodies", business_,
                    R"({"partnership":")" + p(essex_) +
                        R"(","name":"","kind":"committee","partnerships":["nowhere"],"reports_to":"No Such Board","colour":"red"})");
    ASSERT_EQ(bad.result_int(), 422u) << bad.body();
    EXPECT_EQ(bad[bhttp::field::content_type], "application/problem+json");
    EXPECT_EQ(error_fields(json::parse(bad.body())), std::vector<std::string>{"colour"});
    bad = call(bhttp::verb::post, "/api/v1/bodies", business_,
               R"({"partnership":")" + p(essex_) + R"(","name":"","kind":"committee","partnerships":["nowhere"]})");
    ASSERT_EQ(bad.result_int(), 422u) << bad.body();
    EXPECT_EQ(error_fields(json::parse(bad.body())), (std::vector<std::string>{"name", "kind", "partnerships"}));
    EXPECT_EQ(count("SELECT count(*) FROM bodies"), bodies);

    auto made = call(bhttp::verb::post, "/api/v1/bodies", business_,
                     R"({"partnership":")" + p(essex_) +
                         R"(","name":"Neglect Task and Finish Group","kind":"Task and finish group","reports_to":"ESCB Executive Board"})");
    ASSERT_EQ(made.result_int(), 201u) << made.body();
    auto body = json::parse(made.body());
    auto id = std::string(body.at("id").as_string());
    EXPECT_EQ(body.at("kind").as_string(), "task_and_finish_group");
    auto relations = get("/api/v1/bodies/" + id + "/relations", viewer_);
    EXPECT_EQ(names(relations, "to_name"), std::vector<std::string>{"ESCB Executive Board"});

    auto seat = call(bhttp::verb::post, "/api/v1/bodies/" + id + "/members", business_,
                     R"({"seat_title":"Detective Chief Inspector","role":"chair","organisation":"Essex Police","starts_on":"2020-06-29"})");
    ASSERT_EQ(seat.result_int(), 201u) << seat.body();
    auto seat_id = std::string(json::parse(seat.body()).at("id").as_string());
    auto ended = call(bhttp::verb::post, "/api/v1/memberships/" + seat_id + "/end", business_, R"({"ends_on":"2021-03-31"})");
    ASSERT_EQ(ended.result_int(), 200u) << ended.body();
    auto members = get("/api/v1/bodies/" + id + "/members", viewer_);
    ASSERT_EQ(members.at("items").as_array().size(), 1u);
    EXPECT_EQ(members.at("items").as_array()[0].at("ends_on").as_string(), "2021-03-31");
    EXPECT_TRUE(get("/api/v1/bodies/" + id + "/members?current_on=2021-04-01", viewer_).at("items").as_array().empty());
    EXPECT_GE(count("SELECT count(*) FROM audit_log WHERE entity_type = 'membership'"), 2);

    // A seat or a line may name only what this partnership's users can see.
    auto seats = count("SELECT count(*) FROM memberships");
    auto beyond = call(bhttp::verb::post, "/api/v1/bodies/" + id + "/members", business_,
                       R"({"seat_title":"Observer","role":"observer","organisation":"Southend Borough Council"})");
    ASSERT_EQ(beyond.result_int(), 422u) << beyond.body();
    EXPECT_EQ(error_fields(json::parse(beyond.body())), std::vector<std::string>{"organisation"});
    EXPECT_EQ(count("SELECT count(*) FROM memberships"), seats);
    auto line = call(bhttp::verb::patch, "/api/v1/bodies/" + id, business_,
                     R"({"links_with":"Southend LSCB Overarching Board"})");
    ASSERT_EQ(line.result_int(), 422u) << line.body();
    EXPECT_EQ(error_fields(json::parse(line.body())), std::vector<std::string>{"links_with"});
}

TEST_F(RegisterApi, AnAgencyLeadEditsOnlyTheirOwnOrganisationsPeople) {
    auto own = call(bhttp::verb::post, "/api/v1/people", lead_,
                    R"({"name":"Sam Constable","job_title":"Detective Inspector","organisation":"Essex Police"})");
    ASSERT_EQ(own.result_int(), 201u) << own.body();
    auto id = std::string(json::parse(own.body()).at("id").as_string());
    auto renamed = call(bhttp::verb::patch, "/api/v1/people/" + id, lead_, R"({"job_title":"Detective Chief Inspector"})");
    EXPECT_EQ(renamed.result_int(), 200u) << renamed.body();
    auto people = count("SELECT count(*) FROM people");
    auto other = call(bhttp::verb::post, "/api/v1/people", lead_,
                      R"({"name":"Kim Council","organisation":"Essex County Council"})");
    EXPECT_EQ(other.result_int(), 403u) << other.body();
    auto moved = call(bhttp::verb::patch, "/api/v1/people/" + id, lead_, R"({"organisation":"Essex County Council"})");
    EXPECT_EQ(moved.result_int(), 403u) << moved.body();
    EXPECT_EQ(count("SELECT count(*) FROM people"), people);
    EXPECT_EQ(call(bhttp::verb::post, "/api/v1/bodies", lead_,
                   R"({"partnership":")" + p(essex_) + R"(","name":"Lead's Group","kind":"panel"})").result_int(),
              403u);
    EXPECT_GE(count("SELECT count(*) FROM audit_log WHERE action = 'request.refused'"), 3);
}

TEST_F(RegisterApi, VacancyReportAndImportsSpeakInRowsAndColumns) {
    auto southend_viewer = [&] {
        auto lease = pool_->acquire();
        auto id = auth::create_user(*lease, {"s@example.org", "S", {{access::Role::business_unit, {access::ScopeKind::partnership, southend_}}}},
                                    std::nullopt, actor_, register_::scope_exists)->id;
        return auth::create_api_token(*lease, id, "tests", std::nullopt, system_now(), actor_)->secret;
    }();
    auto report = get("/api/v1/reports/vacancies?partnership=" + p(southend_) + "&on=2012-01-01", southend_viewer);
    auto reasons = names(report, "reason");
    EXPECT_NE(std::find(reasons.begin(), reasons.end(), "To be identified"), reasons.end());
    EXPECT_NE(std::find(reasons.begin(), reasons.end(), "Position Vacant"), reasons.end());
    get("/api/v1/reports/vacancies", southend_viewer, 422);

    auto people = count("SELECT count(*) FROM people");
    auto bad = client().send(bhttp::verb::post, "/api/v1/partnerships/" + p(southend_) + "/imports/people",
                             "name,organisation\nAda Lovelace,Nowhere Trust\n,Essex Police\n",
                             {{"Authorization", "Bearer " + southend_viewer}, {"Content-Type", "text/csv"}});
    ASSERT_EQ(bad.result_int(), 422u) << bad.body();
    EXPECT_EQ(error_fields(json::parse(bad.body())),
              (std::vector<std::string>{"line 2 organisation", "line 3 name"}));
    EXPECT_EQ(count("SELECT count(*) FROM people"), people);
    auto good = client().send(bhttp::verb::post, "/api/v1/partnerships/" + p(southend_) + "/imports/people",
                              "name,organisation\nAda Lovelace,Essex Police\n",
                              {{"Authorization", "Bearer " + southend_viewer}, {"Content-Type", "text/csv"}});
    ASSERT_EQ(good.result_int(), 200u) << good.body();
    EXPECT_EQ(json::parse(good.body()).at("created").as_int64(), 1);
    auto elsewhere = client().send(bhttp::verb::post, "/api/v1/partnerships/" + p(essex_) + "/imports/people",
                                   "name\nAda\n", {{"Authorization", "Bearer " + southend_viewer}});
    EXPECT_EQ(elsewhere.result_int(), 404u);
}

}  // namespace
}  // namespace safeboard::app
