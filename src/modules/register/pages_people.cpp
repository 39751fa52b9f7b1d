// People: the list, one person with the seats they hold and held, and the
// form to add or change one. An agency lead keeps their own organisation's
// people up to date, so these forms need people.write, not register.write.
#include <map>

#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::register_::pages {

namespace {

using access::Permission;
using http::Access;

const std::vector<std::string> form_order{"name", "job_title", "organisation", "email", "phone"};

// ---- the list ----------------------------------------------------------------------------

http::Response list_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto list = list_request(request, context);
    auto organisation_id = query_id(request, "organisation");
    std::optional<Organisation> organisation;
    if (organisation_id.id) {
        organisation = find_organisation(db, *organisation_id.id);
        if (!organisation || !may_read(*organisation, list.query.reach)) list.bad = true;
    }
    if (list.bad || organisation_id.bad) return missing(request, "page of people");
    if (organisation) {
        list.query.organisation = organisation->id;
        list.given.emplace_back("organisation", std::to_string(organisation->id));
    }
    auto page = paged(list_people(db, list.query));
    data rows{data::type::list};
    for (const auto& person : page.rows) {
        data row;
        row.set("id", std::to_string(person.id));
        row.set("name", person.name);
        row.set("job_title", person.job_title);
        row.set("organisation", person.organisation_name);
        rows.push_back(row);
    }
    data values;
    values.set("rows", rows);
    values.set("has_rows", !page.rows.empty());
    values.set("caption", list.query.after ? "More people" : "People you can see");
    auto chosen = list.query.partnership ? std::to_string(*list.query.partnership) : std::string();
    values.set("partnership_field", partnership_filter(db, list.query.reach, list.query.partnership));
    values.set("q_field", field("q", "Name or job title", list.query.text, {}));
    values.set("organisation_id", text(organisation ? std::to_string(organisation->id) : ""));
    values.set("organisation_name", text(organisation ? organisation->name : ""));
    values.set("everyone_link", link("/people", {{"partnership", chosen}, {"q", list.query.text}}));
    set_list_values(values, list, page.next, "/people", ImportKind::people);
    if (context.user().can(Permission::people_write)) {
        values.set("add_link", link("/people/new", {{"partnership", chosen},
                                                    {"organisation", organisation ? std::to_string(organisation->id) : ""}}));
    }
    return render(pages, context, "register/pages/people", std::move(values), "People", 200,
                  list.query.partnership ? "/partnerships/" + std::to_string(*list.query.partnership) : "/register");
}

// ---- one person ----------------------------------------------------------------------------

data seats(db::Connection& db, const std::vector<Membership>& memberships, const access::ScopeFilter& reach,
           bool past, std::string caption) {
    auto on = today_utc();
    std::map<std::int64_t, bool> readable_bodies;
    data rows{data::type::list};
    for (const auto& seat : memberships) {
        bool ended = seat.ended_by(on);
        if (ended != past) continue;
        auto known = readable_bodies.find(seat.body_id);
        if (known == readable_bodies.end()) {
            auto body = find_body(db, seat.body_id);
            known = readable_bodies.emplace(seat.body_id, body && may_read(*body, reach)).first;
        }
        if (!known->second) continue;
        data row;
        row.set("body", seat.body_name);
        row.set("body_link", text("/bodies/" + std::to_string(seat.body_id)));
        row.set("seat_title", seat.seat_title);
        row.set("role", std::string(label_of(seat.role)));
        row.set("organisation", seat.organisation_name);
        row.set("starts_on", seat.starts_on.value_or(""));
        row.set("ends_on", seat.ends_on.value_or(""));
        rows.push_back(row);
    }
    data table;
    table.set("caption", std::move(caption));
    table.set("has_seats", !rows.is_empty_list());
    table.set("seats", rows);
    return table;
}

http::Response show_person(const Pages& pages, const http::Request& request, http::Context& context) {
    auto person = readable_person(context.db(), context.user(), path_id(request));
    if (!person) return missing(request, "person");
    auto& db = context.db();
    auto reach = readable(db, context.user());
    data values;
    values.set("name", person->name);
    data details{data::type::list};
    details.push_back(detail_row("Job title", person->job_title));
    std::string organisation_link;
    if (person->organisation_id) {
        auto organisation = find_organisation(db, *person->organisation_id);
        if (organisation && may_read(*organisation, reach)) {
            organisation_link = "/organisations/" + std::to_string(organisation->id);
        }
    }
    details.push_back(detail_row("Organisation", person->organisation_name, organisation_link));
    details.push_back(detail_row("Email", person->email, "mailto:" + person->email));
    details.push_back(detail_row("Phone", person->phone));
    values.set("details", details);
    auto memberships = memberships_of_person(db, person->id);
    values.set("current", seats(db, memberships, reach, false, "Seats held now"));
    values.set("past", seats(db, memberships, reach, true, "Seats held before"));
    values.set("edit_link", text(may_edit_person(db, context.user(), person->organisation_id)
                                     ? "/people/" + std::to_string(person->id) + "/edit"
                                     : ""));
    return render(pages, context, "register/pages/person", std::move(values), person->name, 200, "/people");
}

// ---- the form ------------------------------------------------------------------------------

struct PersonForm {
    std::string name, job_title, organisation_id, email, phone;
};

PersonForm form_of(const Person& person) {
    return {person.name, person.job_title,
            person.organisation_id ? std::to_string(*person.organisation_id) : "", person.email, person.phone};
}

PersonForm form_of(const http::FormFields& fields) {
    auto get = [&](std::string_view name) { return auth::form_text(fields, name); };
    return {get("name"), get("job_title"), get("organisation"), get("email"), get("phone")};
}

// The organisations whose people this user may keep: every one in the
// partnerships they write to, or, for an agency lead, their own.
std::vector<Choice> organisation_choices(db::Connection& db, const access::Principal& user,
                                         std::optional<std::int64_t> partnership) {
    auto can_write = writable(user);
    std::vector<Organisation> candidates;
    if (can_write.empty()) {
        for (auto id : user.reach(Permission::people_write, access::ScopeKind::organisation).ids) {
            if (auto organisation = find_organisation(db, id)) candidates.push_back(*organisation);
        }
    } else {
        ListQuery query;
        query.reach = readable(db, user);
        query.partnership = partnership;
        candidates = all_organisations(db, query, choice_limit);
    }
    std::vector<Choice> choices;
    if (may_edit_person(db, user, std::nullopt)) choices.push_back({"", "None", {}});
    for (const auto& organisation : candidates) {
        // Within a partnership the user writes to, the answer is known without asking the store.
        if (may_read(organisation, can_write) || may_edit_person(db, user, organisation.id)) {
            choices.push_back({std::to_string(organisation.id), named(organisation.name, organisation.short_name), {}});
        }
    }
    return choices;
}

http::Response form_page(const Pages& pages, http::Context& context, const std::optional<Person>& person,
                         const PersonForm& form, std::optional<std::int64_t> partnership, Errors errors,
                         unsigned status) {
    auto& db = context.db();
    bool editing = person.has_value();
    data values;
    auto title = editing ? "Change " + person->name : std::string("Add a person");
    values.set("heading", title);
    values.set("action", editing ? "/people/" + std::to_string(person->id) : "/people");
    auto back = editing ? "/people/" + std::to_string(person->id) : std::string("/people");
    values.set("cancel_link", back);
    values.set("button", editing ? "Save changes" : "Add person");
    values.set("f_name", field("name", "Full name", form.name, errors));
    values.set("f_job_title", field("job_title", "Job title (optional)", form.job_title, errors));
    auto choices = organisation_choices(db, context.user(), partnership);
    values.set("f_organisation", choice_field("organisation", "Organisation", choices, {form.organisation_id}, errors));
    auto email = field("email", "Email address (optional)", form.email, errors);
    email.set("type", "email");
    values.set("f_email", email);
    auto phone = field("phone", "Phone (optional)", form.phone, errors);
    phone.set("type", "tel");
    phone.set("width", "govuk-input--width-20");
    values.set("f_phone", phone);
    if (!errors.empty()) set_form_errors(values, std::move(errors), form_order);
    return render(pages, context, "register/pages/person_form", std::move(values), title, status, back);
}

std::string refusal_for(std::optional<std::int64_t> organisation_id) {
    return organisation_id ? "people.write is not held for organisation " + std::to_string(*organisation_id)
                           : std::string("register.write is not held in any partnership");
}

http::Response new_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto partnership = query_id(request, "partnership");
    auto organisation = query_id(request, "organisation");
    if (partnership.bad || organisation.bad) return missing(request, "page");
    PersonForm form;
    if (organisation.id) form.organisation_id = std::to_string(*organisation.id);
    return form_page(pages, context, std::nullopt, form, partnership.id, {}, 200);
}

http::Response edit_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto person = readable_person(context.db(), context.user(), path_id(request));
    if (!person) return missing(request, "person");
    if (!may_edit_person(context.db(), context.user(), person->organisation_id)) {
        return auth::refuse(request, context, refusal_for(person->organisation_id));
    }
    return form_page(pages, context, person, form_of(*person), std::nullopt, {}, 200);
}

http::Response save(const Pages& pages, const http::Request& request, http::Context& context,
                    const std::optional<Person>& person) {
    auto& db = context.db();
    auto form = form_of(http::form_fields(request));
    Fields fields{{"name", form.name}, {"job_title", form.job_title}, {"email", form.email}, {"phone", form.phone}};
    std::optional<std::int64_t> organisation_id;
    if (!form.organisation_id.empty()) {
        organisation_id = auth::parse_id(form.organisation_id);
        auto organisation = organisation_id ? find_organisation(db, *organisation_id) : std::nullopt;
        if (!organisation) {
            return form_page(pages, context, person, form, std::nullopt,
                             {{"organisation", "Choose an organisation from the list"}}, 422);
        }
        fields["organisation"] = organisation->name;
    }
    // Both where the person is and where they are going must be the user's to keep.
    for (const auto& organisation : {person ? person->organisation_id : organisation_id, organisation_id}) {
        if (!may_edit_person(db, context.user(), organisation)) return auth::refuse(request, context, refusal_for(organisation));
    }
    Target how;
    if (person) how = {Target::Mode::id, person->id};
    db::Transaction transaction(db);
    auto saved = save_person(db, fields, how, auth::actor_of(request, context.user()));
    if (!saved) {
        if (saved.error().fields.empty()) return http::problem(saved.error(), request);
        return form_page(pages, context, person, form, std::nullopt, saved.error().fields, 422);
    }
    transaction.commit();
    return auth::see_other("/people/" + std::to_string(saved->id));
}

http::Response create(const Pages& pages, const http::Request& request, http::Context& context) {
    return save(pages, request, context, std::nullopt);
}

http::Response update(const Pages& pages, const http::Request& request, http::Context& context) {
    auto person = readable_person(context.db(), context.user(), path_id(request));
    if (!person) return missing(request, "person");
    return save(pages, request, context, person);
}

}  // namespace

void add_people_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::register_read);
    // Agency leads hold people.write for their organisation (and register.read with it).
    const auto keepers = Access::needs(Permission::people_write);
    using M = http::Method;
    router.add(route(M::get, "/people", readers, "Search people", pages, list_page));
    router.add(route(M::get, "/people/new", keepers, "The form to add a person", pages, new_form));
    router.add(route(M::post, "/people", keepers, "Add a person", pages, create));
    router.add(route(M::get, "/people/{id}", readers, "One person and their seats", pages, show_person));
    router.add(route(M::get, "/people/{id}/edit", keepers, "The form to change a person", pages, edit_form));
    router.add(route(M::post, "/people/{id}", keepers, "Change a person", pages, update));
}

}  // namespace safeboard::register_::pages
