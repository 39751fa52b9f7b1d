#pragma once
// Roles and the scopes they are granted in. A role means the same thing
// everywhere; the scope says where it applies: the whole instance, one
// partnership, one organisation or one body.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace safeboard::access {

enum class Role {
    admin,
    business_unit,
    chair,
    statutory_partner,
    agency_lead,
    member,
    review_panel,
    child_death_panel,
    scrutiny,
    viewer,
};

std::span<const Role> all_roles();
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
// What the role is for, in the partnership's words (shown when granting it).
std::string_view describe(Role role);
// Roles that can see case-level data must sign in with a second factor.
bool requires_mfa(Role role);

enum class ScopeKind { instance, partnership, organisation, body };

struct Scope {
    ScopeKind kind = ScopeKind::instance;
    std::int64_t id = 0;  // 0 for the instance
    bool operator==(const Scope&) const = default;
};

std::string_view to_string(ScopeKind kind);
// "instance", "partnership:3", "organisation:12", "body:7".
std::string to_string(const Scope& scope);
// The inverse of to_string; nullopt for anything else (ids are positive).
std::optional<Scope> parse_scope(std::string_view text);

struct Grant {
    Role role = Role::viewer;
    Scope scope;
    bool operator==(const Grant&) const = default;
};

}  // namespace safeboard::access
