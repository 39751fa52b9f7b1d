#include "modules/performance/policy.hpp"

#include <algorithm>

#include "modules/register/store.hpp"

namespace safeboard::performance {

namespace {

bool enters(const Reach& reach, const Return& ret) {
    return ret.organisation_id ? reach.enter.allows(*ret.organisation_id) : reach.review.allows(ret.partnership_id);
}

}  // namespace

Reach reach_of(db::Connection& db, const access::Principal& user) {
    return reach_of(user, register_::partnership_reach(db, user, read_permission));
}

Reach reach_of(const access::Principal& user, access::ScopeFilter readable_partnerships) {
    return {std::move(readable_partnerships), user.reach(review_permission, access::ScopeKind::partnership),
            user.reach(enter_permission, access::ScopeKind::organisation)};
}

bool may_edit(const Reach& reach, const Return& ret) { return enters(reach, ret); }

bool may_review(const Reach& reach, const Return& ret) { return reach.review.allows(ret.partnership_id); }

bool may_read(const Reach& reach, const Return& ret) {
    switch (ret.status) {
    case ReturnStatus::draft: return enters(reach, ret);
    case ReturnStatus::queried: return enters(reach, ret) || may_review(reach, ret);
    case ReturnStatus::submitted:
    case ReturnStatus::accepted:
        return enters(reach, ret) || may_review(reach, ret) || reach.read.allows(ret.partnership_id);
    }
    return false;
}

std::vector<Return> visible(const Reach& reach, std::vector<Return> returns) {
    std::erase_if(returns, [&](const Return& ret) { return !may_read(reach, ret); });
    return returns;
}

bool may_read_figures(const Reach& reach, std::int64_t partnership_id) {
    return reach.read.allows(partnership_id) || reach.review.allows(partnership_id);
}

bool may_manage(const Reach& reach, std::int64_t partnership_id) { return reach.review.allows(partnership_id); }

}  // namespace safeboard::performance
