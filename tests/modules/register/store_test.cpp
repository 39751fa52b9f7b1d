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
    std::unique_ptr<db::Connection> db_;
};

TEST_P(PartnershipStore, ListsInIdOrderFromAKey) {
    std::vector<std::int64_t> ids;
    for (const char* code : {"southend", "essex", "thurrock"}) {
        ids.push_back(upsert_partnership(*db_, {0, code, std::string("Partnership ") + code}));
    }
    EXPECT_LT(ids[0], ids[1]);
    EXPECT_LT(ids[1], ids[2]);
    auto first = list_partnerships(*db_, 2, std::nullopt);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].code, "southend");
    auto rest = list_partnerships(*db_, 2, first.back().id);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].code, "thurrock");
}

TEST_P(PartnershipStore, UpsertKeepsTheIdAndRenames) {
    auto id = upsert_partnership(*db_, {0, "essex", "Essex LSCB"});
    EXPECT_EQ(upsert_partnership(*db_, {0, "essex", "Essex Safeguarding Children Board"}), id);
    auto found = find_partnership(*db_, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Essex Safeguarding Children Board");
    EXPECT_FALSE(find_partnership(*db_, id + 100));
}

TEST_P(PartnershipStore, RecordsCreationTimeInUtc) {
    auto id = upsert_partnership(*db_, {0, "set", "Southend, Essex and Thurrock (SET)"});
    auto row = db_->query("SELECT created_at FROM partnerships WHERE id = $1", {id}).rows.at(0);
    EXPECT_TRUE(std::regex_match(row.text(0), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << row.text(0);
}

TEST_P(PartnershipStore, RefusesAnEmptyCode) {
    EXPECT_THROW(upsert_partnership(*db_, {0, "", "Nameless"}), db::DatabaseError);
}

TEST_P(PartnershipStore, DemoLoadsTheSeedPartnershipsOnce) {
    EXPECT_EQ(load_demo(*db_), 4u);
    EXPECT_EQ(load_demo(*db_), 4u);
    auto all = list_partnerships(*db_, 10, std::nullopt);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].name, "Southend Local Safeguarding Children Board");
    EXPECT_EQ(all[3].code, "set");
}

SAFEBOARD_TEST_ON_BACKENDS(PartnershipStore);

}  // namespace
}  // namespace safeboard::register_
