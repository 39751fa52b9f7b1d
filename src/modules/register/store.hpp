#pragma once
// SQL for the register, and nothing else.
#include <optional>
#include <vector>

#include "modules/register/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"

namespace safeboard::register_ {

// Partnerships with id > after that `reach` allows, by id, at most `limit` of them.
std::vector<Partnership> list_partnerships(db::Connection& db, int limit, std::optional<std::int64_t> after,
                                           const access::ScopeFilter& reach);
std::optional<Partnership> find_partnership(db::Connection& db, std::int64_t id);
// Whether a role may be granted in this scope: the partnership (organisation,
// body) it names exists. The app hands this to the auth layer.
bool scope_exists(db::Connection& db, const access::Scope& scope);
// Inserts, or renames the one with the same code, recording what changed in
// the audit log (inside the caller's transaction); returns its id.
std::int64_t upsert_partnership(db::Connection& db, const Partnership& partnership, const audit::Actor& actor);

}  // namespace safeboard::register_
