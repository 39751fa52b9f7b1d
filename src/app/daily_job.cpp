#include "app/daily_job.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "platform/log/log.hpp"

namespace safeboard::app {

using calendar::uk_instant;
using calendar::uk_time;
using calendar::uk_today;

namespace {

namespace chrono = std::chrono;

constexpr UnixSeconds kDay = 24 * 60 * 60;
constexpr UnixSeconds kHour = 60 * 60;

std::string date_of(UnixSeconds instant) { return iso_utc(instant).substr(0, 10); }

}  // namespace

std::optional<std::string> due_at_start(UnixSeconds now, int minute_of_day) {
    auto local = uk_time(now);
    if (local.minute_of_day < minute_of_day) return std::nullopt;
    return local.date;
}

UnixSeconds next_run(UnixSeconds now, int minute_of_day) {
    auto today = uk_today(now);
    UnixSeconds run = uk_instant(today, minute_of_day);
    if (run > now) return run;
    // Noon tomorrow is tomorrow whatever the clocks do tonight.
    return uk_instant(date_of(parse_date(today).value_or(0) + kDay + 12 * kHour), minute_of_day);
}

DailyJob::DailyJob(int minute_of_day, Work work, Clock clock)
    : minute_of_day_(minute_of_day),
      work_(std::move(work)),
      clock_(std::move(clock)),
      thread_([this](std::stop_token stop) { loop(stop); }) {}

DailyJob::~DailyJob() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
}

void DailyJob::run_now() {
    {
        std::lock_guard lock(mutex_);
        run_requested_ = true;
    }
    wake_.notify_all();
}

void DailyJob::run(const std::string& date, std::stop_token stop) {
    try {
        work_(date, stop);
    } catch (const std::exception& e) {
        log::error("daily job failed", {{"date", date}, {"error", e.what()}});
    }
}

// Waits on the condition variable, never in a sleep, so that stopping and
// run_now() take effect at once.
void DailyJob::loop(std::stop_token stop) {
    if (auto day = due_at_start(clock_(), minute_of_day_)) run(*day, stop);
    while (!stop.stop_requested()) {
        UnixSeconds next = next_run(clock_(), minute_of_day_);
        auto deadline = chrono::system_clock::now() + chrono::seconds(std::max<UnixSeconds>(0, next - clock_()));
        bool requested = false;
        {
            std::unique_lock lock(mutex_);
            requested = wake_.wait_until(lock, stop, deadline, [this] { return run_requested_; });
            run_requested_ = false;
        }
        if (stop.stop_requested()) return;
        if (requested) {
            run(uk_today(clock_()), stop);
        } else if (clock_() >= next) {
            run(uk_time(next).date, stop);
        }
    }
}

}  // namespace safeboard::app
