// Bodies: the list, one body (its members, vacancies, past members and its
// lines to other bodies), the form to add or change one, and adding or
// removing a line.
#include <algorithm>
#include <map>

#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::register_::pages {

namespace {

using access::Permission;
using http::Access;

const std::vector<std::string> form_order{"name",          "short_name", "kind", "partnerships", "meeting_frequency",
                                          "purpose",       "terms_of_reference"};

std::string codes_text(const Body& body) {
    std::string text;
    for (const auto& code : body.partnership_codes) text += (text.empty() ? "" : ", ") + code;
    return text;
}

// ---- the list ----------------------------------------------------------------------------

http::Response list_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto list = list_request(request, context);
    auto kind_text = query_text(request, "kind");
    auto kind = parse_term<BodyKind>(kind_text);
    if (list.bad || (!kind_text.empty() && !kind)) return missing(request, "page of bodies");
    if (kind) {
        list.query.kind = std::string(code_of(*kind));
        list.given.emplace_back("kind", list.query.kind.value());
    }
    auto page = paged(list_bodies(db, list.query));
    data rows{data::type::list};
    for (const auto& body : page.rows) {
        data row;
        row.set("id", std::to_string(body.id));
        row.set("name", named(body.name, body.short_name));
        row.set("kind", std::string(label_of(body.kind)));
        row.set("partnerships", codes_text(body));
        row.set("frequency", body.meeting_frequency);
        rows.push_back(row);
    }
    data values;
    values.set("rows", rows);
    values.set("has_rows", !page.rows.empty());
    values.set("caption", list.query.after ? "More bodies" : "Bodies you can see");
    auto chosen = list.query.partnership ? std::to_string(*list.query.partnership) : std::string();
    values.set("partnership_field", partnership_filter(db, list.query.reach, list.query.partnership));
    values.set("q_field", field("q", "Name", list.query.text, {}));
    auto kinds = vocabulary_choices<BodyKind>();
    kinds.insert(kinds.begin(), Choice{"", "Any kind", {}});
    values.set("kind_field", choice_field("kind", "Kind of body", kinds, {list.query.kind.value_or("")}, {}));
    set_list_values(values, list, page.next, "/bodies", ImportKind::bodies);
    if (!writable(context.user()).empty()) values.set("add_link", link("/bodies/new", {{"partnership", chosen}}));
    return render(pages, context, "register/pages/bodies", std::move(values), "Bodies", 200,
                  list.query.partnership ? "/partnerships/" + std::to_string(*list.query.partnership) : "/register");
}

// ---- one body --------------------------------------------------------------------------------

std::string holder(const Membership& seat) {
    if (!seat.person_name.empty()) return seat.person_name;
    if (seat.vacant()) return "Vacant – " + seat.vacancy;
    return "No person named";
}

// Who holds a seat, in a sentence: the person and where they are from.
std::string who_holds(const Membership& seat) {
    if (!seat.person_name.empty()) {
        return seat.organisation_name.empty() ? seat.person_name : seat.person_name + ", " + seat.organisation_name;
    }
    if (seat.vacant()) return holder(seat);
    return seat.organisation_name + ", no person named";
}

data seat_row(const Membership& seat) {
    data row;
    row.set("membership_id", std::to_string(seat.id));
    row.set("seat_title", seat.seat_title);
    row.set("role", std::string(label_of(seat.role)));
    row.set("leader", seat.role == SeatRole::chair || seat.role == SeatRole::vice_chair);
    row.set("organisation", text(seat.organisation_name));
    row.set("holder", holder(seat));
    row.set("wording", seat.vacancy);
    row.set("starts_on", seat.starts_on.value_or(""));
    row.set("ends_on", seat.ends_on.value_or(""));
    return row;
}

void set_members(data& values, const std::vector<Membership>& seats) {
    auto on = today_utc();
    data members{data::type::list}, past{data::type::list}, vacancies{data::type::list}, leaders{data::type::list};
    for (const auto& seat : seats) {
        if (seat.ended_by(on)) {
            past.push_back(seat_row(seat));
            continue;
        }
        members.push_back(seat_row(seat));
        if (seat.vacant()) vacancies.push_back(seat_row(seat));
        if (seat.role == SeatRole::chair || seat.role == SeatRole::vice_chair) {
            data leader;
            leader.set("role", std::string(label_of(seat.role)));
            leader.set("holder", seat.seat_title + " – " + who_holds(seat));
            leaders.push_back(leader);
        }
    }
    values.set("has_members", !members.is_empty_list());
    values.set("members", members);
    values.set("has_past", !past.is_empty_list());
    values.set("past", past);
    values.set("has_vacancies", !vacancies.is_empty_list());
    values.set("vacancies", vacancies);
    values.set("has_leaders", !leaders.is_empty_list());
    values.set("leaders", leaders);
}

data relation_rows(db::Connection& db, const Body& body, const access::ScopeFilter& reach) {
    data rows{data::type::list};
    for (const auto& relation : relations_of(db, body.id)) {
        bool outgoing = relation.from_body_id == body.id;
        auto other_id = outgoing ? relation.to_body_id : relation.from_body_id;
        auto other = find_body(db, other_id);
        data row;
        row.set("relation_id", std::to_string(relation.id));
        row.set("words", std::string(outgoing ? label_of(relation.kind) : inverse_label(relation.kind)));
        row.set("other", outgoing ? relation.to_body_name : relation.from_body_name);
        row.set("other_link", text(other && may_read(*other, reach) ? "/bodies/" + std::to_string(other_id) : ""));
        rows.push_back(row);
    }
    return rows;
}

// The bodies a line may go to: those of the body's partnerships that the user can see.
std::vector<Choice> other_bodies(db::Connection& db, const Body& body, const access::ScopeFilter& reach) {
    std::map<std::pair<std::string, std::int64_t>, std::string> sorted;
    for (auto partnership : body.partnership_ids) {
        if (!reach.allows(partnership)) continue;
        ListQuery query;
        query.reach = reach;
        query.partnership = partnership;
        for (const auto& other : all_bodies(db, query, choice_limit)) {
            if (other.id != body.id) sorted[{detail::name_key(other.name), other.id}] = named(other.name, other.short_name);
        }
    }
    std::vector<Choice> choices{{"", "Choose a body", {}}};
    for (const auto& [key, label] : sorted) choices.push_back({std::to_string(key.second), label, {}});
    return choices;
}

struct LineForm {
    std::string kind = "reports_to";
    std::string other;
};

http::Response body_page(const Pages& pages, http::Context& context, const Body& body, const LineForm& line,
                         Errors errors, unsigned status) {
    auto& db = context.db();
    auto reach = readable(db, context.user());
    data values;
    values.set("id", std::to_string(body.id));
    values.set("name", body.name);
    values.set("kind", std::string(label_of(body.kind)));
    bool editable = may_edit(context.user(), body);
    values.set("editable", editable);
    data details{data::type::list};
    details.push_back(detail_row("Short name", body.short_name));
    std::string partnerships;
    for (auto id : body.partnership_ids) {
        if (auto partnership = find_partnership(db, id)) partnerships += (partnerships.empty() ? "" : ", ") + partnership->name;
    }
    details.push_back(detail_row("Partnerships", partnerships));
    details.push_back(detail_row("Meets", body.meeting_frequency));
    values.set("details", details);
    values.set("purpose", paragraphs(body.purpose));
    values.set("terms", paragraphs(body.terms_of_reference));
    set_members(values, memberships_of_body(db, body.id));
    auto relations = relation_rows(db, body, reach);
    values.set("has_relations", !relations.is_empty_list());
    values.set("relations", relations);
    if (editable) {
        std::vector<Choice> kinds;
        for (const auto& term : relation_kinds()) kinds.push_back({std::string(term.code), std::string(term.label), {}});
        values.set("f_kind", choice_field("kind", "Line from " + body.name, kinds, {line.kind}, errors));
        values.set("f_other", choice_field("other", "To", other_bodies(db, body, reach), {line.other}, errors));
    }
    if (!errors.empty()) set_form_errors(values, std::move(errors), {"kind", "other"});
    return render(pages, context, "register/pages/body", std::move(values), body.name, status, "/bodies");
}

http::Response show_body(const Pages& pages, const http::Request& request, http::Context& context) {
    auto body = readable_body(context.db(), context.user(), path_id(request));
    if (!body) return missing(request, "body");
    return body_page(pages, context, *body, {}, {}, 200);
}

// ---- lines between bodies --------------------------------------------------------------------

http::Response add_line(const Pages& pages, const http::Request& request, http::Context& context) {
    auto body = readable_body(context.db(), context.user(), path_id(request));
    if (!body) return missing(request, "body");
    auto& db = context.db();
    if (!may_edit(context.user(), *body)) return auth::refuse(request, context, "register.write is not held for this body");
    auto posted = http::form_fields(request);
    LineForm line{auth::form_text(posted, "kind"), auth::form_text(posted, "other")};
    db::Transaction transaction(db);
    auto saved = save_body_line(db, body->id, {{"kind", line.kind}, {"other", line.other}}, readable(db, context.user()),
                                auth::actor_of(request, context.user()));
    if (!saved) return body_page(pages, context, *body, line, saved.error().fields, 422);
    transaction.commit();
    return auth::see_other("/bodies/" + std::to_string(body->id) + "#relations");
}

http::Response remove_line(const Pages&, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto id = path_id(request);
    auto relation = id ? find_relation(db, *id) : std::nullopt;
    auto reach = readable(db, context.user());
    std::optional<Body> from = relation ? find_body(db, relation->from_body_id) : std::nullopt;
    std::optional<Body> to = relation ? find_body(db, relation->to_body_id) : std::nullopt;
    bool seen = (from && may_read(*from, reach)) || (to && may_read(*to, reach));
    if (!relation || !seen) return missing(request, "line between bodies");
    bool allowed = (from && may_edit(context.user(), *from)) || (to && may_edit(context.user(), *to));
    if (!allowed) return auth::refuse(request, context, "register.write is not held for either body");
    db::Transaction transaction(db);
    remove_relation(db, relation->id, auth::actor_of(request, context.user()));
    transaction.commit();
    // Back to the page the button was on: either end of the line.
    auto back = auth::parse_id(http::form_field(request, "body").value_or(""));
    auto page = back == relation->to_body_id ? relation->to_body_id : relation->from_body_id;
    return auth::see_other("/bodies/" + std::to_string(page) + "#relations");
}

// ---- the form --------------------------------------------------------------------------------

struct BodyForm {
    std::string name, short_name, kind, meeting_frequency, purpose, terms_of_reference;
    std::set<std::string> partnerships;  // codes ticked
};

BodyForm form_of(const Body& body) {
    return {body.name,    body.short_name, std::string(code_of(body.kind)), body.meeting_frequency,
            body.purpose, body.terms_of_reference,
            std::set<std::string>(body.partnership_codes.begin(), body.partnership_codes.end())};
}

BodyForm form_of(const http::FormFields& fields) {
    auto get = [&](std::string_view name) { return auth::form_text(fields, name); };
    BodyForm form{get("name"), get("short_name"), get("kind"), get("meeting_frequency"), get("purpose"),
                  get("terms_of_reference"), {}};
    for (const auto& [name, value] : fields) {
        if (name == "partnerships") form.partnerships.insert(value);
    }
    return form;
}

// The partnerships of an existing body this user cannot change: saving keeps them.
std::vector<std::string> kept_codes(const access::Principal& user, const std::optional<Body>& body) {
    std::vector<std::string> codes;
    if (!body) return codes;
    auto can_write = writable(user);
    for (std::size_t i = 0; i < body->partnership_ids.size() && i < body->partnership_codes.size(); ++i) {
        if (!can_write.allows(body->partnership_ids[i])) codes.push_back(body->partnership_codes[i]);
    }
    return codes;
}

http::Response form_page(const Pages& pages, http::Context& context, const std::optional<Body>& body,
                         const BodyForm& form, Errors errors, unsigned status) {
    auto& db = context.db();
    bool editing = body.has_value();
    auto title = editing ? "Change " + body->name : std::string("Add a body");
    auto back = editing ? "/bodies/" + std::to_string(body->id) : std::string("/bodies");
    data values;
    values.set("heading", title);
    values.set("action", editing ? "/bodies/" + std::to_string(body->id) : "/bodies");
    values.set("cancel_link", back);
    values.set("button", editing ? "Save changes" : "Add body");
    values.set("f_name", field("name", "Name", form.name, errors));
    auto short_name = field("short_name", "Short name (optional)", form.short_name, errors, "For example, ESCB");
    short_name.set("width", "govuk-input--width-10");
    values.set("f_short_name", short_name);
    values.set("f_kind", choice_field("kind", "Kind of body", vocabulary_choices<BodyKind>(), {form.kind}, errors));
    std::vector<Choice> partnerships;
    for (const auto& partnership : partnerships_in(db, writable(context.user()))) {
        partnerships.push_back({partnership.code, partnership.name, {}});
    }
    std::string kept;
    for (const auto& code : kept_codes(context.user(), body)) kept += (kept.empty() ? "" : ", ") + code;
    values.set("f_partnerships",
               choice_field("partnerships", "Partnerships", partnerships, form.partnerships, errors,
                            kept.empty() ? "Select all the partnerships this body belongs to"
                                         : "It also belongs to " + kept + ", which you cannot change"));
    values.set("f_meeting_frequency", field("meeting_frequency", "How often it meets (optional)", form.meeting_frequency,
                                            errors, "For example, 4 times a year"));
    values.set("f_purpose", field("purpose", "Purpose (optional)", form.purpose, errors));
    auto terms = field("terms_of_reference", "Terms of reference (optional)", form.terms_of_reference, errors,
                       "Leave a blank line between paragraphs");
    terms.set("rows", "10");
    values.set("f_terms_of_reference", terms);
    if (!errors.empty()) set_form_errors(values, std::move(errors), form_order);
    return render(pages, context, "register/pages/body_form", std::move(values), title, status, back);
}

http::Response new_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto can_write = writable(context.user());
    if (can_write.empty()) return auth::refuse(request, context, "register.write is not held in any partnership");
    auto asked = query_id(request, "partnership");
    if (asked.bad) return missing(request, "partnership");
    BodyForm form;
    if (auto partnership = partnership_in(db, can_write, asked.id)) form.partnerships.insert(partnership->code);
    return form_page(pages, context, std::nullopt, form, {}, 200);
}

http::Response edit_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto body = readable_body(context.db(), context.user(), path_id(request));
    if (!body) return missing(request, "body");
    if (!may_edit(context.user(), *body)) {
        return auth::refuse(request, context, "register.write is not held for this body");
    }
    return form_page(pages, context, body, form_of(*body), {}, 200);
}

http::Response save(const Pages& pages, const http::Request& request, http::Context& context,
                    const std::optional<Body>& body) {
    auto& db = context.db();
    auto form = form_of(http::form_fields(request));
    auto allowed = partnerships_in(db, writable(context.user()));
    if (allowed.empty()) return auth::refuse(request, context, "register.write is not held in any partnership");
    Errors errors;
    std::vector<std::string> codes;
    std::optional<std::int64_t> first;
    for (const auto& partnership : allowed) {
        if (!form.partnerships.contains(partnership.code)) continue;
        codes.push_back(partnership.code);
        if (!first) first = partnership.id;
    }
    if (codes.size() != form.partnerships.size()) {
        errors.push_back({"partnerships", "Choose partnerships from the list"});
    } else if (codes.empty()) {
        errors.push_back({"partnerships", "Select at least one partnership"});
    }
    auto kept = kept_codes(context.user(), body);
    codes.insert(codes.end(), kept.begin(), kept.end());
    std::string cell;
    for (const auto& code : codes) cell += (cell.empty() ? "" : ";") + code;
    Fields fields{{"name", form.name},
                  {"short_name", form.short_name},
                  {"kind", form.kind},
                  {"partnerships", cell},
                  {"purpose", form.purpose},
                  {"terms_of_reference", form.terms_of_reference},
                  {"meeting_frequency", form.meeting_frequency}};
    Target how;
    if (body) how = {Target::Mode::id, body->id};
    // Saved inside a transaction that is committed only when every field is
    // good, so one answer names every problem and a bad form writes nothing.
    db::Transaction transaction(db);
    auto saved = save_body(db, fields, first.value_or(allowed.front().id), how, auth::actor_of(request, context.user()));
    if (!saved && saved.error().fields.empty()) return http::problem(saved.error(), request);
    if (!saved) errors.insert(errors.end(), saved.error().fields.begin(), saved.error().fields.end());
    if (!errors.empty()) return form_page(pages, context, body, form, std::move(errors), 422);
    transaction.commit();
    return auth::see_other("/bodies/" + std::to_string(saved->id));
}

http::Response create(const Pages& pages, const http::Request& request, http::Context& context) {
    return save(pages, request, context, std::nullopt);
}

http::Response update(const Pages& pages, const http::Request& request, http::Context& context) {
    auto body = readable_body(context.db(), context.user(), path_id(request));
    if (!body) return missing(request, "body");
    if (!may_edit(context.user(), *body)) {
        return auth::refuse(request, context, "register.write is not held for this body");
    }
    return save(pages, request, context, body);
}

}  // namespace

void add_body_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::register_read);
    const auto writers = Access::needs(Permission::register_write);
    using M = http::Method;
    router.add(route(M::get, "/bodies", readers, "Search bodies", pages, list_page));
    router.add(route(M::get, "/bodies/new", writers, "The form to add a body", pages, new_form));
    router.add(route(M::post, "/bodies", writers, "Add a body", pages, create));
    router.add(route(M::get, "/bodies/{id}", readers, "One body: members, vacancies and lines", pages, show_body));
    router.add(route(M::get, "/bodies/{id}/edit", writers, "The form to change a body", pages, edit_form));
    router.add(route(M::post, "/bodies/{id}", writers, "Change a body", pages, update));
    router.add(route(M::post, "/bodies/{id}/relations", writers, "Add a line from a body to another", pages, add_line));
    router.add(route(M::post, "/relations/{id}/remove", writers, "Remove a line between bodies", pages, remove_line));
}

}  // namespace safeboard::register_::pages
