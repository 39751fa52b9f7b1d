#include "modules/reviews/save.hpp"

#include <algorithm>
#include <charconv>

#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/clock_rules.hpp"
#include "modules/reviews/rules.hpp"
#include "modules/reviews/store.hpp"
#include "modules/reviews/vocabulary.hpp"

namespace safeboard::reviews {

namespace {

using fields::get;

// An id typed as digits (an API's, or a form's select).
std::optional<std::int64_t> parse_positive_id(std::string_view text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

bool in_partnership(const register_::Organisation& organisation, std::int64_t partnership_id) {
    return std::ranges::any_of(organisation.partnerships,
                               [&](const auto& status) { return status.partnership_id == partnership_id; });
}

// An organisation of the partnership by id, name or short name.
std::optional<register_::Organisation> organisation_in(db::Connection& db, std::int64_t partnership_id,
                                                       const std::string& text, const std::string& field,
                                                       std::string_view label, FieldErrors& errors) {
    std::vector<register_::Organisation> found;
    if (auto id = parse_positive_id(text)) {
        if (auto one = register_::find_organisation(db, *id)) found.push_back(*one);
    } else {
        found = register_::find_organisations_named(db, text);
    }
    std::erase_if(found, [&](const auto& o) { return !in_partnership(o, partnership_id); });
    if (found.size() == 1) return found.front();
    errors.push_back({field, found.empty() ? std::string(label) + " " + fields::shown(text) +
                                                 " is not an organisation of this partnership"
                                           : std::string(label) + " " + fields::shown(text) +
                                                 " names several organisations: give its full name"});
    return std::nullopt;
}

// A person of the register by id or name (of one organisation when given).
std::optional<register_::Person> person_named(db::Connection& db, const std::string& text, const std::string& field,
                                              std::string_view label, std::optional<std::int64_t> organisation,
                                              FieldErrors& errors) {
    std::vector<register_::Person> found;
    if (auto id = parse_positive_id(text)) {
        if (auto one = register_::find_person(db, *id)) found.push_back(*one);
        if (organisation) std::erase_if(found, [&](const auto& p) { return p.organisation_id != organisation; });
    } else {
        found = register_::find_people_named(db, text, organisation);
    }
    if (found.size() == 1) return found.front();
    std::string where = organisation ? " of the organisation concerned" : " in the register";
    errors.push_back({field, found.empty() ? std::string(label) + " " + fields::shown(text) + " is not a person" + where
                                           : std::string(label) + " " + fields::shown(text) +
                                                 " names several people: give their id"});
    return std::nullopt;
}

std::optional<std::string> required_day(FieldErrors& errors, const Fields& f, const std::string& field,
                                        std::string_view label) {
    auto day = fields::day(errors, f, field, label);
    if (!day && get(f, field).empty()) errors.push_back({field, "Enter " + lower_ascii(label)});
    return day;
}

// Not after today: what is recorded as done has happened.
void not_future(FieldErrors& errors, const std::optional<std::string>& day, const std::string& today,
                const std::string& field, std::string_view label) {
    if (day && *day > today) errors.push_back({field, std::string(label) + " must not be in the future"});
}

void case_fields(db::Connection& db, const Fields& f, bool creating, Case& c, std::vector<std::int64_t>& agencies,
                 FieldErrors& errors) {
    if (creating || f.contains("reference")) c.reference = fields::line(errors, f, "reference", "Reference", 1, 100);
    if (creating || f.contains("incident_on")) {
        c.incident_on = required_day(errors, f, "incident_on", "Date of the incident").value_or(c.incident_on);
    }
    if (creating || f.contains("became_aware_on")) {
        c.became_aware_on = required_day(errors, f, "became_aware_on", "Date the local authority became aware")
                                .value_or(c.became_aware_on);
    }
    if (f.contains("status")) {
        if (auto status = fields::term<CaseStatus>(errors, f, "status", "Status")) c.status = *status;
    }
    if (f.contains("learning")) c.learning = fields::block(errors, f, "learning", "Lessons learned", 8000);
    for (const auto& name : split_list(get(f, "agencies"))) {
        auto found = organisation_in(db, c.partnership_id, name, "agencies", "Agency", errors);
        if (found && std::ranges::find(c.agencies, found->id) == c.agencies.end() &&
            std::ranges::find(agencies, found->id) == agencies.end()) {
            agencies.push_back(found->id);
        }
    }
}

}  // namespace

Result<std::int64_t> save_case(db::Connection& db, const Fields& f, std::int64_t partnership_id,
                               const std::optional<Case>& existing, const std::string& today,
                               const audit::Actor& actor) {
    Case c = existing.value_or(Case{});
    if (!existing) c.partnership_id = partnership_id;
    FieldErrors errors;
    std::vector<std::int64_t> added;
    case_fields(db, f, !existing, c, added, errors);
    if (errors.empty()) {
        if (auto checked = check_case(c, today); !checked) errors = checked.error().fields;
    }
    auto same = errors.empty() ? find_case_by_reference(db, c.partnership_id, c.reference) : std::nullopt;
    if (same && same->id != c.id) {
        errors.push_back({"reference", "Another case of this partnership has the reference " +
                                           fields::shown(c.reference)});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    if (!existing) {
        c.agencies = added;
        return create_case(db, c, actor);
    }
    update_case(db, c, actor);
    for (auto organisation : added) add_agency(db, c.id, organisation, actor);
    return c.id;
}

Status save_decision(db::Connection& db, const Case& c, const Fields& f, const std::string& today,
                     const audit::Actor& actor) {
    FieldErrors errors;
    auto kind = fields::term<DecisionKind>(errors, f, "decision", "Decision");
    auto on = required_day(errors, f, "ratified_on", "Date the decision was ratified");
    not_future(errors, on, today, "ratified_on", "Date the decision was ratified");
    std::optional<register_::Organisation> partner;
    if (get(f, "ratified_by").empty()) {
        errors.push_back({"ratified_by", "Choose the statutory partner who ratified the decision"});
    } else {
        partner = organisation_in(db, c.partnership_id, get(f, "ratified_by"), "ratified_by", "Ratified by", errors);
    }
    if (partner) {
        auto partners = register_::statutory_partners(db, c.partnership_id);
        if (std::ranges::none_of(partners, [&](const auto& o) { return o.id == partner->id; })) {
            errors.push_back({"ratified_by", partner->name + " is not a statutory partner of this partnership"});
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    Case changed = c;
    changed.decision = Decision{*kind, partner->id, *on};
    if (auto checked = check_case(changed, today); !checked) {
        FieldErrors renamed;
        for (auto e : checked.error().fields) {
            if (e.field.starts_with("decision.")) e.field = e.field.substr(9);
            renamed.push_back(std::move(e));
        }
        return invalid(std::move(renamed));
    }
    update_case(db, changed, actor);
    return {};
}

Status save_step(db::Connection& db, const Case& c, const Fields& f, const std::string& today,
                 const audit::Actor& actor) {
    FieldErrors errors;
    auto step = get(f, "step");
    auto partnership = register_::find_partnership(db, c.partnership_id);
    auto rules = rules_for(statutory_clock_rules(), partnership ? partnership->code : "");
    bool known = std::ranges::any_of(rules, [&](const ClockRule& r) { return r.step == step; });
    if (step.empty()) errors.push_back({"step", "Choose the step"});
    else if (!known) errors.push_back({"step", "Step " + fields::shown(step) + " is not a step of this partnership's reviews"});
    else if (step == "decision") errors.push_back({"step", "Record the decision with who ratified it"});
    auto on = required_day(errors, f, "done_on", "Date done");
    not_future(errors, on, today, "done_on", "Date done");
    auto evidence = fields::block(errors, f, "evidence", "Evidence", 2000);
    if (!errors.empty()) return invalid(std::move(errors));
    Case changed = c;
    changed.steps[step] = StepDone{*on, evidence};
    if (step == "closure") changed.status = CaseStatus::closed;
    if (auto checked = check_case(changed, today); !checked) {
        FieldErrors renamed;
        for (auto e : checked.error().fields) {
            auto prefix = "steps." + step + ".";
            if (e.field.starts_with(prefix)) e.field = e.field.substr(prefix.size());
            renamed.push_back(std::move(e));
        }
        return invalid(std::move(renamed));
    }
    record_step(db, c.id, step, changed.steps[step], actor);
    if (changed.status != c.status) update_case(db, changed, actor);
    return {};
}

Result<std::int64_t> save_agency_report(db::Connection& db, const Case& c, const Fields& f,
                                        std::optional<std::int64_t> report_id, const std::string& today,
                                        const audit::Actor& actor) {
    FieldErrors errors;
    auto received = fields::day(errors, f, "received_on", "Date received");
    not_future(errors, received, today, "received_on", "Date received");
    if (received && *received < c.became_aware_on) {
        errors.push_back({"received_on", "Date received must not be before the authority became aware"});
    }
    if (report_id) {
        if (!received && errors.empty()) errors.push_back({"received_on", "Enter date received"});
        if (!errors.empty()) return invalid(std::move(errors));
        receive_agency_report(db, *report_id, *received, actor);
        return *report_id;
    }
    std::optional<register_::Organisation> organisation;
    if (get(f, "organisation").empty()) errors.push_back({"organisation", "Choose the agency asked for a report"});
    else organisation = organisation_in(db, c.partnership_id, get(f, "organisation"), "organisation", "Agency", errors);
    auto due = required_day(errors, f, "due_on", "Date due");
    if (due && *due < c.became_aware_on) {
        errors.push_back({"due_on", "Date due must not be before the authority became aware"});
    }
    std::optional<register_::Person> manager;
    if (!get(f, "senior_manager").empty()) {
        manager = person_named(db, get(f, "senior_manager"), "senior_manager", "Senior manager",
                               organisation ? std::optional(organisation->id) : std::nullopt, errors);
    }
    if (organisation) {
        auto reports = agency_reports_of(db, c.id);
        if (std::ranges::any_of(reports, [&](const auto& r) { return r.organisation_id == organisation->id; })) {
            errors.push_back({"organisation", organisation->name + " has already been asked for a report"});
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    add_agency(db, c.id, organisation->id, actor);
    AgencyReport report{0, c.id, organisation->id, organisation->name, *due,
                        manager ? std::optional(manager->id) : std::nullopt, received};
    return add_agency_report(db, report, actor);
}

Result<std::int64_t> save_terms_of_reference(db::Connection& db, const Case& c, const Fields& f,
                                             const audit::Actor& actor) {
    FieldErrors errors;
    auto summary = fields::block(errors, f, "summary", "Terms of reference", 4000);
    if (errors.empty() && summary.empty()) errors.push_back({"summary", "Enter the terms of reference"});
    if (!errors.empty()) return invalid(std::move(errors));
    return add_terms_of_reference(db, c.id, summary, actor);
}

Status sign_off_terms(db::Connection& db, const Case& c, std::int64_t terms_id, const Fields& f,
                      const std::string& today, const audit::Actor& actor) {
    FieldErrors errors;
    auto versions = terms_of_reference_of(db, c.id);
    auto version = std::ranges::find(versions, terms_id, &TermsOfReference::id);
    if (version == versions.end()) errors.push_back({"terms", "These terms of reference are not the case's"});
    else if (version->signed_off()) errors.push_back({"terms", "This version is already signed off"});
    std::optional<register_::Person> chair;
    if (get(f, "signed_off_by").empty()) errors.push_back({"signed_off_by", "Choose the chair who signed them off"});
    else chair = person_named(db, get(f, "signed_off_by"), "signed_off_by", "Signed off by", std::nullopt, errors);
    auto on = required_day(errors, f, "signed_off_on", "Date signed off");
    not_future(errors, on, today, "signed_off_on", "Date signed off");
    if (on && *on < c.became_aware_on) {
        errors.push_back({"signed_off_on", "Date signed off must not be before the authority became aware"});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    sign_off_terms_of_reference(db, terms_id, chair->id, *on, actor);
    // The clock's step is the first sign-off; a later version is re-signed
    // without moving it.
    if (!c.steps.contains("terms_of_reference")) {
        record_step(db, c.id, "terms_of_reference", {*on, "Version " + std::to_string(version->version)}, actor);
    }
    return {};
}

Result<std::int64_t> save_recommendation(db::Connection& db, const Case& c, const Fields& f,
                                         const access::ScopeFilter& reach, const audit::Actor& actor) {
    Fields row = f;
    row["source"] = "case_review";
    row["source_reference"] = c.reference;
    if (get(row, "source_title").empty()) row["source_title"] = "Learning review " + c.reference;
    auto saved = plans::save_recommendation(db, row, c.partnership_id, {plans::Target::Mode::by_key, 0}, reach, actor);
    if (!saved) return std::unexpected(saved.error());
    if (get(f, "action").empty()) return saved->id;
    // The row's number is the recommendation's; its actions are numbered in turn.
    Fields action = f;
    action.erase("number");
    auto recommendation = *plans::find_recommendation(db, saved->id);
    auto with_action = plans::save_recommendation_action(db, recommendation, action,
                                                         {plans::Target::Mode::by_key, 0}, reach, actor);
    if (!with_action) return std::unexpected(with_action.error());
    return saved->id;
}

Status sign_off_recommendation(db::Connection& db, const Case& c, std::int64_t recommendation_id, const Fields& f,
                               const std::string& today, const audit::Actor& actor) {
    FieldErrors errors;
    auto recommendation = plans::find_recommendation(db, recommendation_id);
    if (!recommendation || recommendation->source != plans::Source::case_review ||
        recommendation->source_reference != c.reference || recommendation->partnership_id != c.partnership_id) {
        return invalid({{"recommendation", "This recommendation is not one of the review's"}});
    }
    std::optional<std::int64_t> agency;
    if (recommendation->owner && recommendation->owner->kind == plans::PartyKind::organisation) {
        agency = recommendation->owner->id;
    }
    std::optional<register_::Person> signer;
    if (get(f, "signed_off_by").empty()) errors.push_back({"signed_off_by", "Choose who signed it off for the agency"});
    else signer = person_named(db, get(f, "signed_off_by"), "signed_off_by", "Signed off by", agency, errors);
    auto on = required_day(errors, f, "signed_off_on", "Date signed off");
    not_future(errors, on, today, "signed_off_on", "Date signed off");
    auto signed_before = sign_offs_of(db, c.id);
    if (std::ranges::any_of(signed_before, [&](const SignOff& s) { return s.recommendation_id == recommendation_id; })) {
        errors.push_back({"recommendation", "This recommendation is already signed off"});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    record_sign_off(db, {recommendation_id, c.id, signer->id, signer->name, *on}, actor);
    return {};
}

Status save_confirmation(db::Connection& db, const Case& c, const Fields& f, const std::string& today,
                         const audit::Actor& actor) {
    FieldErrors errors;
    std::optional<register_::Organisation> organisation;
    if (get(f, "organisation").empty()) errors.push_back({"organisation", "Choose the agency"});
    else organisation = organisation_in(db, c.partnership_id, get(f, "organisation"), "organisation", "Agency", errors);
    if (organisation && std::ranges::find(c.agencies, organisation->id) == c.agencies.end()) {
        errors.push_back({"organisation", organisation->name + " is not an agency involved in this review"});
    }
    auto level = fields::term<LearningLevel>(errors, f, "level", "Level");
    auto on = required_day(errors, f, "confirmed_on", "Date confirmed");
    not_future(errors, on, today, "confirmed_on", "Date confirmed");
    if (on && *on < c.became_aware_on) {
        errors.push_back({"confirmed_on", "Date confirmed must not be before the authority became aware"});
    }
    auto evidence = fields::block(errors, f, "evidence", "Evidence", 2000);
    if (errors.empty() && evidence.empty()) {
        errors.push_back({"evidence", "Enter what shows the learning was shared"});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    record_confirmation(db, {c.id, organisation->id, organisation->name, *level, *on, evidence}, actor);
    return {};
}

}  // namespace safeboard::reviews
