// One case's page, read whole (view.hpp, as the API reads it): its details,
// the statutory clock, the terms of reference, the agency reports, the
// recommendations with their monitoring, the learning shared and the
// lessons; for those who may change it, the links to record each.
#include <map>

#include "modules/plans/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/lessons.hpp"
#include "modules/reviews/pages_support.hpp"
#include "modules/reviews/policy.hpp"
#include "modules/reviews/view.hpp"
#include "modules/reviews/vocabulary.hpp"

namespace safeboard::reviews::pages {

namespace {

using web::detail_row;
using web::text;

// People's names, each read once.
class People {
public:
    explicit People(db::Connection& db) : db_(db) {}
    std::string name_of(std::optional<std::int64_t> id) {
        if (!id) return {};
        auto [at, added] = names_.try_emplace(*id);
        if (added) {
            auto found = register_::find_person(db_, *id);
            at->second = found ? found->name : "Person " + std::to_string(*id);
        }
        return at->second;
    }

private:
    db::Connection& db_;
    std::map<std::int64_t, std::string> names_;
};

std::string words(const std::optional<std::string>& day) { return day ? calendar::date_in_words(*day) : std::string(); }

// The tag a step's row carries: in words, never colour alone.
void set_step_tag(data& row, const StepClock& step) {
    std::pair<const char*, const char*> tag{"Not started", "govuk-tag--grey"};
    if (step.overdue) tag = {"Overdue", "govuk-tag--red"};
    else if (step.late) tag = {"Done late", "govuk-tag--orange"};
    else if (step.done()) tag = {"Done", "govuk-tag--green"};
    else if (step.due_on) tag = {"Due", "govuk-tag--blue"};
    row.set("tag", std::string(tag.first));
    row.set("tag_class", std::string(tag.second));
}

data clock_rows(const CaseView& view) {
    data rows{data::type::list};
    for (const auto& step : view.clock.steps) {
        data row;
        row.set("step", step.label);
        row.set("source", step.source);
        row.set("due", step.due_on ? calendar::date_in_words(*step.due_on) : std::string("No due date"));
        row.set("done", text(words(step.done_on)));
        auto evidence = view.c.steps.find(step.step);
        row.set("evidence", text(evidence == view.c.steps.end() ? "" : evidence->second.evidence));
        row.set("days_left", text(step.working_days_left ? std::to_string(*step.working_days_left) : ""));
        set_step_tag(row, step);
        rows.push_back(row);
    }
    return rows;
}

data details_of(const CaseView& view) {
    const auto& c = view.c;
    std::string agencies;
    for (auto id : c.agencies) agencies += (agencies.empty() ? "" : "; ") + view.name_of(id);
    data details{data::type::list};
    details.push_back(detail_row("Reference", c.reference));
    details.push_back(detail_row("Partnership", view.partnership_name));
    details.push_back(detail_row("Date of the incident", calendar::date_in_words(c.incident_on)));
    details.push_back(detail_row("Date the local authority became aware", calendar::date_in_words(c.became_aware_on)));
    details.push_back(detail_row("Status", std::string(label_of(c.status))));
    details.push_back(detail_row("Decision", c.decision ? std::string(label_of(c.decision->kind)) : ""));
    details.push_back(detail_row("Ratified by", c.decision ? view.name_of(c.decision->ratified_by) : ""));
    details.push_back(detail_row("Ratified on", c.decision ? calendar::date_in_words(c.decision->ratified_on) : ""));
    details.push_back(detail_row("Agencies involved", agencies));
    return details;
}

data terms_rows(const CaseView& view, People& people, bool editable) {
    data rows{data::type::list};
    for (const auto& t : view.terms) {
        data row;
        row.set("version", std::to_string(t.version));
        row.set("summary", web::paragraphs(t.summary));
        row.set("signed", t.signed_off());
        row.set("signed_by", people.name_of(t.signed_off_by));
        row.set("signed_on", words(t.signed_off_on));
        row.set("sign_href", text(editable && !t.signed_off()
                                      ? review_href(view.c.id) + "/terms-of-reference/" + std::to_string(t.id) + "/sign-off"
                                      : ""));
        rows.push_back(row);
    }
    return rows;
}

data report_rows(const CaseView& view, People& people, bool editable) {
    data rows{data::type::list};
    for (const auto& r : view.reports) {
        data row;
        row.set("organisation", r.organisation_name);
        row.set("due", calendar::date_in_words(r.due_on));
        row.set("manager", text(people.name_of(r.senior_manager_id)));
        row.set("received", text(words(r.received_on)));
        row.set("receive_href", text(editable && !r.received_on ? review_href(view.c.id) + "/agency-reports/" +
                                                                      std::to_string(r.id) + "/received"
                                                                : ""));
        rows.push_back(row);
    }
    return rows;
}

std::string plans_tag(plans::Status status) {
    switch (status) {
        case plans::Status::not_started: return "govuk-tag--grey";
        case plans::Status::on_track: return "govuk-tag--green";
        case plans::Status::at_risk: return "govuk-tag--yellow";
        case plans::Status::off_track: return "govuk-tag--red";
        case plans::Status::complete: return "govuk-tag--blue";
        case plans::Status::superseded: return "govuk-tag--grey";
    }
    return "govuk-tag--grey";
}

data action_rows(const RecommendationMonitor& r) {
    data rows{data::type::list};
    for (const auto& a : r.actions) {
        data row;
        row.set("href", "/actions/" + std::to_string(a.action.id));
        row.set("number", a.action.number);
        row.set("title", a.action.title);
        row.set("target", text(words(a.action.target_date)));
        row.set("responsibility", text(a.action.responsibility));
        row.set("status", std::string(label_of(a.action.status)));
        row.set("status_tag", plans_tag(a.action.status));
        row.set("latest", text(a.latest ? calendar::date_in_words(a.latest->written_on) : ""));
        row.set("overdue", a.overdue);
        rows.push_back(row);
    }
    return rows;
}

data recommendation_rows(const CaseView& view, bool editable) {
    data rows{data::type::list};
    for (const auto& m : view.recommendations) {
        const auto& r = m.recommendation;
        data row;
        row.set("href", "/recommendations/" + std::to_string(r.id));
        row.set("number", r.number);
        row.set("text", r.text);
        row.set("owner", text(r.owner ? r.owner->name : r.owner_wording));
        row.set("acceptance", r.acceptance ? std::string(label_of(*r.acceptance)) : std::string("Not recorded"));
        row.set("status", std::string(label_of(r.status)));
        row.set("status_tag", plans_tag(r.status));
        row.set("signed", m.sign_off.has_value());
        row.set("signer", m.sign_off ? m.sign_off->signer_name : std::string());
        row.set("signed_on", m.sign_off ? calendar::date_in_words(m.sign_off->signed_off_on) : std::string());
        row.set("sign_href", text(editable && !m.sign_off ? review_href(view.c.id) + "/recommendations/" +
                                                                 std::to_string(r.id) + "/sign-off"
                                                           : ""));
        auto actions = action_rows(m);
        row.set("actions", actions);
        row.set("has_actions", !actions.is_empty_list());
        data exceptions{data::type::list};
        for (const auto& e : m.exceptions) exceptions.push_back(data("text", e));
        row.set("exceptions", exceptions);
        row.set("has_exceptions", !exceptions.is_empty_list());
        rows.push_back(row);
    }
    return rows;
}

data confirmation_rows(const CaseView& view) {
    data rows{data::type::list};
    for (const auto& c : view.confirmations) {
        data row;
        row.set("organisation", c.organisation_name);
        row.set("level", std::string(label_of(c.level)));
        row.set("on", calendar::date_in_words(c.confirmed_on));
        row.set("evidence", c.evidence);
        rows.push_back(row);
    }
    return rows;
}

data missing_rows(const CaseView& view) {
    data rows{data::type::list};
    for (const auto& m : view.missing) {
        data row;
        row.set("organisation", view.name_of(m.organisation_id));
        row.set("level", std::string(label_of(m.level)));
        rows.push_back(row);
    }
    return rows;
}

void set_list(data& values, const std::string& name, data rows) {
    values.set("has_" + name, !rows.is_empty_list());
    values.set(name, std::move(rows));
}

http::Response show_case(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto c = readable_case(db, context.user(), auth::path_id(request));
    if (!c) return auth::missing(request, "review");
    auto view = view_of(db, *c, today());
    bool editable = may_change(db, context.user(), *c);
    People people(db);
    data values;
    auto href = review_href(c->id);
    values.set("href", href);
    values.set("reference", c->reference);
    values.set("partnership", view.partnership_name);
    values.set("status", std::string(label_of(c->status)));
    values.set("status_tag", std::string(c->status == CaseStatus::open ? "govuk-tag--blue" : "govuk-tag--grey"));
    values.set("details", details_of(view));
    values.set("today", calendar::date_in_words(today()));
    values.set("clock", clock_rows(view));
    set_list(values, "terms", terms_rows(view, people, editable));
    set_list(values, "reports", report_rows(view, people, editable));
    set_list(values, "recommendations", recommendation_rows(view, editable));
    set_list(values, "confirmations", confirmation_rows(view));
    set_list(values, "missing", missing_rows(view));
    values.set("lessons", web::paragraphs(c->learning));
    values.set("editable", editable);
    values.set("decided", c->decision.has_value());
    return render(pages, context, "reviews/pages/review", std::move(values), c->reference, 200,
                  "/reviews?partnership=" + std::to_string(c->partnership_id));
}

}  // namespace

void add_case_view_pages(http::Router& router, const PagesPtr& pages) {
    router.add(route(http::Method::get, "/reviews/{id}", http::Access::any_user(),
                     "A learning review case: its clock, terms of reference, agency reports, recommendations and "
                     "learning shared",
                     pages, show_case));
}

}  // namespace safeboard::reviews::pages
