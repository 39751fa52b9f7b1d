#include "modules/register/policy.hpp"

#include <algorithm>

#include "modules/register/store.hpp"

namespace safeboard::register_ {

namespace {

bool any_partnership(const std::vector<std::int64_t>& ids, const access::ScopeFilter& reach) {
    return reach.everything || std::any_of(ids.begin(), ids.end(), [&](std::int64_t id) { return reach.allows(id); });
}

std::vector<std::int64_t> partnership_ids(const Organisation& organisation) {
    std::vector<std::int64_t> ids;
    for (const auto& status : organisation.partnerships) ids.push_back(status.partnership_id);
    return ids;
}

}  // namespace

access::ScopeFilter readable(db::Connection& db, const access::Principal& user) {
    return partnership_reach(db, user, access::Permission::register_read);
}

access::ScopeFilter writable(const access::Principal& user) {
    // Only partnership (and instance) grants: an organisation's grant never
    // lets its holder change the partnership's structure.
    return user.reach(access::Permission::register_write, access::ScopeKind::partnership);
}

bool may_read(const Organisation& organisation, const access::ScopeFilter& reach) {
    return any_partnership(partnership_ids(organisation), reach);
}

bool may_read(const Body& body, const access::ScopeFilter& reach) { return any_partnership(body.partnership_ids, reach); }

std::optional<Partnership> readable_partnership(db::Connection& db, const access::Principal& user,
                                                std::optional<std::int64_t> id) {
    if (!id || !readable(db, user).allows(*id)) return std::nullopt;
    return find_partnership(db, *id);
}

std::optional<Organisation> readable_organisation(db::Connection& db, const access::Principal& user,
                                                  std::optional<std::int64_t> id) {
    auto found = id ? find_organisation(db, *id) : std::nullopt;
    if (!found || !may_read(*found, readable(db, user))) return std::nullopt;
    return found;
}

std::optional<Person> readable_person(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id) {
    if (!id || !person_visible(db, *id, readable(db, user))) return std::nullopt;
    return find_person(db, *id);
}

std::optional<Body> readable_body(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id) {
    auto found = id ? find_body(db, *id) : std::nullopt;
    if (!found || !may_read(*found, readable(db, user))) return std::nullopt;
    return found;
}

bool may_edit(const access::Principal& user, const Organisation& organisation) {
    auto reach = writable(user);
    return !reach.empty() && any_partnership(partnership_ids(organisation), reach);
}

bool may_edit(const access::Principal& user, const Body& body) {
    auto reach = writable(user);
    return !reach.empty() && any_partnership(body.partnership_ids, reach);
}

bool may_edit_person(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> organisation_id) {
    auto reach = writable(user);
    if (reach.everything) return true;
    if (!organisation_id) return !reach.empty();
    if (user.can(access::Permission::people_write, {access::ScopeKind::organisation, *organisation_id})) return true;
    auto organisation = find_organisation(db, *organisation_id);
    return organisation && !reach.empty() && any_partnership(partnership_ids(*organisation), reach);
}

}  // namespace safeboard::register_
