#pragma once
// The plans module from the command line: `safeboard import actions FILE
// --partnership P --plan ID`, `safeboard import recommendations FILE
// --partnership P`, their exports, and `safeboard remind`; and the daily
// reminders that `serve` runs.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "app/daily_job.hpp"
#include "app/register_commands.hpp"
#include "platform/config/settings.hpp"
#include "platform/db/pool.hpp"

namespace safeboard::app {

// True for the plans module's sheets: actions and recommendations.
bool is_plans_sheet(std::string_view kind);
// --plan names the plan of an actions sheet and belongs to nothing else:
// why the options disagree, or nullopt when they agree.
std::optional<std::string> plan_option_problem(std::string_view kind, const std::optional<std::string>& plan);

// `plan` is the plan's id or its exact title; empty for recommendations.
int import_plans_sheet(const config::Settings& settings, const SheetOptions& options, const std::string& plan,
                       std::ostream& out, std::ostream& err);
int export_plans_sheet(const config::Settings& settings, const SheetOptions& options, const std::string& plan,
                       std::ostream& out, std::ostream& err);

// Runs the reminders for `on` (YYYY-MM-DD; empty for today in the UK) and
// prints a summary; exit 1 when any e-mail failed, each named on `err`.
int remind(const config::Settings& settings, const std::string& on, std::ostream& out, std::ostream& err);

// The daily reminders for `serve`, on a connection of `pool`, at the time
// [reminders] sets; nullptr when they are not enabled. Destroy it before the pool.
std::unique_ptr<DailyJob> start_reminders(const config::Settings& settings, db::Pool& pool, Clock clock = system_now);

}  // namespace safeboard::app
