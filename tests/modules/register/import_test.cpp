// Imports and exports of the register on SQLite and PostgreSQL: the demo
// files, round trips, and every way a file can be wrong (nothing written).
#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/import.hpp"
#include "modules/register/module.hpp"
#include "modules/register/rules.hpp"
#include "modules/register/store.hpp"
#include "platform/tabular/csv.hpp"
#include "support/test_database.hpp"

namespace safeboard::register_ {
namespace {

class RegisterImport : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, app::all_migrations());
        db::Transaction tx(*db_);
        essex_ = upsert_partnership(*db_, {0, "essex", "Essex Safeguarding Children Board"}, actor_);
        southend_ = upsert_partnership(*db_, {0, "southend", "Southend LSCB"}, actor_);
        tx.commit();
    }
    ImportReport import(ImportKind kind, std::string_view csv, std::int64_t partnership = 0) {
        return import_csv(*db_, kind, csv, partnership ? partnership : essex_, {true, {}}, actor_);
    }
    std::int64_t count(const char* table) {
        return db_->query(std::string("SELECT COUNT(*) FROM ") + table).rows.at(0).integer(0);
    }
    std::string exported(ImportKind kind, std::int64_t partnership) {
        auto sheet = export_sheet(*db_, kind, partnership);
        return tabular::write_csv(sheet.header, sheet.rows);
    }
    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    std::int64_t essex_ = 0;
    std::int64_t southend_ = 0;
};

const char* organisations_csv =
    "name,short_name,sector,parent,statutory_partner,relevant_agency,lead_areas,active_from,active_to\r\n"
    "Essex Police,,police,,yes,yes,ratifies the decision making of the Child Safeguarding Practice Review "
    "sub-committee,,\r\n"
    "NHS Mid Essex Clinical Commissioning Group,,Health commissioner,Clinical Commissioning Groups,yes,Y,,,\r\n"
    "Clinical Commissioning Groups,CCGs,health_commissioner,,yes,no,covers the ESCB Executive Vice Chair role;"
    "oversees dispute resolution,01/04/2013,\r\n";

TEST_P(RegisterImport, ImportsOrganisationsWithFlagsLeadAreasAndAParentFurtherDown) {
    auto report = import(ImportKind::organisations, organisations_csv);
    ASSERT_TRUE(report.ok()) << report.problems.front().message;
    EXPECT_EQ(report.rows, 3u);
    EXPECT_EQ(report.created, 3u);
    auto ccg = find_organisations_named(*db_, "NHS Mid Essex Clinical Commissioning Group").at(0);
    EXPECT_EQ(ccg.parent_name, "Clinical Commissioning Groups");
    EXPECT_EQ(ccg.sector, Sector::health_commissioner);
    auto groups = find_organisations_named(*db_, "ccgs").at(0);
    EXPECT_EQ(groups.active_from, "2013-04-01");
    ASSERT_EQ(groups.partnerships.size(), 1u);
    EXPECT_TRUE(groups.partnerships[0].statutory_partner);
    EXPECT_EQ(groups.partnerships[0].lead_areas,
              (std::vector<std::string>{"covers the ESCB Executive Vice Chair role", "oversees dispute resolution"}));
    EXPECT_EQ(statutory_partners(*db_, essex_).size(), 3u);
}

TEST_P(RegisterImport, OneBadRowAndNothingIsWrittenWithEveryProblemNamed) {
    auto report = import(ImportKind::organisations,
                         "name,sector,statutory_partner,active_from,parent\n"
                         "Essex Police,police,yes,,\n"
                         ",police,maybe,,\n"
                         "Essex County Council,council,yes,31/02/2020,Nowhere Council\n");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(count("organisations"), 0);
    EXPECT_EQ(count("organisation_partnerships"), 0);
    std::vector<RowProblem> expected{
        {3, "name", "Enter name"},
        {3, "statutory_partner", "Statutory partner must be yes or no"},
        {4, "sector", "Sector must be one of: local_authority, police, health_commissioner, nhs_trust, education, "
                      "probation, voluntary, fire, other"},
        {4, "active_from", "Active from must be a real date like 2020-06-29 or 29/06/2020"},
        {4, "parent", "There is no organisation named \"Nowhere Council\" in the register"},
    };
    EXPECT_EQ(report.problems, expected);
}

TEST_P(RegisterImport, FileProblemsAreNamedBeforeAnyRowIsRead) {
    auto unknown = import(ImportKind::people, "name,colour\nAda,blue\n");
    ASSERT_EQ(unknown.problems.size(), 1u);
    EXPECT_EQ(unknown.problems[0], (RowProblem{1, "colour", "\"colour\" is not a column of people files"}));
    auto nameless = import(ImportKind::bodies, "kind,purpose\nboard,x\n");
    ASSERT_EQ(nameless.problems.size(), 1u);
    EXPECT_EQ(nameless.problems[0].column, "name");
    auto twice = import(ImportKind::people, "name,Name\nAda,Ada\n");
    EXPECT_EQ(twice.problems.at(0).message, "The column \"name\" appears twice");
    auto wide = import(ImportKind::people, "name,job_title\nAda,Chair,extra\n");
    EXPECT_EQ(wide.problems.at(0), (RowProblem{2, "", "The row has 3 cells but the header has 2"}));
    auto quote = import(ImportKind::people, "name\n\"Ada\n");
    EXPECT_EQ(quote.problems.at(0).line, 0u);
    EXPECT_NE(quote.problems.at(0).message.find("line 2"), std::string::npos) << quote.problems.at(0).message;
    auto bytes = import(ImportKind::people, "name\nAd\xff\n");
    EXPECT_NE(bytes.problems.at(0).message.find("UTF-8"), std::string::npos);
    EXPECT_FALSE(import(ImportKind::people, "").ok());
    EXPECT_EQ(count("people"), 0);
}

TEST_P(RegisterImport, AcceptsExcelsBomAndQuotedLineBreaks) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    auto report = import(ImportKind::bodies,
                         "\xEF\xBB\xBFname,kind,purpose,reports_to\r\n"
                         "Child Exploitation & Missing sub-committee,sub_group,\"Delivers the strategy,\r\n"
                         "shares learning\",ESCB Executive Board\r\n"
                         "ESCB Executive Board,Executive,Meets 4 times a year,\r\n");
    ASSERT_TRUE(report.ok()) << report.problems.front().message;
    auto body = find_bodies_named(*db_, "Child Exploitation & Missing sub-committee").at(0);
    EXPECT_EQ(body.purpose, "Delivers the strategy,\r\nshares learning");
    auto lines = relations_of(*db_, body.id);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].to_body_name, "ESCB Executive Board");
    EXPECT_EQ(lines[0].kind, RelationKind::reports_to);
}

TEST_P(RegisterImport, MembershipProblemsNameTheirRowsAndColumns) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    ASSERT_TRUE(import(ImportKind::bodies, "name,kind\nESCB Executive Board,executive\n").ok());
    ASSERT_TRUE(import(ImportKind::bodies, "name,kind\nSouthend LSCB,board\n", southend_).ok());
    ASSERT_TRUE(import(ImportKind::people, "name,job_title,organisation\nDavid Archibald,Independent Chair Facilitator,\n").ok());
    auto report = import(ImportKind::memberships,
                         "body,seat_title,role,organisation,person,vacancy\n"
                         "ESCB Executive Board,Independent Chair Facilitator,chair,,David Archibald,\n"
                         "Southend LSCB,Member,member,Essex Police,,\n"
                         "ESCB Executive Board,Director of Nursing,deputy,CCGs,Nobody Known,Position Vacant\n"
                         "No Such Board,Member,member,,,\n");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(count("memberships"), 0);
    std::vector<std::pair<std::size_t, std::string>> where;
    for (const auto& p : report.problems) where.emplace_back(p.line, p.column);
    EXPECT_EQ(where, (std::vector<std::pair<std::size_t, std::string>>{
                         {3, "body"}, {4, "role"}, {4, "person"}, {4, "vacancy"}, {5, "body"}}));
}

TEST_P(RegisterImport, VacantSeatsKeepTheSourcesWordsAndIdenticalSeatsStayTwo) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    ASSERT_TRUE(import(ImportKind::bodies, "name,kind\nStay Safe Group (Mid),stay_safe_group\n").ok());
    const char* seats =
        "body,seat_title,role,organisation,person,vacancy\n"
        "Stay Safe Group (Mid),Special Schools Representative,member,To be identified,,\n"
        "Stay Safe Group (Mid),Member,member,Essex Police,,\n"
        "Stay Safe Group (Mid),Member,member,Essex Police,,\n"
        "Stay Safe Group (Mid),Vice Chair,vice_chair,,,Position Vacant\n";
    auto first = import(ImportKind::memberships, seats);
    ASSERT_TRUE(first.ok()) << first.problems.front().message;
    EXPECT_EQ(first.created, 4u);
    auto again = import(ImportKind::memberships, seats);
    EXPECT_EQ(again.created, 0u);
    EXPECT_EQ(again.unchanged, 4u);
    auto empty = vacancies(*db_, essex_, "2026-01-01");
    ASSERT_EQ(empty.size(), 4u);  // no person in any of them
    std::vector<std::string> vacant;
    for (const auto& m : empty) {
        if (m.vacant()) vacant.push_back(m.vacancy);
    }
    EXPECT_EQ(vacant, (std::vector<std::string>{"Position Vacant", "To be identified"}));
}

TEST_P(RegisterImport, EndingAMembershipKeepsItAsHistory) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    ASSERT_TRUE(import(ImportKind::bodies, "name,kind\nESCB Executive Board,executive\n").ok());
    ASSERT_TRUE(import(ImportKind::memberships,
                       "body,seat_title,role,organisation,starts_on\n"
                       "ESCB Executive Board,Assistant Chief Constable for Local Policing,member,Essex Police,2019-04-01\n")
                    .ok());
    auto seat = memberships_of_body(*db_, find_bodies_named(*db_, "ESCB Executive Board").at(0).id).at(0);
    {
        db::Transaction tx(*db_);
        auto bad = end_membership(*db_, seat.id, {{"ends_on", "2019-01-01"}}, actor_);
        ASSERT_FALSE(bad);
        EXPECT_EQ(bad.error().fields.at(0).field, "ends_on");
        ASSERT_TRUE(end_membership(*db_, seat.id, {{"ends_on", "2021-03-31"}}, actor_));
        tx.commit();
    }
    auto ended = find_membership(*db_, seat.id);
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->ends_on, "2021-03-31");
    EXPECT_TRUE(ended->current_on("2020-06-29"));
    EXPECT_FALSE(ended->current_on("2021-04-01"));
    EXPECT_TRUE(seats_by_organisation(*db_, essex_, "2021-04-01").empty());
    EXPECT_EQ(seats_by_organisation(*db_, essex_, "2020-06-29").size(), 1u);
}

// The demo, exported and imported again, changes nothing; imported into an
// empty register, it exports the same files.
TEST_P(RegisterImport, DemoRoundTripsThroughExportAndImport) {
    auto summary = load_demo(*db_, actor_);
    EXPECT_GT(summary.created, 100u);
    auto partnerships = list_partnerships(*db_, 10, std::nullopt, {true, {}});
    testing::TestDatabase other_database(backend());
    auto other = other_database.connect();
    db::migrate(*other, app::all_migrations());
    {
        db::Transaction tx(*other);
        for (const auto& p : partnerships) upsert_partnership(*other, p, actor_);
        tx.commit();
    }
    for (const char* code : {"set", "essex", "southend", "thurrock"}) {
        auto partnership = *find_partnership_by_code(*db_, code);
        for (auto kind : import_kinds()) {
            auto csv = exported(kind, partnership.id);
            auto report = import(kind, csv, partnership.id);
            ASSERT_TRUE(report.ok()) << code << " " << to_string(kind) << ": " << report.problems.front().message;
            EXPECT_EQ(report.created + report.updated, 0u) << code << " " << to_string(kind);
            auto into_other = import_csv(*other, kind, csv, find_partnership_by_code(*other, code)->id, {true, {}}, actor_);
            ASSERT_TRUE(into_other.ok()) << code << " " << to_string(kind) << " line "
                                         << into_other.problems.front().line << ": "
                                         << into_other.problems.front().message;
        }
    }
    for (const char* code : {"set", "essex", "southend"}) {
        for (auto kind : import_kinds()) {
            auto mine = export_sheet(*db_, kind, find_partnership_by_code(*db_, code)->id);
            auto theirs = export_sheet(*other, kind, find_partnership_by_code(*other, code)->id);
            EXPECT_EQ(mine.rows, theirs.rows) << code << " " << to_string(kind);
        }
    }
}

TEST_P(RegisterImport, TheDemoHoldsTheSourcesStructures) {
    load_demo(*db_, actor_);
    auto southend = *find_partnership_by_code(*db_, "southend");
    auto board = find_bodies_named(*db_, "Southend LSCB Overarching Board").at(0);
    auto seats = memberships_of_body(*db_, board.id);
    EXPECT_GE(seats.size(), 26u);
    EXPECT_EQ(seats.front().role, SeatRole::chair);
    bool designated_doctor = false;
    for (const auto& seat : seats) designated_doctor = designated_doctor || seat.seat_title == "Designated Doctor";
    EXPECT_TRUE(designated_doctor);
    bool to_be_identified = false;
    for (const auto& seat : vacancies(*db_, southend.id, "2012-01-01")) {
        to_be_identified = to_be_identified || seat.vacancy == "To be identified";
    }
    EXPECT_TRUE(to_be_identified);
    auto police = find_organisations_named(*db_, "Essex Police").at(0);
    bool ratifies = false;
    for (const auto& status : police.partnerships) {
        for (const auto& area : status.lead_areas) ratifies = ratifies || area.find("ratifies") != std::string::npos;
    }
    EXPECT_TRUE(ratifies);
    auto essex = *find_partnership_by_code(*db_, "essex");
    auto set = *find_partnership_by_code(*db_, "set");
    EXPECT_FALSE(bodies_of(*db_, set.id).empty());
    std::size_t stay_safe = 0;
    for (const auto& body : bodies_of(*db_, essex.id)) stay_safe += body.kind == BodyKind::stay_safe_group;
    EXPECT_GE(stay_safe, 4u);
}

TEST_P(RegisterImport, AnOrganisationsGrantReachesItsPartnerships) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    auto police = find_organisations_named(*db_, "Essex Police").at(0);
    access::Principal lead;
    lead.grants = {{access::Role::agency_lead, {access::ScopeKind::organisation, police.id}}};
    auto reach = partnership_reach(*db_, lead, access::Permission::register_read);
    EXPECT_FALSE(reach.everything);
    EXPECT_EQ(reach.ids, std::vector<std::int64_t>{essex_});
    EXPECT_TRUE(scope_exists(*db_, {access::ScopeKind::organisation, police.id}));
    EXPECT_FALSE(scope_exists(*db_, {access::ScopeKind::body, 999}));
}

TEST_P(RegisterImport, PeopleAreSeenThroughTheirOrganisationOrWhenTheyHaveNone) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    ASSERT_TRUE(import(ImportKind::people,
                       "name,job_title,organisation\n"
                       "Pat Officer,Detective Inspector,Essex Police\n"
                       "Chris Independent,Independent Chair,\n")
                    .ok());
    ListQuery southend;
    southend.reach = {false, {southend_}};
    std::vector<std::string> seen;
    for (const auto& person : list_people(*db_, southend)) seen.push_back(person.name);
    EXPECT_EQ(seen, std::vector<std::string>{"Chris Independent"});
    auto officer = find_people_named(*db_, "Pat Officer", std::nullopt).at(0);
    EXPECT_FALSE(person_visible(*db_, officer.id, southend.reach));
    EXPECT_TRUE(person_visible(*db_, officer.id, {false, {essex_}}));
    southend.partnership = southend_;
    EXPECT_TRUE(list_people(*db_, southend).empty());  // in no seat of Southend's yet
}

TEST_P(RegisterImport, ListsFilterAndPageByName) {
    ASSERT_TRUE(import(ImportKind::organisations, organisations_csv).ok());
    ListQuery query;
    query.reach = {true, {}};
    query.limit = 2;
    auto first = list_organisations(*db_, query);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].name, "Clinical Commissioning Groups");
    query.after = NameKey{"essex police", first[1].id};
    auto rest = list_organisations(*db_, query);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].name, "NHS Mid Essex Clinical Commissioning Group");
    ListQuery text;
    text.reach = {true, {}};
    text.text = "mid_essex";  // an underscore is a letter here, not a LIKE wildcard
    EXPECT_TRUE(list_organisations(*db_, text).empty());
    text.text = "MID ESSEX";
    EXPECT_EQ(list_organisations(*db_, text).size(), 1u);
    ListQuery nowhere;
    nowhere.reach = {false, {southend_}};
    EXPECT_TRUE(list_organisations(*db_, nowhere).empty());
}

SAFEBOARD_TEST_ON_BACKENDS(RegisterImport);

}  // namespace
}  // namespace safeboard::register_
