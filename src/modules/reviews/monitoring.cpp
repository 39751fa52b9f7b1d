#include "modules/reviews/monitoring.hpp"

#include <algorithm>

#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/reviews/rules.hpp"
#include "platform/calendar/calendar.hpp"

namespace safeboard::reviews {

namespace {

// The first day of the quarter before `on`: three calendar months back.
std::string quarter_before(std::string_view on) {
    auto day = calendar::parse_date(on);
    return day ? calendar::format_date(add_calendar_months(*day, -3)) : std::string(on);
}

ActionMonitor action_monitor(const plans::Action& action, const std::map<std::int64_t, plans::Update>& latest,
                             std::string_view on, const std::string& since) {
    ActionMonitor m{action, std::nullopt, plans::overdue_on(action, on), false};
    if (auto it = latest.find(action.id); it != latest.end()) m.latest = it->second;
    m.no_recent_update = !plans::finished(action.status) && (!m.latest || m.latest->written_on < since);
    return m;
}

std::vector<std::string> exceptions_of(const RecommendationMonitor& r) {
    std::vector<std::string> found;
    if (!r.sign_off) found.push_back("Not signed off by the agency concerned");
    if (r.actions.empty()) found.push_back("No action planned");
    for (const auto& a : r.actions) {
        auto name = "Action " + a.action.number;
        if (a.overdue) found.push_back(name + " is overdue");
        if (a.action.status == plans::Status::off_track) found.push_back(name + " is off track");
        if (a.no_recent_update) found.push_back(name + " has no progress reported in the last quarter");
    }
    return found;
}

}  // namespace

std::vector<RecommendationMonitor> monitor(const std::vector<plans::Recommendation>& recommendations,
                                           const std::vector<plans::Action>& actions,
                                           const std::map<std::int64_t, plans::Update>& latest,
                                           const std::vector<SignOff>& sign_offs, std::string_view on) {
    auto since = quarter_before(on);
    std::vector<RecommendationMonitor> found;
    for (const auto& recommendation : recommendations) {
        RecommendationMonitor r{recommendation, std::nullopt, {}, {}};
        auto signed_off = std::ranges::find(sign_offs, recommendation.id, &SignOff::recommendation_id);
        if (signed_off != sign_offs.end()) r.sign_off = *signed_off;
        for (const auto& action : actions) {
            if (action.recommendation_id == recommendation.id) {
                r.actions.push_back(action_monitor(action, latest, on, since));
            }
        }
        std::ranges::sort(r.actions, [](const ActionMonitor& a, const ActionMonitor& b) {
            return plans::sort_key(a.action.number) < plans::sort_key(b.action.number);
        });
        r.exceptions = exceptions_of(r);
        found.push_back(std::move(r));
    }
    return found;
}

}  // namespace safeboard::reviews
