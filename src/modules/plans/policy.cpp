#include "modules/plans/policy.hpp"

#include <algorithm>

#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"

namespace safeboard::plans {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user) {
    return register_::partnership_reach(db, user, access::Permission::plans_read);
}

access::ScopeFilter writable(const access::Principal& user) {
    return user.reach(access::Permission::plans_write, access::ScopeKind::partnership);
}

bool may_edit(const access::Principal& user, std::int64_t partnership_id) {
    return writable(user).allows(partnership_id);
}

bool may_update(db::Connection& db, const access::Principal& user, const Action& action) {
    if (may_edit(user, action.partnership_id)) return true;
    if (!user.can(access::Permission::actions_update)) return false;
    auto holds = [&](access::ScopeKind kind, const std::vector<std::int64_t>& ids) {
        return std::any_of(ids.begin(), ids.end(), [&](std::int64_t id) {
            return user.can(access::Permission::actions_update, {kind, id});
        });
    };
    return holds(access::ScopeKind::organisation, owning_organisations(db, action)) ||
           holds(access::ScopeKind::body, owning_bodies(db, action));
}

std::optional<Plan> readable_plan(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id) {
    auto found = id ? find_plan(db, *id) : std::nullopt;
    if (!found || !readable(db, user).allows(found->partnership_id)) return std::nullopt;
    return found;
}

std::optional<Action> readable_action(db::Connection& db, const access::Principal& user,
                                      std::optional<std::int64_t> id) {
    auto found = id ? find_action(db, *id) : std::nullopt;
    if (!found || !readable(db, user).allows(found->partnership_id)) return std::nullopt;
    return found;
}

std::optional<Recommendation> readable_recommendation(db::Connection& db, const access::Principal& user,
                                                      std::optional<std::int64_t> id) {
    auto found = id ? find_recommendation(db, *id) : std::nullopt;
    if (!found || !readable(db, user).allows(found->partnership_id)) return std::nullopt;
    return found;
}

}  // namespace safeboard::plans
