#pragma once
// The partnerships a user may choose between, for any module's forms and
// list filters: the register owns the list, each module asks it.
#include <cstdint>
#include <optional>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/register/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/db/database.hpp"

namespace safeboard::register_ {

// Every partnership within `reach`, in id order.
std::vector<Partnership> partnerships_in(db::Connection& db, const access::ScopeFilter& reach);

// The partnership filter of a list (web/pages/select, field "partnership"):
// "All partnerships", then those within `reach`, `chosen` selected.
kainjow::mustache::data partnership_filter(db::Connection& db, const access::ScopeFilter& reach,
                                           std::optional<std::int64_t> chosen);

}  // namespace safeboard::register_
