#include "modules/plans/homes.hpp"

#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"

namespace safeboard::plans {

Home Homes::of(const Action& action) {
    if (action.plan_id) {
        auto [it, added] = plans_.try_emplace(*action.plan_id);
        if (added) {
            auto plan = find_plan(db_, *action.plan_id);
            it->second = plan ? plan->title : "Plan " + std::to_string(*action.plan_id);
        }
        return {it->second, "/plans/" + std::to_string(*action.plan_id)};
    }
    if (action.recommendation_id) {
        auto [it, added] = recommendations_.try_emplace(*action.recommendation_id);
        if (added) {
            auto found = find_recommendation(db_, *action.recommendation_id);
            it->second = "Recommendation " + (found ? found->number : std::to_string(*action.recommendation_id));
            if (found && !found->source_reference.empty()) it->second += " of " + found->source_reference;
        }
        return {it->second, "/recommendations/" + std::to_string(*action.recommendation_id)};
    }
    // Plans cannot read the meetings module's records, so the meeting is linked, not named.
    if (action.meeting_id) return {"Meeting action", "/meetings/" + std::to_string(*action.meeting_id)};
    return {};
}

std::string Homes::partnership(std::int64_t id) {
    auto [it, added] = partnerships_.try_emplace(id);
    if (added) {
        auto found = register_::find_partnership(db_, id);
        it->second = found ? found->name : std::string();
    }
    return it->second;
}

}  // namespace safeboard::plans
