// Organisations: the list, one organisation, and the form to add or change
// one. What an organisation is to a partnership (statutory partner, relevant
// agency, lead areas) is set for one partnership at a time.
#include <algorithm>
#include <map>
#include <variant>

#include "modules/register/import.hpp"
#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::register_::pages {

namespace {

using access::Permission;
using http::Access;

const std::vector<std::string> form_order{"name",           "short_name", "sector",      "parent",
                                          "statutory_partner", "relevant_agency", "lead_areas", "active_from",
                                          "active_to"};

std::string statuses_text(const Organisation& organisation, const access::ScopeFilter& reach) {
    std::string text;
    for (const auto& status : organisation.partnerships) {
        if (!reach.allows(status.partnership_id)) continue;
        std::string item = status.partnership_code;
        if (status.statutory_partner) item += " (statutory partner)";
        else if (status.relevant_agency) item += " (relevant agency)";
        text += (text.empty() ? "" : ", ") + item;
    }
    return text;
}

// The first partnership the user may change the register in, for links to forms.
std::optional<std::int64_t> first_writable(db::Connection& db, const access::Principal& user,
                                           std::optional<std::int64_t> preferred) {
    auto reach = writable(user);
    if (preferred && reach.allows(*preferred)) return preferred;
    auto all = partnerships_in(db, reach);
    if (all.empty()) return std::nullopt;
    return all.front().id;
}

// ---- the list ----------------------------------------------------------------------------

http::Response list_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto list = list_request(request, context);
    auto sector_text = query_text(request, "sector");
    auto sector = parse_term<Sector>(sector_text);
    if (list.bad || (!sector_text.empty() && !sector)) return missing(request, "page of organisations");
    if (sector) {
        list.query.sector = std::string(code_of(*sector));
        list.given.emplace_back("sector", list.query.sector.value());
    }
    auto page = paged(list_organisations(db, list.query));
    data rows{data::type::list};
    for (const auto& organisation : page.rows) {
        data row;
        row.set("id", std::to_string(organisation.id));
        row.set("name", named(organisation.name, organisation.short_name));
        row.set("sector", std::string(label_of(organisation.sector)));
        row.set("partnerships", statuses_text(organisation, list.query.reach));
        rows.push_back(row);
    }
    data values;
    values.set("rows", rows);
    values.set("has_rows", !page.rows.empty());
    values.set("caption", list.query.after ? "More organisations" : "Organisations you can see");
    values.set("partnership_field", partnership_filter(db, list.query.reach, list.query.partnership));
    auto q = field("q", "Name", list.query.text, {});
    values.set("q_field", q);
    auto sectors = vocabulary_choices<Sector>();
    sectors.insert(sectors.begin(), Choice{"", "Any sector", {}});
    values.set("sector_field", choice_field("sector", "Sector", sectors, {list.query.sector.value_or("")}, {}));
    set_list_values(values, list, page.next, "/organisations", ImportKind::organisations);
    if (auto target = first_writable(db, context.user(), list.query.partnership)) {
        values.set("add_link", "/organisations/new?partnership=" + std::to_string(*target));
    }
    return render(pages, context, "register/pages/organisations", std::move(values), "Organisations", 200,
                  list.query.partnership ? "/partnerships/" + std::to_string(*list.query.partnership) : "/register");
}

// ---- one organisation -----------------------------------------------------------------------

data status_rows(db::Connection& db, const access::Principal& user, const Organisation& organisation,
                 const access::ScopeFilter& reach) {
    auto can_write = writable(user);
    data list{data::type::list};
    for (const auto& status : organisation.partnerships) {
        if (!reach.allows(status.partnership_id)) continue;
        auto partnership = find_partnership(db, status.partnership_id);
        data item;
        item.set("partnership_name", partnership ? partnership->name : status.partnership_code);
        item.set("statutory_partner", status.statutory_partner ? "Yes" : "No");
        item.set("relevant_agency", status.relevant_agency ? "Yes" : "No");
        data areas{data::type::list};
        for (const auto& area : status.lead_areas) areas.push_back(data(area));
        item.set("lead_areas", areas);
        item.set("has_lead_areas", !status.lead_areas.empty());
        item.set("edit_link", text(can_write.allows(status.partnership_id)
                                       ? "/organisations/" + std::to_string(organisation.id) +
                                             "/edit?partnership=" + std::to_string(status.partnership_id)
                                       : ""));
        list.push_back(item);
    }
    return list;
}

data seat_rows(db::Connection& db, const Organisation& organisation, const access::ScopeFilter& reach) {
    auto on = today_utc();
    std::map<std::int64_t, bool> seen;  // body id → readable
    data list{data::type::list};
    for (const auto& seat : memberships_of_organisation(db, organisation.id)) {
        if (seat.ended_by(on)) continue;
        auto known = seen.find(seat.body_id);
        if (known == seen.end()) {
            auto body = find_body(db, seat.body_id);
            known = seen.emplace(seat.body_id, body && may_read(*body, reach)).first;
        }
        if (!known->second) continue;
        data row;
        row.set("body_id", std::to_string(seat.body_id));
        row.set("body", seat.body_name);
        row.set("seat_title", seat.seat_title);
        row.set("role", std::string(label_of(seat.role)));
        row.set("holder", seat.person_name.empty() ? std::string("No person named") : seat.person_name);
        list.push_back(row);
    }
    return list;
}

http::Response show_organisation(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = readable(db, context.user());
    auto organisation = readable_organisation(db, context.user(), path_id(request));
    if (!organisation) return missing(request, "organisation");
    data values;
    values.set("id", std::to_string(organisation->id));
    values.set("name", organisation->name);
    data details{data::type::list};
    details.push_back(detail_row("Short name", organisation->short_name));
    details.push_back(detail_row("Sector", std::string(label_of(organisation->sector))));
    details.push_back(detail_row("Part of", organisation->parent_name,
                             organisation->parent_id ? "/organisations/" + std::to_string(*organisation->parent_id) : ""));
    details.push_back(detail_row("Active from", organisation->active_from.value_or("")));
    details.push_back(detail_row("Active to", organisation->active_to.value_or("")));
    values.set("details", details);
    values.set("statuses", status_rows(db, context.user(), *organisation, reach));

    constexpr int people_shown = 100;
    ListQuery query;
    query.reach = reach;
    query.organisation = organisation->id;
    query.limit = people_shown + 1;
    auto people = list_people(db, query);
    values.set("more_people", people.size() > static_cast<std::size_t>(people_shown));
    if (people.size() > static_cast<std::size_t>(people_shown)) people.resize(people_shown);
    data people_rows{data::type::list};
    for (const auto& person : people) {
        data row;
        row.set("id", std::to_string(person.id));
        row.set("name", person.name);
        row.set("job_title", text(person.job_title));
        people_rows.push_back(row);
    }
    values.set("people", people_rows);
    values.set("has_people", !people.empty());
    if (may_edit_person(db, context.user(), organisation->id)) {
        values.set("add_person_link", "/people/new?organisation=" + std::to_string(organisation->id));
    }
    auto seats = seat_rows(db, *organisation, reach);
    values.set("has_seats", !seats.is_empty_list());
    values.set("seats", seats);
    return render(pages, context, "register/pages/organisation", std::move(values), organisation->name, 200,
                  "/organisations");
}

// ---- the form --------------------------------------------------------------------------------

// What the form shows and sends, as typed.
struct OrganisationForm {
    std::string name, short_name, sector, parent_id, lead_areas, active_from, active_to;
    bool statutory_partner = false;
    bool relevant_agency = false;
};

OrganisationForm form_of(const Organisation& organisation, std::int64_t partnership_id) {
    OrganisationForm form{organisation.name,
                          organisation.short_name,
                          std::string(code_of(organisation.sector)),
                          organisation.parent_id ? std::to_string(*organisation.parent_id) : "",
                          "",
                          organisation.active_from.value_or(""),
                          organisation.active_to.value_or("")};
    for (const auto& status : organisation.partnerships) {
        if (status.partnership_id != partnership_id) continue;
        form.statutory_partner = status.statutory_partner;
        form.relevant_agency = status.relevant_agency;
        for (const auto& area : status.lead_areas) form.lead_areas += (form.lead_areas.empty() ? "" : "\n") + area;
    }
    return form;
}

OrganisationForm form_of(const http::FormFields& fields) {
    auto get = [&](std::string_view name) { return auth::form_text(fields, name); };
    return {get("name"),        get("short_name"),  get("sector"),
            get("parent"),      get("lead_areas"),  get("active_from"),
            get("active_to"),   get("statutory_partner") == "yes", get("relevant_agency") == "yes"};
}

// The lead areas, one a line, as the ";"-separated cell the rules read.
std::string lead_area_cell(std::string lines) {
    std::replace(lines.begin(), lines.end(), '\n', ';');
    std::string cell;
    for (const auto& item : split_list(lines)) cell += (cell.empty() ? "" : ";") + item;
    return cell;
}

struct Editing {
    Partnership partnership;
    std::optional<Organisation> organisation;  // none for a new one
};

data parent_field(db::Connection& db, const OrganisationForm& form, const Editing& target, const Errors& errors) {
    ListQuery query;
    query.reach = access::ScopeFilter{true, {}};
    query.partnership = target.partnership.id;
    std::vector<Choice> choices{{"", "None", {}}};
    bool listed = form.parent_id.empty();
    for (const auto& organisation : all_organisations(db, query, choice_limit)) {
        if (target.organisation && organisation.id == target.organisation->id) continue;
        listed = listed || std::to_string(organisation.id) == form.parent_id;
        choices.push_back({std::to_string(organisation.id), named(organisation.name, organisation.short_name), {}});
    }
    // A parent outside this partnership stays on offer, so saving keeps it.
    if (auto id = auth::parse_id(form.parent_id); !listed && id) {
        if (auto parent = find_organisation(db, *id)) choices.push_back({form.parent_id, parent->name, {}});
    }
    return choice_field("parent", "Part of", choices, {form.parent_id}, errors,
                        "The larger organisation this one belongs to, if any");
}

http::Response form_page(const Pages& pages, http::Context& context, const Editing& target,
                         const OrganisationForm& form, Errors errors, unsigned status) {
    auto& db = context.db();
    data values;
    bool editing = target.organisation.has_value();
    auto pid = std::to_string(target.partnership.id);
    values.set("heading", editing ? "Change " + target.organisation->name : std::string("Add an organisation"));
    values.set("action", editing ? "/organisations/" + std::to_string(target.organisation->id) : "/organisations");
    values.set("cancel_link", editing ? "/organisations/" + std::to_string(target.organisation->id)
                                      : "/organisations?partnership=" + pid);
    values.set("button", editing ? "Save changes" : "Add organisation");
    values.set("partnership_id", pid);
    values.set("partnership_name", target.partnership.name);
    values.set("f_name", field("name", "Name", form.name, errors));
    auto short_name = field("short_name", "Short name (optional)", form.short_name, errors, "For example, ECC");
    short_name.set("width", "govuk-input--width-10");
    values.set("f_short_name", short_name);
    values.set("f_sector", choice_field("sector", "Sector", vocabulary_choices<Sector>(), {form.sector}, errors));
    values.set("f_parent", parent_field(db, form, target, errors));
    values.set("statutory_partner", form.statutory_partner);
    values.set("relevant_agency", form.relevant_agency);
    values.set("f_lead_areas", field("lead_areas", "Lead areas in " + target.partnership.name + " (optional)",
                                     form.lead_areas, errors, "One a line, for example: Child sexual exploitation"));
    auto date = [&](std::string_view id, std::string_view label, const std::string& value) {
        auto input = field(id, label, value, errors, "For example, 2020-06-29 or 29/06/2020");
        input.set("width", "govuk-input--width-10");
        return input;
    };
    values.set("f_active_from", date("active_from", "Active from (optional)", form.active_from));
    values.set("f_active_to", date("active_to", "Active to (optional)", form.active_to));
    if (!errors.empty()) set_form_errors(values, std::move(errors), form_order);
    auto title = editing ? "Change " + target.organisation->name : std::string("Add an organisation");
    return render(pages, context, "register/pages/organisation_form", std::move(values), title, status,
                  editing ? "/organisations/" + std::to_string(target.organisation->id)
                          : "/organisations?partnership=" + pid);
}

// The partnership a form works in: the one asked for, or the first the user
// may change. 404 when it is beyond their reach, 403 when they may only read it.
std::variant<Partnership, http::Response> form_partnership(const http::Request& request, http::Context& context,
                                                           std::optional<std::int64_t> asked,
                                                           const std::optional<Organisation>& organisation) {
    auto& db = context.db();
    auto reach = readable(db, context.user());
    if (!asked && organisation) {
        auto can_write = writable(context.user());
        for (const auto& status : organisation->partnerships) {
            if (can_write.allows(status.partnership_id)) {
                asked = status.partnership_id;
                break;
            }
        }
    }
    if (!asked) asked = first_writable(db, context.user(), std::nullopt);
    if (!asked) return auth::refuse(request, context, "register.write is not held in any partnership");
    auto partnership = partnership_in(db, reach, asked);
    if (!partnership) return missing(request, "partnership");
    if (!writable(context.user()).allows(partnership->id) ||
        (organisation && !may_edit(context.user(), *organisation))) {
        return auth::refuse(request, context, "register.write is not held for partnership " + std::to_string(partnership->id));
    }
    return *partnership;
}

std::variant<Editing, http::Response> form_target(const http::Request& request, http::Context& context,
                                                  std::optional<std::int64_t> asked, bool existing) {
    std::optional<Organisation> organisation;
    if (existing) {
        organisation = readable_organisation(context.db(), context.user(), path_id(request));
        if (!organisation) return missing(request, "organisation");
    }
    auto partnership = form_partnership(request, context, asked, organisation);
    if (auto* refusal = std::get_if<http::Response>(&partnership)) return std::move(*refusal);
    return Editing{std::get<Partnership>(partnership), organisation};
}

http::Response show_form(const Pages& pages, const http::Request& request, http::Context& context, bool existing) {
    auto asked = query_id(request, "partnership");
    if (asked.bad) return missing(request, "partnership");
    auto target = form_target(request, context, asked.id, existing);
    if (auto* refusal = std::get_if<http::Response>(&target)) return std::move(*refusal);
    const auto& found = std::get<Editing>(target);
    auto form = found.organisation ? form_of(*found.organisation, found.partnership.id) : OrganisationForm{};
    return form_page(pages, context, found, form, {}, 200);
}

http::Response save(const Pages& pages, const http::Request& request, http::Context& context, bool existing) {
    auto posted = http::form_fields(request);
    auto asked = auth::parse_id(auth::form_text(posted, "partnership"));
    if (!asked) return missing(request, "partnership");
    auto target = form_target(request, context, asked, existing);
    if (auto* refusal = std::get_if<http::Response>(&target)) return std::move(*refusal);
    const auto& found = std::get<Editing>(target);
    auto& db = context.db();
    auto form = form_of(posted);
    Fields fields{{"name", form.name},
                  {"short_name", form.short_name},
                  {"sector", form.sector},
                  {"statutory_partner", form.statutory_partner ? "yes" : "no"},
                  {"relevant_agency", form.relevant_agency ? "yes" : "no"},
                  {"lead_areas", lead_area_cell(form.lead_areas)},
                  {"active_from", form.active_from},
                  {"active_to", form.active_to}};
    if (!form.parent_id.empty()) {
        auto parent_id = auth::parse_id(form.parent_id);
        auto parent = parent_id ? find_organisation(db, *parent_id) : std::nullopt;
        if (!parent) return form_page(pages, context, found, form, {{"parent", "Choose a parent organisation from the list"}}, 422);
        fields["parent"] = parent->name;
    }
    Target how;
    if (found.organisation) how = {Target::Mode::id, found.organisation->id};
    db::Transaction transaction(db);
    auto saved = save_organisation(db, fields, found.partnership.id, how, auth::actor_of(request, context.user()));
    if (!saved) {
        if (saved.error().fields.empty()) return http::problem(saved.error(), request);
        return form_page(pages, context, found, form, saved.error().fields, 422);
    }
    transaction.commit();
    return auth::see_other("/organisations/" + std::to_string(saved->id));
}

http::Response new_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return show_form(pages, request, context, false);
}
http::Response edit_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return show_form(pages, request, context, true);
}
http::Response create(const Pages& pages, const http::Request& request, http::Context& context) {
    return save(pages, request, context, false);
}
http::Response update(const Pages& pages, const http::Request& request, http::Context& context) {
    return save(pages, request, context, true);
}

}  // namespace

void add_organisation_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::register_read);
    const auto writers = Access::needs(Permission::register_write);
    using M = http::Method;
    router.add(route(M::get, "/organisations", readers, "Search organisations", pages, list_page));
    router.add(route(M::get, "/organisations/new", writers, "The form to add an organisation", pages, new_form));
    router.add(route(M::post, "/organisations", writers, "Add an organisation", pages, create));
    router.add(route(M::get, "/organisations/{id}", readers, "One organisation", pages, show_organisation));
    router.add(route(M::get, "/organisations/{id}/edit", writers, "The form to change an organisation", pages, edit_form));
    router.add(route(M::post, "/organisations/{id}", writers, "Change an organisation", pages, update));
}

}  // namespace safeboard::register_::pages
