#pragma once
// A database with the schema up to the performance framework and the demo
// loaded (the register, the plans and Southend's performance framework), on
// each backend.
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "modules/performance/module.hpp"
#include "modules/performance/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::performance {

// The modules the performance framework stands on, in the order the app migrates them.
inline db::MigrationSet performance_migrations() {
    db::MigrationSet set;
    set.add_module("audit", audit::migrations());
    set.add_module("auth", auth::migrations());
    set.add_module("register", register_::migrations());
    set.add_module("plans", plans::migrations());
    set.add_module("performance", migrations());
    return set;
}

class PerformanceDemo : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, performance_migrations());
        register_::load_demo(*db_, actor_);
        plans::load_demo(*db_, actor_);
        summary_ = load_demo(*db_, actor_);
        southend_ = register_::find_partnership_by_code(*db_, "southend")->id;
    }
    std::int64_t count(const std::string& table, const std::string& where = "1 = 1") {
        return db_->query("SELECT COUNT(*) FROM " + table + " WHERE " + where).rows.at(0).integer(0);
    }
    std::int64_t organisation(std::string_view name) {
        for (const auto& o : register_::find_organisations_named(*db_, name)) {
            if (o.name == name) return o.id;
        }
        throw std::runtime_error("no organisation " + std::string(name));
    }
    Indicator indicator(std::string_view code) { return *find_indicator_by_code(*db_, southend_, code); }
    Period period(std::string_view starts_on, std::string_view ends_on) {
        return *find_period_between(*db_, southend_, starts_on, ends_on);
    }
    Period q(int number) {
        static const char* const bounds[][2] = {{"2011-10-01", "2011-12-31"},
                                                {"2012-01-01", "2012-03-31"},
                                                {"2012-04-01", "2012-06-30"},
                                                {"2012-07-01", "2012-09-30"}};
        return period(bounds[number - 1][0], bounds[number - 1][1]);
    }
    Period year_2010() { return period("2010-10-01", "2011-09-30"); }
    Period year_2011() { return period("2011-10-01", "2012-09-30"); }

    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    DemoSummary summary_;
    std::int64_t southend_ = 0;
};

}  // namespace safeboard::performance
