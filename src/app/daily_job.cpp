#include "app/daily_job.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "platform/log/log.hpp"

namespace safeboard::app {

namespace {

namespace chrono = std::chrono;

constexpr UnixSeconds kDay = 24 * 60 * 60;
constexpr UnixSeconds kHour = 60 * 60;

// 01:00 GMT on the last Sunday of the month, when the UK's clocks change.
UnixSeconds change_of_clocks(int year, unsigned month) {
    chrono::sys_days last{chrono::year{year} / chrono::month{month} / chrono::last};
    chrono::sys_days sunday = last - (chrono::weekday{last} - chrono::Sunday);
    return chrono::duration_cast<chrono::seconds>(sunday.time_since_epoch()).count() + kHour;
}

// Seconds the UK is ahead of GMT at an instant.
UnixSeconds uk_offset(UnixSeconds instant) {
    chrono::sys_days day{chrono::floor<chrono::days>(chrono::sys_seconds{chrono::seconds{instant}})};
    int year = static_cast<int>(chrono::year_month_day{day}.year());
    bool summer = instant >= change_of_clocks(year, 3) && instant < change_of_clocks(year, 10);
    return summer ? kHour : 0;
}

std::string date_of(UnixSeconds instant) { return iso_utc(instant).substr(0, 10); }

}  // namespace

UkTime uk_time(UnixSeconds instant) {
    UnixSeconds local = instant + uk_offset(instant);
    UnixSeconds into_day = ((local % kDay) + kDay) % kDay;
    return {date_of(local), static_cast<int>(into_day / 60)};
}

std::string uk_today(UnixSeconds now) { return uk_time(now).date; }

UnixSeconds uk_instant(std::string_view date, int minute_of_day) {
    UnixSeconds wall = parse_date(date).value_or(0) + UnixSeconds{minute_of_day} * 60;
    // The offset at the wall time read as GMT is right except within an hour
    // of a change; a second look settles those.
    UnixSeconds guess = wall - uk_offset(wall);
    return wall - uk_offset(guess);
}

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
