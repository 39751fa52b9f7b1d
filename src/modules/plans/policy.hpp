#pragma once
// Who may see and change plans, actions and recommendations. Reading
// follows the partnerships a user's plans.read grants reach (as the
// register's do); a record outside them answers as a missing one does.
// Changing plans and recommendations needs plans.write over the partnership.
// Progress on an action (updates) may also be reported by someone holding
// actions.update for an organisation that owns it (an agency lead) or for a
// body named responsible (its chair or members) — and only for those.
#include <optional>

#include "modules/plans/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/db/database.hpp"

namespace safeboard::plans {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user);
access::ScopeFilter writable(const access::Principal& user);

bool may_edit(const access::Principal& user, std::int64_t partnership_id);
// May add progress updates to this action.
bool may_update(db::Connection& db, const access::Principal& user, const Action& action);

// One record by id when the user may read it; nullopt when it is missing or
// outside their reach alike, so a caller answers both with the same 404.
std::optional<Plan> readable_plan(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id);
std::optional<Action> readable_action(db::Connection& db, const access::Principal& user,
                                      std::optional<std::int64_t> id);
std::optional<Recommendation> readable_recommendation(db::Connection& db, const access::Principal& user,
                                                      std::optional<std::int64_t> id);

}  // namespace safeboard::plans
