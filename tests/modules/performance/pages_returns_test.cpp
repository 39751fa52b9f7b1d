// The return pages of the performance framework, called as the server calls
// them (route, access, handler) on the Southend demo, on SQLite and
// PostgreSQL alike: an agency lead starts, fills in and submits only its own
// organisation's return, every problem of a form named at once with nothing
// saved; another agency's draft is not told to exist, and a reader who tries
// to change a return is refused; the business unit queries and accepts; and
// a CSV file of returns goes in whole or not at all.
#include <chrono>
#include <regex>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/performance/module.hpp"
#include "modules/performance/pages.hpp"
#include "modules/performance/periods.hpp"
#include "modules/performance/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/module.hpp"
#include "platform/auth/users.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/core/time.hpp"
#include "platform/db/pool.hpp"
#include "platform/web/routes.hpp"
#include "support/module_pages.hpp"

namespace safeboard::performance {
namespace {

using access::Role;
using access::ScopeKind;
using testing::Form;
using testing::form_encoded;

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

const std::string hospital_name = "Southend University Hospital NHS Trust";

class ReturnPages : public testing::ModulePages {
protected:
    void load(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        load_demo(db, actor_);
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
        hospital_ = organisation(db, hospital_name);
        police_ = organisation(db, "Essex Police");
        // Each return's history names the user who acted: the principals below are this user.
        user_id_ = auth::create_user(db, {"someone@example.org", "Someone",
                                          {{Role::viewer, {ScopeKind::partnership, southend_}}}},
                                     std::nullopt, actor_, register_::scope_exists)
                       ->id;
    }
    void add_module_pages(http::Router& router, web::Templates& templates) override {
        templates.add(page_templates());
        add_pages(router, templates);
    }

    static std::int64_t organisation(db::Connection& db, const std::string& name) {
        for (const auto& o : register_::find_organisations_named(db, name)) {
            if (o.name == name) return o.id;
        }
        throw std::runtime_error("no organisation " + name);
    }

    access::Principal user(Role role, ScopeKind kind, std::int64_t id) const {
        return testing::principal(role, {kind, id}, user_id_);
    }
    access::Principal lead(std::int64_t organisation) const {
        return user(Role::agency_lead, ScopeKind::organisation, organisation);
    }
    access::Principal unit() const { return user(Role::business_unit, ScopeKind::partnership, southend_); }
    access::Principal viewer() const { return user(Role::viewer, ScopeKind::partnership, southend_); }

    http::Response upload(const std::string& target, const access::Principal& principal, const std::string& bytes) {
        return ModulePages::upload(target, principal, {}, "returns.csv", bytes);
    }

    // The first quarter of the reporting year today falls in: begun, and never in the demo.
    static PeriodDates this_year_q1() {
        auto year = reporting_year_holding(calendar::uk_today(system_now()), 10).first_year;
        return period_of(PeriodKind::quarter, year, 1, 10);
    }
    // Starts the organisation's return for this year's first quarter as its lead; its page.
    std::string start(std::int64_t organisation) {
        auto started = post("/performance/returns", lead(organisation),
                            {{"partnership", std::to_string(southend_)},
                             {"organisation", std::to_string(organisation)},
                             {"period", this_year_q1().name}});
        EXPECT_EQ(started.status, 303u) << started.body;
        return std::string(started.find_header("Location"));
    }
    static std::int64_t id_of(const std::string& href) {
        return std::stoll(href.substr(std::string("/performance/returns/").size()));
    }
    Return return_at(const std::string& href) {
        auto lease = pool_->acquire();
        return *find_return(*lease, id_of(href));
    }
    std::vector<Value> values_at(const std::string& href) {
        auto lease = pool_->acquire();
        return values_of(*lease, id_of(href));
    }
    // The demo's return of Essex Police for Q4 2011/12: submitted, not yet accepted.
    std::string police_q4() {
        auto lease = pool_->acquire();
        auto period = find_period_between(*lease, southend_, "2012-07-01", "2012-09-30");
        return "/performance/returns/" + std::to_string(find_return_of(*lease, period->id, police_)->id);
    }

    std::int64_t southend_ = 0, essex_ = 0, hospital_ = 0, police_ = 0, user_id_ = 0;
};

const Form good_values{{"values[DBS01].value", ""},         {"values[DBS01].numerator", "1890"},
                       {"values[DBS01].denominator", "1900"}, {"values[DBS01].note", "Two starters awaiting checks"},
                       {"values[ALG01].value", "1"},          {"values[REF01].value", "14"}};

TEST_P(ReturnPages, AnAgencyLeadSeesItsOwnReturnsAndStartsOne) {
    auto list = get("/performance/returns", lead(hospital_));
    ASSERT_EQ(list.status, 200u) << list.body;
    EXPECT_TRUE(has(list.body, hospital_name));
    // Its demo returns, newest first, with where each stands.
    EXPECT_TRUE(has(list.body, "Q4 2011/12"));
    EXPECT_LT(list.body.find("Q4 2011/12"), list.body.find("Q1 2011/12"));
    EXPECT_TRUE(has(list.body, ">Submitted<"));
    EXPECT_TRUE(has(list.body, ">Accepted<"));
    // Last year's quarters were never returned: they are listed as overdue.
    EXPECT_TRUE(has(list.body, ">Not started<"));
    EXPECT_TRUE(has(list.body, ">Overdue<"));
    EXPECT_TRUE(has(list.body, "Start the return"));
    EXPECT_FALSE(has(list.body, "Returns waiting for your review"));

    auto href = start(hospital_);
    ASSERT_TRUE(href.starts_with("/performance/returns/")) << href;
    EXPECT_EQ(return_at(href).status, ReturnStatus::draft);
    EXPECT_EQ(start(hospital_), href);  // asked again, the same return
    auto page = get(href, lead(hospital_));
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_TRUE(has(page.body, "Return for " + this_year_q1().name));
    for (const char* name : {"name=\"values[DBS01].value\"", "name=\"values[DBS01].numerator\"",
                             "name=\"values[ALG01].value\"", "name=\"values[REF01].value\""}) {
        EXPECT_TRUE(has(page.body, name)) << name;
    }
    // A count has no numerator; the partnership's own indicators are not the hospital's to return.
    EXPECT_FALSE(has(page.body, "values[ALG01].numerator"));
    EXPECT_FALSE(has(page.body, "values[PF01]"));
    EXPECT_TRUE(has(page.body, "Staff and volunteers in roles that need a DBS (CRB) check"));

    // Nobody starts another organisation's return.
    auto refused = post("/performance/returns", lead(police_),
                        {{"partnership", std::to_string(southend_)},
                         {"organisation", std::to_string(hospital_)},
                         {"period", this_year_q1().name}});
    EXPECT_EQ(refused.status, 403u);
}

TEST_P(ReturnPages, EveryProblemIsNamedAtOnceAndNothingIsSaved) {
    auto href = start(hospital_);
    auto bad = post(href + "/values", lead(hospital_),
                    {{"values[DBS01].value", "120"},
                     {"values[ALG01].value", "2.5"},
                     {"values[REF01].value", "4"},
                     {"values[REF01].numerator", "3"}});
    ASSERT_EQ(bad.status, 422u) << bad.body;
    for (const char* link : {"href=\"#values[DBS01].value\"", "href=\"#values[ALG01].value\"",
                             "href=\"#values[REF01].numerator\""}) {
        EXPECT_TRUE(has(bad.body, link)) << link;
    }
    EXPECT_TRUE(has(bad.body, "A percentage must be 100 or less"));
    EXPECT_TRUE(has(bad.body, "value=\"2.5\""));  // what was typed stays, to be put right
    EXPECT_TRUE(values_at(href).empty());

    // Submitting: the counts that cannot be, and the value still missing, together.
    auto unsent = post(href + "/submit", lead(hospital_),
                       {{"values[DBS01].numerator", "130"}, {"values[DBS01].denominator", "100"},
                        {"values[REF01].value", "4"}});
    ASSERT_EQ(unsent.status, 422u) << unsent.body;
    EXPECT_TRUE(has(unsent.body, "href=\"#values[DBS01].numerator\""));
    EXPECT_TRUE(has(unsent.body, "href=\"#values[ALG01].value\""));
    EXPECT_TRUE(values_at(href).empty());

    // Good values but one missing: the values are not kept without the submission either.
    auto partial = post(href + "/submit", lead(hospital_),
                        {{"values[DBS01].value", "99"}, {"values[REF01].value", "4"}});
    ASSERT_EQ(partial.status, 422u) << partial.body;
    EXPECT_TRUE(has(partial.body, "Enter a value for ALG01"));
    EXPECT_TRUE(values_at(href).empty());
    EXPECT_EQ(return_at(href).status, ReturnStatus::draft);
}

TEST_P(ReturnPages, AnAgencyLeadSavesAndSubmitsItsReturn) {
    auto href = start(hospital_);
    auto saved = post(href + "/values", lead(hospital_), good_values);
    ASSERT_EQ(saved.status, 303u) << saved.body;
    EXPECT_EQ(saved.find_header("Location"), href + "?done=saved");
    auto values = values_at(href);
    ASSERT_EQ(values.size(), 3u);
    auto dbs = std::ranges::find(values, std::string("DBS01"), &Value::indicator_code);
    ASSERT_NE(dbs, values.end());
    EXPECT_NEAR(dbs->value, 99.47, 0.01);  // worked out from its counts
    auto page = get(href + "?done=saved", lead(hospital_));
    EXPECT_TRUE(has(page.body, "The values are saved"));
    EXPECT_TRUE(has(page.body, "Two starters awaiting checks"));

    // The form as shown, sent again, submits the return with its values unchanged.
    std::smatch shown;
    const std::regex dbs_value(R"re(name="values\[DBS01\]\.value" type="text" value="([^"]*)")re");
    ASSERT_TRUE(std::regex_search(page.body, shown, dbs_value));
    auto submitted = post(href + "/submit", lead(hospital_),
                          {{"values[DBS01].value", shown[1].str()},
                           {"values[DBS01].numerator", "1890"},
                           {"values[DBS01].denominator", "1900"},
                           {"values[ALG01].value", "1"},
                           {"values[REF01].value", "14"}});
    ASSERT_EQ(submitted.status, 303u) << submitted.body;
    EXPECT_EQ(return_at(href).status, ReturnStatus::submitted);
    page = get(href, lead(hospital_));
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(has(page.body, ">Submitted<"));
    EXPECT_FALSE(has(page.body, "name=\"values[DBS01].value\""));  // submitted, it is no longer a form
    EXPECT_TRUE(has(page.body, "1,890"));
    // Once submitted, its values cannot be changed from the form.
    EXPECT_EQ(post(href + "/values", lead(hospital_), good_values).status, 409u);
}

TEST_P(ReturnPages, AnotherAgencysDraftIsNotToldToExist) {
    auto href = start(hospital_);
    auto essex_unit = user(Role::business_unit, ScopeKind::partnership, essex_);
    for (const auto& other : {lead(police_), unit(), viewer(), essex_unit}) {
        EXPECT_EQ(get(href, other).status, 404u);
        EXPECT_EQ(post(href + "/values", other, good_values).status, 404u);
        EXPECT_EQ(post(href + "/submit", other, good_values).status, 404u);
    }
    EXPECT_TRUE(values_at(href).empty());
    EXPECT_EQ(get("/performance/returns/999999", lead(hospital_)).status, 404u);
}

TEST_P(ReturnPages, AReaderWhoMayNotChangeAReturnIsRefused) {
    auto href = police_q4();
    auto page = get(href, viewer());
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_TRUE(has(page.body, "Essex Police"));
    EXPECT_FALSE(has(page.body, "Accept the return"));
    EXPECT_EQ(post(href + "/accept", viewer(), {}).status, 403u);
    EXPECT_EQ(post(href + "/query", viewer(), {{"question", "Why?"}}).status, 403u);
    EXPECT_EQ(post(href + "/values", viewer(), good_values).status, 403u);
    // Its own lead enters it but does not accept it.
    EXPECT_EQ(post(href + "/accept", lead(police_), {}).status, 403u);
    EXPECT_EQ(return_at(href).status, ReturnStatus::submitted);
    // Another partnership's business unit is not told it exists.
    EXPECT_EQ(get(href, user(Role::business_unit, ScopeKind::partnership, essex_)).status, 404u);
}

TEST_P(ReturnPages, TheBusinessUnitQueriesTheAgencyAnswersAndTheReturnIsAccepted) {
    auto href = police_q4();
    auto list = get("/performance/returns", unit());
    ASSERT_EQ(list.status, 200u) << list.body;
    EXPECT_TRUE(has(list.body, "Returns waiting for your review"));
    EXPECT_TRUE(has(list.body, "href=\"" + href + "\""));
    EXPECT_TRUE(has(list.body, "/performance/import?partnership=" + std::to_string(southend_)));

    auto page = get(href, unit());
    EXPECT_TRUE(has(page.body, "Accept the return"));
    auto empty = post(href + "/query", unit(), {{"question", ""}});
    ASSERT_EQ(empty.status, 422u) << empty.body;
    EXPECT_TRUE(has(empty.body, "href=\"#question\""));
    EXPECT_EQ(return_at(href).status, ReturnStatus::submitted);
    auto queried = post(href + "/query", unit(), {{"question", "Please check the DBS denominator."}});
    ASSERT_EQ(queried.status, 303u) << queried.body;
    EXPECT_EQ(return_at(href).status, ReturnStatus::queried);

    // The agency sees the question and answers it as it submits again.
    page = get(href, lead(police_));
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(has(page.body, "Please check the DBS denominator."));
    EXPECT_TRUE(has(page.body, "name=\"answer\""));
    auto unanswered = post(href + "/submit", lead(police_), {});
    ASSERT_EQ(unanswered.status, 422u) << unanswered.body;
    EXPECT_TRUE(has(unanswered.body, "href=\"#answer\""));
    EXPECT_EQ(return_at(href).status, ReturnStatus::queried);
    auto answered = post(href + "/submit", lead(police_), {{"answer", "The denominator is right: 3,400 posts."}});
    ASSERT_EQ(answered.status, 303u) << answered.body;
    EXPECT_EQ(return_at(href).answer, "The denominator is right: 3,400 posts.");

    auto accepted = post(href + "/accept", unit(), {});
    ASSERT_EQ(accepted.status, 303u) << accepted.body;
    EXPECT_EQ(return_at(href).status, ReturnStatus::accepted);
    page = get(href, unit());
    EXPECT_TRUE(has(page.body, ">Accepted<"));
    EXPECT_TRUE(has(page.body, "The denominator is right"));
    EXPECT_EQ(post(href + "/accept", unit(), {}).status, 409u);
}

TEST_P(ReturnPages, AFileOfReturnsGoesInWholeOrNotAtAll) {
    const std::string header =
        "organisation,indicator,period_start,period_end,value,numerator,denominator,note,submitted_on\n";
    auto q1 = this_year_q1();
    auto row = [&](const std::string& organisation, const std::string& indicator, const std::string& value) {
        return organisation + "," + indicator + "," + q1.starts_on + "," + q1.ends_on + "," + value + ",,,,\n";
    };
    auto target = "/performance/import?partnership=" + std::to_string(southend_);
    ASSERT_EQ(get(target, unit()).status, 200u);

    auto bad = upload(target, unit(), header + row("Essex Police", "ALG01", "2") + row("Essex Police", "DBS01", "120"));
    ASSERT_EQ(bad.status, 422u) << bad.body;
    EXPECT_TRUE(has(bad.body, "govuk-error-summary"));
    EXPECT_TRUE(has(bad.body, "Line 3"));
    EXPECT_TRUE(has(bad.body, "nothing was imported"));
    {
        auto lease = pool_->acquire();
        EXPECT_FALSE(find_period_between(*lease, southend_, q1.starts_on, q1.ends_on).has_value());
    }

    auto good = upload(target, unit(), header + row("Essex Police", "ALG01", "2") + row("Essex Police", "REF01", "31"));
    ASSERT_EQ(good.status, 200u) << good.body;
    EXPECT_TRUE(has(good.body, "2 values added"));
    auto lease = pool_->acquire();
    auto period = find_period_between(*lease, southend_, q1.starts_on, q1.ends_on);
    ASSERT_TRUE(period.has_value());
    auto ret = find_return_of(*lease, period->id, police_);
    ASSERT_TRUE(ret.has_value());
    EXPECT_EQ(values_of(*lease, ret->id).size(), 2u);
    EXPECT_EQ(ret->status, ReturnStatus::submitted);
}

TEST_P(ReturnPages, OnlyThoseWhoManageThePartnershipImport) {
    auto target = "/performance/import?partnership=" + std::to_string(southend_);
    EXPECT_EQ(get(target, viewer()).status, 403u);
    EXPECT_EQ(get(target, lead(hospital_)).status, 403u);
    // Essex's business unit may import into Essex, not into Southend, which it cannot see.
    EXPECT_EQ(get(target, user(Role::business_unit, ScopeKind::partnership, essex_)).status, 404u);
    EXPECT_EQ(get("/performance/import?partnership=999999", unit()).status, 404u);
    // Its only partnership, when none is named.
    auto page = get("/performance/import", unit());
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(has(page.body, "Southend Local Safeguarding Children Board"));
}

SAFEBOARD_TEST_ON_BACKENDS(ReturnPages);

}  // namespace
}  // namespace safeboard::performance
