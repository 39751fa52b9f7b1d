#include "modules/register/rules.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "modules/register/policy.hpp"
#include "modules/register/store.hpp"
#include "modules/register/vocabulary.hpp"
#include "platform/core/text.hpp"
#include "platform/core/time.hpp"

namespace safeboard::register_ {

namespace {

using Errors = std::vector<FieldError>;
using fields::block;
using fields::day;
using fields::flag;
using fields::get;
using fields::line;
using fields::shown;

template <typename E>
E term(Errors& errors, const Fields& fields, const std::string& field, std::string_view label) {
    return fields::term<E>(errors, fields, field, label).value_or(terms<E>().front().value);
}

void in_order(Errors& errors, const std::optional<std::string>& from, const std::optional<std::string>& to,
              const std::string& field, std::string_view message) {
    if (from && to && *from > *to) errors.push_back({field, std::string(message)});
}

SaveResult outcome(std::int64_t id, bool existed, bool changed) {
    return {id, !existed ? Saved::created : (changed ? Saved::updated : Saved::unchanged)};
}

// One organisation by name or short name, or an error naming the field.
std::optional<std::int64_t> organisation_named(db::Connection& db, Errors& errors, const std::string& field,
                                               const std::string& name) {
    auto found = find_organisations_named(db, name);
    if (found.size() == 1) return found.front().id;
    errors.push_back({field, found.empty() ? "There is no organisation named " + shown(name) + " in the register"
                                           : shown(name) + " is the short name of several organisations; use the full name"});
    return std::nullopt;
}

std::optional<std::int64_t> body_named(db::Connection& db, Errors& errors, const std::string& field,
                                       const std::string& name) {
    auto found = find_bodies_named(db, name);
    if (found.size() == 1) return found.front().id;
    errors.push_back({field, found.empty() ? "There is no body named " + shown(name) + " in the register"
                                           : shown(name) + " is the short name of several bodies; use the full name"});
    return std::nullopt;
}

// The record with exactly this name (not a short name), if any.
template <typename Record>
std::optional<Record> exact(const std::vector<Record>& found, std::string_view name) {
    for (const auto& record : found) {
        if (lower_ascii(record.name) == lower_ascii(trim(name))) return record;
    }
    return std::nullopt;
}

// The record a save changes, for records known by a unique name: the one with
// this id, the one with this name (an import), or none (a new one, whose name
// must be free). A taken name is an error on "name"; nullopt for a missing id.
template <typename Record, typename FindById, typename FindNamed>
std::optional<std::optional<Record>> target_record(Target target, const std::string& name, std::string_view what,
                                                   Errors& errors, FindById find_by_id, FindNamed find_named) {
    auto named = name.empty() ? std::nullopt : exact(find_named(name), name);
    if (target.mode == Target::Mode::id) {
        std::optional<Record> existing = find_by_id(target.id);
        if (!existing) return std::nullopt;
        if (named && named->id != target.id) errors.push_back({"name", "Another " + std::string(what) + " is already called " + shown(name)});
        return existing;
    }
    if (target.mode == Target::Mode::by_name) return named;
    if (named) errors.push_back({"name", "There is already " + std::string(what == "organisation" ? "an " : "a ") + std::string(what) + " called " + shown(name) + " in the register"});
    return std::optional<Record>{};
}

// A record chosen by its id (from a list on a page) rather than named.
std::optional<std::int64_t> chosen_id(const Fields& fields, const std::string& field) {
    auto text = get(fields, field);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

// The other end of a line from `body_id`: a body the user can see, not the body itself.
bool good_line_end(Errors& errors, const std::string& field, std::int64_t body_id, const std::optional<Body>& other,
                   const access::ScopeFilter& reach, const std::string& asked) {
    if (trim(asked).empty()) {
        errors.push_back({field, "Choose the body the line goes to"});
        return false;
    }
    if (!other || !may_read(*other, reach)) {
        errors.push_back({field, "There is no body " + shown(asked) + " you can draw a line to"});
        return false;
    }
    if (other->id == body_id) {
        errors.push_back({field, "A body cannot have a line to itself (" + shown(asked) + ")"});
        return false;
    }
    return true;
}

bool is_vacancy_word(std::string_view text) {
    auto key = lower_ascii(trim(text));
    return key == "to be identified" || key == "position vacant" || key == "vacant" || key == "tbc";
}

std::string join(const std::vector<std::string>& items) {
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : "; ") + item;
    return joined;
}

const std::vector<std::pair<std::string, RelationKind>>& relation_columns() {
    static const std::vector<std::pair<std::string, RelationKind>> columns{
        {"reports_to", RelationKind::reports_to},
        {"scrutinises", RelationKind::scrutinises},
        {"escalates_to", RelationKind::escalates_to},
        {"links_with", RelationKind::links_with}};
    return columns;
}

}  // namespace

const std::vector<std::string>& organisation_columns() {
    static const std::vector<std::string> columns{"name", "short_name", "sector", "parent", "statutory_partner",
                                                  "relevant_agency", "lead_areas", "active_from", "active_to"};
    return columns;
}
const std::vector<std::string>& person_columns() {
    static const std::vector<std::string> columns{"name", "job_title", "organisation", "email", "phone"};
    return columns;
}
const std::vector<std::string>& body_columns() {
    static const std::vector<std::string> columns{
        "name",    "short_name",         "kind",        "partnerships", "purpose",     "terms_of_reference",
        "meeting_frequency", "reports_to", "scrutinises", "escalates_to", "links_with"};
    return columns;
}
const std::vector<std::string>& membership_columns() {
    static const std::vector<std::string> columns{"body",   "seat_title", "role",      "organisation",
                                                  "person", "vacancy",    "starts_on", "ends_on"};
    return columns;
}

// ---- organisations ----------------------------------------------------------------

Result<SaveResult> save_organisation(db::Connection& db, const Fields& fields, std::int64_t partnership_id,
                                     Target target, const audit::Actor& actor, const DefinedLater& defined_later) {
    Errors errors;
    Organisation o;
    o.name = line(errors, fields, "name", "Name", 1, 200);
    o.short_name = line(errors, fields, "short_name", "Short name", 0, 40);
    o.sector = term<Sector>(errors, fields, "sector", "Sector");
    o.active_from = day(errors, fields, "active_from", "Active from");
    o.active_to = day(errors, fields, "active_to", "Active to");
    in_order(errors, o.active_from, o.active_to, "active_to", "Active to must be on or after active from");
    PartnerStatus status{partnership_id, "", flag(errors, fields, "statutory_partner", "Statutory partner"),
                         flag(errors, fields, "relevant_agency", "Relevant agency"), {}};
    for (const auto& area : split_list(get(fields, "lead_areas"))) {
        if (auto problem = check_line("lead_areas", "Each lead area", area, 1, 500)) errors.push_back(*problem);
        status.lead_areas.push_back(area);
    }

    auto found = target_record<Organisation>(
        target, o.name, "organisation", errors, [&](std::int64_t id) { return find_organisation(db, id); },
        [&](const std::string& name) { return find_organisations_named(db, name); });
    if (!found) return fail(ErrorKind::not_found, "There is no organisation " + std::to_string(target.id));
    auto existing = *found;
    if (existing) o.parent_id = existing->parent_id;
    if (auto parent = get(fields, "parent"); !parent.empty()) {
        Errors parent_errors;
        auto parent_id = organisation_named(db, parent_errors, "parent", parent);
        if (parent_id) {
            o.parent_id = parent_id;
        } else if (!defined_later || !defined_later(parent)) {
            errors.insert(errors.end(), parent_errors.begin(), parent_errors.end());
        }
    } else {
        o.parent_id.reset();
    }
    if (existing && o.parent_id) {
        // Walk up from the parent: meeting this organisation again would make a loop.
        auto step = o.parent_id;
        for (int depth = 0; step && depth < 100; ++depth) {
            if (*step == existing->id) {
                errors.push_back({"parent", "An organisation cannot be its own parent, directly or through others"});
                break;
            }
            auto up = find_organisation(db, *step);
            step = up ? up->parent_id : std::nullopt;
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));

    bool changed = false;
    if (existing) {
        o.id = existing->id;
        changed = update_organisation(db, o, actor);
    } else {
        o.id = create_organisation(db, o, actor);
    }
    changed = set_partner_status(db, o.id, status, actor) || changed;
    return outcome(o.id, existing.has_value(), changed);
}

Result<SaveResult> save_organisation_parent(db::Connection& db, std::int64_t id, const Fields& fields,
                                            const audit::Actor& actor) {
    auto existing = find_organisation(db, id);
    if (!existing) return fail(ErrorKind::not_found, "There is no organisation " + std::to_string(id));
    Errors errors;
    auto parent = get(fields, "parent");
    if (parent.empty()) return outcome(id, true, false);
    auto parent_id = organisation_named(db, errors, "parent", parent);
    if (parent_id && *parent_id == id) errors.push_back({"parent", "An organisation cannot be its own parent"});
    if (!errors.empty()) return invalid(std::move(errors));
    auto changed = *existing;
    changed.parent_id = parent_id;
    return outcome(id, true, update_organisation(db, changed, actor));
}

// ---- people --------------------------------------------------------------------------

Result<SaveResult> save_person(db::Connection& db, const Fields& fields, Target target, const audit::Actor& actor) {
    Errors errors;
    Person p;
    p.name = line(errors, fields, "name", "Name", 1, 200);
    p.job_title = line(errors, fields, "job_title", "Job title", 0, 200);
    p.email = line(errors, fields, "email", "Email", 0, 254);
    if (!p.email.empty() && (p.email.find('@') == std::string::npos || p.email.find(' ') != std::string::npos)) {
        errors.push_back({"email", "Email must be an address like name@example.org"});
    }
    p.phone = line(errors, fields, "phone", "Phone", 0, 40);
    if (p.phone.find_first_not_of("0123456789 +()-") != std::string::npos) {
        errors.push_back({"phone", "Phone must contain only digits, spaces and + ( ) -"});
    }
    if (auto organisation = get(fields, "organisation"); !organisation.empty()) {
        p.organisation_id = organisation_named(db, errors, "organisation", organisation);
    }
    std::optional<Person> existing;
    std::optional<Person> same;
    if (!p.name.empty()) {
        // Within the organisation, or among those with none (key 0).
        auto found = find_people_named(db, p.name, p.organisation_id.value_or(0));
        if (!found.empty()) same = found.front();
    }
    if (target.mode == Target::Mode::id) {
        existing = find_person(db, target.id);
        if (!existing) return fail(ErrorKind::not_found, "There is no person " + std::to_string(target.id));
        if (same && same->id != target.id) errors.push_back({"name", "Someone called " + shown(p.name) + " is already in the register for that organisation"});
    } else if (target.mode == Target::Mode::by_name) {
        existing = same;
    } else if (same) {
        errors.push_back({"name", "Someone called " + shown(p.name) + " is already in the register for that organisation"});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    if (existing) {
        p.id = existing->id;
        return outcome(p.id, true, update_person(db, p, actor));
    }
    return outcome(create_person(db, p, actor), false, true);
}

// ---- bodies --------------------------------------------------------------------------

Result<SaveResult> save_body(db::Connection& db, const Fields& fields, std::int64_t partnership_id, Target target,
                             const audit::Actor& actor) {
    Errors errors;
    Body b;
    b.name = line(errors, fields, "name", "Name", 1, 200);
    b.short_name = line(errors, fields, "short_name", "Short name", 0, 40);
    b.kind = term<BodyKind>(errors, fields, "kind", "Kind of body");
    b.purpose = block(errors, fields, "purpose", "Purpose", 4000);
    b.terms_of_reference = block(errors, fields, "terms_of_reference", "Terms of reference", 5000);
    b.meeting_frequency = line(errors, fields, "meeting_frequency", "Meeting frequency", 0, 100);
    b.partnership_ids.push_back(partnership_id);
    for (const auto& code : split_list(get(fields, "partnerships"))) {
        auto partnership = find_partnership_by_code(db, code);
        if (partnership) {
            b.partnership_ids.push_back(partnership->id);
        } else {
            errors.push_back({"partnerships", "There is no partnership with the code " + shown(code)});
        }
    }
    auto found = target_record<Body>(
        target, b.name, "body", errors, [&](std::int64_t id) { return find_body(db, id); },
        [&](const std::string& name) { return find_bodies_named(db, name); });
    if (!found) return fail(ErrorKind::not_found, "There is no body " + std::to_string(target.id));
    auto existing = *found;
    // An import for one partnership never takes a joint body away from the others.
    if (existing && target.mode == Target::Mode::by_name) {
        b.partnership_ids.insert(b.partnership_ids.end(), existing->partnership_ids.begin(), existing->partnership_ids.end());
    }
    if (!errors.empty()) return invalid(std::move(errors));
    std::sort(b.partnership_ids.begin(), b.partnership_ids.end());
    b.partnership_ids.erase(std::unique(b.partnership_ids.begin(), b.partnership_ids.end()), b.partnership_ids.end());
    if (existing) {
        b.id = existing->id;
        return outcome(b.id, true, update_body(db, b, actor));
    }
    return outcome(create_body(db, b, actor), false, true);
}

Result<SaveResult> save_body_relations(db::Connection& db, std::int64_t body_id, const Fields& fields,
                                       const access::ScopeFilter& reach, const audit::Actor& actor) {
    Errors errors;
    std::vector<Relation> lines;
    for (const auto& [column, kind] : relation_columns()) {
        for (const auto& name : split_list(get(fields, column))) {
            auto found = find_bodies_named(db, name);
            if (found.size() > 1) {
                errors.push_back({column, shown(name) + " is the short name of several bodies; use the full name"});
                continue;
            }
            std::optional<Body> other = found.empty() ? std::nullopt : std::optional(found.front());
            if (good_line_end(errors, column, body_id, other, reach, name)) lines.push_back({0, body_id, "", other->id, "", kind});
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    bool changed = false;
    for (const auto& relation : lines) changed = add_relation(db, relation, actor) || changed;
    return outcome(body_id, true, changed);
}

Result<SaveResult> save_body_line(db::Connection& db, std::int64_t body_id, const Fields& fields,
                                  const access::ScopeFilter& reach, const audit::Actor& actor) {
    Errors errors;
    auto kind = parse_term<RelationKind>(get(fields, "kind"));
    if (!kind) errors.push_back({"kind", "Choose the kind of line"});
    auto other_id = chosen_id(fields, "other");
    auto other = other_id ? find_body(db, *other_id) : std::nullopt;
    good_line_end(errors, "other", body_id, other, reach, get(fields, "other"));
    if (!errors.empty()) return invalid(std::move(errors));
    return outcome(body_id, true, add_relation(db, {0, body_id, "", other->id, "", *kind}, actor));
}

// ---- memberships --------------------------------------------------------------------

Result<SaveResult> save_membership(db::Connection& db, const Fields& fields, std::int64_t partnership_id,
                                   Target target, const access::ScopeFilter& reach, const audit::Actor& actor) {
    Errors errors;
    Membership m;
    std::optional<Membership> existing;
    if (target.mode == Target::Mode::id) {
        existing = find_membership(db, target.id);
        if (!existing) return fail(ErrorKind::not_found, "There is no membership " + std::to_string(target.id));
        m.body_id = existing->body_id;
    } else if (auto body = get(fields, "body"); body.empty()) {
        errors.push_back({"body", "Enter the body"});
    } else if (auto id = body_named(db, errors, "body", body)) {
        auto found = find_body(db, *id);
        if (found && std::find(found->partnership_ids.begin(), found->partnership_ids.end(), partnership_id) ==
                         found->partnership_ids.end()) {
            errors.push_back({"body", shown(body) + " is not a body of this partnership"});
        }
        m.body_id = *id;
    }
    m.seat_title = line(errors, fields, "seat_title", "Seat title", 1, 300);
    m.role = term<SeatRole>(errors, fields, "role", "Role");
    // An organisation or person is chosen by id (a page's list) or named (a
    // file, the API); either way only one the user can see may take a seat,
    // and one they cannot see answers as a missing one does.
    if (auto id = chosen_id(fields, "organisation_id")) {
        auto found = find_organisation(db, *id);
        if (found && may_read(*found, reach)) m.organisation_id = id;
        else errors.push_back({"organisation", "Choose an organisation from the list"});
    } else if (auto organisation = get(fields, "organisation"); !organisation.empty() && !is_vacancy_word(organisation)) {
        m.organisation_id = organisation_named(db, errors, "organisation", organisation);
        auto found = m.organisation_id ? find_organisation(db, *m.organisation_id) : std::nullopt;
        if (found && !may_read(*found, reach)) {
            m.organisation_id.reset();
            errors.push_back({"organisation", "There is no organisation named " + shown(organisation) + " in the register"});
        }
    }
    m.vacancy = line(errors, fields, "vacancy", "Vacancy", 0, 100);
    // The source's own words in the person or organisation column mean the seat is vacant.
    for (const char* column : {"person", "organisation"}) {
        if (auto words = get(fields, column); m.vacancy.empty() && is_vacancy_word(words)) m.vacancy = words;
    }
    if (auto id = chosen_id(fields, "person_id")) {
        if (person_visible(db, *id, reach)) m.person_id = id;
        else errors.push_back({"person", "Choose a person from the list"});
        if (!m.vacancy.empty()) errors.push_back({"vacancy", "A seat with a person in it is not vacant: leave vacancy empty"});
    } else if (auto person = get(fields, "person"); !person.empty() && !is_vacancy_word(person)) {
        auto found = find_people_named(db, person, m.organisation_id.value_or(0));
        if (found.empty() && m.organisation_id) found = find_people_named(db, person, std::int64_t{0});
        if (found.empty() && !m.organisation_id) found = find_people_named(db, person, std::nullopt);
        std::erase_if(found, [&](const Person& p) { return !person_visible(db, p.id, reach); });
        if (found.size() == 1) {
            m.person_id = found.front().id;
        } else {
            errors.push_back({"person", found.empty() ? "There is no person named " + shown(person) +
                                                            (m.organisation_id ? " in that organisation" : "") + " in the register"
                                                      : "Several people are called " + shown(person) + "; give their organisation"});
        }
        if (!m.vacancy.empty()) errors.push_back({"vacancy", "A seat with a person in it is not vacant: leave vacancy empty"});
    }
    m.starts_on = day(errors, fields, "starts_on", "Start date");
    m.ends_on = day(errors, fields, "ends_on", "End date");
    in_order(errors, m.starts_on, m.ends_on, "ends_on", "End date must be on or after the start date");
    if (target.mode == Target::Mode::by_name && errors.empty()) {
        auto same = find_same_seats(db, m);
        if (target.occurrence < same.size()) existing = same[target.occurrence];
    }
    if (!errors.empty()) return invalid(std::move(errors));
    if (existing) {
        m.id = existing->id;
        return outcome(m.id, true, update_membership(db, m, actor));
    }
    return outcome(create_membership(db, m, actor), false, true);
}

Result<SaveResult> end_membership(db::Connection& db, std::int64_t id, const Fields& fields, const audit::Actor& actor) {
    auto existing = find_membership(db, id);
    if (!existing) return fail(ErrorKind::not_found, "There is no membership " + std::to_string(id));
    Errors errors;
    auto ends_on = day(errors, fields, "ends_on", "End date");
    if (errors.empty() && !ends_on) errors.push_back({"ends_on", "Enter the date the membership ends"});
    if (existing->ends_on) errors.push_back({"ends_on", "This membership already ended on " + *existing->ends_on});
    in_order(errors, existing->starts_on, ends_on, "ends_on", "End date must be on or after the start date");
    if (!errors.empty()) return invalid(std::move(errors));
    auto ended = *existing;
    ended.ends_on = ends_on;
    return outcome(id, true, update_membership(db, ended, actor));
}

// ---- export ----------------------------------------------------------------------------

Fields fields_of(const Organisation& o, std::int64_t partnership_id) {
    Fields fields{{"name", o.name},
                  {"short_name", o.short_name},
                  {"sector", std::string(code_of(o.sector))},
                  {"parent", o.parent_name},
                  {"active_from", o.active_from.value_or("")},
                  {"active_to", o.active_to.value_or("")},
                  {"statutory_partner", "no"},
                  {"relevant_agency", "no"},
                  {"lead_areas", ""}};
    for (const auto& status : o.partnerships) {
        if (status.partnership_id != partnership_id) continue;
        fields["statutory_partner"] = status.statutory_partner ? "yes" : "no";
        fields["relevant_agency"] = status.relevant_agency ? "yes" : "no";
        fields["lead_areas"] = join(status.lead_areas);
    }
    return fields;
}

Fields fields_of(const Person& p) {
    return {{"name", p.name}, {"job_title", p.job_title}, {"organisation", p.organisation_name},
            {"email", p.email}, {"phone", p.phone}};
}

Fields fields_of(const Body& b, const std::vector<Relation>& relations, std::int64_t partnership_id,
                 const std::vector<Partnership>& partnerships) {
    Fields fields{{"name", b.name},
                  {"short_name", b.short_name},
                  {"kind", std::string(code_of(b.kind))},
                  {"purpose", b.purpose},
                  {"terms_of_reference", b.terms_of_reference},
                  {"meeting_frequency", b.meeting_frequency}};
    std::vector<std::string> others;
    for (const auto& p : partnerships) {
        if (p.id != partnership_id &&
            std::find(b.partnership_ids.begin(), b.partnership_ids.end(), p.id) != b.partnership_ids.end()) {
            others.push_back(p.code);
        }
    }
    fields["partnerships"] = join(others);
    for (const auto& [column, kind] : relation_columns()) {
        std::vector<std::string> names;
        for (const auto& r : relations) {
            if (r.from_body_id == b.id && r.kind == kind) names.push_back(r.to_body_name);
        }
        fields[column] = join(names);
    }
    return fields;
}

Fields fields_of(const Membership& m) {
    return {{"body", m.body_name},
            {"seat_title", m.seat_title},
            {"role", std::string(code_of(m.role))},
            {"organisation", m.organisation_name},
            {"person", m.person_name},
            {"vacancy", m.vacancy},
            {"starts_on", m.starts_on.value_or("")},
            {"ends_on", m.ends_on.value_or("")}};
}

}  // namespace safeboard::register_
