#pragma once
// Who may see and change learning reviews: need to know. A case is in a
// user's reach when its partnership is within their case_reviews.read grants
// (the review panel, the statutory partners and admins of that partnership);
// for anyone else it answers as a missing one does, so that not even its
// existence is told. Changing needs case_reviews.write over the partnership
// (the review panel, admins).
#include <cstdint>
#include <optional>

#include "modules/reviews/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/db/database.hpp"

namespace safeboard::reviews {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user);
access::ScopeFilter writable(db::Connection& db, const access::Principal& user);

std::optional<Case> readable_case(db::Connection& db, const access::Principal& user, std::optional<std::int64_t> id);
bool may_change(db::Connection& db, const access::Principal& user, const Case& c);

}  // namespace safeboard::reviews
