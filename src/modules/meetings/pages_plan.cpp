// A body's forward plan on the web: the year by month, and for those who
// may change it the forms to add an item, change one, and remove one still
// only planned (after asking). The checks are the rules'
// (forward_plan_item_checked), as for the API and the CSV import.
#include <variant>

#include "modules/meetings/linked.hpp"
#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/core/time.hpp"

namespace safeboard::meetings::pages {

namespace {

using access::Permission;
using auth::missing;
using auth::query_id;
using auth::query_text;
using http::Access;
using web::choice_field;
using web::field;

const std::vector<std::string>& form_names() {
    static const std::vector<std::string> names{"month", "kind", "title", "organisation", "subject_body", "notes"};
    return names;
}

std::string plan_href(std::int64_t body_id, int first_year) {
    return "/meetings/forward-plan?body=" + std::to_string(body_id) + "&year=" + std::to_string(first_year);
}

// The plan page of the reporting year the item is planned in, at the item.
std::string item_href(db::Connection& db, const register_::Body& body, const ForwardPlanItem& item) {
    auto year = reporting_year_holding(item.planned_month, year_starts_month(db, body));
    return plan_href(body.id, year.first_year) + "#item-" + std::to_string(item.id);
}

// ?year= (2011/12 or 2011), or the reporting year today is in; nullopt when it is not a year.
std::optional<ReportingYear> year_asked(db::Connection& db, const http::Request& request,
                                        const register_::Body& body) {
    auto starts = year_starts_month(db, body);
    auto text = query_text(request, "year");
    auto first_year = text.empty() ? std::optional(reporting_year_holding(today_utc().substr(0, 7), starts).first_year)
                                   : parse_reporting_year(text);
    if (!first_year) return std::nullopt;
    return reporting_year(*first_year, starts);
}

data item_row(const ForwardPlanItem& item, bool may_change) {
    data row;
    row.set("item_id", std::to_string(item.id));
    row.set("title", item.title);
    row.set("kind", std::string(label_of(item.kind)));
    row.set("status", std::string(label_of(item.status)));
    row.set("carried", item.carried_from_id.has_value());
    if (item.meeting_id) row.set("meeting_href", meeting_href(*item.meeting_id));
    if (may_change) {
        auto path = "/meetings/forward-plan/" + std::to_string(item.id);
        row.set("edit_href", path + "/edit");
        if (!why_forward_plan_item_stays(item)) row.set("remove_href", path + "/remove");
    }
    return row;
}

http::Response forward_plan_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), query_id(request, "body").id);
    if (!body) return missing(request, "body");
    auto year = year_asked(db, request, *body);
    if (!year) return missing(request, "reporting year");
    bool may_change = body_in(db, writable(context.user()), body->id).has_value();
    data months{data::type::list};
    for (const auto& month : by_month(forward_plan_of(db, body->id, year->first_month, year->last_month))) {
        data items{data::type::list};
        for (const auto& item : month.items) items.push_back(item_row(item, may_change));
        data group;
        group.set("label", month_label(month.month));
        group.set("items", items);
        months.push_back(group);
    }
    data values;
    values.set("body_name", body->name);
    values.set("year", year->label);
    values.set("months", months);
    values.set("has_months", !months.is_empty_list());
    values.set("may_change", may_change);
    values.set("add_href", "/meetings/forward-plan/new?body=" + std::to_string(body->id) + "&year=" +
                               std::to_string(year->first_year));
    values.set("previous", plan_href(body->id, year->first_year - 1));
    values.set("next", plan_href(body->id, year->first_year + 1));
    return render(pages, context, "meetings/pages/forward_plan", std::move(values),
                  "Forward plan " + year->label + ": " + body->name, 200,
                  "/meetings?body=" + std::to_string(body->id));
}

// ---- adding and changing an item ----------------------------------------------------------------

struct Form {
    const register_::Body& body;
    bool changing = false;  // an item there is, or a new one
    std::string action;
    std::string back;
};

http::Response item_form(const Pages& pages, http::Context& context, const Form& form, Fields f, Errors errors,
                         unsigned status) {
    auto& db = context.db();
    auto bodies = body_choices(db, form.body);
    std::erase_if(bodies, [&](const Choice& c) { return c.id == form.body.id; });
    data values;
    values.set("body_name", form.body.name);
    values.set("action", form.action);
    auto month = field("month", "Month of the meeting", f["month"], errors, "For example, 2012-11 or November 2012");
    month.set("width", std::string("govuk-input--width-10"));
    values.set("f_month", month);
    values.set("f_kind", choice_field("kind", "Kind", web::vocabulary_choices<ItemKind>(), {f["kind"]}, errors));
    values.set("f_title", field("title", "Title", f["title"], errors));
    values.set("f_organisation", choice_field("organisation", "Agency (optional)",
                                              select_choices(organisation_choices(db, form.body), "None"),
                                              {f["organisation"]}, errors, "Whose report it is, for an agency report"));
    values.set("f_subject_body", choice_field("subject_body", "Sub group (optional)", select_choices(bodies, "None"),
                                              {f["subject_body"]}, errors,
                                              "Whose report it is, for a sub group report"));
    values.set("f_notes", field("notes", "Notes (optional)", f["notes"], errors));
    std::string heading = form.changing ? "Change a forward plan item" : "Add an item to the forward plan";
    values.set("heading", heading);
    values.set("button", std::string(form.changing ? "Save changes" : "Add item"));
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), form_names());
    return render(pages, context, "meetings/pages/forward_plan_item_form", std::move(values), heading, status,
                  form.back);
}

std::string new_item_action(const http::Request& request, const register_::Body& body) {
    auto year = query_text(request, "year");
    return "/meetings/forward-plan/new?body=" + std::to_string(body.id) + (year.empty() ? "" : "&year=" + year);
}

std::string back_from_new(db::Connection& db, const http::Request& request, const register_::Body& body) {
    auto year = year_asked(db, request, body);
    return year ? plan_href(body.id, year->first_year) : "/meetings/forward-plan?body=" + std::to_string(body.id);
}

http::Response new_item_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changeable_body(request, context, query_id(request, "body").id);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& body = std::get<register_::Body>(found);
    Form form{body, false, new_item_action(request, body), back_from_new(context.db(), request, body)};
    return item_form(pages, context, form, {{"kind", "report"}}, {}, 200);
}

http::Response add_item(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changeable_body(request, context, query_id(request, "body").id);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& body = std::get<register_::Body>(found);
    auto& db = context.db();
    auto fields = posted_fields(request, form_names());
    ForwardPlanItem base;
    base.body_id = body.id;
    auto item = forward_plan_item_checked(db, body, fields, base);
    if (!item) {
        Form form{body, false, new_item_action(request, body), back_from_new(db, request, body)};
        return item_form(pages, context, form, fields, item.error().fields, 422);
    }
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        id = create_forward_plan_item(db, *item, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(item_href(db, body, *find_forward_plan_item(db, id)));
}

// The path's item and its body, when the user may change the body's plan.
struct Planned {
    ForwardPlanItem item;
    register_::Body body;
};
std::variant<Planned, http::Response> planned(const http::Request& request, http::Context& context) {
    auto id = auth::path_id(request, "item");
    auto item = id ? find_forward_plan_item(context.db(), *id) : std::nullopt;
    if (!item) return missing(request, "forward plan item");
    auto found = changeable_body(request, context, item->body_id);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return Planned{*item, std::get<register_::Body>(found)};
}

std::string item_path(const ForwardPlanItem& item) { return "/meetings/forward-plan/" + std::to_string(item.id); }

http::Response edit_item_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = planned(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [item, body] = std::get<Planned>(found);
    Form form{body, true, item_path(item) + "/edit", item_href(context.db(), body, item)};
    return item_form(pages, context, form, forward_plan_item_fields(item), {}, 200);
}

http::Response change_item(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = planned(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [item, body] = std::get<Planned>(found);
    auto& db = context.db();
    auto fields = posted_fields(request, form_names());
    auto changed = forward_plan_item_checked(db, body, fields, item);
    if (!changed) {
        Form form{body, true, item_path(item) + "/edit", item_href(db, body, item)};
        return item_form(pages, context, form, fields, changed.error().fields, 422);
    }
    {
        db::Transaction transaction(db);
        update_forward_plan_item(db, *changed, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(item_href(db, body, *find_forward_plan_item(db, item.id)));
}

// ---- removing an item -----------------------------------------------------------------------------

Removal removal_of(db::Connection& db, const Planned& p) {
    return {"Remove an item from the forward plan", p.item.title + " (" + month_label(p.item.planned_month) + ")",
            item_path(p.item) + "/remove", item_href(db, p.body, p.item), why_forward_plan_item_stays(p.item)};
}

http::Response confirm_removal(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = planned(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return confirm_page(pages, context, removal_of(context.db(), std::get<Planned>(found)));
}

http::Response remove_item(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = planned(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& p = std::get<Planned>(found);
    auto& db = context.db();
    db::Transaction transaction(db);
    // Read again inside the write: an agenda made meanwhile keeps the item.
    auto current = find_forward_plan_item(db, p.item.id);
    if (!current) return missing(request, "forward plan item");
    auto removal = removal_of(db, {*current, p.body});
    if (removal.reason) return confirm_page(pages, context, removal, 409);
    remove_forward_plan_item(db, current->id, auth::actor_of(request, context.user()));
    transaction.commit();
    auto year = reporting_year_holding(current->planned_month, year_starts_month(db, p.body));
    return auth::see_other(plan_href(p.body.id, year.first_year));
}

}  // namespace

void add_plan_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::meetings_read);
    const auto writers = Access::needs(Permission::meetings_write);
    using M = http::Method;
    router.add(route(M::get, "/meetings/forward-plan", readers, "A body's forward plan for a reporting year", pages,
                     forward_plan_page));
    router.add(route(M::get, "/meetings/forward-plan/new", writers, "The form to add an item to a forward plan",
                     pages, new_item_form));
    router.add(route(M::post, "/meetings/forward-plan/new", writers, "Add an item to a forward plan", pages,
                     add_item));
    router.add(route(M::get, "/meetings/forward-plan/{item}/edit", writers, "The form to change a forward plan item",
                     pages, edit_item_form));
    router.add(route(M::post, "/meetings/forward-plan/{item}/edit", writers, "Change a forward plan item", pages,
                     change_item));
    router.add(route(M::get, "/meetings/forward-plan/{item}/remove", writers,
                     "Ask before removing a forward plan item", pages, confirm_removal));
    router.add(route(M::post, "/meetings/forward-plan/{item}/remove", writers, "Remove a forward plan item", pages,
                     remove_item));
}

}  // namespace safeboard::meetings::pages
