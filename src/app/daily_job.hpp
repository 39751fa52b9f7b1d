#pragma once
// A job that runs once a day at a time of day in the UK (the daily
// reminders inside `serve`), on a thread of its own that stops as soon as it
// is asked to. When the job starts after that time of day it runs at once
// for today: a day missed while the server was down is not skipped, and a
// day already run changes nothing when the work is idempotent.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>

#include "platform/calendar/uk_time.hpp"
#include "platform/core/time.hpp"

namespace safeboard::app {

// The day to run for at start-up: today, once the time of day has passed.
std::optional<std::string> due_at_start(UnixSeconds now, int minute_of_day);
// The next run after `now`: today's at the time of day if it is still to
// come, else tomorrow's.
UnixSeconds next_run(UnixSeconds now, int minute_of_day);

class DailyJob {
public:
    using Work = std::function<void(const std::string& date, std::stop_token stop)>;

    // Starts the thread. `work` gets the UK date it runs for and a token
    // that is set when the job is stopping; an exception from it is logged.
    DailyJob(int minute_of_day, Work work, Clock clock = system_now);
    // Stops the thread: a wait ends at once, a run in progress is asked to stop.
    ~DailyJob();
    DailyJob(const DailyJob&) = delete;
    DailyJob& operator=(const DailyJob&) = delete;

    // Runs the work for today now, whatever the time (after any run in progress).
    void run_now();

private:
    void loop(std::stop_token stop);
    void run(const std::string& date, std::stop_token stop);

    int minute_of_day_;
    Work work_;
    Clock clock_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    bool run_requested_ = false;
    std::jthread thread_;  // last: it starts once every member it reads is ready
};

}  // namespace safeboard::app
