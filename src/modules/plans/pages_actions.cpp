// Actions on the web, from plans and recommendations alike: the list by
// priority, responsible body, person or organisation, status and overdue
// date ("my groups' actions" among them); an action with its progress, the
// form to report progress with evidence, the evidence's download, and the
// yearly review of the action; a person's reminders.
#include <variant>

#include "modules/plans/homes.hpp"
#include "modules/plans/pages_support.hpp"
#include "modules/plans/policy.hpp"
#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/choices.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/time.hpp"
#include "platform/files/content_disposition.hpp"
#include "platform/files/digest.hpp"
#include "platform/files/upload.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::plans::pages {

namespace {

using access::Permission;
using http::Access;

std::string action_href(std::int64_t id) { return "/actions/" + std::to_string(id); }


// ---- the list --------------------------------------------------------------------------------

struct ActionFilters {
    ActionQuery query;
    QueryParams given;  // as typed, for the form and the next page's link
    Errors errors;
    bool bad = false;   // beyond reach, or a page key we did not issue: answered as missing
    std::optional<Plan> plan;
};

ActionFilters read_filters(const http::Request& request, http::Context& context) {
    auto& db = context.db();
    ActionFilters f;
    f.query.reach = readable(db, context.user());
    f.query.limit = per_page + 1;
    auto partnership = query_id(request, "partnership");
    auto plan = query_id(request, "plan");
    f.bad = partnership.bad || plan.bad || (partnership.id && !f.query.reach.allows(*partnership.id));
    f.query.partnership = partnership.id;
    if (plan.id) {
        f.plan = readable_plan(db, context.user(), plan.id);
        if (!f.plan) f.bad = true;
        else f.query.plan = f.plan->id;
    }
    auto responsible = query_text(request, "responsible");
    if (!responsible.empty()) {
        f.query.responsible = party_named(db, responsible);
        if (!f.query.responsible) f.errors.push_back({"responsible", "Choose who is responsible from the list"});
    }
    auto status = query_text(request, "status");
    if (!status.empty()) {
        f.query.status = parse_term<Status>(status);
        if (!f.query.status) f.errors.push_back({"status", "Choose a status from the list"});
    }
    auto priority = query_text(request, "priority");
    if (!priority.empty()) f.query.priority = priority;
    f.query.overdue_on = filter_day(request, "overdue_on", f.errors);
    if (auto after = query_text(request, "after"); !after.empty()) {
        f.query.after = decode_action_key(after);
        if (!f.query.after) f.bad = true;
    }
    for (const char* name : {"partnership", "plan", "responsible", "status", "priority", "overdue_on"}) {
        f.given.emplace_back(name, query_text(request, name));
    }
    return f;
}

// Who may be chosen as responsible: the user's own bodies and people
// records first, then the bodies of the chosen partnership.
data responsible_field(db::Connection& db, const Me& mine, const ActionFilters& f) {
    std::vector<Choice> choices{{"", "Anyone", {}}};
    for (auto person : mine.people) {
        if (auto found = register_::find_person(db, person)) {
            choices.push_back({"person:" + std::to_string(person), "Me (" + found->name + ")", {}});
        }
    }
    for (const auto& body : mine.bodies) {
        choices.push_back({"body:" + std::to_string(body.id), body.name + " (my group)", {}});
    }
    auto partnership = f.query.partnership ? f.query.partnership
                       : f.plan            ? std::optional(f.plan->partnership_id)
                                           : std::nullopt;
    if (partnership) {
        for (const auto& body : register_::bodies_of(db, *partnership)) {
            choices.push_back({"body:" + std::to_string(body.id), body.name, {}});
        }
    }
    std::string chosen;
    if (f.query.responsible) {
        chosen = party_code(*f.query.responsible);
        bool listed = std::ranges::any_of(choices, [&](const Choice& c) { return c.value == chosen; });
        if (!listed) choices.push_back({chosen, f.query.responsible->name, {}});
    }
    return choice_field("responsible", "Responsible", choices, {chosen}, f.errors);
}

data status_field(const ActionFilters& f) {
    std::vector<Choice> choices{{"", "Any status", {}}};
    for (const auto& choice : vocabulary_choices<Status>()) choices.push_back(choice);
    return choice_field("status", "Status", choices, {f.query.status ? std::string(code_of(*f.query.status)) : ""},
                        f.errors);
}

// Quick links to "my actions" and each of "my groups' actions".
data mine_links(db::Connection& db, const Me& mine) {
    data links{data::type::list};
    for (auto person : mine.people) {
        if (auto found = register_::find_person(db, person)) {
            data item;
            item.set("label", "Actions I am responsible for or lead" +
                                  (mine.people.size() > 1 ? " (" + found->organisation_name + ")" : std::string()));
            item.set("href", link("/actions", {{"responsible", "person:" + std::to_string(person)}}));
            links.push_back(item);
        }
    }
    for (const auto& body : mine.bodies) {
        data item;
        item.set("label", "Actions of " + body.name);
        item.set("href", link("/actions", {{"responsible", "body:" + std::to_string(body.id)}}));
        links.push_back(item);
    }
    return links;
}

std::string list_caption(const ActionFilters& f) {
    std::string caption = "Actions";
    if (f.plan) caption += " of " + f.plan->title;
    if (f.query.priority) caption += ", priority " + *f.query.priority;
    if (f.query.responsible) caption += ", " + f.query.responsible->name + " responsible";
    if (f.query.status) caption += ", " + std::string(label_of(*f.query.status));
    if (f.query.overdue_on) caption += ", overdue on " + *f.query.overdue_on;
    return caption;
}

http::Response action_list(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto f = read_filters(request, context);
    if (f.bad) return missing(request, "list of actions");
    auto today = today_utc();
    auto mine = me(db, context.user(), today);
    std::vector<Action> actions;
    if (f.errors.empty()) actions = list_actions(db, f.query);
    std::string next;
    if (actions.size() > static_cast<std::size_t>(per_page)) {
        actions.resize(per_page);
        auto given = f.given;
        given.emplace_back("after", encode_action_key(key_of(actions.back())));
        next = link("/actions", given);
    }
    data values;
    values.set("partnership_field", register_::partnership_filter(db, f.query.reach, f.query.partnership));
    values.set("responsible_field", responsible_field(db, mine, f));
    values.set("status_field", status_field(f));
    auto priority = field("priority", "Priority", f.query.priority.value_or(""), f.errors, "Its code, like A");
    priority.set("width", std::string("govuk-input--width-4"));
    values.set("priority_field", priority);
    auto overdue = field("overdue_on", "Overdue on", query_text(request, "overdue_on"), f.errors, "For example, 2012-03-31");
    overdue.set("width", std::string("govuk-input--width-10"));
    values.set("overdue_field", overdue);
    if (f.plan) {
        values.set("plan_id", std::to_string(f.plan->id));
        values.set("plan_title", f.plan->title);
    }
    auto links = mine_links(db, mine);
    values.set("has_mine", !links.is_empty_list());
    values.set("mine", links);
    values.set("caption", list_caption(f));
    values.set("rows", action_rows(db, actions, f.query.overdue_on.value_or(today), !f.plan.has_value()));
    values.set("has_rows", !actions.empty());
    values.set("with_home", !f.plan.has_value());
    values.set("not_first", f.query.after.has_value());
    values.set("what", std::string("actions"));
    if (!next.empty()) values.set("next_link", next);
    bool invalid = !f.errors.empty();
    if (invalid) set_form_errors(values, std::move(f.errors), {"partnership", "responsible", "status", "priority", "overdue_on"});
    return render(pages, context, "plans/pages/actions", std::move(values), "Actions", invalid ? 422 : 200,
                  f.plan ? "/plans/" + std::to_string(f.plan->id) : std::string());
}

// ---- one action --------------------------------------------------------------------------------

data party_links(const std::vector<Party>& parties) {
    data list{data::type::list};
    for (const auto& party : parties) {
        data item;
        item.set("name", party.name);
        item.set("href", party_href(party));
        list.push_back(item);
    }
    return list;
}

data timescale_rows(const Action& action) {
    data rows{data::type::list};
    for (const auto& entry : action.timescale.entries) {
        data row;
        row.set("wording", entry.wording);
        row.set("due", text(entry.due_on().value_or("")));
        rows.push_back(row);
    }
    return rows;
}

data action_details(db::Connection& db, const Action& action) {
    data details{data::type::list};
    if (action.plan_id) {
        auto plan = find_plan(db, *action.plan_id);
        details.push_back(detail_row("Plan", plan ? plan->title : "", "/plans/" + std::to_string(*action.plan_id)));
        if (action.objective_id) {
            if (auto objective = find_objective(db, *action.objective_id)) {
                details.push_back(detail_row("Objective", std::to_string(objective->number) + ". " + objective->title));
            }
        }
        std::string priorities;
        for (const auto& code : action.priorities) priorities += (priorities.empty() ? "" : ", ") + code;
        details.push_back(detail_row("Key themes (priorities)", priorities));
    }
    if (action.recommendation_id) {
        if (auto recommendation = find_recommendation(db, *action.recommendation_id)) {
            details.push_back(detail_row("Recommendation",
                                         recommendation->number + " of " + recommendation->source_reference,
                                         "/recommendations/" + std::to_string(recommendation->id)));
        }
    }
    details.push_back(detail_row("Target date", action.target_date.value_or("")));
    details.push_back(detail_row("Operational lead", action.operational_lead_name,
                                 action.operational_lead_id ? "/people/" + std::to_string(*action.operational_lead_id) : ""));
    details.push_back(detail_row("Senior lead", action.senior_lead_name,
                                 action.senior_lead_id ? "/people/" + std::to_string(*action.senior_lead_id) : ""));
    if (action.carried_from_id) {
        details.push_back(detail_row("Continues", "The action of the previous plan", action_href(*action.carried_from_id)));
    }
    return details;
}

data update_rows(const Action& action, const std::vector<Update>& updates) {
    data rows{data::type::list};
    for (const auto& update : updates) {
        data row;
        row.set("written_on", update.written_on);
        row.set("author", update.author_name);
        row.set("status", std::string(label_of(update.status)));
        row.set("status_tag", status_tag(update.status));
        row.set("rag", std::string(label_of(update.rag)));
        row.set("rag_tag", rag_tag(update.rag));
        row.set("narrative", paragraphs(update.narrative));
        data evidence{data::type::list};
        for (const auto& e : update.evidence) {
            data item;
            if (e.url.empty()) {
                item.set("href", action_href(action.id) + "/evidence/" + std::to_string(e.id));
                item.set("label", e.filename);
                item.set("size", files::readable_size(static_cast<std::size_t>(e.size)));
            } else {
                item.set("href", e.url);
                item.set("label", e.url);
            }
            evidence.push_back(item);
        }
        row.set("has_evidence", !update.evidence.empty());
        row.set("evidence", evidence);
        rows.push_back(row);
    }
    return rows;
}

// What the update form was sent with, to show it again with its errors.
struct UpdateForm {
    Fields fields;
    Errors errors;
};

void set_update_form(data& values, const UpdateForm& form) {
    auto value = [&](const char* name) {
        auto found = form.fields.find(name);
        return found == form.fields.end() ? std::string() : found->second;
    };
    auto written = field("written_on", "Date of the update", value("written_on"), form.errors, "For example, 2012-03-31");
    written.set("width", std::string("govuk-input--width-10"));
    values.set("f_written_on", written);
    values.set("f_status", choice_field("status", "Status of the action", vocabulary_choices<Status>(), {value("status")},
                                        form.errors));
    values.set("f_rag", choice_field("rag", "RAG rating", vocabulary_choices<Rag>(), {value("rag")}, form.errors));
    values.set("f_narrative", field("narrative", "Progress", value("narrative"), form.errors,
                                    "What has been done, and what the evidence shows"));
    values.set("f_links", field("links", "Links to evidence (optional)", value("links"), form.errors,
                                "One web address a line"));
    values.set("f_evidence", field("evidence", "Files of evidence (optional)", "", form.errors,
                                   "PDF, Word, Excel, PowerPoint, text or pictures, up to " +
                                       files::readable_size(files::document_policy().max_bytes) + " each"));
}

const std::vector<std::string>& update_fields() {
    static const std::vector<std::string> fields{"written_on", "status", "rag", "narrative", "links", "evidence"};
    return fields;
}

http::Response action_page(const Pages& pages, http::Context& context, const Action& action, UpdateForm update,
                           UpdateForm review, unsigned status) {
    auto& db = context.db();
    auto today = today_utc();
    data values = action_row(db, action, today, true);
    values.set("details", action_details(db, action));
    values.set("required", paragraphs(action.required));
    values.set("outcome", paragraphs(action.outcome));
    values.set("timescale_wording", text(action.timescale.wording));
    values.set("timescale_entries", timescale_rows(action));
    values.set("has_timescale_entries", !action.timescale.entries.empty());
    values.set("responsible", party_links(action.responsible));
    values.set("has_responsible", !action.responsible.empty());
    values.set("responsibility_wording", text(action.responsibility));
    auto updates = updates_of(db, action.id);
    values.set("updates", update_rows(action, updates));
    values.set("has_updates", !updates.empty());
    values.set("in_plan", action.plan_id.has_value());
    values.set("achievement", paragraphs(action.achievement));
    values.set("issues", paragraphs(action.issues_for_revised_plan));
    bool may_report = may_update(db, context.user(), action);
    bool may_review = action.plan_id && may_edit(context.user(), action.partnership_id);
    values.set("may_update", may_report);
    values.set("may_review", may_review);
    if (update.fields.empty()) update.fields = {{"written_on", today}, {"status", std::string(code_of(action.status))}};
    if (may_report) set_update_form(values, update);
    if (may_review) {
        if (review.fields.empty()) {
            review.fields = {{"achievement", action.achievement}, {"issues_for_revised_plan", action.issues_for_revised_plan}};
        }
        auto achievement = field("achievement", "Achievement", review.fields["achievement"], review.errors);
        auto issues = field("issues_for_revised_plan", "Issues for revised plan", review.fields["issues_for_revised_plan"],
                            review.errors);
        values.set("f_achievement", achievement);
        values.set("f_issues", issues);
    }
    auto errors = std::move(update.errors);
    errors.insert(errors.end(), review.errors.begin(), review.errors.end());
    if (!errors.empty()) {
        auto order = update_fields();
        order.insert(order.end(), {"achievement", "issues_for_revised_plan"});
        set_form_errors(values, std::move(errors), order);
    }
    auto back = Homes(db).of(action).href;
    return render(pages, context, "plans/pages/action", std::move(values), action.number + " " + action.title, status,
                  back);
}

http::Response show_action(const Pages& pages, const http::Request& request, http::Context& context) {
    auto action = readable_action(context.db(), context.user(), path_id(request));
    if (!action) return missing(request, "action");
    return action_page(pages, context, *action, {}, {}, 200);
}

// The files sent with an update, each checked (its type judged by its
// bytes) and named by its hash; or the errors naming each bad one. They are
// stored only once the update itself is accepted.
struct Upload {
    Evidence evidence;
    std::string bytes;
};
Result<std::vector<Upload>> check_evidence(const http::Request& request) {
    std::vector<Upload> uploads;
    Errors errors;
    for (auto& file : http::form_files(request)) {
        if (file.field != "evidence" || (file.filename.empty() && file.bytes.empty())) continue;
        auto type = files::check_upload(files::document_policy(), file.filename, file.bytes);
        if (!type) {
            errors.push_back({"evidence", file.filename + ": " + type.error().message});
            continue;
        }
        Evidence evidence{0, {}, files::sha256_hex(file.bytes), file.filename, *type,
                          static_cast<std::int64_t>(file.bytes.size())};
        uploads.push_back({std::move(evidence), std::move(file.bytes)});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return uploads;
}

// The action, when the user may report progress on it; otherwise the answer to give.
std::variant<Action, http::Response> reportable_action(const http::Request& request, http::Context& context) {
    auto action = readable_action(context.db(), context.user(), path_id(request));
    if (!action) return missing(request, "action");
    if (!may_update(context.db(), context.user(), *action)) {
        return auth::refuse(request, context, "You cannot report progress on action " + std::to_string(action->id));
    }
    return *action;
}

http::Response add_update(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = reportable_action(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& action = std::get<Action>(found);
    auto& db = context.db();
    auto fields = posted_fields(request, {"written_on", "status", "rag", "narrative", "links"});
    auto uploads = check_evidence(request);
    Errors errors = uploads ? Errors{} : uploads.error().fields;
    std::vector<Evidence> evidence;
    if (uploads) {
        for (const auto& upload : *uploads) evidence.push_back(upload.evidence);
    }
    {
        db::Transaction transaction(db);
        auto saved = save_update(db, action, fields, evidence, {context.user().user_id, context.user().name},
                                 auth::actor_of(request, context.user()));
        if (!saved) errors.insert(errors.begin(), saved.error().fields.begin(), saved.error().fields.end());
        // A bad file refuses the whole update, so nothing is half recorded;
        // the files are on disk before the update that names them commits.
        if (errors.empty()) {
            for (const auto& upload : *uploads) {
                if (auto put = pages.files.put(upload.bytes); !put) return http::problem(put.error(), request);
            }
            transaction.commit();
        }
    }
    if (!errors.empty()) return action_page(pages, context, action, {std::move(fields), std::move(errors)}, {}, 422);
    return auth::see_other(action_href(action.id) + "#progress");
}

http::Response download_evidence(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto action = readable_action(db, context.user(), path_id(request));
    auto evidence_id = path_id(request, "evidence");
    if (!action || !evidence_id) return missing(request, "evidence");
    auto evidence = find_evidence(db, action->id, *evidence_id);
    if (!evidence || evidence->file_sha256.empty()) return missing(request, "evidence");
    auto bytes = pages.files.get(evidence->file_sha256);
    if (!bytes) return http::problem(bytes.error(), request);
    audit::append_alone(db, auth::actor_of(request, context.user()),
                        {"read", "evidence", std::to_string(evidence->id), {}, "action " + std::to_string(action->id)});
    auto response = http::Response::text(std::move(*bytes));
    response.content_type = evidence->content_type;
    response.header("Content-Disposition", files::content_disposition(evidence->filename));
    return response;
}

http::Response review_action(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto action = readable_action(db, context.user(), path_id(request));
    if (!action || !action->plan_id) return missing(request, "action");
    if (!may_edit(context.user(), action->partnership_id)) {
        return auth::refuse(request, context, "plans.write is not held for partnership " +
                                                  std::to_string(action->partnership_id));
    }
    auto fields = posted_fields(request, {"achievement", "issues_for_revised_plan"});
    Result<SaveResult> saved;
    {
        db::Transaction transaction(db);
        saved = save_review(db, *action, fields, auth::actor_of(request, context.user()));
        if (saved) transaction.commit();
    }
    if (!saved) return action_page(pages, context, *action, {}, {std::move(fields), saved.error().fields}, 422);
    return auth::see_other(action_href(action->id) + "#review");
}

// ---- reminders -----------------------------------------------------------------------------------

http::Response my_reminders(const Pages& pages, const http::Request&, http::Context& context) {
    auto& db = context.db();
    auto today = today_utc();
    auto mine = me(db, context.user(), today);
    auto reach = readable(db, context.user());
    data rows{data::type::list};
    std::string run_on;
    for (const auto& reminder : latest_reminders_for(db, mine.people)) {
        auto action = find_action(db, reminder.action_id);
        if (!action || !reach.allows(action->partnership_id)) continue;
        run_on = reminder.run_on;
        auto row = action_row(db, *action, today, true);
        row.set("kind", std::string(reminder.kind == "overdue" ? "Overdue" : "Due soon"));
        row.set("kind_tag", std::string(reminder.kind == "overdue" ? "govuk-tag--red" : "govuk-tag--yellow"));
        row.set("due_on", reminder.due_on);
        rows.push_back(row);
    }
    data values;
    values.set("rows", rows);
    values.set("has_rows", !rows.is_empty_list());
    values.set("run_on", text(run_on));
    values.set("known", !mine.people.empty());
    return render(pages, context, "plans/pages/reminders", std::move(values), "Your reminders");
}

}  // namespace

void add_action_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::plans_read);
    const auto writers = Access::needs(Permission::plans_write);
    using M = http::Method;
    router.add(route(M::get, "/actions", readers,
                     "Actions by plan, priority, responsible body or person, status and overdue date", pages,
                     action_list));
    router.add(route(M::get, "/actions/{id}", readers, "An action with its progress", pages, show_action));
    // Who may report progress depends on the action (policy.hpp: may_update).
    auto update = route(M::post, "/actions/{id}/updates", readers, "Report progress on an action, with evidence",
                        pages, add_update);
    update.body_limit = files::document_policy().max_bytes * 4;
    router.add(std::move(update));
    router.add(route(M::get, "/actions/{id}/evidence/{evidence}", readers, "Download a file of evidence", pages,
                     download_evidence));
    router.add(route(M::post, "/actions/{id}/review", writers, "Record the yearly review of an action", pages,
                     review_action));
    router.add(route(M::get, "/reminders", readers, "The signed-in person's reminders of actions due or overdue",
                     pages, my_reminders));
}

}  // namespace safeboard::plans::pages
