#include "platform/access/roles.hpp"

#include <array>
#include <charconv>

namespace safeboard::access {

namespace {

struct RoleInfo {
    Role role;
    std::string_view name;
    std::string_view description;
    bool mfa;
};

constexpr std::array<RoleInfo, 10> role_table{{
    {Role::admin, "admin", "Runs the instance: accounts, roles and the audit log", true},
    {Role::business_unit, "business_unit", "Runs the partnership: structure, meetings, plans, returns and reports", false},
    {Role::chair, "chair", "Independent chair: oversees, signs off terms of reference and reports", false},
    {Role::statutory_partner, "statutory_partner", "Safeguarding partner: decides and ratifies review decisions", true},
    {Role::agency_lead, "agency_lead", "Agency safeguarding lead: returns, audits and actions of one organisation", false},
    {Role::member, "member", "Member of a body: its meetings, papers and actions", false},
    {Role::review_panel, "review_panel", "Case review panel member: sees case-level review detail", true},
    {Role::child_death_panel, "child_death_panel", "Child death overview panel member: sees child death reviews", true},
    {Role::scrutiny, "scrutiny", "Scrutiny, lay member or inspector: reads published plans, performance and reports", false},
    {Role::viewer, "viewer", "Reads the partnership's published records", false},
}};

constexpr std::array<Role, 10> roles{Role::admin,         Role::business_unit,  Role::chair,
                                     Role::statutory_partner, Role::agency_lead, Role::member,
                                     Role::review_panel,  Role::child_death_panel, Role::scrutiny,
                                     Role::viewer};

const RoleInfo& info(Role role) {
    for (const auto& entry : role_table) {
        if (entry.role == role) return entry;
    }
    return role_table.back();
}

}  // namespace

std::span<const Role> all_roles() { return roles; }
std::string_view to_string(Role role) { return info(role).name; }
std::string_view describe(Role role) { return info(role).description; }
bool requires_mfa(Role role) { return info(role).mfa; }

std::optional<Role> parse_role(std::string_view text) {
    for (const auto& entry : role_table) {
        if (entry.name == text) return entry.role;
    }
    return std::nullopt;
}

std::string_view to_string(ScopeKind kind) {
    switch (kind) {
    case ScopeKind::instance: return "instance";
    case ScopeKind::partnership: return "partnership";
    case ScopeKind::organisation: return "organisation";
    case ScopeKind::body: return "body";
    }
    return "instance";
}

std::string to_string(const Scope& scope) {
    if (scope.kind == ScopeKind::instance) return "instance";
    return std::string(to_string(scope.kind)) + ":" + std::to_string(scope.id);
}

std::optional<Scope> parse_scope(std::string_view text) {
    if (text == "instance") return Scope{};
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto kind_text = text.substr(0, colon);
    auto id_text = text.substr(colon + 1);
    std::optional<ScopeKind> kind;
    for (ScopeKind k : {ScopeKind::partnership, ScopeKind::organisation, ScopeKind::body}) {
        if (to_string(k) == kind_text) kind = k;
    }
    if (!kind || id_text.empty()) return std::nullopt;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    if (ec != std::errc{} || end != id_text.data() + id_text.size() || id < 1) return std::nullopt;
    return Scope{*kind, id};
}

}  // namespace safeboard::access
