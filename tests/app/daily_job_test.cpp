// The daily job: when it runs across the changes of the clocks,
// and the reminders it runs inside serve. No test waits for a time of day:
// the clock is given, and a job is stopped or asked to run now.
#include <future>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "app/daily_job.hpp"
#include "app/plans_commands.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/module.hpp"
#include "support/test_database.hpp"

namespace safeboard::app {
namespace {

UnixSeconds at(const char* iso) { return *parse_iso_utc(iso); }

TEST(DailyJobSchedule, RunsAtTheTimeOfDayEvenAcrossAChangeOfClocks) {
    const int seven = 7 * 60;
    EXPECT_EQ(next_run(at("2012-06-01T05:59:00Z"), seven), at("2012-06-01T06:00:00Z"));
    EXPECT_EQ(next_run(at("2012-06-01T06:00:00Z"), seven), at("2012-06-02T06:00:00Z"));
    EXPECT_EQ(next_run(at("2012-03-24T12:00:00Z"), seven), at("2012-03-25T06:00:00Z"));
    EXPECT_EQ(next_run(at("2012-10-27T12:00:00Z"), seven), at("2012-10-28T07:00:00Z"));
    EXPECT_EQ(next_run(at("2012-12-31T23:00:00Z"), seven), at("2013-01-01T07:00:00Z"));
}

TEST(DailyJobSchedule, AtStartUpRunsForTodayOnlyOnceItsTimeHasPassed) {
    const int seven = 7 * 60;
    EXPECT_EQ(due_at_start(at("2012-06-01T05:59:00Z"), seven), std::nullopt);  // 06:59 BST
    EXPECT_EQ(due_at_start(at("2012-06-01T06:00:00Z"), seven), "2012-06-01");
    EXPECT_EQ(due_at_start(at("2012-06-01T22:30:00Z"), seven), "2012-06-01");
}

// Records each date the job runs for; a test waits for the n-th call.
class Calls {
public:
    void add(const std::string& date) {
        std::lock_guard lock(mutex_);
        dates_.push_back(date);
        if (dates_.size() == wanted_) reached_.set_value();
    }
    std::future<void> when(std::size_t n) {
        std::lock_guard lock(mutex_);
        wanted_ = n;
        reached_ = {};
        if (dates_.size() >= n) reached_.set_value();
        return reached_.get_future();
    }
    std::vector<std::string> dates() {
        std::lock_guard lock(mutex_);
        return dates_;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> dates_;
    std::size_t wanted_ = 0;
    std::promise<void> reached_;
};

// A bound for a test that would otherwise hang, never a measured time.
constexpr auto kPatience = std::chrono::seconds(30);

TEST(DailyJob, RunsForTodayAtStartWhenItsTimeHasPassedAndWhenAskedToRunNow) {
    Calls calls;
    auto called = calls.when(1);
    DailyJob job(7 * 60, [&](const std::string& date, std::stop_token) { calls.add(date); },
                 [] { return at("2012-06-01T10:00:00Z"); });
    ASSERT_EQ(called.wait_for(kPatience), std::future_status::ready);
    auto again = calls.when(2);
    job.run_now();
    ASSERT_EQ(again.wait_for(kPatience), std::future_status::ready);
    EXPECT_EQ(calls.dates(), (std::vector<std::string>{"2012-06-01", "2012-06-01"}));
}  // and the job, waiting for tomorrow, stops at once

TEST(DailyJob, BeforeItsTimeItWaitsRatherThanRunningAtStart) {
    Calls calls;
    DailyJob job(7 * 60, [&](const std::string& date, std::stop_token) { calls.add(date); },
                 [] { return at("2012-06-01T03:00:00Z"); });
    auto called = calls.when(1);
    job.run_now();
    ASSERT_EQ(called.wait_for(kPatience), std::future_status::ready);
    // A start-up run would have come before the run asked for.
    EXPECT_EQ(calls.dates(), std::vector<std::string>{"2012-06-01"});
}

TEST(DailyJob, AFailedRunIsLoggedAndTheJobGoesOn) {
    Calls calls;
    DailyJob job(7 * 60,
                 [&](const std::string& date, std::stop_token) {
                     calls.add(date);
                     if (calls.dates().size() == 1) throw std::runtime_error("database unavailable");
                 },
                 [] { return at("2012-06-01T10:00:00Z"); });
    auto second = calls.when(2);
    job.run_now();
    EXPECT_EQ(second.wait_for(kPatience), std::future_status::ready);
}

class ReminderJob : public safeboard::testing::DatabaseTest {};

TEST_P(ReminderJob, ServesStartUpRunRecordsTheDaysReminders) {
    {
        auto db = connect();
        db::migrate(*db, all_migrations());
        audit::Actor actor{std::nullopt, "test", "", ""};
        register_::load_demo(*db, actor);
        plans::load_demo(*db, actor);
    }
    db::Pool pool(url(), {2, std::chrono::milliseconds(5000)});
    config::Settings settings;
    {
        // 08:00 BST on 20 April 2012: past the run's time, so it runs at start.
        auto job = start_reminders(settings, pool, [] { return at("2012-04-20T07:00:00Z"); });
        ASSERT_NE(job, nullptr);
    }  // stopping waits for the start-up run to finish
    auto db = connect();
    EXPECT_FALSE(plans::reminders_on(*db, "2012-04-20").empty());
    auto entries = db->query("SELECT actor FROM audit_log WHERE action = 'reminders.run'").rows;
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].text(0), "job:reminders");

    settings.reminders_enabled = false;
    EXPECT_EQ(start_reminders(settings, pool), nullptr);
}

SAFEBOARD_TEST_ON_BACKENDS(ReminderJob);

}  // namespace
}  // namespace safeboard::app
