// Changing a body's forward plan over the API: adding an item, changing
// one, and taking one off the plan while it is only planned. The checks are
// the rules' (rules.hpp), as for the pages and the CSV import.
#include <boost/json.hpp>

#include "modules/meetings/import.hpp"
#include "modules/meetings/linked.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/routes_support.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::meetings {

namespace {

using http::Request;
using http::Response;

// An item with its body, when the user may read the body's plan.
struct PlannedItem {
    ForwardPlanItem item;
    register_::Body body;
};

std::optional<PlannedItem> readable_item(db::Connection& db, const access::Principal& user,
                                         std::optional<std::int64_t> id) {
    auto item = id ? find_forward_plan_item(db, *id) : std::nullopt;
    auto body = item ? readable_body(db, user, item->body_id) : std::nullopt;
    if (!body) return std::nullopt;
    return PlannedItem{*item, *body};
}

bool may_plan(db::Connection& db, const access::Principal& user, const register_::Body& body) {
    return body_in(db, writable(user), body.id).has_value();
}

Response refuse_plan(const Request& request, http::Context& context, const register_::Body& body) {
    return auth::refuse(request, context, "You cannot change the forward plan of body " + std::to_string(body.id));
}

Response add_item(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), auth::path_id(request));
    if (!body) return auth::missing(request, "body");
    if (!may_plan(db, context.user(), *body)) return refuse_plan(request, context, *body);
    auto fields = json_fields(request, forward_plan_columns());
    if (!fields) return http::problem(fields.error(), request);
    ForwardPlanItem base;
    base.body_id = body->id;
    auto item = forward_plan_item_checked(db, *body, *fields, base);
    if (!item) return http::problem(item.error(), request);
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        id = create_forward_plan_item(db, *item, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(to_json(*find_forward_plan_item(db, id)), 201);
}

Response show_item(const Request& request, http::Context& context) {
    auto found = readable_item(context.db(), context.user(), auth::path_id(request));
    if (!found) return auth::missing(request, "forward plan item");
    return Response::json(to_json(found->item));
}

Response change_item(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto found = readable_item(db, context.user(), auth::path_id(request));
    if (!found) return auth::missing(request, "forward plan item");
    if (!may_plan(db, context.user(), found->body)) return refuse_plan(request, context, found->body);
    auto given = json_fields(request, forward_plan_columns());
    if (!given) return http::problem(given.error(), request);
    // PATCH: what is not sent stays as it is.
    auto fields = forward_plan_item_fields(found->item);
    for (auto& [name, value] : *given) fields[name] = value;
    auto item = forward_plan_item_checked(db, found->body, fields, found->item);
    if (!item) return http::problem(item.error(), request);
    {
        db::Transaction transaction(db);
        update_forward_plan_item(db, *item, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(to_json(*find_forward_plan_item(db, item->id)));
}

Response remove_item(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto found = readable_item(db, context.user(), auth::path_id(request));
    if (!found) return auth::missing(request, "forward plan item");
    if (!may_plan(db, context.user(), found->body)) return refuse_plan(request, context, found->body);
    db::Transaction transaction(db);
    // Read again inside the write: an agenda made meanwhile keeps its item.
    auto current = find_forward_plan_item(db, found->item.id);
    if (!current) return auth::missing(request, "forward plan item");
    if (auto why = why_forward_plan_item_stays(*current)) return http::problem(409, *why, request);
    remove_forward_plan_item(db, current->id, auth::actor_of(request, context.user()));
    transaction.commit();
    return no_content();
}

}  // namespace

void add_forward_plan_routes(http::Router& router) {
    using M = http::Method;
    const auto read = http::Access::needs(access::Permission::meetings_read);
    // Changing a plan needs meetings.write over one of the body's partnerships (policy.hpp).
    const auto write = http::Access::needs(access::Permission::meetings_write);
    add_api_route(router, M::post, "/api/v1/bodies/{id}/forward-plan", add_item,
                  {"Add an item to a body's forward plan: month (2012-11 or November 2012), kind, title, "
                   "organisation and subject_body (name or id), notes",
                   "", {}, "ForwardPlanItem", false},
                  write);
    add_api_route(router, M::get, "/api/v1/forward-plan-items/{id}", show_item,
                  {"One item of a forward plan", "", {}, "ForwardPlanItem", false}, read);
    add_api_route(router, M::patch, "/api/v1/forward-plan-items/{id}", change_item,
                  {"Change a forward plan item (an item on an agenda keeps its month)", "", {}, "ForwardPlanItem",
                   false},
                  write);
    add_api_route(router, M::delete_, "/api/v1/forward-plan-items/{id}", remove_item,
                  {"Remove a forward plan item that has not gone on an agenda (409 once it has); 204", "", {}, "",
                   false},
                  write);
}

}  // namespace safeboard::meetings
