#include "modules/reviews/json_view.hpp"

#include "modules/plans/vocabulary.hpp"
#include "modules/reviews/vocabulary.hpp"
#include "platform/api/json_values.hpp"

namespace safeboard::reviews {

namespace json = boost::json;
using api::id_json;
using api::optional_json;

namespace {

json::value optional_int(const std::optional<int>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

std::string name_in(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? "" : it->second;
}

json::object action_json(const ActionMonitor& a) {
    return {{"id", std::to_string(a.action.id)},
            {"number", a.action.number},
            {"action", a.action.title},
            {"target_date", optional_json(a.action.target_date)},
            {"responsibility", a.action.responsibility},
            {"operational_lead", a.action.operational_lead_name},
            {"senior_lead", a.action.senior_lead_name},
            {"status", code_of(a.action.status)},
            {"rag", a.action.rag ? json::value(code_of(*a.action.rag)) : json::value(nullptr)},
            {"last_update_on", a.latest ? json::value(a.latest->written_on) : json::value(nullptr)},
            {"overdue", a.overdue},
            {"no_recent_update", a.no_recent_update},
            {"href", "/actions/" + std::to_string(a.action.id)}};
}

}  // namespace

json::object case_json(const Case& c, const std::map<std::int64_t, std::string>& names) {
    json::array agencies;
    for (auto id : c.agencies) agencies.push_back(json::object{{"id", std::to_string(id)}, {"name", name_in(names, id)}});
    json::object steps;
    for (const auto& [step, done] : c.steps) {
        steps[step] = json::object{{"done_on", done.done_on}, {"evidence", done.evidence}};
    }
    json::value decision = nullptr;
    if (c.decision) {
        decision = json::object{{"decision", code_of(c.decision->kind)},
                                {"label", label_of(c.decision->kind)},
                                {"ratified_by", std::to_string(c.decision->ratified_by)},
                                {"ratified_by_name", name_in(names, c.decision->ratified_by)},
                                {"ratified_on", c.decision->ratified_on}};
    }
    return {{"id", std::to_string(c.id)},
            {"partnership", std::to_string(c.partnership_id)},
            {"reference", c.reference},
            {"incident_on", c.incident_on},
            {"became_aware_on", c.became_aware_on},
            {"status", code_of(c.status)},
            {"decision", std::move(decision)},
            {"agencies", std::move(agencies)},
            {"steps", std::move(steps)},
            {"learning", c.learning},
            {"created_at", c.created_at},
            {"updated_at", c.updated_at}};
}

json::object clock_json(const CaseClock& clock, std::string_view on) {
    json::array steps;
    for (const auto& s : clock.steps) {
        steps.push_back(json::object{{"step", s.step},
                                     {"label", s.label},
                                     {"source", s.source},
                                     {"starts_on", optional_json(s.starts_on)},
                                     {"due_on", optional_json(s.due_on)},
                                     {"done_on", optional_json(s.done_on)},
                                     {"done", s.done()},
                                     {"working_days_left", optional_int(s.working_days_left)},
                                     {"overdue", s.overdue},
                                     {"late", s.late}});
    }
    return {{"case", std::to_string(clock.case_id)},
            {"reference", clock.reference},
            {"status", code_of(clock.status)},
            {"on", on},
            {"steps", std::move(steps)}};
}

json::object deadline_json(const Deadline& d) {
    return {{"case", std::to_string(d.case_id)},  {"reference", d.reference}, {"step", d.step},
            {"label", d.label},                   {"due_on", d.due_on},       {"working_days_left", d.working_days_left},
            {"overdue", d.overdue},               {"href", "/reviews/" + std::to_string(d.case_id)}};
}

json::object report_json(const AgencyReport& r) {
    return {{"id", std::to_string(r.id)},
            {"organisation", std::to_string(r.organisation_id)},
            {"organisation_name", r.organisation_name},
            {"due_on", r.due_on},
            {"senior_manager", id_json(r.senior_manager_id)},
            {"received_on", optional_json(r.received_on)}};
}

json::object terms_json(const TermsOfReference& t) {
    return {{"id", std::to_string(t.id)},
            {"version", t.version},
            {"summary", t.summary},
            {"signed_off_by", id_json(t.signed_off_by)},
            {"signed_off_on", optional_json(t.signed_off_on)}};
}

json::object recommendation_json(const RecommendationMonitor& r) {
    const auto& rec = r.recommendation;
    json::array actions;
    for (const auto& a : r.actions) actions.push_back(action_json(a));
    json::array exceptions;
    for (const auto& e : r.exceptions) exceptions.push_back(json::string(e));
    json::value sign_off = nullptr;
    if (r.sign_off) {
        sign_off = json::object{{"signed_off_by", std::to_string(r.sign_off->signed_off_by)},
                                {"signed_off_by_name", r.sign_off->signer_name},
                                {"signed_off_on", r.sign_off->signed_off_on}};
    }
    return {{"id", std::to_string(rec.id)},
            {"number", rec.number},
            {"recommendation", rec.text},
            {"owner", rec.owner ? json::value(rec.owner->name) : json::value(rec.owner_wording)},
            {"acceptance", rec.acceptance ? json::value(code_of(*rec.acceptance)) : json::value(nullptr)},
            {"resource_implications", rec.resource_implications},
            {"status", code_of(rec.status)},
            {"sign_off", std::move(sign_off)},
            {"actions", std::move(actions)},
            {"exceptions", std::move(exceptions)},
            {"href", "/recommendations/" + std::to_string(rec.id)}};
}

json::object confirmation_json(const Confirmation& c) {
    return {{"organisation", std::to_string(c.organisation_id)},
            {"organisation_name", c.organisation_name},
            {"level", code_of(c.level)},
            {"confirmed_on", c.confirmed_on},
            {"evidence", c.evidence}};
}

json::object missing_json(const MissingConfirmation& m, const CaseView* view) {
    json::object row{{"case", std::to_string(m.case_id)},
                     {"organisation", std::to_string(m.organisation_id)},
                     {"level", code_of(m.level)}};
    if (view) row["organisation_name"] = view->name_of(m.organisation_id);
    return row;
}

json::object dissemination_json(const CaseView& view) {
    json::array confirmed;
    for (const auto& c : view.confirmations) confirmed.push_back(confirmation_json(c));
    json::array missing;
    for (const auto& m : view.missing) missing.push_back(missing_json(m, &view));
    return {{"case", std::to_string(view.c.id)}, {"confirmations", std::move(confirmed)},
            {"missing", std::move(missing)}};
}

json::object view_json(const CaseView& view, std::string_view on) {
    auto body = case_json(view.c, view.organisation_names);
    body["clock"] = clock_json(view.clock, on);
    json::array terms;
    for (const auto& t : view.terms) terms.push_back(terms_json(t));
    body["terms_of_reference"] = std::move(terms);
    json::array reports;
    for (const auto& r : view.reports) reports.push_back(report_json(r));
    body["agency_reports"] = std::move(reports);
    json::array recommendations;
    for (const auto& r : view.recommendations) recommendations.push_back(recommendation_json(r));
    body["recommendations"] = std::move(recommendations);
    body["dissemination"] = dissemination_json(view);
    return body;
}

}  // namespace safeboard::reviews
