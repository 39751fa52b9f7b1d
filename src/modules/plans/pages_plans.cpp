// Business plans on the web: the list, a plan with its priorities,
// objectives, actions and RAG summary on a chosen day, the board's progress
// report (printable HTML and XLSX), the yearly review and roll-forward, and
// the plan's actions as a spreadsheet.
#include "modules/plans/homes.hpp"
#include "modules/plans/import.hpp"
#include "modules/plans/pages_support.hpp"
#include "modules/plans/policy.hpp"
#include "modules/plans/progress.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/choices.hpp"
#include "platform/core/time.hpp"
#include "platform/http/form.hpp"
#include "platform/web/downloads.hpp"

namespace safeboard::plans::pages {

namespace {

using access::Permission;
using http::Access;

std::string plan_href(std::int64_t id) { return "/plans/" + std::to_string(id); }

// ---- the list ----------------------------------------------------------------------------

http::Response plan_list(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    PlanQuery query;
    query.reach = readable(db, context.user());
    auto start = list_start(request, query.reach);
    if (start.bad) return missing(request, "list of plans");
    query.partnership = start.partnership;
    query.after = start.after;
    query.limit = per_page + 1;
    auto plans = list_plans(db, query);
    std::string next;
    if (plans.size() > static_cast<std::size_t>(per_page)) {
        plans.resize(per_page);
        QueryParams given{{"after", std::to_string(plans.back().id)}};
        if (start.partnership) given.emplace_back("partnership", std::to_string(*start.partnership));
        next = link("/plans", given);
    }
    data rows{data::type::list};
    Homes names(db);  // each partnership's name read once
    for (const auto& plan : plans) {
        data row;
        row.set("href", plan_href(plan.id));
        row.set("title", plan.title);
        row.set("partnership", names.partnership(plan.partnership_id));
        row.set("period", period_of(plan));
        row.set("reporting_year", reporting_year(plan));
        row.set("reviewed", text(plan.reviewed_on.value_or("")));
        rows.push_back(row);
    }
    data values;
    values.set("partnership_field", register_::partnership_filter(db, query.reach, start.partnership));
    values.set("rows", rows);
    values.set("has_rows", !plans.empty());
    values.set("not_first", start.after.has_value());
    values.set("what", std::string("plans"));
    if (!next.empty()) values.set("next_link", next);
    return render(pages, context, "plans/pages/plans", std::move(values), "Business plans");
}

// ---- one plan ------------------------------------------------------------------------------

std::vector<Action> actions_of(db::Connection& db, std::int64_t plan_id) {
    ActionQuery query;
    query.reach.everything = true;
    query.plan = plan_id;
    return all_actions(db, query, plan_action_cap);
}

data plan_details(db::Connection& db, const Plan& plan) {
    data details{data::type::list};
    details.push_back(detail_row("Partnership", Homes(db).partnership(plan.partnership_id)));
    details.push_back(detail_row("Period", plan.starts_on + " to " + plan.ends_on));
    details.push_back(detail_row("Reporting year", reporting_year(plan)));
    if (plan.previous_plan_id) {
        details.push_back(detail_row("Rolled forward from", plan.previous_plan_title, plan_href(*plan.previous_plan_id)));
    }
    details.push_back(detail_row("Yearly review completed", plan.reviewed_on.value_or("")));
    return details;
}

data priority_rows(db::Connection& db, const Plan& plan) {
    data rows{data::type::list};
    for (const auto& priority : priorities_of(db, plan.id)) {
        data row;
        row.set("code", priority.code);
        row.set("title", priority.title);
        row.set("href", link("/actions", {{"plan", std::to_string(plan.id)}, {"priority", priority.code}}));
        rows.push_back(row);
    }
    return rows;
}

// The RAG summary on `on`: counts by status and by RAG, each linking to the
// actions it counts, and the number overdue.
data summary_values(const Plan& plan, const std::vector<Action>& actions, const std::string& on) {
    auto summary = summarise(actions, on);
    auto plan_id = std::to_string(plan.id);
    data statuses{data::type::list};
    for (const auto& term : terms<Status>()) {
        data row;
        row.set("label", std::string(term.label));
        row.set("tag", status_tag(term.value));
        row.set("count", std::to_string(summary.by_status[static_cast<std::size_t>(term.value)]));
        row.set("href", link("/actions", {{"plan", plan_id}, {"status", std::string(term.code)}}));
        statuses.push_back(row);
    }
    data rags{data::type::list};
    for (const auto& term : terms<Rag>()) {
        data row;
        row.set("label", std::string(term.label));
        row.set("tag", rag_tag(term.value));
        row.set("count", std::to_string(summary.by_rag[static_cast<std::size_t>(term.value)]));
        rags.push_back(row);
    }
    data values;
    values.set("on", on);
    values.set("total", std::to_string(summary.total));
    values.set("statuses", statuses);
    values.set("rags", rags);
    values.set("no_rag", std::to_string(summary.no_rag));
    values.set("overdue", std::to_string(summary.overdue));
    values.set("overdue_href", link("/actions", {{"plan", plan_id}, {"overdue_on", on}}));
    return values;
}

data objective_groups(db::Connection& db, const Plan& plan, const std::vector<Action>& actions, const std::string& on) {
    data groups{data::type::list};
    for (const auto& objective : objectives_of(db, plan.id)) {
        std::vector<Action> own;
        for (const auto& action : actions) {
            if (action.objective_id == objective.id) own.push_back(action);
        }
        data group;
        group.set("number", std::to_string(objective.number));
        group.set("title", objective.title);
        group.set("rows", action_rows(db, own, on, false));
        group.set("caption", "Actions of objective " + std::to_string(objective.number));
        group.set("caption_hidden", true);
        group.set("has_rows", !own.empty());
        groups.push_back(group);
    }
    return groups;
}

http::Response show_plan(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto plan = readable_plan(db, context.user(), path_id(request));
    if (!plan) return missing(request, "plan");
    Errors errors;
    auto on = filter_day(request, "on", errors).value_or(today_utc());
    auto actions = actions_of(db, plan->id);
    data values;
    values.set("id", std::to_string(plan->id));
    values.set("title", plan->title);
    values.set("details", plan_details(db, *plan));
    values.set("priorities", priority_rows(db, *plan));
    values.set("summary", summary_values(*plan, actions, on));
    values.set("f_on", field("on", "Summary on", query_text(request, "on").empty() ? on : query_text(request, "on"),
                             errors, "For example, 2012-03-31"));
    values.set("objectives", objective_groups(db, *plan, actions, on));
    values.set("editable", may_edit(context.user(), plan->partnership_id));
    values.set("reviewed", plan->reviewed_on.has_value());
    if (!errors.empty()) set_form_errors(values, std::move(errors), {"on"});
    return render(pages, context, "plans/pages/plan", std::move(values), plan->title, 200, "/plans");
}

// ---- the progress report ------------------------------------------------------------------------

// One row of the board's progress report, in the seed's columns.
struct ReportRow {
    std::string objective;  // "3. Title (A, B)": the objective and its link to the key themes
    Action action;
    std::optional<Update> latest;
};

std::string objective_heading(const Objective& objective) {
    return std::to_string(objective.number) + ". " + objective.title;
}

std::string themes_of(const Action& action) {
    std::string themes;
    for (const auto& code : action.priorities) themes += (themes.empty() ? "" : ", ") + code;
    return themes;
}

std::string progress_text(const ReportRow& row) {
    std::string text = std::string(label_of(row.action.status));
    if (row.action.rag) text += " (" + std::string(label_of(*row.action.rag)) + ")";
    if (row.latest) text += ". " + row.latest->written_on + ": " + row.latest->narrative;
    return text;
}

std::vector<ReportRow> report_rows(db::Connection& db, const Plan& plan) {
    auto actions = actions_of(db, plan.id);
    std::vector<std::int64_t> ids;
    for (const auto& action : actions) ids.push_back(action.id);
    auto latest = latest_updates(db, ids);
    std::map<std::int64_t, std::string> headings;
    for (const auto& objective : objectives_of(db, plan.id)) headings[objective.id] = objective_heading(objective);
    std::vector<ReportRow> rows;
    for (auto& action : actions) {
        ReportRow row{headings[action.objective_id.value_or(0)], std::move(action), std::nullopt};
        if (auto found = latest.find(row.action.id); found != latest.end()) row.latest = found->second;
        rows.push_back(std::move(row));
    }
    return rows;
}

const std::vector<std::string>& report_header() {
    static const std::vector<std::string> header{"Objective", "Key themes", "Action", "Actions required",
                                                 "Outcome measurement", "Timescale", "Responsibility", "Progress"};
    return header;
}

std::vector<std::string> report_cells(const ReportRow& row) {
    const auto& a = row.action;
    return {row.objective,
            themes_of(a),
            a.number + " " + a.title,
            a.required,
            a.outcome,
            timescale_text(a),
            a.responsibility,
            progress_text(row)};
}

http::Response progress_report(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto plan = readable_plan(db, context.user(), path_id(request));
    if (!plan) return missing(request, "plan");
    auto on = today_utc();
    data groups{data::type::list};
    data group;
    data rows{data::type::list};
    std::string current;
    auto close_group = [&] {
        if (current.empty()) return;
        group.set("objective", current);
        group.set("rows", rows);
        groups.push_back(group);
        group = data{};
        rows = data{data::type::list};
    };
    for (const auto& row : report_rows(db, *plan)) {
        if (row.objective != current) {
            close_group();
            current = row.objective;
        }
        const auto& a = row.action;
        data item;
        item.set("href", "/actions/" + std::to_string(a.id));
        item.set("number", a.number);
        item.set("title", a.title);
        item.set("themes", text(themes_of(a)));
        item.set("required", paragraphs(a.required));
        item.set("outcome", paragraphs(a.outcome));
        item.set("timescale", timescale_text(a));
        item.set("responsibility", a.responsibility);
        item.set("status", std::string(label_of(a.status)));
        item.set("status_tag", status_tag(a.status));
        if (a.rag) {
            item.set("rag", std::string(label_of(*a.rag)));
            item.set("rag_tag", rag_tag(a.rag));
        }
        item.set("overdue", overdue_on(a, on));
        if (row.latest) {
            item.set("latest_on", row.latest->written_on);
            item.set("latest", paragraphs(row.latest->narrative));
        }
        rows.push_back(item);
    }
    close_group();
    data values;
    values.set("id", std::to_string(plan->id));
    values.set("title", plan->title);
    values.set("partnership", Homes(db).partnership(plan->partnership_id));
    values.set("on", on);
    values.set("groups", groups);
    values.set("has_groups", !groups.is_empty_list());
    return render(pages, context, "plans/pages/report", std::move(values), "Progress report: " + plan->title, 200,
                  plan_href(plan->id));
}

http::Response progress_report_xlsx(const Pages&, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto plan = readable_plan(db, context.user(), path_id(request));
    if (!plan) return missing(request, "plan");
    tabular::Sheet sheet{"Progress report", report_header(), {}};
    for (const auto& row : report_rows(db, *plan)) sheet.rows.push_back(report_cells(row));
    return web::sheet_download("xlsx", "plan-" + std::to_string(plan->id) + "-progress-report.xlsx", sheet, request);
}

// The plan's actions in the import's columns (importing the file back changes nothing).
http::Response actions_download(const Pages&, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto plan = readable_plan(db, context.user(), path_id(request));
    if (!plan) return missing(request, "plan");
    std::string format = request.path.ends_with(".xlsx") ? "xlsx" : "csv";
    auto sheet = export_actions(db, *plan);
    return web::sheet_download(format, "plan-" + std::to_string(plan->id) + "-actions." + format,
                               {"Actions", sheet.header, sheet.rows}, request);
}

// ---- the yearly review and roll-forward -----------------------------------------------------------

http::Response review_page(const Pages& pages, http::Context& context, const Plan& plan, Errors errors,
                           const std::string& reviewed_on, unsigned status) {
    auto& db = context.db();
    std::map<std::int64_t, std::string> headings;
    for (const auto& objective : objectives_of(db, plan.id)) headings[objective.id] = objective_heading(objective);
    data rows{data::type::list};
    for (const auto& action : actions_of(db, plan.id)) {
        data row;
        row.set("objective", headings[action.objective_id.value_or(0)]);
        row.set("href", "/actions/" + std::to_string(action.id));
        row.set("number", action.number);
        row.set("title", action.title);
        row.set("achievement", paragraphs(action.achievement));
        row.set("issues", paragraphs(action.issues_for_revised_plan));
        rows.push_back(row);
    }
    data values;
    values.set("id", std::to_string(plan.id));
    values.set("title", plan.title);
    values.set("rows", rows);
    values.set("has_rows", !rows.is_empty_list());
    values.set("reviewed_on", text(plan.reviewed_on.value_or("")));
    bool editable = may_edit(context.user(), plan.partnership_id);
    values.set("may_complete", editable && !plan.reviewed_on);
    values.set("may_roll_forward", editable && plan.reviewed_on.has_value());
    auto f = field("reviewed_on", "Date of the review", reviewed_on, errors, "For example, 2011-09-30");
    f.set("width", std::string("govuk-input--width-10"));
    values.set("f_reviewed_on", f);
    if (!errors.empty()) set_form_errors(values, std::move(errors), {"reviewed_on"});
    return render(pages, context, "plans/pages/review", std::move(values), "Yearly review: " + plan.title, status,
                  plan_href(plan.id));
}

http::Response show_review(const Pages& pages, const http::Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), path_id(request));
    if (!plan) return missing(request, "plan");
    return review_page(pages, context, *plan, {}, today_utc(), 200);
}

// The plan, when the user may change it; otherwise the answer to give.
std::variant<Plan, http::Response> editable_plan(const http::Request& request, http::Context& context) {
    auto plan = readable_plan(context.db(), context.user(), path_id(request));
    if (!plan) return missing(request, "plan");
    if (!may_edit(context.user(), plan->partnership_id)) {
        return auth::refuse(request, context, "plans.write is not held for partnership " +
                                                  std::to_string(plan->partnership_id));
    }
    return *plan;
}

Fields form_values(const http::Request& request, const std::vector<std::string>& names) {
    auto posted = http::form_fields(request);
    Fields fields;
    for (const auto& name : names) fields[name] = auth::form_text(posted, name);
    return fields;
}

http::Response complete_plan_review(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editable_plan(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& plan = std::get<Plan>(found);
    auto fields = form_values(request, {"reviewed_on"});
    auto& db = context.db();
    Result<SaveResult> saved;
    {
        db::Transaction transaction(db);
        saved = complete_review(db, plan, fields, auth::actor_of(request, context.user()));
        if (saved) transaction.commit();
    }
    if (!saved) return review_page(pages, context, plan, saved.error().fields, fields["reviewed_on"], 422);
    return auth::see_other(plan_href(plan.id) + "/review");
}

http::Response roll_forward_page(const Pages& pages, http::Context& context, const Plan& plan, const Fields& fields,
                                 Errors errors, unsigned status) {
    auto value = [&](const char* name) {
        auto found = fields.find(name);
        return found == fields.end() ? std::string() : found->second;
    };
    data values;
    values.set("id", std::to_string(plan.id));
    values.set("title", plan.title);
    values.set("f_title", field("title", "Title of the new plan", value("title"), errors));
    auto starts = field("starts_on", "First day", value("starts_on"), errors,
                        "Leave empty for the day after this plan ends (" + add_days(plan.ends_on, 1) + ")");
    starts.set("width", std::string("govuk-input--width-10"));
    values.set("f_starts_on", starts);
    auto ends = field("ends_on", "Last day", value("ends_on"), errors,
                      "Leave empty for a period as long as this plan's");
    ends.set("width", std::string("govuk-input--width-10"));
    values.set("f_ends_on", ends);
    if (!errors.empty()) set_form_errors(values, std::move(errors), {"plan", "title", "starts_on", "ends_on"});
    return render(pages, context, "plans/pages/roll_forward", std::move(values), "Roll forward " + plan.title, status,
                  plan_href(plan.id) + "/review");
}

http::Response roll_forward_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editable_plan(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return roll_forward_page(pages, context, std::get<Plan>(found), {}, {}, 200);
}

http::Response roll_plan_forward(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = editable_plan(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& plan = std::get<Plan>(found);
    auto fields = form_values(request, {"title", "starts_on", "ends_on"});
    auto& db = context.db();
    Result<SaveResult> saved;
    {
        db::Transaction transaction(db);
        saved = roll_forward(db, plan, fields, auth::actor_of(request, context.user()));
        if (saved) transaction.commit();
    }
    if (!saved) return roll_forward_page(pages, context, plan, fields, saved.error().fields, 422);
    return auth::see_other(plan_href(saved->id));
}

}  // namespace

void add_plan_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::plans_read);
    const auto writers = Access::needs(Permission::plans_write);
    using M = http::Method;
    router.add(route(M::get, "/plans", readers, "The business plans the user can see", pages, plan_list));
    router.add(route(M::get, "/plans/{id}", readers, "A plan: priorities, objectives, actions and RAG summary", pages,
                     show_plan));
    router.add(route(M::get, "/plans/{id}/report", readers, "A plan's progress report for the board, printable",
                     pages, progress_report));
    router.add(route(M::get, "/plans/{id}/report.xlsx", readers, "A plan's progress report as XLSX", pages,
                     progress_report_xlsx));
    router.add(route(M::get, "/plans/{id}/actions.csv", readers, "A plan's actions as CSV (the import's columns)",
                     pages, actions_download));
    router.add(route(M::get, "/plans/{id}/actions.xlsx", readers, "A plan's actions as XLSX (the import's columns)",
                     pages, actions_download));
    router.add(route(M::get, "/plans/{id}/review", readers, "A plan's yearly review table", pages, show_review));
    router.add(route(M::post, "/plans/{id}/review", writers, "Mark a plan's yearly review complete", pages,
                     complete_plan_review));
    router.add(route(M::get, "/plans/{id}/roll-forward", writers, "The form to roll a reviewed plan forward", pages,
                     roll_forward_form));
    router.add(route(M::post, "/plans/{id}/roll-forward", writers, "Roll a reviewed plan forward into the next",
                     pages, roll_plan_forward));
}

}  // namespace safeboard::plans::pages
