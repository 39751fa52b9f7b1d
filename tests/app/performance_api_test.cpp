// The performance API over real HTTP, on the Southend demo: the indicator
// library and an indicator's values across periods; completeness and
// exceptions of a period (the 2010/11 training figures of the Southend
// plan, with Essex Police and Specialist Services giving none); a return
// started, entered with every error named at once, submitted, queried,
// answered and accepted; a draft seen only by whoever enters it; the CSV
// import all or nothing; bad queries named by field; the OpenAPI schemas.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/performance/module.hpp"
#include "modules/performance/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;

class PerformanceApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        performance::load_demo(db, actor_);
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
        hospital_ = organisation(db, "Southend University Hospital NHS Trust");
        college_ = organisation(db, "Southend Adult and Community College");
        probation_ = organisation(db, "Essex Probation Service");
        auto in = [](std::int64_t id, access::ScopeKind kind) { return access::Scope{kind, id}; };
        unit_ = token_for(db, "unit@example.org", access::Role::business_unit,
                          in(southend_, access::ScopeKind::partnership));
        viewer_ = token_for(db, "viewer@example.org", access::Role::viewer,
                            in(southend_, access::ScopeKind::partnership));
        essex_viewer_ = token_for(db, "viewer@essex.example.org", access::Role::viewer,
                                  in(essex_, access::ScopeKind::partnership));
        admin_ = token_for(db, "admin@example.org", access::Role::admin);
        hospital_lead_ = token_for(db, "lead@hospital.example.org", access::Role::agency_lead,
                                   in(hospital_, access::ScopeKind::organisation));
        college_lead_ = token_for(db, "lead@college.example.org", access::Role::agency_lead,
                                  in(college_, access::ScopeKind::organisation));
    }
    std::int64_t organisation(db::Connection& db, const std::string& name) {
        for (const auto& o : register_::find_organisations_named(db, name)) {
            if (o.name == name) return o.id;
        }
        ADD_FAILURE() << "no organisation " << name;
        return 0;
    }
    json::value send(bhttp::verb method, const std::string& target, const std::string& token, const std::string& body,
                     unsigned status, const std::string& type = "application/json") {
        auto response = call(method, target, token, body, type);
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return response.body().empty() ? json::value() : json::parse(response.body());
    }
    json::value post(const std::string& target, const std::string& token, const json::object& body, unsigned status) {
        return send(bhttp::verb::post, target, token, json::serialize(body), status);
    }
    std::string ids(std::int64_t id) { return std::to_string(id); }
    std::string ret(const json::value& r) { return "/api/v1/returns/" + std::string(r.at("id").as_string()); }
    static std::vector<std::string> field_names(const json::value& problem) {
        std::vector<std::string> names;
        for (const auto& e : problem.at("errors").as_array()) names.emplace_back(e.at("field").as_string());
        return names;
    }
    static const json::object* row_of(const json::value& rows, std::string_view key, std::string_view value) {
        for (const auto& row : rows.as_array()) {
            if (row.at(key).is_string() && row.at(key).as_string() == value) return &row.as_object();
        }
        return nullptr;
    }

    std::int64_t southend_ = 0, essex_ = 0, hospital_ = 0, college_ = 0, probation_ = 0;
    std::string unit_, viewer_, essex_viewer_, admin_, hospital_lead_, college_lead_;
    const std::string training_year_ = "period_start=2010-10-01&period_end=2011-09-30";
};

TEST_F(PerformanceApi, TheLibraryAndAnIndicatorsValuesAcrossPeriods) {
    auto list = get("/api/v1/indicators", viewer_);
    std::vector<std::string> codes;
    for (const auto& i : list.at("items").as_array()) codes.emplace_back(i.at("code").as_string());
    for (const char* code : {"DBS01", "TRN01", "ALG01", "REF01", "PF01", "CPP01", "KSI01"}) {
        EXPECT_NE(std::ranges::find(codes, code), codes.end()) << code;
    }
    auto trn = get("/api/v1/indicators/trn01", viewer_);  // codes in any case
    EXPECT_EQ(trn.at("unit").as_string(), "percentage");
    EXPECT_EQ(trn.at("targets").as_array().front().at("value").as_double(), 70.0);

    // The plan's 2010/11 figures, by agency, against the 70% target.
    auto values = get("/api/v1/indicators/TRN01/values?organisation=" + ids(hospital_) + "&from=2010-10-01&to=2010-10-01",
                      viewer_);
    ASSERT_EQ(values.at("values").as_array().size(), 1u) << values;
    const auto& hospital = values.at("values").as_array().front();
    EXPECT_EQ(hospital.at("value").as_double(), 88.0);
    EXPECT_EQ(hospital.at("rag").as_string(), "green");
    EXPECT_EQ(hospital.at("period").at("name").as_string(), "2010/11");
    auto college = get("/api/v1/indicators/TRN01/values?organisation=" + ids(college_) + "&to=2010-10-01", viewer_);
    ASSERT_EQ(college.at("values").as_array().size(), 1u);
    EXPECT_EQ(college.at("values").as_array().front().at("value").as_double(), 66.0);
    EXPECT_EQ(college.at("values").as_array().front().at("rag").as_string(), "amber");  // within 5 of 70
    // The partnership's figure for each period, rated.
    auto all = get("/api/v1/indicators/DBS01/values", viewer_);
    ASSERT_GE(all.at("periods").as_array().size(), 4u);
    for (const auto& p : all.at("periods").as_array()) EXPECT_TRUE(p.at("partnership_figure").at("value").is_number());

    get("/api/v1/indicators/NOPE01", viewer_, 404);
    get("/api/v1/indicators/DBS01/values?from=last%20year&organisation=x", viewer_, 422);
}

TEST_F(PerformanceApi, CompletenessNamesWhoIsMissing) {
    auto c = get("/api/v1/reports/completeness?" + training_year_, unit_);
    EXPECT_EQ(c.at("period").at("name").as_string(), "2010/11");
    // Ten agencies return the training figure, and the partnership its own annual figures.
    EXPECT_EQ(c.at("expected").as_int64(), 11);
    EXPECT_EQ(c.at("returned").as_int64(), 9);
    EXPECT_EQ(c.at("missing").as_int64(), 2);
    EXPECT_EQ(c.at("percent").as_int64(), 82);
    const auto* police = row_of(c.at("returners"), "returner_name", "Essex Police");
    ASSERT_NE(police, nullptr);
    EXPECT_FALSE(police->at("returned").as_bool());
    EXPECT_TRUE(police->at("overdue").as_bool());
    const auto* hospital = row_of(c.at("returners"), "returner_name", "Southend University Hospital NHS Trust");
    ASSERT_NE(hospital, nullptr);
    EXPECT_TRUE(hospital->at("returned").as_bool());
    EXPECT_EQ(hospital->at("status").as_string(), "accepted");
}

TEST_F(PerformanceApi, ExceptionsAreRedValuesAndMissingReturns) {
    auto e = get("/api/v1/reports/exceptions?partnership=" + ids(southend_) + "&" + training_year_, viewer_);
    std::vector<std::string> missing;
    for (const auto& m : e.at("missing_returns").as_array()) missing.emplace_back(m.at("returner_name").as_string());
    EXPECT_EQ(missing.size(), 2u);
    EXPECT_NE(std::ranges::find(missing, "Essex Police"), missing.end());
    for (const auto& v : e.at("outside_tolerance").as_array()) {
        EXPECT_EQ(v.at("rag").as_string(), "red");
        EXPECT_TRUE(v.at("target").is_object());
        EXPECT_FALSE(v.at("returner_name").as_string().empty());
    }
    // Every quarter's exceptions answer, whatever their number.
    for (const char* q : {"2011-10-01&period_end=2011-12-31", "2012-01-01&period_end=2012-03-31",
                          "2012-04-01&period_end=2012-06-30", "2012-07-01&period_end=2012-09-30"}) {
        auto quarter = get(std::string("/api/v1/reports/exceptions?period_start=") + q, viewer_);
        EXPECT_TRUE(quarter.at("period").at("name").as_string().starts_with("Q"));
    }
    // A period nobody has started is all missing, and creates nothing.
    auto later = get("/api/v1/reports/completeness?period_start=2014-10-01&period_end=2014-12-31", viewer_);
    EXPECT_TRUE(later.at("period").at("id").is_null());
    EXPECT_EQ(later.at("returned").as_int64(), 0);
    EXPECT_GT(later.at("expected").as_int64(), 0);
}

TEST_F(PerformanceApi, BadQueriesAreNamedByField) {
    auto none = get("/api/v1/reports/exceptions", viewer_, 422);
    EXPECT_EQ(field_names(none), (std::vector<std::string>{"period_start", "period_end"}));
    auto ragged = get("/api/v1/reports/completeness?period_start=2011-10-01&period_end=2011-11-30", viewer_, 422);
    EXPECT_FALSE(field_names(ragged).empty());
    auto status = get("/api/v1/returns?status=lost", viewer_, 422);
    EXPECT_EQ(field_names(status), std::vector<std::string>{"status"});
    // Whoever reads several partnerships names one; another partnership's figures are not told.
    auto several = get("/api/v1/reports/completeness?" + training_year_, admin_, 422);
    EXPECT_EQ(field_names(several), std::vector<std::string>{"partnership"});
    get("/api/v1/reports/completeness?partnership=" + ids(southend_) + "&" + training_year_, essex_viewer_, 404);
    get("/api/v1/indicators?partnership=" + ids(southend_), essex_viewer_, 404);
    // Without a token: refused before anything is read.
    EXPECT_EQ(call(bhttp::verb::get, "/api/v1/indicators", "").result_int(), 401u);
}

TEST_F(PerformanceApi, AReturnFromDraftToAccepted) {
    const json::object start{{"partnership", ids(southend_)}, {"organisation", ids(hospital_)},
                             {"period_start", "2012-10-01"}, {"period_end", "2012-12-31"}};
    auto draft = post("/api/v1/returns", hospital_lead_, start, 201);
    EXPECT_EQ(draft.at("status").as_string(), "draft");
    EXPECT_EQ(draft.at("period_detail").at("name").as_string(), "Q1 2012/13");
    post("/api/v1/returns", hospital_lead_, start, 200);  // the same return again
    // Another agency's lead may not start it.
    post("/api/v1/returns", college_lead_, start, 403);

    // Every problem at once, and nothing kept.
    json::object bad{{"values",
                      json::object{{"DBS01", json::object{{"value", "120"}}},
                                   {"TRN01", json::object{{"value", 50}}},
                                   {"REF01", json::object{{"value", "lots"}}}}}};
    auto problem = send(bhttp::verb::put, ret(draft) + "/values", hospital_lead_, json::serialize(bad), 422);
    auto fields = field_names(problem);
    EXPECT_NE(std::ranges::find(fields, "values[DBS01].value"), fields.end()) << problem;
    EXPECT_NE(std::ranges::find(fields, "values[REF01].value"), fields.end()) << problem;
    json::object ratio{{"values", json::object{{"DBS01", json::object{{"numerator", 12}, {"denominator", 10}}}}}};
    auto counts = send(bhttp::verb::put, ret(draft) + "/values", hospital_lead_, json::serialize(ratio), 422);
    auto count_fields = field_names(counts);
    EXPECT_NE(std::ranges::find(count_fields, "values[DBS01].numerator"), count_fields.end()) << counts;
    EXPECT_TRUE(get(ret(draft), hospital_lead_).at("values").as_array().empty());

    // The draft is the entering agency's alone: not the unit's, another agency's nor a viewer's.
    for (const auto* token : {&unit_, &college_lead_, &viewer_}) get(ret(draft), *token, 404);
    auto unit_sees = get("/api/v1/returns?period_start=2012-10-01&period_end=2012-12-31", unit_);
    EXPECT_EQ(row_of(unit_sees.at("items"), "id", draft.at("id").as_string()), nullptr);
    post(ret(draft) + "/submit", college_lead_, {}, 404);

    json::object good{{"values", json::object{{"DBS01", json::object{{"numerator", 990}, {"denominator", 1000}}},
                                              {"ALG01", json::object{{"value", 1}}},
                                              {"REF01", json::object{{"value", "41"}, {"note", "Two from A&E"}}}}}};
    auto entered = send(bhttp::verb::put, ret(draft) + "/values", hospital_lead_, json::serialize(good), 200);
    EXPECT_EQ(entered.at("values").as_array().size(), 3u);
    auto submitted = post(ret(draft) + "/submit", hospital_lead_, {}, 200);
    EXPECT_EQ(submitted.at("status").as_string(), "submitted");

    // Submitted: the unit and readers see it; only the unit queries it.
    EXPECT_EQ(get(ret(draft), viewer_).at("status").as_string(), "submitted");
    post(ret(draft) + "/accept", hospital_lead_, {}, 403);
    post(ret(draft) + "/query", viewer_, {{"question", "Why?"}}, 403);
    auto queried = post(ret(draft) + "/query", unit_, {{"question", "Referrals doubled: is A&E counted twice?"}}, 200);
    EXPECT_EQ(queried.at("status").as_string(), "queried");
    get(ret(draft), viewer_, 404);  // a queried return is between the agency and the unit
    auto answered = post(ret(draft) + "/submit", hospital_lead_, {{"answer", "No: a new triage pathway."}}, 200);
    EXPECT_EQ(answered.at("answer").as_string(), "No: a new triage pathway.");
    auto accepted = post(ret(draft) + "/accept", unit_, {}, 200);
    EXPECT_EQ(accepted.at("status").as_string(), "accepted");
    std::vector<std::string> history;
    for (const auto& h : accepted.at("history").as_array()) history.emplace_back(h.at("what").as_string());
    EXPECT_EQ(history, (std::vector<std::string>{"created", "saved", "submitted", "queried", "submitted", "accepted"}));
    // Accepted figures stay as they are.
    send(bhttp::verb::put, ret(draft) + "/values", hospital_lead_, json::serialize(good), 409);
    auto listed = get("/api/v1/returns?status=accepted&period_start=2012-10-01&period_end=2012-12-31", viewer_);
    EXPECT_NE(row_of(listed.at("items"), "id", draft.at("id").as_string()), nullptr);
}

TEST_F(PerformanceApi, TheImportIsAllOrNothing) {
    const std::string header = "organisation,indicator,period_start,period_end,value,note\n";
    auto bad = send(bhttp::verb::post, "/api/v1/returns/import", unit_,
                    header + "Essex Probation Service,ALG01,2012-10-01,2012-12-31,3,\n"
                             "Essex Probation Service,DBS01,2012-10-01,2012-12-31,104,\n",
                    422, "text/csv");
    auto fields = field_names(bad);
    ASSERT_EQ(fields.size(), 1u) << bad;
    EXPECT_TRUE(fields.front().starts_with("line 3")) << fields.front();
    get("/api/v1/reports/completeness?period_start=2012-10-01&period_end=2012-12-31", unit_);
    auto none = get("/api/v1/returns?period_start=2012-10-01&period_end=2012-12-31", unit_);
    EXPECT_TRUE(none.at("items").as_array().empty());

    auto good = send(bhttp::verb::post, "/api/v1/returns/import", unit_,
                     header + "Essex Probation Service,ALG01,2012-10-01,2012-12-31,3,\n", 200, "text/csv");
    EXPECT_EQ(good.at("created").as_int64(), 1);
    // Only the business unit imports.
    send(bhttp::verb::post, "/api/v1/returns/import", hospital_lead_, header, 403, "text/csv");
}

TEST_F(PerformanceApi, TheOpenApiDocumentDescribesEveryAnswer) {
    auto doc = get("/api/v1/openapi.json", viewer_);
    const auto& paths = doc.at("paths").as_object();
    for (const char* path : {"/api/v1/indicators", "/api/v1/indicators/{code}/values", "/api/v1/returns",
                             "/api/v1/reports/completeness", "/api/v1/reports/exceptions"}) {
        EXPECT_TRUE(paths.contains(path)) << path;
    }
    const auto& schemas = doc.at("components").at("schemas").as_object();
    for (const char* name : {"Indicator", "Completeness", "Exceptions", "RatedValue", "ReturnDetail"}) {
        ASSERT_TRUE(schemas.contains(name)) << name;
        EXPECT_FALSE(schemas.at(name).at("properties").as_object().empty()) << name;
    }
    EXPECT_TRUE(schemas.at("Exceptions").at("properties").as_object().contains("missing_returns"));
}

}  // namespace
}  // namespace safeboard::app
