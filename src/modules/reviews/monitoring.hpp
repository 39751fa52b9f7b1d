#pragma once
// Monitoring a review's recommendations: each recommendation (kept in the
// plans module's register) with its actions, their latest progress and the
// agency's sign-off, and the exceptions the Executive and the Board are told
// of. Pure: the day is given.
//
// Exceptions: a recommendation not signed off by the agency it concerns; a
// recommendation with no action; an action overdue (plans' overdue_on), off
// track, or not finished with no progress reported in the last quarter (no
// update dated within the three calendar months before the day).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plans/model.hpp"
#include "modules/reviews/model.hpp"

namespace safeboard::reviews {

struct ActionMonitor {
    plans::Action action;
    std::optional<plans::Update> latest;  // the latest progress update, without its evidence
    bool overdue = false;
    bool no_recent_update = false;
};

struct RecommendationMonitor {
    plans::Recommendation recommendation;
    std::optional<SignOff> sign_off;
    std::vector<ActionMonitor> actions;
    std::vector<std::string> exceptions;  // in words, each naming its action
};

// `actions` are the recommendations' actions (any order); `latest` maps an
// action id to its latest update.
std::vector<RecommendationMonitor> monitor(const std::vector<plans::Recommendation>& recommendations,
                                           const std::vector<plans::Action>& actions,
                                           const std::map<std::int64_t, plans::Update>& latest,
                                           const std::vector<SignOff>& sign_offs, std::string_view on);

}  // namespace safeboard::reviews
