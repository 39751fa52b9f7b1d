#pragma once
// Rules about an action's progress: when it falls due, whether it is
// overdue, how a recommendation's status follows from its actions', and a
// plan's counts on a day. Pure: the day is always given.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plans/model.hpp"

namespace safeboard::plans {

// The days an action falls due (YYYY-MM-DD), earliest first, each once: its
// dated timescale entries' last days and its target date.
std::vector<std::string> due_dates(const Action& action);
// The earliest due date on or after `on`.
std::optional<std::string> next_due(const Action& action, std::string_view on);
// Not finished, and a due date passed before `date`.
bool overdue_on(const Action& action, std::string_view date);
// Not finished, and a due date from `date` to `days` days after it (both included).
bool due_within(const Action& action, std::string_view date, int days);

// A recommendation's status from its actions' (README: plans and recommendations): none →
// not started; all superseded → superseded; all complete or superseded →
// complete; else the worst of off track, at risk; else on track when any
// action has started; else not started.
Status roll_up(std::span<const Status> statuses);

// A plan's actions counted on a day; by_status and by_rag are indexed in
// the enums' order, no_rag counts actions without an update yet.
struct Summary {
    int total = 0;
    std::array<int, 6> by_status{};
    std::array<int, 3> by_rag{};
    int no_rag = 0;
    int overdue = 0;
};
Summary summarise(std::span<const Action> actions, std::string_view on);

// "2012-02-28" + 1 → "2012-02-29". Empty when `date` is not a real date.
std::string add_days(std::string_view date, int days);

}  // namespace safeboard::plans
