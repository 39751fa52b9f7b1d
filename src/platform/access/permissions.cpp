#include "platform/access/permissions.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace safeboard::access {

namespace {

using P = Permission;

constexpr std::array<Permission, 17> every_permission{
    P::register_read,     P::register_write,    P::people_write,      P::plans_read,
    P::plans_write,       P::actions_update,    P::meetings_read,     P::meetings_write,
    P::users_manage,      P::audit_read,        P::metrics_read,      P::case_reviews_read,
    P::case_reviews_write, P::child_deaths_read, P::performance_read, P::returns_write,
    P::performance_write};

// Least privilege: each role gets what its users' work needs and no more.
// Child death reviews stay with the child death overview panel, even for admins.
constexpr std::array admin_permissions{P::register_read,     P::register_write,     P::people_write,
                                       P::plans_read,        P::plans_write,        P::meetings_read,
                                       P::meetings_write,    P::users_manage,       P::audit_read,
                                       P::metrics_read,      P::case_reviews_read,  P::case_reviews_write,
                                       P::performance_read,  P::performance_write};
// The business unit runs the performance framework: it sets the indicators
// and periods, queries and accepts the agencies' returns.
constexpr std::array business_unit_permissions{P::register_read,    P::register_write, P::people_write,
                                               P::plans_read,       P::plans_write,    P::meetings_read,
                                               P::meetings_write,   P::performance_read, P::performance_write};
// An agency lead keeps their own organisation's people up to date, reports
// progress on the actions their organisation owns and enters its data returns.
constexpr std::array agency_lead_permissions{P::register_read,  P::people_write,     P::plans_read, P::actions_update,
                                             P::meetings_read,  P::performance_read, P::returns_write};
// A chair or member granted for a body reports progress on that body's actions.
constexpr std::array body_member_permissions{P::register_read, P::plans_read, P::actions_update, P::meetings_read,
                                             P::performance_read};
constexpr std::array reader_permissions{P::register_read, P::plans_read, P::meetings_read, P::performance_read};
// Learning reviews are need-to-know: the panel runs them; the statutory
// partners, who decide and ratify, read them; nobody else sees a case.
constexpr std::array review_panel_permissions{P::register_read,    P::plans_read,         P::meetings_read,
                                              P::case_reviews_read, P::case_reviews_write, P::performance_read};
constexpr std::array statutory_partner_permissions{P::register_read, P::plans_read, P::meetings_read,
                                                   P::case_reviews_read, P::performance_read};
constexpr std::array child_death_panel_permissions{P::register_read, P::plans_read, P::meetings_read,
                                                   P::child_deaths_read, P::performance_read};

}  // namespace

std::span<const Permission> all_permissions() { return every_permission; }

std::string_view to_string(Permission permission) {
    switch (permission) {
    case P::register_read: return "register.read";
    case P::register_write: return "register.write";
    case P::people_write: return "people.write";
    case P::plans_read: return "plans.read";
    case P::plans_write: return "plans.write";
    case P::actions_update: return "actions.update";
    case P::meetings_read: return "meetings.read";
    case P::meetings_write: return "meetings.write";
    case P::users_manage: return "users.manage";
    case P::audit_read: return "audit.read";
    case P::metrics_read: return "metrics.read";
    case P::case_reviews_read: return "case_reviews.read";
    case P::case_reviews_write: return "case_reviews.write";
    case P::child_deaths_read: return "child_deaths.read";
    case P::performance_read: return "performance.read";
    case P::returns_write: return "returns.write";
    case P::performance_write: return "performance.write";
    }
    return "unknown";
}

std::span<const Permission> permissions_of(Role role) {
    switch (role) {
    case Role::admin: return admin_permissions;
    case Role::business_unit: return business_unit_permissions;
    case Role::review_panel: return review_panel_permissions;
    case Role::child_death_panel: return child_death_panel_permissions;
    case Role::agency_lead: return agency_lead_permissions;
    case Role::chair:
    case Role::member: return body_member_permissions;
    case Role::statutory_partner: return statutory_partner_permissions;
    case Role::scrutiny:
    case Role::viewer: return reader_permissions;
    }
    return {};
}

bool grants(Role role, Permission permission) {
    auto held = permissions_of(role);
    return std::find(held.begin(), held.end(), permission) != held.end();
}

}  // namespace safeboard::access
