// Changing a meeting's agenda over the API: adding an item, changing it
// (its position too: the others are numbered around it), and taking it off
// until a decision is recorded or actions arise from it.
#include <boost/json.hpp>

#include "modules/meetings/linked.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/routes_support.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::meetings {

namespace {

using http::Request;
using http::Response;

const std::vector<std::string>& item_columns() {
    static const std::vector<std::string> columns{"title", "type",     "presenter", "link_kind",
                                                  "link",  "decision", "taken",     "position"};
    return columns;
}

// An agenda item with its meeting, when the user may read the meeting.
std::optional<OfMeeting<AgendaItem>> readable_item(db::Connection& db, const access::Principal& user,
                                                   std::optional<std::int64_t> id) {
    return readable_of_meeting(db, user, id ? find_agenda_item(db, *id) : std::nullopt);
}

Response refuse_agenda(const Request& request, http::Context& context, const Meeting& meeting) {
    return auth::refuse(request, context, "You cannot change the agenda of meeting " + std::to_string(meeting.id));
}

// Writes the item's position when it asks for another (0: leave it where it is).
void place(db::Connection& db, std::int64_t id, int position, int was, const audit::Actor& actor) {
    if (position > 0 && position != was) move_agenda_item(db, id, position, actor);
}

Response add_item(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return auth::missing(request, "meeting");
    if (!may_change(db, context.user(), *meeting)) return refuse_agenda(request, context, *meeting);
    auto fields = json_fields(request, item_columns(), {"link", "position"});
    if (!fields) return http::problem(fields.error(), request);
    AgendaItem base;
    base.meeting_id = meeting->id;
    auto item = agenda_item_checked(db, *register_::find_body(db, meeting->body_id), *fields, base);
    if (!item) return http::problem(item.error(), request);
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        auto actor = auth::actor_of(request, context.user());
        id = add_agenda_item(db, *item, actor);
        place(db, id, item->position, find_agenda_item(db, id)->position, actor);
        transaction.commit();
    }
    return Response::json(to_json(*find_agenda_item(db, id)), 201);
}

Response show_item(const Request& request, http::Context& context) {
    auto found = readable_item(context.db(), context.user(), auth::path_id(request));
    if (!found) return auth::missing(request, "agenda item");
    return Response::json(to_json(found->record));
}

Response change_item(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto found = readable_item(db, context.user(), auth::path_id(request));
    if (!found) return auth::missing(request, "agenda item");
    if (!may_change(db, context.user(), found->meeting)) return refuse_agenda(request, context, found->meeting);
    auto given = json_fields(request, item_columns(), {"link", "position"});
    if (!given) return http::problem(given.error(), request);
    // PATCH: what is not sent stays as it is.
    auto fields = agenda_item_fields(found->record);
    for (auto& [name, value] : *given) fields[name] = value;
    auto body = register_::find_body(db, found->meeting.body_id);
    auto item = agenda_item_checked(db, *body, fields, found->record);
    if (!item) return http::problem(item.error(), request);
    {
        db::Transaction transaction(db);
        auto actor = auth::actor_of(request, context.user());
        update_agenda_item(db, *item, actor);
        place(db, item->id, item->position, found->record.position, actor);
        transaction.commit();
    }
    return Response::json(to_json(*find_agenda_item(db, item->id)));
}

Response remove_item(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto found = readable_item(db, context.user(), auth::path_id(request));
    if (!found) return auth::missing(request, "agenda item");
    if (!may_change(db, context.user(), found->meeting)) return refuse_agenda(request, context, found->meeting);
    db::Transaction transaction(db);
    // Read again inside the write: a decision recorded meanwhile keeps the item.
    auto current = find_agenda_item(db, found->record.id);
    if (!current) return auth::missing(request, "agenda item");
    if (auto why = why_agenda_item_stays(*current, actions_arising_from(db, *current))) {
        return http::problem(409, *why, request);
    }
    remove_agenda_item(db, current->id, auth::actor_of(request, context.user()));
    transaction.commit();
    return no_content();
}

}  // namespace

void add_agenda_routes(http::Router& router) {
    using M = http::Method;
    const auto read = http::Access::needs(access::Permission::meetings_read);
    // Changing an agenda needs meetings.write over one of the meeting's body's partnerships (policy.hpp).
    const auto write = http::Access::needs(access::Permission::meetings_write);
    add_api_route(router, M::post, "/api/v1/meetings/{id}/agenda", add_item,
                  {"Add an item to a meeting's agenda: title, type (decision, discussion, information, standing), "
                   "presenter, link_kind (plan, recommendation, action, organisation) and link (its id), position "
                   "(default: last)",
                   "", {}, "AgendaItem", false},
                  write);
    add_api_route(router, M::get, "/api/v1/agenda-items/{id}", show_item,
                  {"One item of a meeting's agenda", "", {}, "AgendaItem", false}, read);
    add_api_route(router, M::patch, "/api/v1/agenda-items/{id}", change_item,
                  {"Change an agenda item: title, type, presenter, link_kind, link, decision, taken, position "
                   "(the other items are numbered around it)",
                   "", {}, "AgendaItem", false},
                  write);
    add_api_route(router, M::delete_, "/api/v1/agenda-items/{id}", remove_item,
                  {"Take an item off the agenda (409 once a decision is recorded or actions arose from it); 204", "",
                   {}, "", false},
                  write);
}

}  // namespace safeboard::meetings
