// Changing a meeting's agenda on the web: the form to add an item or to
// change one (title, type, presenter and the record it is about), moving an
// item up or down, and removing one after asking. The checks are the rules'
// (agenda_item_checked), as for the API.
#include <variant>

#include "modules/meetings/linked.hpp"
#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/http/form.hpp"

namespace safeboard::meetings::pages {

namespace {

using access::Permission;
using http::Access;
using web::choice_field;
using web::field;

const std::vector<std::string>& form_names() {
    static const std::vector<std::string> names{"title", "type", "presenter", "link"};
    return names;
}

std::string agenda_href(const Meeting& meeting) { return meeting_href(meeting.id) + "#agenda"; }
std::string item_path(const AgendaItem& item) {
    return meeting_href(item.meeting_id) + "/agenda/" + std::to_string(item.id);
}

// The form asks for the linked record as one choice, "plan:3"; the rules as link_kind and link.
std::string link_value(LinkKind kind, std::optional<std::int64_t> id) {
    if (kind == LinkKind::none || !id) return "";
    return std::string(code_of(kind)) + ":" + std::to_string(*id);
}

Fields form_fields_of(const AgendaItem& item) {
    return {{"title", item.title},
            {"type", std::string(code_of(item.type))},
            {"presenter", item.presenter},
            {"link", link_value(item.link_kind, item.link_id)}};
}

// What the form sent, as the rules read it, over what the item holds (its decision, position ...).
Fields rules_fields(const Fields& form, Fields fields) {
    for (const auto& name : {"title", "type", "presenter"}) fields[name] = form.at(name);
    const auto& link = form.at("link");
    auto colon = link.find(':');
    fields["link_kind"] = link.empty() ? "none" : link.substr(0, colon);
    fields["link"] = colon == std::string::npos ? "" : link.substr(colon + 1);
    return fields;
}

// The form names the linked record's kind and id as one field.
Errors on_the_form(const Error& error) { return renamed(error.fields, {{"link_kind", "link"}}); }

std::vector<web::Choice> link_choices(db::Connection& db, const register_::Body& body, const AgendaItem& item) {
    std::vector<web::Choice> choices{{"", "Nothing", {}}};
    for (const auto& option : link_options(db, body, item)) {
        choices.push_back({link_value(option.kind, option.id), option.label, {}});
    }
    return choices;
}

http::Response item_form(const Pages& pages, http::Context& context, const Changing& at,
                         const std::optional<AgendaItem>& item, Fields f, Errors errors, unsigned status) {
    data values;
    values.set("meeting_title", at.meeting.shown_title());
    values.set("action", item ? item_path(*item) + "/edit" : meeting_href(at.meeting.id) + "/agenda/new");
    values.set("f_title", field("title", "Title", f["title"], errors));
    values.set("f_type", choice_field("type", "Type", web::vocabulary_choices<AgendaType>(), {f["type"]}, errors));
    values.set("f_presenter", field("presenter", "Presenter (optional)", f["presenter"], errors,
                                    "As the agenda shows it, for example Chair or Head of Service"));
    values.set("f_link", choice_field("link", "What the item is about (optional)",
                                      link_choices(context.db(), at.body, item.value_or(AgendaItem{})), {f["link"]},
                                      errors, "A business plan, a recommendation or an agency's report"));
    auto heading = item ? "Change agenda item " + std::to_string(item->position) : std::string("Add an agenda item");
    values.set("heading", heading);
    values.set("button", std::string(item ? "Save changes" : "Add item"));
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), form_names());
    return render(pages, context, "meetings/pages/agenda_item_form", std::move(values), heading, status,
                  agenda_href(at.meeting));
}

// The meeting, its body and the path's agenda item of it, when the user may change the meeting.
struct Editing {
    Changing at;
    AgendaItem item;
};
std::variant<Editing, http::Response> editing(const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    auto& at = std::get<Changing>(found);
    auto id = auth::path_id(request, "item");
    auto item = id ? find_agenda_item(context.db(), *id) : std::nullopt;
    if (!item || item->meeting_id != at.meeting.id) return auth::missing(request, "agenda item");
    return Editing{std::move(at), *item};
}

http::Response new_item_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return item_form(pages, context, std::get<Changing>(found), std::nullopt, {{"type", "discussion"}}, {}, 200);
}

http::Response add_item(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& at = std::get<Changing>(found);
    auto& db = context.db();
    auto form = posted_fields(request, form_names());
    AgendaItem base;
    base.meeting_id = at.meeting.id;
    auto item = agenda_item_checked(db, at.body, rules_fields(form, {}), base);
    if (!item) return item_form(pages, context, at, std::nullopt, form, on_the_form(item.error()), 422);
    {
        db::Transaction transaction(db);
        add_agenda_item(db, *item, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(agenda_href(at.meeting));
}

http::Response edit_item_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [at, item] = std::get<Editing>(found);
    return item_form(pages, context, at, item, form_fields_of(item), {}, 200);
}

http::Response change_item(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [at, item] = std::get<Editing>(found);
    auto& db = context.db();
    auto form = posted_fields(request, form_names());
    auto changed = agenda_item_checked(db, at.body, rules_fields(form, agenda_item_fields(item)), item);
    if (!changed) return item_form(pages, context, at, item, form, on_the_form(changed.error()), 422);
    {
        db::Transaction transaction(db);
        update_agenda_item(db, *changed, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(agenda_href(at.meeting));
}

// POST …/move with direction up or down: one place, the others numbered around it.
http::Response move_item(const Pages&, const http::Request& request, http::Context& context) {
    auto found = editing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [at, item] = std::get<Editing>(found);
    auto direction = auth::form_text(http::form_fields(request), "direction");
    int step = direction == "up" ? -1 : direction == "down" ? 1 : 0;
    if (step != 0 && item.position + step >= 1) {
        auto& db = context.db();
        db::Transaction transaction(db);
        move_agenda_item(db, item.id, item.position + step, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(agenda_href(at.meeting));
}

Removal removal_of(db::Connection& db, const Editing& e) {
    return {"Remove an agenda item", std::to_string(e.item.position) + ". " + e.item.title,
            item_path(e.item) + "/remove", agenda_href(e.at.meeting),
            why_agenda_item_stays(e.item, actions_arising_from(db, e.item))};
}

http::Response confirm_removal(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return confirm_page(pages, context, removal_of(context.db(), std::get<Editing>(found)));
}

http::Response remove_item(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& e = std::get<Editing>(found);
    auto& db = context.db();
    db::Transaction transaction(db);
    // Read again inside the write: a decision recorded meanwhile keeps the item.
    auto current = find_agenda_item(db, e.item.id);
    if (!current) return auth::missing(request, "agenda item");
    auto removal = removal_of(db, {e.at, *current});
    if (removal.reason) return confirm_page(pages, context, removal, 409);
    remove_agenda_item(db, e.item.id, auth::actor_of(request, context.user()));
    transaction.commit();
    return auth::see_other(agenda_href(e.at.meeting));
}

}  // namespace

void add_agenda_pages(http::Router& router, const PagesPtr& pages) {
    const auto writers = Access::needs(Permission::meetings_write);
    using M = http::Method;
    router.add(route(M::get, "/meetings/{id}/agenda/new", writers, "The form to add an agenda item", pages,
                     new_item_form));
    router.add(route(M::post, "/meetings/{id}/agenda/new", writers, "Add an agenda item", pages, add_item));
    router.add(route(M::get, "/meetings/{id}/agenda/{item}/edit", writers, "The form to change an agenda item",
                     pages, edit_item_form));
    router.add(route(M::post, "/meetings/{id}/agenda/{item}/edit", writers, "Change an agenda item", pages,
                     change_item));
    router.add(route(M::post, "/meetings/{id}/agenda/{item}/move", writers, "Move an agenda item up or down", pages,
                     move_item));
    router.add(route(M::get, "/meetings/{id}/agenda/{item}/remove", writers, "Ask before removing an agenda item",
                     pages, confirm_removal));
    router.add(route(M::post, "/meetings/{id}/agenda/{item}/remove", writers, "Remove an agenda item", pages,
                     remove_item));
}

}  // namespace safeboard::meetings::pages
