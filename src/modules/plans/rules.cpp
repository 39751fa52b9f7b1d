#include "modules/plans/rules.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "modules/plans/progress.hpp"
#include "modules/plans/store.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/fields.hpp"
#include "platform/core/time.hpp"

namespace safeboard::plans {

namespace {

using Errors = FieldErrors;
using fields::block;
using fields::day;
using fields::get;
using fields::line;
using fields::shown;

std::unexpected<Error> rejected(Errors errors) { return invalid(std::move(errors)); }

SaveResult outcome(std::int64_t id, bool existed, bool changed) {
    return {id, !existed ? Saved::created : (changed ? Saved::updated : Saved::unchanged)};
}

bool any_in(const std::vector<std::int64_t>& ids, const access::ScopeFilter& reach) {
    return reach.everything || std::any_of(ids.begin(), ids.end(), [&](auto id) { return reach.allows(id); });
}

std::vector<std::int64_t> partnerships_of(const register_::Organisation& organisation) {
    std::vector<std::int64_t> ids;
    for (const auto& status : organisation.partnerships) ids.push_back(status.partnership_id);
    return ids;
}

// Every body, person and organisation within reach that the name names.
std::vector<Party> parties_named(db::Connection& db, const std::string& name, const access::ScopeFilter& reach,
                                 bool people_only) {
    std::vector<Party> found;
    for (const auto& person : register_::find_people_named(db, name, std::nullopt)) {
        if (register_::person_visible(db, person.id, reach)) found.push_back({PartyKind::person, person.id, person.name});
    }
    if (people_only) return found;
    for (const auto& body : register_::find_bodies_named(db, name)) {
        if (any_in(body.partnership_ids, reach)) found.push_back({PartyKind::body, body.id, body.name});
    }
    for (const auto& organisation : register_::find_organisations_named(db, name)) {
        if (any_in(partnerships_of(organisation), reach)) {
            found.push_back({PartyKind::organisation, organisation.id, organisation.name});
        }
    }
    return found;
}

std::optional<Party> one_party(db::Connection& db, Errors& errors, const std::string& field, const std::string& name,
                               const access::ScopeFilter& reach, bool people_only) {
    auto found = parties_named(db, name, reach, people_only);
    if (found.size() == 1) return found.front();
    std::string what = people_only ? "person" : "body, person or organisation";
    errors.push_back({field, found.empty() ? "There is no " + what + " called " + shown(name) + " in the register"
                                           : shown(name) + " names more than one " + what + "; use a full name"});
    return std::nullopt;
}

std::vector<Party> parties(db::Connection& db, Errors& errors, const Fields& f, const std::string& field,
                           const access::ScopeFilter& reach) {
    std::vector<Party> found;
    for (const auto& name : split_list(get(f, field))) {
        auto party = one_party(db, errors, field, name, reach, false);
        if (party && std::find(found.begin(), found.end(), *party) == found.end()) found.push_back(*party);
    }
    return found;
}

std::optional<std::int64_t> person(db::Connection& db, Errors& errors, const Fields& f, const std::string& field,
                                   const access::ScopeFilter& reach) {
    auto name = get(f, field);
    if (name.empty()) return std::nullopt;
    auto party = one_party(db, errors, field, name, reach, true);
    return party ? std::optional(party->id) : std::nullopt;
}

Timescale timescale(Errors& errors, const Fields& f, int year_starts_month) {
    auto parsed = parse_timescale(get(f, "timescale"), year_starts_month);
    if (parsed) return *parsed;
    for (const auto& e : parsed.error().fields) errors.push_back(e);
    if (parsed.error().fields.empty()) errors.push_back({"timescale", parsed.error().message});
    return {};
}

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<int> month_number(std::string_view text) {
    if (auto n = whole_number(text); n && *n >= 1 && *n <= 12) return n;
    return calendar::month_named(text);
}

std::string upper(std::string text) {
    for (auto& c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return text;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto item = trim(text.substr(start, end - start));
        if (!item.empty()) lines.push_back(item);
        start = end + 1;
    }
    return lines;
}

// The day `years` years after a YYYY-MM-DD date (29 February → 28 February).
std::string years_after(const std::string& date, int years) {
    auto year = std::stoi(date.substr(0, 4)) + years;
    auto moved = std::to_string(year) + date.substr(4);
    return parse_day(moved) ? moved : std::to_string(year) + "-02-28";
}

Status status_or(Errors& errors, const Fields& f, Status otherwise) {
    return fields::term<Status>(errors, f, "status", "Status", true).value_or(otherwise);
}

// A recommendation belongs to no plan, so a quarter of a reporting year
// ("Q1 2010/11") in its actions counts from April, the financial year.
constexpr int recommendation_year_starts_month = 4;

}  // namespace

// ---- columns ------------------------------------------------------------------------

const std::vector<std::string>& action_columns() {
    static const std::vector<std::string> columns{
        "number",      "objective",      "objective_title", "action",      "priorities",
        "actions_required", "outcome_measurement", "timescale", "responsibility", "status",
        "achievement", "issues_for_revised_plan", "carried_from"};
    return columns;
}

const std::vector<std::string>& recommendation_columns() {
    static const std::vector<std::string> columns{
        "source_reference", "number",   "source",     "source_title",       "source_date",
        "recommendation",   "owner",    "response",   "acceptance",         "acceptance_reasons",
        "resource_implications", "action", "timescale", "target_date",      "responsibility",
        "operational_lead", "senior_lead", "status"};
    return columns;
}

std::string sort_key(std::string_view number) {
    std::string key;
    std::size_t i = 0;
    while (i < number.size()) {
        if (number[i] >= '0' && number[i] <= '9') {
            std::size_t j = i;
            while (j < number.size() && number[j] >= '0' && number[j] <= '9') ++j;
            auto digits = std::string(number.substr(i, j - i));
            key += std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
            i = j;
        } else {
            key += static_cast<char>(number[i] >= 'A' && number[i] <= 'Z' ? number[i] - 'A' + 'a' : number[i]);
            ++i;
        }
    }
    return key;
}

// ---- plans ------------------------------------------------------------------------------

Result<SaveResult> save_plan(db::Connection& db, const Fields& f, std::int64_t partnership_id, Target target,
                             const audit::Actor& actor) {
    Errors errors;
    Plan plan;
    plan.partnership_id = partnership_id;
    plan.title = line(errors, f, "title", "Title", 1, 200);
    auto starts = day(errors, f, "starts_on", "Start date");
    auto ends = day(errors, f, "ends_on", "End date");
    if (!starts && get(f, "starts_on").empty()) errors.push_back({"starts_on", "Enter the start date"});
    if (!ends && get(f, "ends_on").empty()) errors.push_back({"ends_on", "Enter the end date"});
    if (starts && ends && *starts > *ends) errors.push_back({"ends_on", "End date must be on or after the start date"});
    auto month = month_number(get(f, "year_starts_month"));
    if (!month) errors.push_back({"year_starts_month", "Reporting year starts must be a month, like October or 10"});
    std::optional<Plan> existing;
    if (target.mode == Target::Mode::id) existing = find_plan(db, target.id);
    if (target.mode == Target::Mode::by_key) existing = find_plan_titled(db, partnership_id, plan.title);
    if (target.mode == Target::Mode::id && (!existing || existing->partnership_id != partnership_id)) {
        return fail(ErrorKind::not_found, "There is no such plan");
    }
    auto same_title = find_plan_titled(db, partnership_id, plan.title);
    if (same_title && (!existing || same_title->id != existing->id)) {
        errors.push_back({"title", "The partnership already has a plan called " + shown(plan.title)});
    }
    if (!errors.empty()) return rejected(std::move(errors));
    plan.starts_on = *starts;
    plan.ends_on = *ends;
    plan.year_starts_month = *month;
    if (!existing) return outcome(create_plan(db, plan, actor), false, true);
    plan.id = existing->id;
    plan.previous_plan_id = existing->previous_plan_id;
    plan.reviewed_on = existing->reviewed_on;
    return outcome(plan.id, true, update_plan(db, plan, actor));
}

Result<SaveResult> save_priority(db::Connection& db, const Plan& plan, const Fields& f, const audit::Actor& actor) {
    Errors errors;
    auto code = upper(line(errors, f, "code", "Code", 1, 8));
    auto title = line(errors, f, "title", "Title", 1, 500);
    if (!errors.empty()) return rejected(std::move(errors));
    auto priorities = priorities_of(db, plan.id);
    auto existed = std::any_of(priorities.begin(), priorities.end(), [&](const Priority& p) { return p.code == code; });
    auto id = save_priority(db, Priority{0, plan.id, code, title}, actor);
    return SaveResult{id, existed ? Saved::updated : Saved::created};
}

Result<SaveResult> save_objective(db::Connection& db, const Plan& plan, const Fields& f, const audit::Actor& actor) {
    Errors errors;
    auto number = whole_number(get(f, "number"));
    if (!number || *number < 1 || *number > 999) errors.push_back({"number", "Number must be a whole number from 1 to 999"});
    auto title = block(errors, f, "title", "Title", 1000);
    if (title.empty()) errors.push_back({"title", "Enter the objective"});
    if (!errors.empty()) return rejected(std::move(errors));
    auto existing = find_objective_numbered(db, plan.id, *number);
    Objective objective{0, plan.id, *number, title, existing ? existing->carried_from_id : std::nullopt};
    auto id = save_objective(db, objective, actor);
    return outcome(id, existing.has_value(), !existing || existing->title != title);
}


// ---- actions of a plan ----------------------------------------------------------------------

namespace {

// The objective a row names, made or retitled when the row gives its title.
std::optional<Objective> objective_of(db::Connection& db, Errors& errors, const Plan& plan, const Fields& f,
                                      const std::string& number) {
    auto text = get(f, "objective");
    if (text.empty()) text = number.substr(0, number.find('.'));
    auto n = whole_number(text);
    if (!n || *n < 1 || *n > 999) {
        errors.push_back({"objective", "Objective must be the objective's number, like 3"});
        return std::nullopt;
    }
    auto found = find_objective_numbered(db, plan.id, *n);
    auto title = block(errors, f, "objective_title", "Objective title", 1000);
    if (!found && title.empty()) {
        errors.push_back({"objective_title", "Enter the title of objective " + std::to_string(*n) +
                                                 " (it is not in the plan yet)"});
        return std::nullopt;
    }
    return found ? *found : Objective{0, plan.id, *n, title, std::nullopt};
}

std::vector<std::string> priority_codes(db::Connection& db, Errors& errors, const Plan& plan, const Fields& f) {
    auto codes = parse_priority_codes(get(f, "priorities"));
    auto known = priorities_of(db, plan.id);
    for (const auto& code : codes) {
        if (std::none_of(known.begin(), known.end(), [&](const Priority& p) { return p.code == code; })) {
            errors.push_back({"priorities", "The plan has no priority " + shown(code)});
        }
    }
    return codes;
}

std::optional<std::int64_t> carried_from(db::Connection& db, Errors& errors, const Plan& plan, const Fields& f) {
    auto number = get(f, "carried_from");
    if (number.empty()) return std::nullopt;
    if (!plan.previous_plan_id) {
        errors.push_back({"carried_from", "The plan does not follow another plan, so no action can be carried from one"});
        return std::nullopt;
    }
    auto found = find_action_numbered(db, plan.previous_plan_id, std::nullopt, number);
    if (!found) errors.push_back({"carried_from", "The previous plan has no action " + shown(number)});
    return found ? std::optional(found->id) : std::nullopt;
}

// The parts of an action every home shares: what it is, when, who, status.
void common_fields(db::Connection& db, Errors& errors, Action& a, const Fields& f, const std::string& title_field,
                   int year_starts_month, const access::ScopeFilter& reach) {
    a.title = block(errors, f, title_field, "The action", 2000);
    if (a.title.empty()) errors.push_back({title_field, "Enter the action"});
    a.timescale = timescale(errors, f, year_starts_month);
    a.responsibility = line(errors, f, "responsibility", "Responsibility", 0, 1000);
    a.responsible = parties(db, errors, f, "responsibility", reach);
}

}  // namespace

Result<SaveResult> save_plan_action(db::Connection& db, const Plan& plan, const Fields& f, Target target,
                                    const access::ScopeFilter& reach, const audit::Actor& actor) {
    Errors errors;
    std::optional<Action> existing;
    if (target.mode == Target::Mode::id) {
        existing = find_action(db, target.id);
        if (!existing || existing->plan_id != plan.id) return fail(ErrorKind::not_found, "There is no such action");
    }
    Action a = existing.value_or(Action{});
    a.partnership_id = plan.partnership_id;
    a.plan_id = plan.id;
    a.number = line(errors, f, "number", "Number", 1, 20);
    auto objective = objective_of(db, errors, plan, f, a.number);
    if (objective && !a.number.starts_with(std::to_string(objective->number) + ".")) {
        errors.push_back({"number", "Number must start with the objective's number and a dot, like " +
                                        std::to_string(objective->number) + ".1"});
    }
    common_fields(db, errors, a, f, "action", plan.year_starts_month, reach);
    a.priorities = priority_codes(db, errors, plan, f);
    a.required = block(errors, f, "actions_required", "Actions required", 10000);
    a.outcome = block(errors, f, "outcome_measurement", "Outcome measurement", 10000);
    a.status = status_or(errors, f, existing ? existing->status : Status::not_started);
    a.achievement = block(errors, f, "achievement", "Achievement", 10000);
    a.issues_for_revised_plan = block(errors, f, "issues_for_revised_plan", "Issues for revised plan", 10000);
    a.carried_from_id = carried_from(db, errors, plan, f);
    if (target.mode == Target::Mode::by_key && errors.empty()) existing = find_action_numbered(db, plan.id, {}, a.number);
    auto same = errors.empty() ? find_action_numbered(db, plan.id, {}, a.number) : std::nullopt;
    if (same && (!existing || same->id != existing->id)) {
        errors.push_back({"number", "The plan already has an action " + shown(a.number)});
    }
    if (!errors.empty()) return rejected(std::move(errors));
    if (!objective->id) objective->id = save_objective(db, *objective, actor);
    else if (!get(f, "objective_title").empty() && get(f, "objective_title") != objective->title) {
        objective->title = get(f, "objective_title");
        save_objective(db, *objective, actor);
    }
    a.objective_id = objective->id;
    if (!existing) return outcome(create_action(db, a, actor), false, true);
    a.id = existing->id;
    a.rag = existing->rag;
    return outcome(a.id, true, update_action(db, a, actor));
}

// ---- recommendations -------------------------------------------------------------------------

Result<SaveResult> save_recommendation(db::Connection& db, const Fields& f, std::int64_t partnership_id,
                                       Target target, const access::ScopeFilter& reach, const audit::Actor& actor) {
    Errors errors;
    std::optional<Recommendation> existing;
    if (target.mode == Target::Mode::id) {
        existing = find_recommendation(db, target.id);
        if (!existing || existing->partnership_id != partnership_id) {
            return fail(ErrorKind::not_found, "There is no such recommendation");
        }
    }
    Recommendation r = existing.value_or(Recommendation{});
    r.partnership_id = partnership_id;
    r.source = fields::term<Source>(errors, f, "source", "Source").value_or(Source::other);
    r.source_reference = line(errors, f, "source_reference", "Source reference", 1, 200);
    r.source_title = line(errors, f, "source_title", "Source title", 0, 500);
    r.source_date = day(errors, f, "source_date", "Source date");
    r.number = line(errors, f, "number", "Number", 1, 20);
    r.text = block(errors, f, "recommendation", "The recommendation", 10000);
    if (r.text.empty()) errors.push_back({"recommendation", "Enter the recommendation"});
    r.owner_wording = line(errors, f, "owner", "Owner", 0, 500);
    r.owner = r.owner_wording.empty() ? std::nullopt : one_party(db, errors, "owner", r.owner_wording, reach, false);
    r.response = block(errors, f, "response", "Response", 20000);
    r.acceptance = fields::term<Acceptance>(errors, f, "acceptance", "Acceptance", true);
    r.acceptance_reasons = block(errors, f, "acceptance_reasons", "Reasons", 5000);
    r.resource_implications = block(errors, f, "resource_implications", "Resource implications", 5000);
    if (target.mode == Target::Mode::by_key && errors.empty()) {
        existing = find_recommendation_numbered(db, partnership_id, r.source_reference, r.number);
    }
    auto same = errors.empty() ? find_recommendation_numbered(db, partnership_id, r.source_reference, r.number)
                               : std::nullopt;
    if (same && (!existing || same->id != existing->id)) {
        errors.push_back({"number", "There is already a recommendation " + shown(r.number) + " from " +
                                        shown(r.source_reference)});
    }
    if (!errors.empty()) return rejected(std::move(errors));
    if (!existing) return outcome(create_recommendation(db, r, actor), false, true);
    r.id = existing->id;
    return outcome(r.id, true, update_recommendation(db, r, actor));
}

Result<SaveResult> save_recommendation_action(db::Connection& db, const Recommendation& recommendation,
                                              const Fields& f, Target target, const access::ScopeFilter& reach,
                                              const audit::Actor& actor) {
    Errors errors;
    std::optional<Action> existing;
    if (target.mode == Target::Mode::id) {
        existing = find_action(db, target.id);
        if (!existing || existing->recommendation_id != recommendation.id) {
            return fail(ErrorKind::not_found, "There is no such action");
        }
    }
    ActionQuery siblings;
    siblings.reach.everything = true;
    siblings.recommendation = recommendation.id;
    auto others = all_actions(db, siblings);
    Action a = existing.value_or(Action{});
    a.partnership_id = recommendation.partnership_id;
    a.recommendation_id = recommendation.id;
    common_fields(db, errors, a, f, "action", recommendation_year_starts_month, reach);
    a.target_date = day(errors, f, "target_date", "Target date");
    a.operational_lead_id = person(db, errors, f, "operational_lead", reach);
    a.senior_lead_id = person(db, errors, f, "senior_lead", reach);
    a.status = status_or(errors, f, existing ? existing->status : Status::not_started);
    if (!errors.empty()) return rejected(std::move(errors));
    if (target.mode == Target::Mode::by_key) {
        auto same = std::find_if(others.begin(), others.end(), [&](const Action& o) { return o.title == a.title; });
        if (same != others.end()) existing = *same;
    }
    if (!existing) {
        auto taken = [&](const std::string& number) {
            return std::any_of(others.begin(), others.end(), [&](const Action& o) { return o.number == number; });
        };
        a.number = get(f, "number");
        for (auto next = others.size() + 1; a.number.empty() || (get(f, "number").empty() && taken(a.number)); ++next) {
            a.number = std::to_string(next);
        }
        if (taken(a.number)) {
            return rejected({{"number", "Recommendation " + shown(recommendation.number) +
                                            " already has an action numbered " + shown(a.number)}});
        }
        return outcome(create_action(db, a, actor), false, true);
    }
    a.id = existing->id;
    a.number = existing->number;
    a.rag = existing->rag;
    return outcome(a.id, true, update_action(db, a, actor));
}

// ---- actions arising at meetings ----------------------------------------------------------

Result<SaveResult> save_meeting_action(db::Connection& db, std::int64_t partnership_id, std::int64_t meeting_id,
                                       std::optional<std::int64_t> agenda_item_id, const Fields& f,
                                       const access::ScopeFilter& reach, const audit::Actor& actor) {
    Errors errors;
    Action a;
    a.partnership_id = partnership_id;
    a.meeting_id = meeting_id;
    a.agenda_item_id = agenda_item_id;
    a.title = block(errors, f, "action", "The action", 2000);
    if (a.title.empty()) errors.push_back({"action", "Enter the action"});
    a.target_date = day(errors, f, "target_date", "Target date");
    if (!a.target_date && get(f, "target_date").empty()) {
        errors.push_back({"target_date", "Enter the target date"});
    }
    a.responsibility = line(errors, f, "responsibility", "Responsibility", 0, 1000);
    a.responsible = parties(db, errors, f, "responsibility", reach);
    if (a.responsibility.empty()) {
        errors.push_back({"responsibility", "Enter who is responsible: a body, person or organisation of the register"});
    }
    a.status = status_or(errors, f, Status::not_started);
    if (!errors.empty()) return rejected(std::move(errors));
    // The next free number (a unique index stops two writers both taking it).
    ActionQuery siblings;
    siblings.reach.everything = true;
    siblings.meeting = meeting_id;
    auto others = all_actions(db, siblings);
    for (auto next = others.size() + 1; a.number.empty(); ++next) {
        auto number = std::to_string(next);
        if (std::none_of(others.begin(), others.end(), [&](const Action& o) { return o.number == number; })) {
            a.number = number;
        }
    }
    return outcome(create_action(db, a, actor), false, true);
}

// ---- progress and the yearly review ---------------------------------------------------------

Result<SaveResult> save_update(db::Connection& db, const Action& action, const Fields& f,
                               const std::vector<Evidence>& files, const Author& author, const audit::Actor& actor) {
    Errors errors;
    Update u;
    u.action_id = action.id;
    auto written = day(errors, f, "written_on", "Date");
    u.written_on = written.value_or(today_utc());
    if (written && *written > today_utc()) errors.push_back({"written_on", "Date must be today or in the past"});
    u.narrative = block(errors, f, "narrative", "Progress", 10000);
    if (u.narrative.empty()) errors.push_back({"narrative", "Enter the progress made"});
    auto rag = fields::term<Rag>(errors, f, "rag", "RAG rating");
    auto status = fields::term<Status>(errors, f, "status", "Status");
    for (const auto& url : split_lines(get(f, "links"))) {
        if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() > 2000 ||
            url.find_first_of(" \t\"<>") != std::string::npos) {
            errors.push_back({"links", "Each link must be a web address starting https://, one to a line: " + shown(url)});
        } else {
            u.evidence.push_back(Evidence{0, url, "", "", "", 0});
        }
    }
    if (!errors.empty()) return rejected(std::move(errors));
    u.rag = *rag;
    u.status = *status;
    u.author_user_id = author.user_id;
    u.author_name = author.name;
    for (const auto& file : files) u.evidence.push_back(file);
    return SaveResult{add_update(db, u, actor), Saved::created};
}

Result<SaveResult> save_review(db::Connection& db, const Action& action, const Fields& f, const audit::Actor& actor) {
    Errors errors;
    Action a = action;
    a.achievement = block(errors, f, "achievement", "Achievement", 10000);
    a.issues_for_revised_plan = block(errors, f, "issues_for_revised_plan", "Issues for revised plan", 10000);
    if (!errors.empty()) return rejected(std::move(errors));
    return outcome(a.id, true, update_action(db, a, actor));
}

Result<SaveResult> complete_review(db::Connection& db, const Plan& plan, const Fields& f, const audit::Actor& actor) {
    Errors errors;
    auto on = day(errors, f, "reviewed_on", "Date of the review");
    if (!errors.empty()) return rejected(std::move(errors));
    Plan changed = plan;
    changed.reviewed_on = on.value_or(today_utc());
    return outcome(plan.id, true, update_plan(db, changed, actor));
}

Result<SaveResult> roll_forward(db::Connection& db, const Plan& plan, const Fields& f, const audit::Actor& actor) {
    if (!plan.reviewed_on) {
        return std::unexpected(rejected({{"plan", "Complete the yearly review of " + shown(plan.title) +
                                                      " before rolling it forward"}}));
    }
    // The next period is as many whole years long as this one.
    auto next_start = add_days(plan.ends_on, 1);
    auto years = std::max(1, std::stoi(next_start.substr(0, 4)) - std::stoi(plan.starts_on.substr(0, 4)));
    Fields plan_fields{{"title", get(f, "title")},
                       {"starts_on", get(f, "starts_on").empty() ? next_start : get(f, "starts_on")},
                       {"ends_on", get(f, "ends_on").empty() ? years_after(plan.ends_on, years) : get(f, "ends_on")},
                       {"year_starts_month", std::to_string(plan.year_starts_month)}};
    auto created = save_plan(db, plan_fields, plan.partnership_id, {}, actor);
    if (!created) return created;
    auto next = *find_plan(db, created->id);
    next.previous_plan_id = plan.id;
    update_plan(db, next, actor);
    for (const auto& priority : priorities_of(db, plan.id)) {
        save_priority(db, Priority{0, next.id, priority.code, priority.title}, actor);
    }
    std::map<std::int64_t, std::int64_t> objectives;  // old id → new id
    for (const auto& objective : objectives_of(db, plan.id)) {
        objectives[objective.id] = save_objective(db, Objective{0, next.id, objective.number, objective.title, objective.id}, actor);
    }
    ActionQuery query;
    query.reach.everything = true;
    query.plan = plan.id;
    for (const auto& action : all_actions(db, query)) {
        bool open = !finished(action.status);
        if (!open && action.issues_for_revised_plan.empty()) continue;
        Action carried = action;
        carried.id = 0;
        carried.plan_id = next.id;
        carried.objective_id = objectives[action.objective_id.value_or(0)];
        carried.required = action.issues_for_revised_plan.empty() ? action.required : action.issues_for_revised_plan;
        carried.timescale = {};
        carried.target_date.reset();
        carried.status = Status::not_started;
        carried.rag.reset();
        carried.achievement.clear();
        carried.issues_for_revised_plan.clear();
        carried.carried_from_id = action.id;
        create_action(db, carried, actor);
    }
    return created;
}

// ---- export ------------------------------------------------------------------------------------

namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
    return text;
}

}  // namespace

Fields fields_of(const Action& a, const std::vector<Objective>& objectives,
                 const std::vector<Action>& previous_plan_actions) {
    Fields f{{"number", a.number},
             {"action", a.title},
             {"priorities", joined(a.priorities, ", ")},
             {"actions_required", a.required},
             {"outcome_measurement", a.outcome},
             {"timescale", a.timescale.wording},
             {"responsibility", a.responsibility},
             {"status", std::string(code_of(a.status))},
             {"achievement", a.achievement},
             {"issues_for_revised_plan", a.issues_for_revised_plan}};
    for (const auto& o : objectives) {
        if (a.objective_id == o.id) {
            f["objective"] = std::to_string(o.number);
            f["objective_title"] = o.title;
        }
    }
    for (const auto& previous : previous_plan_actions) {
        if (a.carried_from_id == previous.id) f["carried_from"] = previous.number;
    }
    return f;
}

Fields fields_of(const Recommendation& r, const Action* a) {
    Fields f{{"source", std::string(code_of(r.source))},
             {"source_reference", r.source_reference},
             {"source_title", r.source_title},
             {"source_date", r.source_date.value_or("")},
             {"number", r.number},
             {"recommendation", r.text},
             {"owner", r.owner_wording},
             {"response", r.response},
             {"acceptance", r.acceptance ? std::string(code_of(*r.acceptance)) : ""},
             {"acceptance_reasons", r.acceptance_reasons},
             {"resource_implications", r.resource_implications}};
    if (!a) return f;
    f["action"] = a->title;
    f["timescale"] = a->timescale.wording;
    f["target_date"] = a->target_date.value_or("");
    f["responsibility"] = a->responsibility;
    f["operational_lead"] = a->operational_lead_name;
    f["senior_lead"] = a->senior_lead_name;
    f["status"] = std::string(code_of(a->status));
    return f;
}

}  // namespace safeboard::plans
