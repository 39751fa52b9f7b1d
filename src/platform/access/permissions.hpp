#pragma once
// What a role may do. This is the one place where roles meet permissions:
// routes declare the permission they need (http::Access), handlers ask the
// Principal about a record's scope, and both come back to this table.
#include <span>
#include <string_view>

#include "platform/access/roles.hpp"

namespace safeboard::access {

enum class Permission {
    register_read,      // the partnership's structure: partnerships, organisations, people, bodies
    register_write,     // all of it, in the partnerships the grant reaches
    people_write,       // the people of an organisation (an agency lead's own staff)
    plans_read,         // business plans, actions, progress and the recommendations register
    plans_write,        // all of them, in the partnerships the grant reaches
    actions_update,     // progress on the actions an organisation's or a body's grant owns
    meetings_read,      // meetings, forward plans, agendas, papers (confidential ones: members only), attendance
    meetings_write,     // all of them, letters and their responses, in the partnerships the grant reaches
    users_manage,       // accounts, roles, sessions and API tokens of other people
    audit_read,         // the audit log
    metrics_read,       // the service's operational metrics
    case_reviews_read,  // case-level learning review detail: the review panel, statutory partners, admins
    case_reviews_write, // learning review cases, their steps, agency reports, recommendations and dissemination
    child_deaths_read,  // child death reviews
    performance_read,   // the performance framework: indicators, returned figures, completeness, exceptions
    returns_write,      // entering and submitting the data returns of the organisation the grant names
    performance_write,  // indicators, targets, periods, imports, querying and accepting returns
};

std::span<const Permission> all_permissions();
std::string_view to_string(Permission permission);
// The permissions a role carries, wherever it is granted.
std::span<const Permission> permissions_of(Role role);
bool grants(Role role, Permission permission);

}  // namespace safeboard::access
