#include "modules/plans/progress.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "platform/core/time.hpp"

namespace safeboard::plans {

namespace {

namespace chrono = std::chrono;

bool any_of(std::span<const Status> statuses, Status wanted) {
    return std::find(statuses.begin(), statuses.end(), wanted) != statuses.end();
}

}  // namespace

std::vector<std::string> due_dates(const Action& action) {
    std::vector<std::string> dates;
    for (const auto& entry : action.timescale.entries) {
        if (auto due = entry.due_on()) dates.push_back(std::move(*due));
    }
    if (action.target_date && !action.target_date->empty()) dates.push_back(*action.target_date);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

// Dates are YYYY-MM-DD, so they compare as text.
std::optional<std::string> next_due(const Action& action, std::string_view on) {
    for (auto& date : due_dates(action)) {
        if (date >= on) return std::move(date);
    }
    return std::nullopt;
}

bool overdue_on(const Action& action, std::string_view date) {
    if (finished(action.status)) return false;
    auto dates = due_dates(action);
    return !dates.empty() && dates.front() < date;
}

bool due_within(const Action& action, std::string_view date, int days) {
    if (finished(action.status)) return false;
    auto until = add_days(date, days);
    auto dates = due_dates(action);
    return std::any_of(dates.begin(), dates.end(), [&](const auto& due) { return due >= date && due <= until; });
}

Status roll_up(std::span<const Status> statuses) {
    if (statuses.empty()) return Status::not_started;
    auto is = [&](Status wanted) { return [wanted](Status status) { return status == wanted; }; };
    if (std::all_of(statuses.begin(), statuses.end(), is(Status::superseded))) return Status::superseded;
    if (std::all_of(statuses.begin(), statuses.end(), finished)) return Status::complete;
    if (any_of(statuses, Status::off_track)) return Status::off_track;
    if (any_of(statuses, Status::at_risk)) return Status::at_risk;
    if (any_of(statuses, Status::on_track) || any_of(statuses, Status::complete)) return Status::on_track;
    return Status::not_started;
}

Summary summarise(std::span<const Action> actions, std::string_view on) {
    Summary summary;
    for (const auto& action : actions) {
        ++summary.total;
        ++summary.by_status[static_cast<std::size_t>(action.status)];
        if (action.rag) {
            ++summary.by_rag[static_cast<std::size_t>(*action.rag)];
        } else {
            ++summary.no_rag;
        }
        if (overdue_on(action, on)) ++summary.overdue;
    }
    return summary;
}

std::string add_days(std::string_view date, int days) {
    auto start = parse_date(date);
    if (!start) return {};
    chrono::sys_days day{chrono::floor<chrono::days>(chrono::sys_seconds{chrono::seconds{*start}})};
    chrono::year_month_day moved{day + chrono::days{days}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(moved.year()),
                  static_cast<unsigned>(moved.month()), static_cast<unsigned>(moved.day()));
    return buffer;
}

}  // namespace safeboard::plans
