// Seats on a body: adding a member, and ending a membership (the seat stays
// as history).
#include <algorithm>
#include <variant>

#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::register_::pages {

namespace {

using access::Permission;
using http::Access;

const std::vector<std::string> form_order{"body",    "seat_title", "role",      "organisation",
                                          "person",  "vacancy",    "starts_on", "ends_on"};

// The partnership a seat is added in: the one asked for, when the body
// belongs to it and the user may change it, else the body's first such one.
std::optional<Partnership> seat_partnership(db::Connection& db, const access::Principal& user, const Body& body,
                                            std::optional<std::int64_t> asked) {
    auto can_write = writable(user);
    auto belongs = [&](std::int64_t id) {
        return can_write.allows(id) &&
               std::find(body.partnership_ids.begin(), body.partnership_ids.end(), id) != body.partnership_ids.end();
    };
    if (asked && belongs(*asked)) return find_partnership(db, *asked);
    for (auto id : body.partnership_ids) {
        if (belongs(id)) return find_partnership(db, id);
    }
    return std::nullopt;
}

struct MemberForm {
    std::string seat_title, role = "member", organisation_id, person_id, vacancy, starts_on, ends_on;
};

MemberForm form_of(const http::FormFields& fields) {
    auto get = [&](std::string_view name) { return auth::form_text(fields, name); };
    return {get("seat_title"), get("role"),    get("organisation"), get("person"),
            get("vacancy"),    get("starts_on"), get("ends_on")};
}

data date_field(std::string_view id, std::string_view label, const std::string& value, const Errors& errors) {
    auto input = field(id, label, value, errors, "For example, 2020-06-29 or 29/06/2020");
    input.set("width", "govuk-input--width-10");
    return input;
}

http::Response form_page(const Pages& pages, http::Context& context, const Body& body, const Partnership& partnership,
                         const MemberForm& form, Errors errors, unsigned status) {
    auto& db = context.db();
    ListQuery query;
    query.reach = readable(db, context.user());
    query.partnership = partnership.id;
    std::vector<Choice> organisations{{"", "None (for example, an independent chair)", {}}};
    for (const auto& organisation : all_organisations(db, query, choice_limit)) {
        organisations.push_back({std::to_string(organisation.id), named(organisation.name, organisation.short_name), {}});
    }
    std::vector<Choice> people{{"", "Nobody named", {}}};
    // Anyone the user can see, not only those already in this partnership:
    // a new independent chair has no organisation and no seat yet.
    auto everyone = query;
    everyone.partnership.reset();
    for (const auto& person : all_people(db, everyone, choice_limit)) {
        auto label = person.organisation_name.empty() ? person.name : person.name + ", " + person.organisation_name;
        people.push_back({std::to_string(person.id), label, {}});
    }
    data values;
    values.set("body_id", std::to_string(body.id));
    values.set("body_name", body.name);
    values.set("partnership_id", std::to_string(partnership.id));
    values.set("f_seat_title", field("seat_title", "Seat title", form.seat_title, errors,
                                     "As the terms of reference put it, for example Designated Doctor"));
    values.set("f_role", choice_field("role", "Role", vocabulary_choices<SeatRole>(), {form.role}, errors));
    values.set("f_organisation", choice_field("organisation", "Representing", organisations, {form.organisation_id},
                                              errors, "The organisation that holds the seat in " + partnership.name));
    values.set("f_person", choice_field("person", "Person", people, {form.person_id}, errors));
    auto vacancy = field("vacancy", "If the seat is vacant (optional)", form.vacancy, errors,
                         "The words for it, for example To be identified or Position Vacant");
    vacancy.set("width", "govuk-input--width-20");
    values.set("f_vacancy", vacancy);
    values.set("f_starts_on", date_field("starts_on", "Starts on (optional)", form.starts_on, errors));
    values.set("f_ends_on", date_field("ends_on", "Ends on (optional)", form.ends_on, errors));
    if (!errors.empty()) set_form_errors(values, std::move(errors), form_order);
    return render(pages, context, "register/pages/member_form", std::move(values), "Add a member to " + body.name,
                  status, "/bodies/" + std::to_string(body.id));
}

struct Seat {
    Body body;
    Partnership partnership;
};

// The body in the path and the partnership the seat goes in, or the answer
// for a user who may not add one.
std::variant<Seat, http::Response> seat_for(const http::Request& request, http::Context& context,
                                            std::optional<std::int64_t> asked) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), path_id(request));
    if (!body) return missing(request, "body");
    auto partnership = may_edit(context.user(), *body) ? seat_partnership(db, context.user(), *body, asked)
                                                           : std::nullopt;
    if (!partnership) return auth::refuse(request, context, "register.write is not held for this body");
    return Seat{*body, *partnership};
}

http::Response new_member(const Pages& pages, const http::Request& request, http::Context& context) {
    auto asked = query_id(request, "partnership");
    auto seat = seat_for(request, context, asked.id);
    if (auto* refusal = std::get_if<http::Response>(&seat)) return std::move(*refusal);
    const auto& [body, partnership] = std::get<Seat>(seat);
    return form_page(pages, context, body, partnership, {}, {}, 200);
}

http::Response add_member(const Pages& pages, const http::Request& request, http::Context& context) {
    auto posted = http::form_fields(request);
    auto seat = seat_for(request, context, auth::parse_id(auth::form_text(posted, "partnership")));
    if (auto* refusal = std::get_if<http::Response>(&seat)) return std::move(*refusal);
    const auto& [body, partnership] = std::get<Seat>(seat);
    auto& db = context.db();
    auto form = form_of(posted);
    // The organisation and person go by the ids the form offered, so the one
    // chosen is the one seated; the rules check they are within reach.
    Fields fields{{"body", body.name},       {"seat_title", form.seat_title}, {"role", form.role},
                  {"vacancy", form.vacancy}, {"starts_on", form.starts_on},   {"ends_on", form.ends_on},
                  {"organisation_id", form.organisation_id}, {"person_id", form.person_id}};
    Errors errors;
    for (const auto& [field, chosen] : {std::pair{"organisation", &form.organisation_id}, std::pair{"person", &form.person_id}}) {
        if (!chosen->empty() && !auth::parse_id(*chosen)) errors.push_back({field, "Choose from the list"});
    }
    if (!errors.empty()) return form_page(pages, context, body, partnership, form, std::move(errors), 422);
    db::Transaction transaction(db);
    auto saved = save_membership(db, fields, partnership.id, {}, readable(db, context.user()),
                                 auth::actor_of(request, context.user()));
    if (!saved && saved.error().fields.empty()) return http::problem(saved.error(), request);
    if (!saved) return form_page(pages, context, body, partnership, form, saved.error().fields, 422);
    transaction.commit();
    return auth::see_other("/bodies/" + std::to_string(body.id) + "#members");
}

// ---- ending a membership ----------------------------------------------------------------------

struct Ending {
    Membership membership;
    Body body;
};

std::variant<Ending, http::Response> ending_for(const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto id = path_id(request);
    auto membership = id ? find_membership(db, *id) : std::nullopt;
    auto body = membership ? readable_body(db, context.user(), membership->body_id) : std::nullopt;
    if (!body) return missing(request, "membership");
    if (!may_edit(context.user(), *body)) return auth::refuse(request, context, "register.write is not held for this body");
    return Ending{*membership, *body};
}

http::Response end_page(const Pages& pages, http::Context& context, const Ending& ending, const std::string& ends_on,
                        Errors errors, unsigned status) {
    const auto& seat = ending.membership;
    data values;
    values.set("membership_id", std::to_string(seat.id));
    values.set("body_id", std::to_string(ending.body.id));
    values.set("body_name", ending.body.name);
    data details{data::type::list};
    details.push_back(detail_row("Seat", seat.seat_title));
    details.push_back(detail_row("Role", std::string(label_of(seat.role))));
    details.push_back(detail_row("Organisation", seat.organisation_name));
    details.push_back(detail_row("Person", seat.person_name));
    details.push_back(detail_row("Started", seat.starts_on.value_or("")));
    values.set("details", details);
    values.set("f_ends_on", date_field("ends_on", "Date the membership ends", ends_on, errors));
    if (!errors.empty()) set_form_errors(values, std::move(errors), {"ends_on"});
    return render(pages, context, "register/pages/membership_end", std::move(values), "End a membership", status,
                  "/bodies/" + std::to_string(ending.body.id));
}

http::Response end_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto ending = ending_for(request, context);
    if (auto* refusal = std::get_if<http::Response>(&ending)) return std::move(*refusal);
    return end_page(pages, context, std::get<Ending>(ending), today_utc(), {}, 200);
}

http::Response end_member(const Pages& pages, const http::Request& request, http::Context& context) {
    auto ending = ending_for(request, context);
    if (auto* refusal = std::get_if<http::Response>(&ending)) return std::move(*refusal);
    const auto& found = std::get<Ending>(ending);
    auto ends_on = http::form_field(request, "ends_on").value_or("");
    auto& db = context.db();
    db::Transaction transaction(db);
    auto ended = end_membership(db, found.membership.id, {{"ends_on", ends_on}}, auth::actor_of(request, context.user()));
    if (!ended && ended.error().fields.empty()) return http::problem(ended.error(), request);
    if (!ended) return end_page(pages, context, found, ends_on, ended.error().fields, 422);
    transaction.commit();
    return auth::see_other("/bodies/" + std::to_string(found.body.id) + "#members");
}

}  // namespace

void add_member_pages(http::Router& router, const PagesPtr& pages) {
    const auto writers = Access::needs(Permission::register_write);
    using M = http::Method;
    router.add(route(M::get, "/bodies/{id}/members/new", writers, "The form to add a member to a body", pages,
                     new_member));
    router.add(route(M::post, "/bodies/{id}/members", writers, "Add a member to a body", pages, add_member));
    router.add(route(M::get, "/memberships/{id}/end", writers, "The form to end a membership", pages, end_form));
    router.add(route(M::post, "/memberships/{id}/end", writers, "End a membership", pages, end_member));
}

}  // namespace safeboard::register_::pages
