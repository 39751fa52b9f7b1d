// The register's store on SQLite and PostgreSQL alike, through the module's
// real migrations.
#include <regex>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "support/test_database.hpp"

namespace safeboard::register_ {
namespace {

class PartnershipStore : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, app::all_migrations());
    }
    std::int64_t upsert(const Partnership& partnership) {
        db::Transaction tx(*db_);
        auto id = upsert_partnership(*db_, partnership, actor_);
        tx.commit();
        return id;
    }
    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    access::ScopeFilter everything_{true, {}};
};

TEST_P(PartnershipStore, ListsInIdOrderFromAKey) {
    std::vector<std::int64_t> ids;
    for (const char* code : {"southend", "essex", "thurrock"}) {
        ids.push_back(upsert({0, code, std::string("Partnership ") + code}));
    }
    EXPECT_LT(ids[0], ids[1]);
    EXPECT_LT(ids[1], ids[2]);
    auto first = list_partnerships(*db_, 2, std::nullopt, everything_);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].code, "southend");
    auto rest = list_partnerships(*db_, 2, first.back().id, everything_);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].code, "thurrock");
}

TEST_P(PartnershipStore, UpsertKeepsTheIdAndRenames) {
    auto id = upsert({0, "essex", "Essex LSCB"});
    EXPECT_EQ(upsert({0, "essex", "Essex Safeguarding Children Board"}), id);
    auto found = find_partnership(*db_, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Essex Safeguarding Children Board");
    EXPECT_FALSE(find_partnership(*db_, id + 100));
}

TEST_P(PartnershipStore, RecordsCreationTimeInUtc) {
    auto id = upsert({0, "set", "Southend, Essex and Thurrock (SET)"});
    auto row = db_->query("SELECT created_at FROM partnerships WHERE id = $1", {id}).rows.at(0);
    EXPECT_TRUE(std::regex_match(row.text(0), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << row.text(0);
}

TEST_P(PartnershipStore, RefusesAnEmptyCode) {
    EXPECT_THROW(upsert({0, "", "Nameless"}), db::DatabaseError);
}

TEST_P(PartnershipStore, DemoLoadsTheSeedPartnershipsOnce) {
    EXPECT_EQ(load_demo(*db_, actor_).partnerships, 4u);
    auto again = load_demo(*db_, actor_);
    EXPECT_EQ(again.partnerships, 4u);
    EXPECT_EQ(again.created, 0u);
    auto all = list_partnerships(*db_, 10, std::nullopt, everything_);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].name, "Southend Local Safeguarding Children Board");
    EXPECT_EQ(all[3].code, "set");
}

TEST_P(PartnershipStore, AListShowsOnlyThePartnershipsAUserReaches) {
    auto southend = upsert({0, "southend", "Southend"});
    upsert({0, "essex", "Essex"});
    auto thurrock = upsert({0, "thurrock", "Thurrock"});
    auto seen = list_partnerships(*db_, 10, std::nullopt, {false, {southend, thurrock}});
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].code, "southend");
    EXPECT_EQ(seen[1].code, "thurrock");
    EXPECT_TRUE(list_partnerships(*db_, 10, std::nullopt, {false, {}}).empty());
}

TEST_P(PartnershipStore, AScopeExistsWhenItsPartnershipDoes) {
    auto southend = upsert({0, "southend", "Southend"});
    EXPECT_TRUE(scope_exists(*db_, {}));
    EXPECT_TRUE(scope_exists(*db_, {access::ScopeKind::partnership, southend}));
    EXPECT_FALSE(scope_exists(*db_, {access::ScopeKind::partnership, southend + 1}));
    EXPECT_FALSE(scope_exists(*db_, {access::ScopeKind::organisation, 1}));
}

TEST_P(PartnershipStore, EveryChangeIsAuditedWithBeforeAndAfter) {
    auto id = upsert({0, "essex", "Essex LSCB"});
    upsert({0, "essex", "Essex LSCB"});  // no change, no entry
    upsert({0, "essex", "Essex Safeguarding Children Board"});
    audit::Search search;
    search.entity_type = "partnership";
    auto entries = audit::search(*db_, search);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].entry.action, "update");
    EXPECT_EQ(entries[0].entry.entity_id, std::to_string(id));
    ASSERT_EQ(entries[0].entry.changes.size(), 1u);
    EXPECT_EQ(entries[0].entry.changes[0].field, "name");
    EXPECT_EQ(entries[0].entry.changes[0].before, "Essex LSCB");
    EXPECT_EQ(entries[0].entry.changes[0].after, "Essex Safeguarding Children Board");
    EXPECT_EQ(entries[1].entry.action, "create");
    EXPECT_TRUE(audit::verify_chain(*db_).ok());
}

SAFEBOARD_TEST_ON_BACKENDS(PartnershipStore);

}  // namespace
}  // namespace safeboard::register_
