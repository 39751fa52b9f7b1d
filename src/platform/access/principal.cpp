#include "platform/access/principal.hpp"

#include <algorithm>

namespace safeboard::access {

bool ScopeFilter::allows(std::int64_t id) const {
    return everything || std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool Principal::can(Permission permission) const {
    return std::any_of(grants.begin(), grants.end(),
                       [&](const Grant& grant) { return access::grants(grant.role, permission); });
}

bool Principal::can(Permission permission, const Scope& target) const {
    return std::any_of(grants.begin(), grants.end(), [&](const Grant& grant) {
        if (!access::grants(grant.role, permission)) return false;
        return grant.scope.kind == ScopeKind::instance || grant.scope == target;
    });
}

ScopeFilter Principal::reach(Permission permission, ScopeKind kind) const {
    ScopeFilter filter;
    for (const auto& grant : grants) {
        if (!access::grants(grant.role, permission)) continue;
        if (grant.scope.kind == ScopeKind::instance) {
            filter.everything = true;
            filter.ids.clear();
            return filter;
        }
        if (grant.scope.kind == kind) filter.ids.push_back(grant.scope.id);
    }
    std::sort(filter.ids.begin(), filter.ids.end());
    filter.ids.erase(std::unique(filter.ids.begin(), filter.ids.end()), filter.ids.end());
    return filter;
}

bool Principal::needs_mfa() const {
    return std::any_of(grants.begin(), grants.end(), [](const Grant& grant) { return requires_mfa(grant.role); });
}

}  // namespace safeboard::access
