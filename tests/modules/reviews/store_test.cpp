// Learning review cases on SQLite and PostgreSQL: the case and its parts,
// and sensitive details kept only as ciphertext, audited without their text.
#include <gtest/gtest.h>

#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/rules.hpp"
#include "modules/reviews/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::reviews {
namespace {

db::MigrationSet reviews_migrations() {
    db::MigrationSet set;
    set.add_module("audit", audit::migrations());
    set.add_module("auth", auth::migrations());
    set.add_module("register", register_::migrations());
    set.add_module("plans", plans::migrations());
    set.add_module("reviews", migrations());
    return set;
}

class ReviewStore : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, reviews_migrations());
        register_::load_demo(*db_, actor_);
        essex_ = register_::find_partnership_by_code(*db_, "essex")->id;
        police_ = register_::find_organisations_named(*db_, "Essex Police").at(0).id;
        council_ = register_::find_organisations_named(*db_, "Essex County Council").at(0).id;
    }
    std::int64_t count(const std::string& table, const std::string& where = "1 = 1") {
        return db_->query("SELECT COUNT(*) FROM " + table + " WHERE " + where).rows.at(0).integer(0);
    }
    Case sample() {
        Case c;
        c.partnership_id = essex_;
        c.reference = "Child Z / 2024";
        c.incident_on = "2024-03-25";
        c.became_aware_on = "2024-03-28";
        c.agencies = {police_, council_};
        c.steps["notification"] = {"2024-04-05", "Notified on the Panel's portal"};
        return c;
    }
    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    std::int64_t essex_ = 0, police_ = 0, council_ = 0;
};

TEST_P(ReviewStore, ACaseIsKeptWithItsAgenciesStepsDecisionTermsAndReports) {
    db::Transaction tx(*db_);
    auto id = create_case(*db_, sample(), actor_);
    auto c = *find_case(*db_, id);
    EXPECT_EQ(c.reference, "Child Z / 2024");
    EXPECT_EQ(c.agencies.size(), 2u);
    EXPECT_EQ(c.steps.at("notification").done_on, "2024-04-05");
    EXPECT_FALSE(c.decision);

    c.decision = Decision{DecisionKind::lcspr, police_, "2024-04-22"};
    EXPECT_TRUE(update_case(*db_, c, actor_));
    EXPECT_FALSE(update_case(*db_, c, actor_));
    EXPECT_EQ(find_case(*db_, id)->decision->ratified_by, police_);
    EXPECT_FALSE(record_step(*db_, id, "notification", {"2024-04-05", "Notified on the Panel's portal"}, actor_));

    auto chair = register_::find_people_named(*db_, "Paul Fallon", std::nullopt).at(0).id;
    auto first = add_terms_of_reference(*db_, id, "Scope: the year before the incident", actor_);
    EXPECT_TRUE(sign_off_terms_of_reference(*db_, first, chair, "2024-05-01", actor_));
    EXPECT_FALSE(sign_off_terms_of_reference(*db_, first, chair, "2024-05-02", actor_));
    add_terms_of_reference(*db_, id, "Scope widened to two years", actor_);
    auto versions = terms_of_reference_of(*db_, id);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_TRUE(versions[0].signed_off());
    EXPECT_EQ(versions[1].version, 2);
    EXPECT_FALSE(versions[1].signed_off());  // a change needs signing off again

    AgencyReport report{0, id, police_, "", "2024-06-14", chair, std::nullopt};
    auto report_id = add_agency_report(*db_, report, actor_);
    EXPECT_TRUE(receive_agency_report(*db_, report_id, "2024-06-20", actor_));
    auto reports = agency_reports_of(*db_, id);
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].organisation_name, "Essex Police");
    EXPECT_EQ(reports[0].received_on, "2024-06-20");
    tx.commit();

    auto clock = clock_of(*find_case(*db_, id), reports, rules_for(statutory_clock_rules(), "essex"), "2024-06-21");
    auto list = deadlines({clock});
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0].step, "rapid_review");  // due 22 April, never recorded done: overdue
    EXPECT_TRUE(list[0].overdue);
    EXPECT_EQ(list.back().step, "publication");
    EXPECT_EQ(list.back().due_on, "2024-10-22");
    EXPECT_EQ(cases_of(*db_, {essex_}).size(), 1u);
}

TEST_P(ReviewStore, SensitiveDetailsAreStoredOnlyAsCiphertextAndAuditedWithoutTheirText) {
    std::array<unsigned char, Vault::kKeyBytes> key{};
    key.fill(3);
    auto vault = Vault::with_key(key);
    db::Transaction tx(*db_);
    auto id = create_case(*db_, sample(), actor_);
    set_sensitive_detail(*db_, vault, id, "child_name", "Jane Example", actor_);
    set_sensitive_detail(*db_, vault, id, "child_name", "Janet Example", actor_);
    auto read = read_sensitive_details(*db_, vault, id, actor_);
    tx.commit();
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->at("child_name"), "Janet Example");
    EXPECT_EQ(count("review_sensitive_details", "ciphertext LIKE '%Jan%'"), 0);
    EXPECT_EQ(count("audit_log", "entity_type = 'review_sensitive_detail'"), 3);
    for (const auto& table : {"audit_log"}) {
        auto rows = db_->query(std::string("SELECT * FROM ") + table).rows;
        for (const auto& row : rows) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row.is_null(i)) continue;
                EXPECT_EQ(row.text(i).find("Jane"), std::string::npos);
                EXPECT_EQ(row.text(i).find("v1:"), std::string::npos);
            }
        }
    }
    std::array<unsigned char, Vault::kKeyBytes> other{};
    other.fill(4);
    db::Transaction again(*db_);
    EXPECT_FALSE(read_sensitive_details(*db_, Vault::with_key(other), id, actor_));
}

SAFEBOARD_TEST_ON_BACKENDS(ReviewStore);

}  // namespace
}  // namespace safeboard::reviews
