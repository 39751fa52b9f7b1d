#pragma once
// What the reviews API files share (internal).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/reviews/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/auth/page.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"
#include "modules/reviews/policy.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/http/problem.hpp"
#include "platform/http/request.hpp"

namespace safeboard::reviews::detail {

// Today in the UK: what a statutory clock counts from.
std::string today();
// The `on` query parameter, or today.
Result<std::string> day_param(const http::Request& request);
// The partnerships within `reach` (only `only`, when given), in id order.
std::vector<std::int64_t> partnership_ids(db::Connection& db, const access::ScopeFilter& reach,
                                          std::optional<std::int64_t> only);
// The case named by the path's {id}, when the user may see it.
std::optional<Case> case_of(const http::Request& request, http::Context& context);
// After a change: the problem, or the case read again, whole.
http::Response saved(Status status, const http::Request& request, http::Context& context, const Case& c, int code);

// Runs a save of one case in a write transaction, after the checks every
// change shares: the case is readable, and the user may change it.
template <typename Save>
http::Response change(const http::Request& request, http::Context& context, const std::vector<std::string>& columns,
                Save save, int code = 200) {
    auto& db = context.db();
    auto c = case_of(request, context);
    if (!c) return auth::missing(request, "review");
    if (!may_change(db, context.user(), *c)) {
        return auth::refuse(request, context, "case_reviews.write is not held for review " + std::to_string(c->id));
    }
    auto fields = api::fields_from(request, columns);
    if (!fields) return http::problem(fields.error(), request);
    Status status;
    {
        db::Transaction transaction(db);
        status = save(db, *c, *fields, auth::actor_of(request, context.user()));
        if (status) transaction.commit();
    }
    return saved(status, request, context, *c, code);
}

}  // namespace safeboard::reviews::detail
