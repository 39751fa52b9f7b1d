#pragma once
// A database with the schema up to meetings and the whole demo loaded
// (the register, the plans and the meetings), on each backend.
#include <memory>
#include <string>
#include <string_view>

#include "modules/meetings/module.hpp"
#include "modules/meetings/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::meetings {

// The modules meetings stands on, in the order the app migrates them.
inline db::MigrationSet meetings_migrations() {
    db::MigrationSet set;
    set.add_module("audit", audit::migrations());
    set.add_module("auth", auth::migrations());
    set.add_module("register", register_::migrations());
    set.add_module("plans", plans::migrations());
    set.add_module("meetings", migrations());
    return set;
}

class MeetingsDemo : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::migrate(*db_, meetings_migrations());
        register_::load_demo(*db_, actor_);
        plans::load_demo(*db_, actor_);
        summary_ = load_demo(*db_, actor_);
    }
    register_::Body body(std::string_view name) {
        for (auto& b : register_::find_bodies_named(*db_, name)) {
            if (b.name == name) return b;
        }
        throw std::runtime_error("no body " + std::string(name));
    }
    register_::Body board() { return body("Southend LSCB Overarching Board"); }
    register_::Body executive() { return body("LSCB Executive Group"); }
    Meeting meeting_at(const register_::Body& b, std::string_view starts_at) {
        return *find_meeting_at(*db_, b.id, starts_at);
    }
    std::int64_t count(const std::string& table, const std::string& where = "1 = 1") {
        return db_->query("SELECT COUNT(*) FROM " + table + " WHERE " + where).rows.at(0).integer(0);
    }
    std::int64_t organisation(std::string_view name) {
        return register_::find_organisations_named(*db_, name).at(0).id;
    }
    // A meeting of a body made through the rules, as a page would.
    Meeting new_meeting(const register_::Body& b, const Fields& fields) {
        Meeting base;
        base.body_id = b.id;
        auto checked = meeting_from(fields, base, "2030-01-01");
        if (!checked) throw std::runtime_error(checked.error().message);
        db::Transaction transaction(*db_);
        auto id = create_meeting(*db_, *checked, actor_);
        transaction.commit();
        return *find_meeting(*db_, id);
    }

    std::unique_ptr<db::Connection> db_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    DemoSummary summary_;
};

}  // namespace safeboard::meetings
