// The plans API under /api/v1: plans with their priorities, objectives,
// actions and summary; actions and their progress updates; the
// recommendations register; CSV imports. Writes take JSON objects with the
// import's column names and answer 422 problem+json listing every field error.
#include <boost/json.hpp>

#include "modules/plans/import.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/policy.hpp"
#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/plans/vocabulary.hpp"
#include "platform/api/import_answer.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/api/json_values.hpp"
#include "platform/api/pagination.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::plans {

namespace json = boost::json;
using access::Permission;
using http::Request;
using http::Response;

namespace {

using api::id_json;
using api::optional_json;

json::object party_json(const Party& p) {
    return {{"kind", code_of(p.kind)}, {"id", std::to_string(p.id)}, {"name", p.name}};
}

json::object to_json(const Plan& p) {
    return {{"id", std::to_string(p.id)},         {"partnership", std::to_string(p.partnership_id)},
            {"title", p.title},                   {"starts_on", p.starts_on},
            {"ends_on", p.ends_on},               {"year_starts_month", p.year_starts_month},
            {"previous_plan", id_json(p.previous_plan_id)}, {"reviewed_on", optional_json(p.reviewed_on)}};
}

json::object to_json(const Priority& p) { return {{"id", std::to_string(p.id)}, {"code", p.code}, {"title", p.title}}; }

json::object to_json(const Objective& o) {
    return {{"id", std::to_string(o.id)}, {"number", o.number}, {"title", o.title},
            {"carried_from", id_json(o.carried_from_id)}};
}

json::object to_json(const TimescaleEntry& e) {
    return {{"kind", code_of(e.kind)},
            {"starts_on", e.starts_on.empty() ? json::value(nullptr) : json::value(e.starts_on)},
            {"ends_on", e.ends_on.empty() ? json::value(nullptr) : json::value(e.ends_on)},
            {"from_only", e.from_only},
            {"recurrence", e.recurrence ? json::value(code_of(*e.recurrence)) : json::value(nullptr)},
            {"due_on", optional_json(e.due_on())},
            {"wording", e.wording}};
}

json::object to_json(const Action& a, const std::string& on) {
    json::array entries, responsible, priorities;
    for (const auto& e : a.timescale.entries) entries.push_back(to_json(e));
    for (const auto& p : a.responsible) responsible.push_back(party_json(p));
    for (const auto& code : a.priorities) priorities.emplace_back(code);
    return {{"id", std::to_string(a.id)},
            {"plan", id_json(a.plan_id)},
            {"objective", id_json(a.objective_id)},
            {"recommendation", id_json(a.recommendation_id)},
            {"meeting", id_json(a.meeting_id)},
            {"agenda_item", id_json(a.agenda_item_id)},
            {"number", a.number},
            {"title", a.title},
            {"actions_required", a.required},
            {"outcome_measurement", a.outcome},
            {"timescale", json::object{{"wording", a.timescale.wording}, {"entries", std::move(entries)}}},
            {"target_date", optional_json(a.target_date)},
            {"responsibility", a.responsibility},
            {"responsible", std::move(responsible)},
            {"priorities", std::move(priorities)},
            {"status", code_of(a.status)},
            {"rag", a.rag ? json::value(code_of(*a.rag)) : json::value(nullptr)},
            {"overdue", overdue_on(a, on)},
            {"next_due", optional_json(next_due(a, on))},
            {"operational_lead", id_json(a.operational_lead_id)},
            {"operational_lead_name", a.operational_lead_name},
            {"senior_lead", id_json(a.senior_lead_id)},
            {"senior_lead_name", a.senior_lead_name},
            {"achievement", a.achievement},
            {"issues_for_revised_plan", a.issues_for_revised_plan},
            {"carried_from", id_json(a.carried_from_id)}};
}

json::object to_json(const Update& u) {
    json::array evidence;
    for (const auto& e : u.evidence) {
        evidence.push_back(e.url.empty() ? json::object{{"id", std::to_string(e.id)}, {"filename", e.filename},
                                                        {"content_type", e.content_type}, {"size", e.size}}
                                         : json::object{{"id", std::to_string(e.id)}, {"url", e.url}});
    }
    return {{"id", std::to_string(u.id)},       {"action", std::to_string(u.action_id)},
            {"written_on", u.written_on},       {"author", u.author_name},
            {"narrative", u.narrative},         {"rag", code_of(u.rag)},
            {"status", code_of(u.status)},      {"evidence", std::move(evidence)},
            {"created_at", u.created_at}};
}

json::object to_json(const Recommendation& r) {
    return {{"id", std::to_string(r.id)},
            {"partnership", std::to_string(r.partnership_id)},
            {"source", code_of(r.source)},
            {"source_reference", r.source_reference},
            {"source_title", r.source_title},
            {"source_date", optional_json(r.source_date)},
            {"number", r.number},
            {"recommendation", r.text},
            {"owner", r.owner ? json::value(party_json(*r.owner)) : json::value(nullptr)},
            {"owner_wording", r.owner_wording},
            {"response", r.response},
            {"acceptance", r.acceptance ? json::value(code_of(*r.acceptance)) : json::value(nullptr)},
            {"acceptance_reasons", r.acceptance_reasons},
            {"resource_implications", r.resource_implications},
            {"status", code_of(r.status)}};
}

using auth::missing;

// "body:3", "person:5", "organisation:7".
std::optional<Party> parse_party(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto kind = parse_term<PartyKind>(text.substr(0, colon));
    auto id = auth::parse_id(text.substr(colon + 1));
    if (!kind || !id) return std::nullopt;
    return Party{*kind, *id, {}};
}

// A date in the query (default today), or an error naming it.
std::optional<std::string> query_day(const Request& request, const char* name, std::vector<FieldError>& errors,
                                     bool default_today) {
    auto text = request.query_param(name);
    if (!text) return default_today ? std::optional(today_utc()) : std::nullopt;
    auto day = parse_day(*text);
    if (!day) errors.push_back({name, "must be a date like 2012-03-31"});
    return day;
}

// ?limit= and ?cursor= of a list keyed by id: the page (limit + 1 rows to
// fetch, and the id to start after), or its problems added to `errors`.
api::PageRequest id_page_request(const Request& request, std::optional<std::int64_t>& after, int& fetch,
                                 std::vector<FieldError>& errors) {
    auto page = api::page_request(request);
    if (!page) {
        errors.insert(errors.end(), page.error().fields.begin(), page.error().fields.end());
        return {};
    }
    fetch = page->limit + 1;
    if (page->after) {
        after = auth::parse_id(*page->after);
        if (!after) errors.push_back({"cursor", "is not a cursor this list issued"});
    }
    return *page;
}

// A page of rows keyed by id: the store fetched limit + 1 to tell whether
// there is another page.
template <typename Row>
Response id_page(std::vector<Row> rows, const api::PageRequest& page) {
    std::optional<std::string> more;
    if (rows.size() > static_cast<std::size_t>(page.limit)) {
        rows.pop_back();
        more = std::to_string(rows.back().id);
    }
    json::array items;
    for (const auto& row : rows) items.push_back(to_json(row));
    return Response::json(api::list_body(std::move(items), page, more));
}

// ---- plans ---------------------------------------------------------------------------------

Response list_plan_records(const Request& request, http::Context& context) {
    std::vector<FieldError> errors;
    PlanQuery query;
    query.reach = readable(context.db(), context.user());
    auto page = id_page_request(request, query.after, query.limit, errors);
    if (auto p = request.query_param("partnership")) {
        query.partnership = auth::parse_id(*p);
        if (!query.partnership) errors.push_back({"partnership", "must be a partnership id"});
    }
    if (!errors.empty()) return http::problem(422, "The query has errors", request, errors);
    return id_page(list_plans(context.db(), query), page);
}

Response show_plan(const Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), auth::path_id(request));
    if (!plan) return missing(request, "plan");
    return Response::json(to_json(*plan));
}

Response plan_priorities(const Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), auth::path_id(request));
    if (!plan) return missing(request, "plan");
    json::array items;
    for (const auto& p : priorities_of(context.db(), plan->id)) items.push_back(to_json(p));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

Response plan_objectives(const Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), auth::path_id(request));
    if (!plan) return missing(request, "plan");
    json::array items;
    for (const auto& o : objectives_of(context.db(), plan->id)) items.push_back(to_json(o));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

// The action filters of ?responsible=&status=&priority=&overdue_on=.
Result<ActionQuery> action_query(const Request& request, http::Context& context) {
    ActionQuery query;
    std::vector<FieldError> errors;
    auto page = api::page_request(request);
    if (!page) {
        errors = page.error().fields;  // and go on: every problem is reported at once
    } else {
        query.limit = page->limit + 1;
        if (page->after) {
            query.after = decode_action_key(*page->after);
            if (!query.after) errors.push_back({"cursor", "is not a cursor this list issued"});
        }
    }
    if (auto text = request.query_param("responsible")) {
        query.responsible = parse_party(*text);
        if (!query.responsible) errors.push_back({"responsible", "must be body:<id>, person:<id> or organisation:<id>"});
    }
    if (auto text = request.query_param("status")) {
        query.status = parse_term<Status>(*text);
        if (!query.status) errors.push_back({"status", "must be one of: " + codes_list<Status>()});
    }
    if (auto text = request.query_param("priority")) query.priority = *text;
    query.overdue_on = query_day(request, "overdue_on", errors, false);
    if (!errors.empty()) return invalid(std::move(errors));
    query.reach = readable(context.db(), context.user());
    return query;
}

Response action_list(const Request& request, std::vector<Action> rows, const ActionQuery& query) {
    auto limit = query.limit - 1;
    std::optional<std::string> more;
    if (rows.size() > static_cast<std::size_t>(limit)) {
        rows.pop_back();
        more = encode_action_key(key_of(rows.back()));
    }
    auto on = request.query_param("overdue_on").value_or(today_utc());
    json::array items;
    for (const auto& a : rows) items.push_back(to_json(a, on));
    return Response::json(api::list_body(std::move(items), {limit, std::nullopt}, more));
}

Response plan_actions(const Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), auth::path_id(request));
    if (!plan) return missing(request, "plan");
    auto query = action_query(request, context);
    if (!query) return http::problem(query.error(), request);
    query->plan = plan->id;
    return action_list(request, list_actions(context.db(), *query), *query);
}

Response plan_summary(const Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), auth::path_id(request));
    if (!plan) return missing(request, "plan");
    std::vector<FieldError> errors;
    auto on = query_day(request, "on", errors, true);
    if (!errors.empty()) return http::problem(422, "The query has errors", request, errors);
    ActionQuery query;
    query.reach.everything = true;
    query.plan = plan->id;
    auto actions = all_actions(context.db(), query);
    auto summary = summarise(actions, *on);
    json::object by_status, by_rag;
    for (const auto& term : terms<Status>()) by_status[term.code] = summary.by_status[static_cast<std::size_t>(term.value)];
    for (const auto& term : terms<Rag>()) by_rag[term.code] = summary.by_rag[static_cast<std::size_t>(term.value)];
    by_rag["none"] = summary.no_rag;
    return Response::json(json::object{{"plan", std::to_string(plan->id)}, {"on", *on}, {"total", summary.total},
                                       {"by_status", std::move(by_status)}, {"by_rag", std::move(by_rag)},
                                       {"overdue", summary.overdue}});
}

// ---- actions and updates -----------------------------------------------------------------------

Response show_action(const Request& request, http::Context& context) {
    auto action = readable_action(context.db(), context.user(), auth::path_id(request));
    if (!action) return missing(request, "action");
    return Response::json(to_json(*action, today_utc()));
}

Response action_updates(const Request& request, http::Context& context) {
    auto action = readable_action(context.db(), context.user(), auth::path_id(request));
    if (!action) return missing(request, "action");
    json::array items;
    for (const auto& u : updates_of(context.db(), action->id)) items.push_back(to_json(u));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

Response add_action_update(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto action = readable_action(db, context.user(), auth::path_id(request));
    if (!action) return missing(request, "action");
    if (!may_update(db, context.user(), *action)) {
        return auth::refuse(request, context, "You cannot report progress on action " + std::to_string(action->id));
    }
    auto fields = api::fields_from(request, {"written_on", "narrative", "rag", "status", "links"});
    if (!fields) return http::problem(fields.error(), request);
    if (auto links = fields->find("links"); links != fields->end()) {
        for (auto& c : links->second) c = c == ';' ? '\n' : c;
    }
    Result<SaveResult> saved;
    {
        db::Transaction transaction(db);
        saved = save_update(db, *action, *fields, {}, {context.user().user_id, context.user().name},
                            auth::actor_of(request, context.user()));
        if (saved) transaction.commit();
    }
    if (!saved) return http::problem(saved.error(), request);
    return Response::json(to_json(*find_update(db, saved->id)), 201);
}

// ---- recommendations -----------------------------------------------------------------------------

Response list_recommendation_records(const Request& request, http::Context& context) {
    RecommendationQuery query;
    std::vector<FieldError> errors;
    auto page = id_page_request(request, query.after, query.limit, errors);
    if (auto p = request.query_param("partnership")) {
        query.partnership = auth::parse_id(*p);
        if (!query.partnership) errors.push_back({"partnership", "must be a partnership id"});
    }
    if (auto text = request.query_param("source")) {
        query.source = parse_term<Source>(*text);
        if (!query.source) errors.push_back({"source", "must be one of: " + codes_list<Source>()});
    }
    if (auto text = request.query_param("owner")) {
        query.owner = parse_party(*text);
        if (!query.owner) errors.push_back({"owner", "must be body:<id>, person:<id> or organisation:<id>"});
    }
    if (auto text = request.query_param("status")) {
        query.status = parse_term<Status>(*text);
        if (!query.status) errors.push_back({"status", "must be one of: " + codes_list<Status>()});
    }
    if (!errors.empty()) return http::problem(422, "The query has errors", request, errors);
    query.reach = readable(context.db(), context.user());
    return id_page(list_recommendations(context.db(), query), page);
}

Response show_recommendation(const Request& request, http::Context& context) {
    auto recommendation = readable_recommendation(context.db(), context.user(), auth::path_id(request));
    if (!recommendation) return missing(request, "recommendation");
    auto body = to_json(*recommendation);
    ActionQuery query;
    query.reach.everything = true;
    query.recommendation = recommendation->id;
    json::array actions;
    for (const auto& a : all_actions(context.db(), query)) actions.push_back(to_json(a, today_utc()));
    body["actions"] = std::move(actions);
    return Response::json(body);
}

// ---- imports -------------------------------------------------------------------------------------

Response import_plan_actions(const Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), auth::path_id(request));
    if (!plan) return missing(request, "plan");
    if (!may_edit(context.user(), plan->partnership_id)) {
        return auth::refuse(request, context, "You cannot change the plans of this partnership");
    }
    return api::import_answer(import_actions(context.db(), *plan, request.body, readable(context.db(), context.user()),
                                 auth::actor_of(request, context.user())),
                  request);
}

Response import_partnership_recommendations(const Request& request, http::Context& context) {
    auto partnership = auth::path_id(request);
    if (!partnership || !readable(context.db(), context.user()).allows(*partnership)) {
        return missing(request, "partnership");
    }
    if (!may_edit(context.user(), *partnership)) {
        return auth::refuse(request, context, "You cannot change the recommendations of this partnership");
    }
    return api::import_answer(import_recommendations(context.db(), *partnership, request.body,
                                         readable(context.db(), context.user()),
                                         auth::actor_of(request, context.user())),
                  request);
}

}  // namespace

void add_routes(http::Router& router, api::ApiInfo& api) {
    using M = http::Method;
    const auto read = http::Access::needs(Permission::plans_read);
    const auto write = http::Access::needs(Permission::plans_write);
    // Who may report progress depends on the action (policy.hpp: may_update).
    const auto update = read;
    for (const char* name : {"Plan", "Priority", "Objective", "Action", "Update", "Recommendation", "PlanSummary"}) {
        api.schemas[name] = json::object{{"type", "object"}};
    }
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        doc.tag = "plans";
        router.add({method, std::move(pattern), std::move(handler), http::Execution::worker, std::move(doc), access});
    };
    std::vector<http::QueryDoc> action_filters{
        {"responsible", "Only actions of this body, person or organisation: body:<id>, person:<id>, organisation:<id>"},
        {"status", "Only this status (code)"},
        {"priority", "Only actions linked to this priority (code, e.g. A)"},
        {"overdue_on", "Only actions overdue on this date (YYYY-MM-DD)"}};
    add(M::get, "/api/v1/plans", list_plan_records,
        {"List business plans", "", {{"partnership", "Only plans of this partnership (id)"}}, "Plan", true}, read);
    add(M::get, "/api/v1/plans/{id}", show_plan, {"One business plan", "", {}, "Plan", false}, read);
    add(M::get, "/api/v1/plans/{id}/priorities", plan_priorities,
        {"A plan's strategic priorities", "", {}, "Priority", true}, read);
    add(M::get, "/api/v1/plans/{id}/objectives", plan_objectives, {"A plan's objectives", "", {}, "Objective", true},
        read);
    add(M::get, "/api/v1/plans/{id}/actions", plan_actions, {"A plan's actions", "", action_filters, "Action", true},
        read);
    add(M::get, "/api/v1/plans/{id}/summary", plan_summary,
        {"Counts of a plan's actions by status and RAG, and overdue on a date", "",
         {{"on", "The date (YYYY-MM-DD), default today"}}, "PlanSummary", false},
        read);
    add(M::post, "/api/v1/plans/{id}/imports/actions", import_plan_actions,
        {"Import a plan's actions (text/csv body, columns as actions.csv)", "", {}, "", false}, write);
    add(M::get, "/api/v1/actions/{id}", show_action, {"One action", "", {}, "Action", false}, read);
    add(M::get, "/api/v1/actions/{id}/updates", action_updates, {"An action's progress updates, newest first", "", {},
                                                                 "Update", true}, read);
    add(M::post, "/api/v1/actions/{id}/updates", add_action_update,
        {"Report progress on an action: written_on, narrative, rag, status, links", "", {}, "Update", false}, update);
    add(M::get, "/api/v1/recommendations", list_recommendation_records,
        {"List recommendations", "",
         {{"partnership", "Only this partnership (id)"},
          {"source", "Only this source (code)"},
          {"owner", "Only this owner: body:<id>, person:<id>, organisation:<id>"},
          {"status", "Only this rolled-up status (code)"}},
         "Recommendation", true},
        read);
    add(M::get, "/api/v1/recommendations/{id}", show_recommendation,
        {"One recommendation with its actions", "", {}, "Recommendation", false}, read);
    add(M::post, "/api/v1/partnerships/{id}/imports/recommendations", import_partnership_recommendations,
        {"Import recommendations (text/csv body, columns as recommendations.csv)", "", {}, "", false}, write);
}

}  // namespace safeboard::plans
