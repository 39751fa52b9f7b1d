#pragma once
// An empty audit log on each backend, through the library's real migrations.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "platform/audit/append_at.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/migrations.hpp"
#include "support/test_database.hpp"

namespace safeboard::audit::testing {

class AuditTest : public safeboard::testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::MigrationSet set;
        set.add_module("audit", migrations());
        db::migrate(*db_, set);
    }

    static Actor someone() { return {7, "alex@example.org", "192.0.2.10", "req-1"}; }

    // Appends one committed entry whose detail names it.
    Recorded add(const std::string& detail, const std::string& action = "update") {
        return append_alone(*db_, someone(), {action, "partnership", "3", {{"name", "Old", "New"}}, detail});
    }

    // What someone with write access to the database could do: remove the
    // append-only triggers before editing the log by hand.
    void remove_triggers() {
        if (backend() == db::Backend::sqlite) {
            db_->execute_script("DROP TRIGGER audit_log_refuse_update; DROP TRIGGER audit_log_refuse_delete;");
        } else {
            db_->execute_script("DROP TRIGGER audit_log_append_only ON audit_log");
        }
    }

    std::unique_ptr<db::Connection> db_;
};

}  // namespace safeboard::audit::testing
