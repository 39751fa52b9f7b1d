#include "modules/reviews/policy.hpp"

#include "modules/register/store.hpp"
#include "modules/reviews/store.hpp"

namespace safeboard::reviews {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user) {
    return register_::partnership_reach(db, user, access::Permission::case_reviews_read);
}

access::ScopeFilter writable(db::Connection& db, const access::Principal& user) {
    // A panel granted for its body (the case review sub-group) runs the
    // reviews of that body's partnerships.
    return register_::partnership_reach(db, user, access::Permission::case_reviews_write);
}

std::optional<Case> readable_case(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id) {
    auto found = id ? find_case(db, *id) : std::nullopt;
    if (!found || !readable(db, user).allows(found->partnership_id)) return std::nullopt;
    return found;
}

bool may_change(db::Connection& db, const access::Principal& user, const Case& c) {
    return writable(db, user).allows(c.partnership_id);
}

}  // namespace safeboard::reviews
