// Changing forward plans, agendas and attendance settings over real HTTP, on
// the Southend demo: every change through the rules, bad input answered 422
// naming each field with nothing changed, what must stay answered 409, a
// viewer refused (403) and another partnership told there is nothing there
// (404); and the OpenAPI document describing each answer's properties.
#include <algorithm>
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/meetings/module.hpp"
#include "modules/meetings/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;
using safeboard::testing::RawResponse;
using Strings = std::vector<std::string>;

class MeetingPlanApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        meetings::load_demo(db, actor_);
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        auto essex = register_::find_partnership_by_code(db, "essex")->id;
        for (const auto& body : register_::find_bodies_named(db, "Southend LSCB Overarching Board")) {
            if (body.name == "Southend LSCB Overarching Board") board_ = body.id;
        }
        plans::PlanQuery plans_query;
        plans_query.reach.everything = true;
        plans_query.partnership = southend_;
        plan_ = plans::list_plans(db, plans_query).at(0).id;
        plans::RecommendationQuery essex_query;
        essex_query.reach.everything = true;
        essex_query.partnership = essex;
        essex_recommendation_ = plans::list_recommendations(db, essex_query).at(0).id;
        taken_ = meetings::find_forward_plan_item_titled(db, board_, "2011-11", "Monitor Key PIs")->id;
        auto user = [&](const std::string& email, access::Role role, std::int64_t partnership) {
            return token_for(db, email, role, {access::ScopeKind::partnership, partnership});
        };
        unit_ = user("unit@example.org", access::Role::business_unit, southend_);
        viewer_ = user("viewer@example.org", access::Role::viewer, southend_);
        outsider_ = user("essex-unit@example.org", access::Role::business_unit, essex);
    }
    json::value expect(unsigned status, bhttp::verb method, const std::string& target, const std::string& token,
                       std::string body = {}) {
        auto response = call(method, target, token, std::move(body));
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return response.body().empty() ? json::value() : json::parse(response.body());
    }
    json::value get(const std::string& target, const std::string& token = {}) {
        return expect(200, bhttp::verb::get, target, token.empty() ? unit_ : token);
    }
    static Strings fields_of(const json::value& problem) {
        Strings fields;
        for (const auto& e : problem.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
        return fields;
    }
    static std::size_t items_in(const json::value& plan) {
        std::size_t items = 0;
        for (const auto& month : plan.at("months").as_array()) items += month.at("items").as_array().size();
        return items;
    }
    static std::string id_of(const json::value& record) { return std::string(record.at("id").as_string()); }
    std::int64_t count(const std::string& sql) {
        auto lease = pool_->acquire();
        return lease->query(sql).rows.at(0).integer(0);
    }
    // The writers who may not: a viewer of the partnership (403) and another partnership's unit (404).
    void refused_to_others(bhttp::verb method, const std::string& target, const std::string& body) {
        EXPECT_EQ(call(method, target, viewer_, body).result_int(), 403u) << target;
        EXPECT_EQ(call(method, target, outsider_, body).result_int(), 404u) << target;
    }
    std::string board_path() const { return "/api/v1/bodies/" + std::to_string(board_); }
    std::string new_meeting() {
        auto made = expect(201, bhttp::verb::post, board_path() + "/meetings", unit_,
                           R"({"starts_at": "2030-03-14T14:00", "ends_at": "2030-03-14T16:30"})");
        return "/api/v1/meetings/" + id_of(made);
    }
    Strings agenda_titles(const std::string& meeting_path) {
        Strings titles;
        auto agenda = get(meeting_path + "/agenda");
        int position = 0;
        for (const auto& item : agenda.at("items").as_array()) {
            EXPECT_EQ(item.at("position").as_int64(), ++position) << item;
            titles.emplace_back(item.at("title").as_string());
        }
        return titles;
    }

    std::int64_t southend_ = 0, board_ = 0, plan_ = 0, essex_recommendation_ = 0, taken_ = 0;
    std::string unit_, viewer_, outsider_;
};

TEST_F(MeetingPlanApi, AForwardPlanItemIsAddedChangedAndRemovedWhileOnlyPlanned) {
    auto plan_path = board_path() + "/forward-plan?year=2012/13";
    auto empty_year = get(plan_path);
    auto made = expect(201, bhttp::verb::post, board_path() + "/forward-plan", unit_,
                       R"({"month": "November 2012", "kind": "agency_report", "title": "Essex Police",
                           "organisation": "Essex Police", "notes": "Annual safeguarding report"})");
    EXPECT_EQ(made.at("month").as_string(), "2012-11");
    EXPECT_EQ(made.at("organisation_name").as_string(), "Essex Police");
    EXPECT_EQ(made.at("status").as_string(), "planned");
    auto item_path = "/api/v1/forward-plan-items/" + id_of(made);
    EXPECT_EQ(items_in(get(plan_path)), items_in(empty_year) + 1);

    auto changed = expect(200, bhttp::verb::patch, item_path, unit_, R"({"month": "2012-12"})");
    EXPECT_EQ(changed.at("month").as_string(), "2012-12");
    EXPECT_EQ(changed.at("title").as_string(), "Essex Police");  // what is not sent stays

    auto before = get(plan_path);
    auto bad = expect(422, bhttp::verb::post, board_path() + "/forward-plan", unit_,
                      R"({"month": "Octember", "kind": "memo", "title": "", "organisation": "Nobody Ltd"})");
    EXPECT_EQ(fields_of(bad), (Strings{"month", "kind", "title", "organisation"}));
    auto bad_change =
        expect(422, bhttp::verb::patch, item_path, unit_, R"({"subject_body": "Nowhere", "colour": "red"})");
    EXPECT_EQ(fields_of(bad_change), Strings{"colour"});
    bad_change =
        expect(422, bhttp::verb::patch, item_path, unit_, R"({"subject_body": "Nowhere", "month": "13/2012"})");
    EXPECT_EQ(fields_of(bad_change), (Strings{"month", "subject_body"}));
    EXPECT_EQ(get(plan_path), before);

    refused_to_others(bhttp::verb::post, board_path() + "/forward-plan",
                      R"({"month": "2012-11", "kind": "report", "title": "Not mine"})");
    refused_to_others(bhttp::verb::patch, item_path, R"({"title": "Not mine"})");
    refused_to_others(bhttp::verb::delete_, item_path, "");
    EXPECT_EQ(get(plan_path), before);
    EXPECT_EQ(get(item_path, viewer_).at("title").as_string(), "Essex Police");  // a viewer reads it

    EXPECT_EQ(call(bhttp::verb::delete_, item_path, unit_).result_int(), 204u);
    EXPECT_EQ(call(bhttp::verb::get, item_path, unit_).result_int(), 404u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'forward_plan_item' AND entity_id = '" +
                    id_of(made) + "'"),
              3);  // added, moved, removed
}

TEST_F(MeetingPlanApi, AnItemThatWentOnAnAgendaStays) {
    auto path = "/api/v1/forward-plan-items/" + std::to_string(taken_);
    auto removal = expect(409, bhttp::verb::delete_, path, unit_);
    EXPECT_NE(std::string(removal.at("detail").as_string()).find("taken at a meeting"), std::string::npos);
    auto moved = expect(422, bhttp::verb::patch, path, unit_, R"({"month": "2011-12"})");
    EXPECT_EQ(fields_of(moved), Strings{"month"});
    EXPECT_EQ(get(path).at("status").as_string(), "taken");
    EXPECT_EQ(get(path).at("month").as_string(), "2011-11");
}

TEST_F(MeetingPlanApi, AnAgendaIsBuiltMovedAndTrimmedAndStaysNumbered) {
    auto meeting = new_meeting();
    for (const auto* title : {"Minutes of the last meeting", "Monitor Key PIs", "AOB"}) {
        expect(201, bhttp::verb::post, meeting + "/agenda", unit_,
               R"({"title": ")" + std::string(title) + R"(", "type": "discussion"})");
    }
    auto welcome = expect(201, bhttp::verb::post, meeting + "/agenda", unit_,
                          R"({"title": "Welcome and apologies", "type": "standing", "presenter": "Christine Doorly",
                              "position": 1})");
    EXPECT_EQ(welcome.at("position").as_int64(), 1);
    EXPECT_FALSE(welcome.at("presenter_person").is_null());
    EXPECT_EQ(agenda_titles(meeting), (Strings{"Welcome and apologies", "Minutes of the last meeting",
                                               "Monitor Key PIs", "AOB"}));
    auto items = get(meeting + "/agenda").at("items").as_array();
    auto item_path = [&](std::size_t i) { return "/api/v1/agenda-items/" + id_of(items[i]); };

    expect(200, bhttp::verb::patch, item_path(3), unit_, R"({"position": "2"})");
    EXPECT_EQ(agenda_titles(meeting), (Strings{"Welcome and apologies", "AOB", "Minutes of the last meeting",
                                               "Monitor Key PIs"}));
    auto linked = expect(200, bhttp::verb::patch, item_path(2), unit_,
                         R"({"type": "decision", "link_kind": "plan", "link": ")" + std::to_string(plan_) + R"("})");
    EXPECT_EQ(linked.at("link").as_string(), std::to_string(plan_));
    EXPECT_EQ(linked.at("type").as_string(), "decision");

    auto before = get(meeting + "/agenda");
    auto elsewhere = expect(422, bhttp::verb::post, meeting + "/agenda", unit_,
                            R"({"title": "Essex review", "type": "information", "link_kind": "recommendation",
                                "link": ")" + std::to_string(essex_recommendation_) + R"("})");
    EXPECT_EQ(fields_of(elsewhere), Strings{"link"});
    auto bad = expect(422, bhttp::verb::patch, item_path(1), unit_,
                      R"({"title": "", "type": "aside", "position": "0", "taken": "perhaps"})");
    EXPECT_EQ(fields_of(bad), (Strings{"title", "type", "taken", "position"}));
    refused_to_others(bhttp::verb::post, meeting + "/agenda", R"({"title": "Not mine", "type": "information"})");
    refused_to_others(bhttp::verb::patch, item_path(1), R"({"position": "4"})");
    refused_to_others(bhttp::verb::delete_, item_path(1), "");
    EXPECT_EQ(get(meeting + "/agenda"), before);

    expect(200, bhttp::verb::patch, item_path(1), unit_, R"({"decision": "The minutes were agreed."})");
    auto kept = expect(409, bhttp::verb::delete_, item_path(1), unit_);
    EXPECT_NE(std::string(kept.at("detail").as_string()).find("decision"), std::string::npos);
    EXPECT_EQ(call(bhttp::verb::delete_, item_path(0), unit_).result_int(), 204u);
    EXPECT_EQ(agenda_titles(meeting), (Strings{"AOB", "Minutes of the last meeting", "Monitor Key PIs"}));
}

TEST_F(MeetingPlanApi, AttendanceSettingsArePerPartnershipAndTheReportSaysWhichRuleItApplied) {
    auto settings_path = "/api/v1/partnerships/" + std::to_string(southend_) + "/attendance-settings";
    auto defaults = get(settings_path, viewer_);
    EXPECT_EQ(defaults.at("good_standard").as_int64(), 66);
    EXPECT_EQ(defaults.at("substitutes").as_string(), "organisation");
    EXPECT_FALSE(defaults.at("stored").as_bool());
    EXPECT_EQ(call(bhttp::verb::get, settings_path, outsider_).result_int(), 404u);

    auto bad =
        expect(422, bhttp::verb::put, settings_path, unit_, R"({"good_standard": 0, "substitutes": "sometimes"})");
    EXPECT_EQ(fields_of(bad), (Strings{"good_standard", "substitutes"}));
    EXPECT_EQ(fields_of(expect(422, bhttp::verb::put, settings_path, unit_, R"({"good_standard": "75"})")),
              Strings{"substitutes"});
    refused_to_others(bhttp::verb::put, settings_path, R"({"good_standard": 75, "substitutes": "neither"})");
    EXPECT_EQ(get(settings_path), defaults);

    auto stored =
        expect(200, bhttp::verb::put, settings_path, unit_, R"({"good_standard": 75, "substitutes": "neither"})");
    EXPECT_EQ(stored.at("good_standard").as_int64(), 75);
    EXPECT_TRUE(stored.at("stored").as_bool());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'attendance_settings'"), 1);

    auto report_path = "/api/v1/reports/attendance?body=" + std::to_string(board_) + "&from=2011-10-01&to=2012-09-30";
    auto report = get(report_path, viewer_);
    EXPECT_EQ(report.at("good_standard").as_int64(), 75);
    EXPECT_EQ(report.at("substitutes_count_for").as_string(), "neither");
    EXPECT_EQ(report.at("good_standard_from").as_string(), "partnership");
    EXPECT_NE(std::string(report.at("headline").as_string()).find("attended 75% or more of Board meetings"),
              std::string::npos);
    auto chosen = get(report_path + "&standard=66", viewer_);
    EXPECT_EQ(chosen.at("good_standard").as_int64(), 66);
    EXPECT_EQ(chosen.at("good_standard_from").as_string(), "request");
    EXPECT_EQ(chosen.at("substitutes_from").as_string(), "partnership");
    EXPECT_NE(std::string(chosen.at("rule_applied").as_string()).find("chosen for this report"), std::string::npos);
}

TEST_F(MeetingPlanApi, TheOpenApiDocumentDescribesEveryMeetingsAnswer) {
    auto document = get("/api/v1/openapi.json");
    const auto& schemas = document.at("components").at("schemas").as_object();
    std::set<std::string> named;
    for (const auto& [path, methods] : document.at("paths").as_object()) {
        for (const auto& [method, operation] : methods.as_object()) {
            if (!operation.as_object().contains("tags")) continue;
            const auto& tags = operation.at("tags").as_array();
            if (std::find(tags.begin(), tags.end(), json::value("meetings")) == tags.end()) continue;
            auto text = json::serialize(operation.at("responses"));
            auto at = text.find("#/components/schemas/");
            if (at != std::string::npos) named.insert(text.substr(at + 21, text.find('"', at) - at - 21));
        }
    }
    EXPECT_GE(named.size(), 10u);
    for (const auto& name : named) {
        ASSERT_TRUE(schemas.contains(name)) << name;
        const auto& schema = schemas.at(name).as_object();
        EXPECT_TRUE(schema.contains("properties") || schema.contains("allOf")) << name << ": " << schema;
    }
    const auto& item = schemas.at("AgendaItem").at("properties").as_object();
    for (const char* property : {"position", "title", "type", "presenter", "link_kind", "link", "decision"}) {
        EXPECT_TRUE(item.contains(property)) << property;
    }
    EXPECT_TRUE(document.at("paths").as_object().contains("/api/v1/forward-plan-items/{id}"));
    EXPECT_TRUE(document.at("paths").at("/api/v1/partnerships/{id}/attendance-settings").as_object().contains("put"));
}

}  // namespace
}  // namespace safeboard::app
