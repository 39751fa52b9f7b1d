// The register's pages, called as the server calls them (route, access,
// handler) on the demo data, on SQLite and PostgreSQL alike: who may see and
// change what, forms that name every problem, imports that are all or
// nothing, and downloads that import again unchanged.
#include <chrono>
#include <regex>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/module.hpp"
#include "modules/register/pages.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/dispatch.hpp"
#include "platform/http/problem.hpp"
#include "platform/web/routes.hpp"
#include "support/module_pages.hpp"

namespace safeboard::register_ {
namespace {

using access::Role;
using access::ScopeKind;
using testing::Form;
using testing::form_encoded;

class RegisterPages : public testing::ModulePages {
protected:
    void load(db::Connection& db) override {
        load_demo(db, actor_);
        southend_ = find_partnership_by_code(db, "southend")->id;
        essex_ = find_partnership_by_code(db, "essex")->id;
    }
    void add_module_pages(http::Router& router, web::Templates& pages) override {
        pages.add(templates());
        add_pages(router, pages);
    }

    static access::Principal user(Role role, ScopeKind kind, std::int64_t id) {
        return testing::principal(role, {kind, id});
    }
    http::Response upload(const std::string& target, const access::Principal& principal, const std::string& kind,
                          const std::string& filename, const std::string& bytes) {
        return ModulePages::upload(target, principal, {{"kind", kind}}, filename, bytes);
    }

    std::int64_t count(const std::string& table) {
        auto lease = pool_->acquire();
        return lease->query("SELECT count(*) FROM " + table).rows.at(0).integer(0);
    }
    std::int64_t body_named(const std::string& name) {
        auto lease = pool_->acquire();
        return find_bodies_named(*lease, name).at(0).id;
    }
    std::int64_t organisation_named(const std::string& name) {
        auto lease = pool_->acquire();
        return find_organisations_named(*lease, name).at(0).id;
    }
    static std::string id_in(const std::string& location, const std::string& prefix) {
        EXPECT_TRUE(location.starts_with(prefix)) << location;
        return location.substr(prefix.size());
    }

    std::int64_t southend_ = 0, essex_ = 0;
};

TEST_P(RegisterPages, AViewerSeesTheBodiesButCannotAddOne) {
    auto viewer = user(Role::viewer, ScopeKind::partnership, southend_);
    auto list = get("/bodies?partnership=" + std::to_string(southend_), viewer);
    ASSERT_EQ(list.status, 200u) << list.body;
    EXPECT_NE(list.body.find("Southend"), std::string::npos);
    EXPECT_EQ(list.body.find("Add a body"), std::string::npos);
    auto before = count("bodies");
    auto refused = post("/bodies", viewer, {{"name", "Shadow board"}, {"kind", "board"}, {"partnerships", "southend"}});
    EXPECT_EQ(refused.status, 403u);
    EXPECT_EQ(count("bodies"), before);
    EXPECT_EQ(get("/bodies/new", viewer).status, 403u);
}

TEST_P(RegisterPages, ABusinessUnitAddsABodyAndAMember) {
    auto unit = user(Role::business_unit, ScopeKind::partnership, southend_);
    auto bodies = count("bodies");
    auto empty = post("/bodies", unit, {{"name", ""}, {"kind", "board"}, {"partnerships", "southend"}});
    EXPECT_EQ(empty.status, 422u);
    EXPECT_EQ(count("bodies"), bodies);
    EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(empty.body.find("href=\"#name\""), std::string::npos);

    auto created = post("/bodies", unit,
                        {{"name", "Online Safety Group"}, {"kind", "task_and_finish_group"}, {"partnerships", "southend"},
                         {"terms_of_reference", "First paragraph.\n\n<b>Second</b> paragraph."}});
    ASSERT_EQ(created.status, 303u) << created.body;
    auto path = std::string(created.find_header("Location"));
    auto body_id = id_in(path, "/bodies/");
    auto council = organisation_named("Southend Borough Council");
    auto added = post(path + "/members", unit,
                      {{"partnership", std::to_string(southend_)}, {"seat_title", "Designated Doctor"},
                       {"role", "vice_chair"}, {"organisation", std::to_string(council)}});
    ASSERT_EQ(added.status, 303u) << added.body;
    auto page = get(path, unit);
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("Designated Doctor"), std::string::npos);
    EXPECT_NE(page.body.find("<strong>Vice-chair:</strong> Designated Doctor"), std::string::npos)
        << "the vice-chair is highlighted";
    EXPECT_NE(page.body.find("&lt;b&gt;Second&lt;/b&gt; paragraph."), std::string::npos);
    EXPECT_EQ(page.body.find("<b>Second</b>"), std::string::npos);
}

// The add-a-member form offers only what the user can see; a posted id from
// elsewhere is refused, or seating someone would reveal them (their seat makes
// them visible to the partnership).
TEST_P(RegisterPages, ASeatGoesOnlyToOrganisationsAndPeopleWithinReach) {
    auto unit = user(Role::business_unit, ScopeKind::partnership, southend_);
    auto council = organisation_named("Essex County Council");
    std::int64_t officer = 0;
    {
        auto lease = pool_->acquire();
        db::Transaction tx(*lease);
        Person person;
        person.name = "Essex Only Officer";
        person.organisation_id = council;
        officer = create_person(*lease, person, actor_);
        tx.commit();
    }
    auto board = "/bodies/" + std::to_string(body_named("Southend LSCB Overarching Board"));
    auto seats = count("memberships");
    auto person = post(board + "/members", unit,
                       {{"partnership", std::to_string(southend_)}, {"seat_title", "Observer"}, {"role", "observer"},
                        {"person", std::to_string(officer)}});
    EXPECT_EQ(person.status, 422u);
    EXPECT_NE(person.body.find("href=\"#person\""), std::string::npos);
    auto organisation = post(board + "/members", unit,
                             {{"partnership", std::to_string(southend_)}, {"seat_title", "Observer"},
                              {"role", "observer"}, {"organisation", std::to_string(council)}});
    EXPECT_EQ(organisation.status, 422u);
    EXPECT_NE(organisation.body.find("href=\"#organisation\""), std::string::npos);
    EXPECT_EQ(count("memberships"), seats);
    auto essex_unit = user(Role::business_unit, ScopeKind::partnership, essex_);
    auto executive = "/bodies/" + std::to_string(body_named("ESCB Executive Board"));
    auto seated = post(executive + "/members", essex_unit,
                       {{"partnership", std::to_string(essex_)}, {"seat_title", "Observer"}, {"role", "observer"},
                        {"person", std::to_string(officer)}});
    EXPECT_EQ(seated.status, 303u) << seated.body;
    EXPECT_EQ(count("memberships"), seats + 1);
}

TEST_P(RegisterPages, AnAgencyLeadKeepsOnlyTheirOwnOrganisationsPeople) {
    auto police = organisation_named("Essex Police");
    auto council = organisation_named("Essex County Council");
    auto lead = user(Role::agency_lead, ScopeKind::organisation, police);
    auto before = count("people");
    auto own = post("/people", lead, {{"name", "Pat Constable"}, {"job_title", "Safeguarding lead"},
                                      {"organisation", std::to_string(police)}});
    ASSERT_EQ(own.status, 303u) << own.body;
    EXPECT_EQ(count("people"), before + 1);
    auto other = post("/people", lead, {{"name", "Sam Council"}, {"organisation", std::to_string(council)}});
    EXPECT_EQ(other.status, 403u);
    EXPECT_EQ(count("people"), before + 1);
    auto moved = post(std::string(own.find_header("Location")), lead,
                      {{"name", "Pat Constable"}, {"organisation", std::to_string(council)}});
    EXPECT_EQ(moved.status, 403u) << "nor may they move one of theirs to another organisation";
    // An agency lead keeps people, not the partnership's structure.
    EXPECT_EQ(post("/bodies", lead, {{"name", "Lead's board"}, {"kind", "board"}}).status, 403u);
}

TEST_P(RegisterPages, ARecordBeyondReachIsMissing) {
    auto viewer = user(Role::viewer, ScopeKind::partnership, southend_);
    auto essex_body = body_named("ESCB Executive Board");
    EXPECT_EQ(get("/bodies/" + std::to_string(essex_body), viewer).status, 404u);
    EXPECT_EQ(get("/partnerships/" + std::to_string(essex_), viewer).status, 404u);
    EXPECT_EQ(get("/organisations/" + std::to_string(organisation_named("Essex County Council")), viewer).status, 404u);
    EXPECT_EQ(get("/bodies/999999", viewer).status, 404u);
    auto unit = user(Role::business_unit, ScopeKind::partnership, southend_);
    EXPECT_EQ(post("/bodies/" + std::to_string(essex_body), unit, {{"name", "Renamed"}, {"kind", "board"}}).status, 404u);
}

TEST_P(RegisterPages, AnImportWithBadRowsListsEveryProblemAndWritesNothing) {
    auto unit = user(Role::business_unit, ScopeKind::partnership, southend_);
    auto before = count("organisations");
    std::string file = "name,short_name,sector,parent,statutory_partner,relevant_agency,lead_areas,active_from,active_to\r\n"
                       "Good Trust,,nhs_trust,,no,yes,,,\r\n"
                       "Bad Sector Trust,,hospital,,no,no,,,\r\n"
                       "Another Good One,,voluntary,,no,no,,,\r\n"
                       "Bad Date Trust,,voluntary,,no,no,,2020-13-45,\r\n";
    auto response = upload("/partnerships/" + std::to_string(southend_) + "/import", unit, "organisations", "orgs.csv", file);
    EXPECT_EQ(response.status, 422u) << response.body;
    EXPECT_NE(response.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(response.body.find("<td class=\"govuk-table__cell\">3</td>"), std::string::npos) << response.body;
    EXPECT_NE(response.body.find("<td class=\"govuk-table__cell\">5</td>"), std::string::npos);
    EXPECT_EQ(count("organisations"), before);

    auto viewer = user(Role::viewer, ScopeKind::partnership, southend_);
    EXPECT_EQ(upload("/partnerships/" + std::to_string(southend_) + "/import", viewer, "organisations", "o.csv", file).status,
              403u);
    auto essex_unit = user(Role::business_unit, ScopeKind::partnership, essex_);
    EXPECT_EQ(upload("/partnerships/" + std::to_string(southend_) + "/import", essex_unit, "organisations", "o.csv", file)
                  .status, 404u);
    EXPECT_EQ(count("organisations"), before);
}

TEST_P(RegisterPages, EachDownloadImportsAgainUnchanged) {
    auto unit = user(Role::business_unit, ScopeKind::partnership, essex_);
    auto base = "/partnerships/" + std::to_string(essex_);
    for (std::string kind : {"organisations", "people", "bodies", "memberships"}) {
        auto csv = get(base + "/export/" + kind + ".csv", unit);
        ASSERT_EQ(csv.status, 200u) << kind;
        EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
        EXPECT_EQ(csv.find_header("Content-Disposition"), "attachment; filename=\"essex-" + kind + ".csv\"");
        auto again = upload(base + "/import", unit, kind, "essex-" + kind + ".csv", csv.body);
        ASSERT_EQ(again.status, 200u) << kind << again.body;
        EXPECT_TRUE(std::regex_search(again.body, std::regex(R"(\d+ rows: 0 added, 0 changed, [1-9]\d* unchanged)")))
            << kind << ": " << again.body;
    }
    auto xlsx = get(base + "/export/bodies.xlsx", unit);
    ASSERT_EQ(xlsx.status, 200u);
    EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_TRUE(xlsx.body.starts_with("PK"));
    EXPECT_EQ(get(base + "/export/secrets.csv", unit).status, 404u);
}

TEST_P(RegisterPages, TheStructureIsAnSvgImageWithATextAlternative) {
    auto viewer = user(Role::viewer, ScopeKind::partnership, essex_);
    auto base = "/partnerships/" + std::to_string(essex_);
    auto svg = get(base + "/structure.svg", viewer);
    ASSERT_EQ(svg.status, 200u);
    EXPECT_EQ(svg.content_type, "image/svg+xml");
    EXPECT_TRUE(svg.body.starts_with("<svg"));
    EXPECT_EQ(svg.find_header("Content-Disposition"), "");
    EXPECT_EQ(get(base + "/structure.svg?download=1", viewer).find_header("Content-Disposition"),
              "attachment; filename=\"essex-governance.svg\"");
    auto page = get(base + "/structure", viewer);
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("<img src=\"" + base + "/structure.svg\" alt=\"Diagram of the Essex"), std::string::npos);
    EXPECT_NE(page.body.find("ESCB Executive Board"), std::string::npos) << "the text alternative names the bodies";
}

TEST_P(RegisterPages, TheCoverageReportSaysYesOrNoForEachPartner) {
    auto viewer = user(Role::viewer, ScopeKind::partnership, essex_);
    auto base = "/partnerships/" + std::to_string(essex_) + "/reports/";
    auto coverage = get(base + "coverage", viewer);
    ASSERT_EQ(coverage.status, 200u);
    EXPECT_NE(coverage.body.find("<strong>Yes</strong>"), std::string::npos);
    EXPECT_NE(coverage.body.find(">No</td>"), std::string::npos);
    EXPECT_EQ(get(base + "vacancies?on=31/02/2020", viewer).status, 422u);
    EXPECT_EQ(get(base + "vacancies?on=29/06/2020", viewer).status, 200u);
}

TEST_P(RegisterPages, EveryPageOfTheDemoRenders) {
    auto unit = user(Role::business_unit, ScopeKind::partnership, essex_);
    auto p = std::to_string(essex_);
    auto body = std::to_string(body_named("ESCB Executive Board"));
    auto organisation = std::to_string(organisation_named("Essex Police"));
    std::string membership;
    std::string person;
    {
        auto lease = pool_->acquire();
        membership = std::to_string(memberships_of_body(*lease, std::stoll(body)).at(0).id);
        person = std::to_string(find_people_named(*lease, "David Archibald", std::nullopt).at(0).id);
    }
    for (const auto& target : std::vector<std::string>{
             "/register", "/partnerships/" + p, "/organisations", "/organisations?partnership=" + p + "&sector=police",
             "/organisations/" + organisation, "/organisations/new?partnership=" + p,
             "/organisations/" + organisation + "/edit", "/people?partnership=" + p, "/people/" + person,
             "/people/new", "/people/" + person + "/edit", "/bodies?kind=board", "/bodies/" + body,
             "/bodies/new", "/bodies/" + body + "/edit", "/bodies/" + body + "/members/new",
             "/memberships/" + membership + "/end", "/partnerships/" + p + "/structure",
             "/partnerships/" + p + "/reports/vacancies", "/partnerships/" + p + "/reports/membership-by-organisation",
             "/partnerships/" + p + "/reports/coverage", "/partnerships/" + p + "/import"}) {
        auto page = get(target, unit);
        EXPECT_EQ(page.status, 200u) << target << "\n" << page.body.substr(0, 400);
        EXPECT_EQ(page.content_type.rfind("text/html", 0), 0u) << target;
    }
}

SAFEBOARD_TEST_ON_BACKENDS(RegisterPages);

}  // namespace
}  // namespace safeboard::register_
