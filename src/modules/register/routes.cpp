// The register's API under /api/v1: lists with filters and keyset pages,
// single records, and writes that take JSON objects with the import's
// column names (so a script writes what a spreadsheet would) and answer 422
// problem+json listing every field error.
#include <charconv>

#include <boost/json.hpp>

#include "modules/register/import.hpp"
#include "modules/register/module.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"
#include "modules/register/rules.hpp"
#include "modules/register/store.hpp"
#include "modules/register/vocabulary.hpp"
#include "platform/api/import_answer.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/api/json_values.hpp"
#include "platform/api/pagination.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/text.hpp"
#include "platform/http/problem.hpp"

SAFEBOARD_EMBEDDED_TABLE(register_migrations)

namespace safeboard::register_ {

namespace json = boost::json;
using access::Permission;
using http::Request;
using http::Response;

namespace {

using api::id_json;
using api::optional_json;

json::object to_json(const Partnership& p) {
    return {{"id", std::to_string(p.id)}, {"code", p.code}, {"name", p.name}};
}

json::object to_json(const Organisation& o) {
    json::array partnerships;
    for (const auto& s : o.partnerships) {
        json::array areas;
        for (const auto& area : s.lead_areas) areas.emplace_back(area);
        partnerships.push_back(json::object{{"partnership", std::to_string(s.partnership_id)},
                                            {"code", s.partnership_code},
                                            {"statutory_partner", s.statutory_partner},
                                            {"relevant_agency", s.relevant_agency},
                                            {"lead_areas", std::move(areas)}});
    }
    return {{"id", std::to_string(o.id)},       {"name", o.name},
            {"short_name", o.short_name},       {"sector", code_of(o.sector)},
            {"parent", id_json(o.parent_id)},   {"parent_name", o.parent_name},
            {"active_from", optional_json(o.active_from)}, {"active_to", optional_json(o.active_to)},
            {"partnerships", std::move(partnerships)}};
}

json::object to_json(const Person& p) {
    return {{"id", std::to_string(p.id)}, {"name", p.name}, {"job_title", p.job_title},
            {"organisation", id_json(p.organisation_id)}, {"organisation_name", p.organisation_name},
            {"email", p.email}, {"phone", p.phone}};
}

json::object to_json(const Body& b) {
    json::array partnerships;
    for (auto id : b.partnership_ids) partnerships.emplace_back(std::to_string(id));
    json::array codes;
    for (const auto& code : b.partnership_codes) codes.emplace_back(code);
    return {{"id", std::to_string(b.id)}, {"name", b.name}, {"short_name", b.short_name},
            {"kind", code_of(b.kind)}, {"purpose", b.purpose}, {"terms_of_reference", b.terms_of_reference},
            {"meeting_frequency", b.meeting_frequency}, {"partnerships", std::move(partnerships)},
            {"partnership_codes", std::move(codes)}};
}

json::object to_json(const Membership& m) {
    return {{"id", std::to_string(m.id)}, {"body", std::to_string(m.body_id)}, {"body_name", m.body_name},
            {"seat_title", m.seat_title}, {"role", code_of(m.role)},
            {"organisation", id_json(m.organisation_id)}, {"organisation_name", m.organisation_name},
            {"person", id_json(m.person_id)}, {"person_name", m.person_name},
            {"vacant", m.vacant()}, {"vacancy", m.vacancy},
            {"starts_on", optional_json(m.starts_on)}, {"ends_on", optional_json(m.ends_on)}};
}

json::object to_json(const Relation& r) {
    return {{"id", std::to_string(r.id)}, {"from", std::to_string(r.from_body_id)}, {"from_name", r.from_body_name},
            {"kind", code_of(r.kind)}, {"to", std::to_string(r.to_body_id)}, {"to_name", r.to_body_name}};
}

std::optional<std::int64_t> id_param(const Request& request, std::string_view name = "id") {
    return auth::parse_id(request.path_param(name));
}

// ---- list queries ------------------------------------------------------------------------

// The list query from ?partnership=&q=&...&limit=&cursor=, every problem at once.
Result<ListQuery> list_query(const Request& request, http::Context& context) {
    ListQuery query;
    std::vector<FieldError> errors;
    auto page = api::page_request(request);
    if (!page) {
        errors = page.error().fields;
    } else {
        query.limit = page->limit + 1;
        if (page->after) {
            query.after = decode_key(*page->after);
            if (!query.after) errors.push_back({"cursor", "is not a cursor this list issued"});
        }
    }
    if (auto p = request.query_param("partnership")) {
        query.partnership = auth::parse_id(*p);
        if (!query.partnership) errors.push_back({"partnership", "must be a partnership id"});
    }
    if (auto o = request.query_param("organisation")) {
        query.organisation = auth::parse_id(*o);
        if (!query.organisation) errors.push_back({"organisation", "must be an organisation id"});
    }
    query.text = request.query_param("q").value_or("");
    if (auto sector = request.query_param("sector")) {
        if (auto parsed = parse_term<Sector>(*sector)) query.sector = std::string(code_of(*parsed));
        else errors.push_back({"sector", "must be one of: " + codes_list<Sector>()});
    }
    if (auto kind = request.query_param("kind")) {
        if (auto parsed = parse_term<BodyKind>(*kind)) query.kind = std::string(code_of(*parsed));
        else errors.push_back({"kind", "must be one of: " + codes_list<BodyKind>()});
    }
    for (auto [name, target] : {std::pair{"statutory_partner", &query.statutory_partner},
                                std::pair{"relevant_agency", &query.relevant_agency}}) {
        if (auto value = request.query_param(name)) {
            auto parsed = parse_yes_no(*value);
            if (!parsed || value->empty()) errors.push_back({name, "must be true or false"});
            else *target = *parsed;
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    query.reach = readable(context.db(), context.user());
    return query;
}

template <typename Record>
Response list_response(std::vector<Record> rows, const ListQuery& query) {
    std::optional<std::string> more;
    api::PageRequest page{query.limit - 1, std::nullopt};
    if (rows.size() > static_cast<std::size_t>(page.limit)) {
        rows.pop_back();
        more = encode_key(key_after(rows.back().name, rows.back().id));
    }
    json::array items;
    for (const auto& row : rows) items.push_back(to_json(row));
    return Response::json(api::list_body(std::move(items), page, more));
}

const std::vector<http::QueryDoc>& common_filters() {
    static const std::vector<http::QueryDoc> docs{{"partnership", "Only records of this partnership (id)"},
                                                  {"q", "Text in the name or short name"}};
    return docs;
}

// ---- JSON bodies -----------------------------------------------------------------------------

using api::fields_from;

// The partnership a write is for: "partnership" in the body (an id); it must
// exist, and the user must be able to write in it.
Result<std::int64_t> partnership_of(http::Context& context, Fields& fields) {
    auto text = fields["partnership"];
    fields.erase("partnership");
    auto id = auth::parse_id(text);
    if (!id || !find_partnership(context.db(), *id)) {
        return invalid({{"partnership", text.empty() ? "Enter the partnership (its id)" : "There is no partnership " + text}});
    }
    if (!writable(context.user()).allows(*id)) {
        return fail(ErrorKind::forbidden, "You cannot change the register of partnership " + text);
    }
    return *id;
}

// A failed request: a refusal is audited; anything else is a problem as it is.
Response failed(const Request& request, http::Context& context, const Error& error) {
    if (error.kind == ErrorKind::forbidden) return auth::refuse(request, context, error.message);
    return http::problem(error, request);
}

// Runs a save in a write transaction; 201/200 with the record (show(id)), or the problem.
template <typename Save, typename Show>
Response write(const Request& request, http::Context& context, Save save, Show show, bool creating) {
    Result<SaveResult> result;
    {
        db::Transaction transaction(context.db());
        result = save();
        if (result) transaction.commit();
    }
    if (!result) return failed(request, context, result.error());
    return Response::json(show(result->id), creating && result->saved == Saved::created ? 201 : 200);
}

// ---- partnerships ---------------------------------------------------------------------------

Response list_partnership_records(const Request& request, http::Context& context) {
    auto page = api::page_request(request);
    if (!page) return http::problem(page.error(), request);
    std::optional<std::int64_t> after;
    if (page->after) {
        after = auth::parse_id(*page->after);
        if (!after) return http::problem(422, "The cursor is not valid", request, {{"cursor", "is not a cursor this list issued"}});
    }
    auto rows = list_partnerships(context.db(), page->limit + 1, after, readable(context.db(), context.user()));
    std::optional<std::string> more;
    if (rows.size() > static_cast<std::size_t>(page->limit)) {
        rows.pop_back();
        more = std::to_string(rows.back().id);
    }
    json::array items;
    for (const auto& p : rows) items.push_back(to_json(p));
    return Response::json(api::list_body(std::move(items), *page, more));
}

Response show_partnership(const Request& request, http::Context& context) {
    auto found = readable_partnership(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no partnership " + request.path_param("id"), request);
    return Response::json(to_json(*found));
}

// ---- organisations ---------------------------------------------------------------------------

Response list_organisation_records(const Request& request, http::Context& context) {
    auto query = list_query(request, context);
    if (!query) return http::problem(query.error(), request);
    return list_response(list_organisations(context.db(), *query), *query);
}

Response show_organisation(const Request& request, http::Context& context) {
    auto found = readable_organisation(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no organisation " + request.path_param("id"), request);
    return Response::json(to_json(*found));
}

json::value organisation_json(http::Context& context, std::int64_t id) {
    return to_json(*find_organisation(context.db(), id));
}

Response create_organisation_record(const Request& request, http::Context& context) {
    auto fields = fields_from(request, organisation_columns(), {"partnership"});
    if (!fields) return http::problem(fields.error(), request);
    auto partnership = partnership_of(context, *fields);
    if (!partnership) return failed(request, context, partnership.error());
    auto actor = auth::actor_of(request, context.user());
    return write(request, context, [&] {
        return save_organisation(context.db(), *fields, *partnership, {Target::Mode::create, 0}, actor);
    }, [&](std::int64_t id) { return organisation_json(context, id); }, true);
}

// PATCH: the fields given replace those of the record; the flags and lead
// areas are for the partnership named (or the record's first one the user may change).
Response update_organisation_record(const Request& request, http::Context& context) {
    auto found = readable_organisation(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no organisation " + request.path_param("id"), request);
    if (!may_edit(context.user(), *found)) {
        return auth::refuse(request, context, "You cannot change organisation " + request.path_param("id"));
    }
    auto given = fields_from(request, organisation_columns(), {"partnership"});
    if (!given) return http::problem(given.error(), request);
    std::int64_t partnership = 0;
    auto reach = writable(context.user());
    for (const auto& s : found->partnerships) {
        if (!partnership && reach.allows(s.partnership_id)) partnership = s.partnership_id;
    }
    if (given->contains("partnership")) {
        auto chosen = partnership_of(context, *given);
        if (!chosen) return failed(request, context, chosen.error());
        partnership = *chosen;
    }
    auto fields = fields_of(*found, partnership);
    for (const auto& [name, value] : *given) fields[name] = value;
    auto actor = auth::actor_of(request, context.user());
    return write(request, context, [&] {
        return save_organisation(context.db(), fields, partnership, {Target::Mode::id, found->id}, actor);
    }, [&](std::int64_t id) { return organisation_json(context, id); }, false);
}

// ---- people ------------------------------------------------------------------------------------

Response list_people_records(const Request& request, http::Context& context) {
    auto query = list_query(request, context);
    if (!query) return http::problem(query.error(), request);
    return list_response(list_people(context.db(), *query), *query);
}

Response show_person(const Request& request, http::Context& context) {
    auto found = readable_person(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no person " + request.path_param("id"), request);
    return Response::json(to_json(*found));
}

// The organisation a person's fields name, if it resolves (the rules report it otherwise).
std::optional<std::int64_t> named_organisation(http::Context& context, const Fields& fields) {
    auto it = fields.find("organisation");
    if (it == fields.end() || trim(it->second).empty()) return std::nullopt;
    auto found = find_organisations_named(context.db(), it->second);
    if (found.size() != 1) return std::nullopt;
    return found.front().id;
}

Response save_person_record(const Request& request, http::Context& context, std::optional<Person> existing) {
    auto given = fields_from(request, person_columns());
    if (!given) return http::problem(given.error(), request);
    auto fields = existing ? fields_of(*existing) : Fields{};
    for (const auto& [name, value] : *given) fields[name] = value;
    // An agency lead may keep only their own organisation's people: both where the person is and where they go.
    auto target_organisation = named_organisation(context, fields);
    if ((existing && !may_edit_person(context.db(), context.user(), existing->organisation_id)) ||
        !may_edit_person(context.db(), context.user(), target_organisation)) {
        return auth::refuse(request, context, "You cannot change the people of that organisation");
    }
    auto actor = auth::actor_of(request, context.user());
    Target target = existing ? Target{Target::Mode::id, existing->id} : Target{Target::Mode::create, 0};
    return write(request, context, [&] { return save_person(context.db(), fields, target, actor); },
                 [&](std::int64_t id) { return json::value(to_json(*find_person(context.db(), id))); },
                 !existing);
}

Response create_person_record(const Request& request, http::Context& context) {
    return save_person_record(request, context, std::nullopt);
}

Response update_person_record(const Request& request, http::Context& context) {
    auto found = readable_person(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no person " + request.path_param("id"), request);
    return save_person_record(request, context, found);
}

// ---- bodies ----------------------------------------------------------------------------------

Response list_body_records(const Request& request, http::Context& context) {
    auto query = list_query(request, context);
    if (!query) return http::problem(query.error(), request);
    return list_response(list_bodies(context.db(), *query), *query);
}

Response show_body(const Request& request, http::Context& context) {
    auto found = readable_body(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no body " + request.path_param("id"), request);
    return Response::json(to_json(*found));
}

json::value body_json(http::Context& context, std::int64_t id) { return to_json(*find_body(context.db(), id)); }

Response create_body_record(const Request& request, http::Context& context) {
    auto fields = fields_from(request, body_columns(), {"partnership"});
    if (!fields) return http::problem(fields.error(), request);
    auto partnership = partnership_of(context, *fields);
    if (!partnership) return failed(request, context, partnership.error());
    auto actor = auth::actor_of(request, context.user());
    return write(request, context, [&]() -> Result<SaveResult> {
        auto saved = save_body(context.db(), *fields, *partnership, {Target::Mode::create, 0}, actor);
        if (!saved) return saved;
        auto lines = save_body_relations(context.db(), saved->id, *fields, readable(context.db(), context.user()), actor);
        if (!lines) return std::unexpected(lines.error());
        return saved;
    }, [&](std::int64_t id) { return body_json(context, id); }, true);
}

Response update_body_record(const Request& request, http::Context& context) {
    auto found = readable_body(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no body " + request.path_param("id"), request);
    if (!may_edit(context.user(), *found)) {
        return auth::refuse(request, context, "You cannot change body " + request.path_param("id"));
    }
    auto given = fields_from(request, body_columns());
    if (!given) return http::problem(given.error(), request);
    std::vector<Partnership> all = list_partnerships(context.db(), 1000, std::nullopt, {true, {}});
    auto home = found->partnership_ids.front();
    auto fields = fields_of(*found, {}, home, all);
    for (const auto& [name, value] : *given) fields[name] = value;
    auto actor = auth::actor_of(request, context.user());
    return write(request, context, [&]() -> Result<SaveResult> {
        auto saved = save_body(context.db(), fields, home, {Target::Mode::id, found->id}, actor);
        if (!saved) return saved;
        auto lines = save_body_relations(context.db(), saved->id, *given, readable(context.db(), context.user()), actor);
        if (!lines) return std::unexpected(lines.error());
        return saved;
    }, [&](std::int64_t id) { return body_json(context, id); }, false);
}

Response list_members(const Request& request, http::Context& context) {
    auto found = readable_body(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no body " + request.path_param("id"), request);
    auto on = request.query_param("current_on");
    std::optional<std::string> day;
    if (on) {
        day = parse_day(*on);
        if (!day) return http::problem(422, "The date is not valid", request, {{"current_on", "must be a date like 2020-06-29"}});
    }
    json::array items;
    for (const auto& m : memberships_of_body(context.db(), found->id)) {
        if (!day || m.current_on(*day)) items.push_back(to_json(m));
    }
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

Response add_member(const Request& request, http::Context& context) {
    auto found = readable_body(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no body " + request.path_param("id"), request);
    if (!may_edit(context.user(), *found)) {
        return auth::refuse(request, context, "You cannot change the members of body " + request.path_param("id"));
    }
    auto fields = fields_from(request, membership_columns());
    if (!fields) return http::problem(fields.error(), request);
    (*fields)["body"] = found->name;
    auto actor = auth::actor_of(request, context.user());
    return write(request, context, [&] {
        return save_membership(context.db(), *fields, found->partnership_ids.front(), {Target::Mode::create, 0},
                               readable(context.db(), context.user()), actor);
    }, [&](std::int64_t id) { return json::value(to_json(*find_membership(context.db(), id))); }, true);
}

Response end_member(const Request& request, http::Context& context) {
    auto membership = find_membership(context.db(), id_param(request).value_or(0));
    auto body = membership ? readable_body(context.db(), context.user(), membership->body_id) : std::nullopt;
    if (!body) return http::problem(404, "There is no membership " + request.path_param("id"), request);
    if (!may_edit(context.user(), *body)) {
        return auth::refuse(request, context, "You cannot change the members of body " + std::to_string(body->id));
    }
    auto fields = fields_from(request, {"ends_on"});
    if (!fields) return http::problem(fields.error(), request);
    auto actor = auth::actor_of(request, context.user());
    return write(request, context, [&] { return end_membership(context.db(), membership->id, *fields, actor); },
                 [&](std::int64_t id) { return json::value(to_json(*find_membership(context.db(), id))); }, false);
}

Response list_relations(const Request& request, http::Context& context) {
    auto found = readable_body(context.db(), context.user(), id_param(request));
    if (!found) return http::problem(404, "There is no body " + request.path_param("id"), request);
    json::array items;
    for (const auto& r : relations_of(context.db(), found->id)) items.push_back(to_json(r));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

// ---- reports and imports ----------------------------------------------------------------------

Response vacancy_report(const Request& request, http::Context& context) {
    std::vector<FieldError> errors;
    auto partnership = auth::parse_id(request.query_param("partnership").value_or(""));
    if (!partnership) errors.push_back({"partnership", "Enter the partnership (its id)"});
    auto on = request.query_param("on").value_or(today_utc());
    auto day = parse_day(on);
    if (!day) errors.push_back({"on", "must be a date like 2020-06-29"});
    if (!errors.empty()) return http::problem(422, "The report's query has errors", request, errors);
    if (!readable(context.db(), context.user()).allows(*partnership) || !find_partnership(context.db(), *partnership)) {
        return http::problem(404, "There is no partnership " + std::to_string(*partnership), request);
    }
    json::array items;
    for (const auto& m : vacancies(context.db(), *partnership, *day)) {
        auto item = to_json(m);
        item["reason"] = m.vacant() ? m.vacancy : "No person named";
        items.push_back(std::move(item));
    }
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}, {"on", *day}});
}

Response import_records(const Request& request, http::Context& context) {
    auto partnership = id_param(request);
    auto kind = parse_import_kind(request.path_param("kind"));
    if (!partnership || !kind || !readable(context.db(), context.user()).allows(*partnership) ||
        !find_partnership(context.db(), *partnership)) {
        return http::problem(404, "There is no such import", request);
    }
    if (!writable(context.user()).allows(*partnership)) {
        return auth::refuse(request, context, "You cannot change the register of partnership " + std::to_string(*partnership));
    }
    auto report = import_csv(context.db(), *kind, request.body, *partnership, readable(context.db(), context.user()),
                             auth::actor_of(request, context.user()));
    return api::import_answer(report, request);
}

json::object object_schema(std::initializer_list<const char*> strings) {
    json::object properties;
    for (const char* name : strings) properties[name] = json::object{{"type", "string"}};
    return {{"type", "object"}, {"properties", std::move(properties)}};
}

void add_schemas(api::ApiInfo& api) {
    api.schemas["Partnership"] = json::object{
        {"type", "object"},
        {"required", json::array{"id", "code", "name"}},
        {"properties", json::object{{"id", {{"type", "string"}, {"description", "Opaque identifier"}}},
                                    {"code", {{"type", "string"}}},
                                    {"name", {{"type", "string"}}}}}};
    api.schemas["Organisation"] = object_schema({"id", "name", "short_name", "sector", "parent", "parent_name",
                                                 "active_from", "active_to"});
    api.schemas["Organisation"].as_object()["properties"].as_object()["partnerships"] = json::object{{"type", "array"}};
    api.schemas["Person"] = object_schema({"id", "name", "job_title", "organisation", "organisation_name", "email", "phone"});
    api.schemas["Body"] = object_schema({"id", "name", "short_name", "kind", "purpose", "terms_of_reference",
                                         "meeting_frequency"});
    api.schemas["Membership"] = object_schema({"id", "body", "body_name", "seat_title", "role", "organisation",
                                               "organisation_name", "person", "person_name", "vacancy", "starts_on",
                                               "ends_on"});
    api.schemas["Relation"] = object_schema({"id", "from", "from_name", "kind", "to", "to_name"});
    api.schemas["ImportReport"] = json::object{{"type", "object"}};
}

}  // namespace

std::span<const embed::File> migrations() { return embed::tables::register_migrations(); }

void add_routes(http::Router& router, api::ApiInfo& api) {
    using M = http::Method;
    const auto read = http::Access::needs(Permission::register_read);
    const auto write_access = http::Access::needs(Permission::register_write);
    const auto people = http::Access::needs(Permission::people_write);
    add_schemas(api);
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        doc.tag = "register";
        router.add({method, std::move(pattern), std::move(handler), http::Execution::worker, std::move(doc), access});
    };
    auto filters = [](std::vector<http::QueryDoc> more) {
        auto docs = common_filters();
        docs.insert(docs.end(), more.begin(), more.end());
        return docs;
    };
    add(M::get, "/api/v1/partnerships", list_partnership_records,
        {"List the partnerships this instance hosts", "", {}, "Partnership", true}, read);
    add(M::get, "/api/v1/partnerships/{id}", show_partnership, {"One partnership", "", {}, "Partnership", false}, read);
    add(M::get, "/api/v1/organisations", list_organisation_records,
        {"List organisations", "", filters({{"sector", "Only this sector (code)"},
                                            {"statutory_partner", "true: only statutory partners", "boolean"},
                                            {"relevant_agency", "true: only relevant agencies", "boolean"}}),
         "Organisation", true}, read);
    add(M::post, "/api/v1/organisations", create_organisation_record,
        {"Add an organisation (fields as the organisations CSV, plus partnership)", "", {}, "Organisation", false},
        write_access);
    add(M::get, "/api/v1/organisations/{id}", show_organisation, {"One organisation", "", {}, "Organisation", false}, read);
    add(M::patch, "/api/v1/organisations/{id}", update_organisation_record,
        {"Change an organisation (the fields given)", "", {}, "Organisation", false}, write_access);
    add(M::get, "/api/v1/people", list_people_records,
        {"List people", "", filters({{"organisation", "Only people of this organisation (id)"}}), "Person", true}, read);
    add(M::post, "/api/v1/people", create_person_record,
        {"Add a person (fields as the people CSV)", "", {}, "Person", false}, people);
    add(M::get, "/api/v1/people/{id}", show_person, {"One person", "", {}, "Person", false}, read);
    add(M::patch, "/api/v1/people/{id}", update_person_record,
        {"Change a person (the fields given)", "", {}, "Person", false}, people);
    add(M::get, "/api/v1/bodies", list_body_records,
        {"List bodies", "", filters({{"kind", "Only this kind of body (code)"}}), "Body", true}, read);
    add(M::post, "/api/v1/bodies", create_body_record,
        {"Add a body (fields as the bodies CSV, plus partnership)", "", {}, "Body", false}, write_access);
    add(M::get, "/api/v1/bodies/{id}", show_body, {"One body", "", {}, "Body", false}, read);
    add(M::patch, "/api/v1/bodies/{id}", update_body_record,
        {"Change a body (the fields given; relation fields add lines)", "", {}, "Body", false}, write_access);
    add(M::get, "/api/v1/bodies/{id}/members", list_members,
        {"A body's seats, current and past", "", {{"current_on", "Only seats current on this date (YYYY-MM-DD)"}},
         "Membership", true}, read);
    add(M::post, "/api/v1/bodies/{id}/members", add_member,
        {"Add a seat to a body (fields as the memberships CSV)", "", {}, "Membership", false}, write_access);
    add(M::post, "/api/v1/memberships/{id}/end", end_member,
        {"End a membership on a date (ends_on); it stays as history", "", {}, "Membership", false}, write_access);
    add(M::get, "/api/v1/bodies/{id}/relations", list_relations,
        {"The lines from and to a body", "", {}, "Relation", true}, read);
    add(M::get, "/api/v1/reports/vacancies", vacancy_report,
        {"Seats with no person in them, current on a date", "",
         {{"partnership", "The partnership (id)", "string", true}, {"on", "The date (YYYY-MM-DD), today by default"}},
         "Membership", true}, read);
    add(M::post, "/api/v1/partnerships/{id}/imports/{kind}", import_records,
        {"Import a CSV file (the body) of organisations, people, bodies or memberships; all or nothing", "", {},
         "ImportReport", false}, write_access);
}

}  // namespace safeboard::register_
