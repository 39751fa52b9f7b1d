#include "modules/plans/pages_support.hpp"

#include <algorithm>

#include "modules/plans/homes.hpp"
#include "modules/plans/progress.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/fields.hpp"
#include "platform/auth/page.hpp"

namespace safeboard::plans::pages {

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "plans", pages, handler);
}

// ---- what tables show ------------------------------------------------------------------

std::string status_tag(Status status) {
    switch (status) {
        case Status::not_started: return "govuk-tag--grey";
        case Status::on_track: return "govuk-tag--green";
        case Status::at_risk: return "govuk-tag--yellow";
        case Status::off_track: return "govuk-tag--red";
        case Status::complete: return "govuk-tag--blue";
        case Status::superseded: return "govuk-tag--grey";
    }
    return "govuk-tag--grey";
}

std::string rag_tag(std::optional<Rag> rag) {
    if (!rag) return "govuk-tag--grey";
    switch (*rag) {
        case Rag::red: return "govuk-tag--red";
        case Rag::amber: return "govuk-tag--orange";
        case Rag::green: return "govuk-tag--green";
    }
    return "govuk-tag--grey";
}

std::string period_of(const Plan& plan) {
    auto first = plan.starts_on.substr(0, 4);
    auto last = plan.ends_on.substr(0, 4);
    return first == last ? first : first + "–" + last;
}

std::string reporting_year(const Plan& plan) {
    auto first = static_cast<unsigned>(std::clamp(plan.year_starts_month, 1, 12));
    return std::string(calendar::month_name(first)) + " to " + std::string(calendar::month_name((first + 10) % 12 + 1));
}

std::string timescale_text(const Action& action) {
    return action.timescale.wording.empty() ? action.target_date.value_or("") : action.timescale.wording;
}

std::string party_href(const Party& party) {
    switch (party.kind) {
        case PartyKind::body: return "/bodies/" + std::to_string(party.id);
        case PartyKind::person: return "/people/" + std::to_string(party.id);
        case PartyKind::organisation: return "/organisations/" + std::to_string(party.id);
    }
    return {};
}

namespace {

data row_of(const Action& action, const std::string& on) {
    data row;
    row.set("id", std::to_string(action.id));
    row.set("href", "/actions/" + std::to_string(action.id));
    row.set("number", action.number);
    row.set("title", action.title);
    row.set("timescale", timescale_text(action));
    row.set("responsibility", action.responsibility);
    row.set("status", std::string(label_of(action.status)));
    row.set("status_tag", status_tag(action.status));
    if (action.rag) {
        row.set("rag", std::string(label_of(*action.rag)));
        row.set("rag_tag", rag_tag(action.rag));
    } else {
        row.set("no_rag", true);
    }
    row.set("overdue", overdue_on(action, on));
    row.set("next_due", text(next_due(action, on).value_or("")));
    return row;
}

}  // namespace

data action_row(db::Connection& db, const Action& action, const std::string& on, bool with_home) {
    auto rows = action_rows(db, {action}, on, with_home);
    return rows.list_value().front();
}

data action_rows(db::Connection& db, const std::vector<Action>& actions, const std::string& on, bool with_home) {
    data rows{data::type::list};
    Homes homes(db);
    for (const auto& action : actions) {
        auto row = row_of(action, on);
        if (with_home) {
            auto home = homes.of(action);
            row.set("home", home.title);
            row.set("home_href", home.href);
        }
        rows.push_back(row);
    }
    return rows;
}

// "body:3" → the body, named; nullopt for text that names no party.
std::optional<Party> party_named(db::Connection& db, std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto kind = parse_term<PartyKind>(text.substr(0, colon));
    auto id = auth::parse_id(text.substr(colon + 1));
    if (!kind || !id) return std::nullopt;
    Party party{*kind, *id, {}};
    switch (*kind) {
        case PartyKind::body:
            if (auto body = register_::find_body(db, *id)) party.name = body->name;
            break;
        case PartyKind::person:
            if (auto person = register_::find_person(db, *id)) party.name = person->name;
            break;
        case PartyKind::organisation:
            if (auto organisation = register_::find_organisation(db, *id)) party.name = organisation->name;
            break;
    }
    if (party.name.empty()) return std::nullopt;
    return party;
}

std::string party_code(const Party& party) { return std::string(code_of(party.kind)) + ":" + std::to_string(party.id); }

// ---- who the user is in the register --------------------------------------------------

Me me(db::Connection& db, const access::Principal& user, const std::string& date) {
    Me found;
    found.people = register_::people_with_email(db, user.email);
    std::vector<std::int64_t> seen;
    for (auto person : found.people) {
        for (const auto& seat : register_::memberships_of_person(db, person)) {
            if (!seat.current_on(date) || std::ranges::find(seen, seat.body_id) != seen.end()) continue;
            seen.push_back(seat.body_id);
            if (auto body = register_::find_body(db, seat.body_id)) found.bodies.push_back(*body);
        }
    }
    std::ranges::sort(found.bodies, {}, &register_::Body::name);
    return found;
}

// ---- what filters offer ---------------------------------------------------------------

ListStart list_start(const http::Request& request, const access::ScopeFilter& reach) {
    auto partnership = query_id(request, "partnership");
    auto after = query_id(request, "after");
    bool bad = partnership.bad || after.bad || (partnership.id && !reach.allows(*partnership.id));
    return {partnership.id, after.id, bad};
}

std::optional<std::string> filter_day(const http::Request& request, const std::string& field, Errors& errors) {
    auto typed = query_text(request, field);
    if (typed.empty()) return std::nullopt;
    auto day = parse_day(typed);
    if (!day) errors.push_back({field, "Enter a real date, like 31/3/2012 or 2012-03-31"});
    return day;
}

}  // namespace safeboard::plans::pages
