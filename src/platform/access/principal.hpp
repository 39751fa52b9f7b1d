#pragma once
// Who is making a request, and what they hold. Built by the auth layer from a
// session or an API token; handlers ask it, never the roles directly.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/access/permissions.hpp"
#include "platform/access/roles.hpp"

namespace safeboard::access {

// Which records of one kind a permission reaches: all of them, or these ids.
struct ScopeFilter {
    bool everything = false;
    std::vector<std::int64_t> ids;
    bool allows(std::int64_t id) const;
    bool empty() const { return !everything && ids.empty(); }
};

struct Principal {
    enum class Via { session, token };

    std::int64_t user_id = 0;
    std::string email;
    std::string name;
    std::vector<Grant> grants;
    Via via = Via::session;
    std::int64_t credential_id = 0;  // the session's or the token's row

    // Held somewhere: enough to reach a route, not yet a given record.
    bool can(Permission permission) const;
    // Held over this record's scope: a grant for the whole instance, or for exactly this scope.
    bool can(Permission permission, const Scope& target) const;
    // For filtering lists: which records of `kind` the permission reaches.
    ScopeFilter reach(Permission permission, ScopeKind kind) const;
    bool needs_mfa() const;
};

}  // namespace safeboard::access
