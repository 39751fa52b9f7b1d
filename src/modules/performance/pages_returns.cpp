// The returns a user deals with: for each organisation they enter returns
// for (and, for the business unit, the partnership's own), its returns
// newest period first with where each stands, the periods of this and last
// reporting year not yet returned (overdue ones said so), and a form to
// start one; for reviewers, the submitted returns waiting for them. The
// pages of one return are in pages_return.cpp, the import in pages_import.cpp.
#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "modules/performance/pages_support.hpp"
#include "modules/performance/periods.hpp"
#include "modules/performance/policy.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/choices.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/core/time.hpp"
#include "platform/db/database.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::performance::pages {

namespace {

using access::Permission;
using http::Access;

bool returned(ReturnStatus status) { return status == ReturnStatus::submitted || status == ReturnStatus::accepted; }

// One organisation's returns to one partnership, or the partnership's own
// (organisation unset): what it has returned and which kinds of period it owes.
struct Group {
    register_::Partnership partnership;
    std::optional<std::int64_t> organisation_id;
    std::string name;
    std::vector<Return> returns;
    std::set<PeriodKind> kinds;
    std::map<std::int64_t, Period> periods;  // the partnership's, by id
};

std::string group_key(const Group& g) {
    return std::to_string(g.partnership.id) + "-" +
           (g.organisation_id ? std::to_string(*g.organisation_id) : std::string("partnership"));
}

std::map<std::int64_t, Period> periods_by_id(db::Connection& db, std::int64_t partnership_id) {
    std::map<std::int64_t, Period> periods;
    for (auto& p : list_periods(db, {partnership_id, std::nullopt, std::nullopt, std::nullopt}))
        periods.emplace(p.id, std::move(p));
    return periods;
}

std::set<PeriodKind> kinds_owed(const std::vector<Indicator>& indicators, const OrganisationChoice* organisation) {
    std::set<PeriodKind> kinds;
    for (const auto& i : indicators) {
        if (returns_indicator(i, organisation)) kinds.insert(period_kind_for(i.frequency));
    }
    return kinds;
}

bool worth_listing(const Group& g) { return !g.kinds.empty() || !g.returns.empty(); }

// The organisation's group in the partnership; none when it is not one of
// the partnership's organisations, or owes nothing and has returned nothing.
std::optional<Group> organisation_group(db::Connection& db, const register_::Partnership& partnership,
                                        std::int64_t organisation_id) {
    auto choices = organisations_of(db, partnership.id);
    auto choice = std::ranges::find(choices, organisation_id, &OrganisationChoice::id);
    if (choice == choices.end()) return std::nullopt;
    Group g{partnership, organisation_id, choice->name, {}, {}, {}};
    g.kinds = kinds_owed(indicators_of(db, partnership.id), &*choice);
    g.returns = returns_of_organisation(db, partnership.id, organisation_id);
    if (!worth_listing(g)) return std::nullopt;
    g.periods = periods_by_id(db, partnership.id);
    return g;
}

// The partnership's own returns, entered by its business unit; the
// submitted returns of every returner are gathered on the way into `waiting`.
Group partnership_group(db::Connection& db, const register_::Partnership& partnership, std::vector<Return>* waiting) {
    Group g{partnership, std::nullopt, partnership.name, {}, {}, periods_by_id(db, partnership.id)};
    g.kinds = kinds_owed(indicators_of(db, partnership.id), nullptr);
    for (const auto& [id, period] : g.periods) {
        for (auto& r : returns_of_period(db, id)) {
            if (waiting && r.status == ReturnStatus::submitted) waiting->push_back(r);
            if (!r.organisation_id) g.returns.push_back(std::move(r));
        }
    }
    return g;
}

struct Listing {
    std::vector<Group> groups;
    std::vector<Return> waiting;  // submitted, for the user to review
    std::map<std::int64_t, Period> periods;  // of the waiting returns
    std::vector<register_::Partnership> reviewed;
};

// An instance-wide grant to enter returns (an administrator's) would list
// every organisation of every partnership: such a user opens a return from
// its period's page instead, so only grants naming organisations are listed.
Listing listing_for(db::Connection& db, const Reach& reach) {
    Listing all;
    for (auto id : reach.enter.ids) {
        auto organisation = register_::find_organisation(db, id);
        if (!organisation) continue;
        for (const auto& status : organisation->partnerships) {
            auto partnership = register_::find_partnership(db, status.partnership_id);
            if (!partnership) continue;
            if (auto g = organisation_group(db, *partnership, id)) all.groups.push_back(std::move(*g));
        }
    }
    all.reviewed = register_::partnerships_in(db, reach.review);
    for (const auto& p : all.reviewed) {
        auto g = partnership_group(db, p, &all.waiting);
        all.periods.insert(g.periods.begin(), g.periods.end());
        if (worth_listing(g)) all.groups.push_back(std::move(g));
    }
    return all;
}

// ---- the periods not yet returned -------------------------------------------------------------

struct Unstarted {
    PeriodDates dates;
    std::string due_on;
};

// The periods of this and last reporting year that have begun, of the kinds
// the group owes, for which it has no return yet: oldest first.
std::vector<Unstarted> unstarted(db::Connection& db, const Group& g, const std::string& on) {
    auto settings = settings_of(db, g.partnership.id);
    auto year = reporting_year_holding(on, settings.year_starts_month).first_year;
    std::vector<Unstarted> found;
    for (int first_year : {year - 1, year}) {
        for (auto kind : g.kinds) {
            for (auto& dates : periods_of(frequency_for(kind), first_year, settings.year_starts_month)) {
                if (dates.starts_on > on) continue;
                auto has_return = std::ranges::any_of(g.returns, [&](const Return& r) {
                    const auto& p = g.periods.at(r.period_id);
                    return p.starts_on == dates.starts_on && p.ends_on == dates.ends_on;
                });
                if (has_return) continue;
                auto existing = std::ranges::find_if(g.periods, [&](const auto& entry) {
                    return entry.second.starts_on == dates.starts_on && entry.second.ends_on == dates.ends_on;
                });
                auto due = existing != g.periods.end() ? existing->second.due_on
                                                        : due_on(dates.ends_on, settings.due_days);
                found.push_back({std::move(dates), due});
            }
        }
    }
    std::ranges::sort(found, [](const Unstarted& a, const Unstarted& b) {
        return std::tie(a.dates.starts_on, b.dates.ends_on) < std::tie(b.dates.starts_on, a.dates.ends_on);
    });
    return found;
}

// ---- the page ------------------------------------------------------------------------------------

std::string dates_in_words(std::string_view starts_on, std::string_view ends_on) {
    return calendar::date_in_words(starts_on) + " to " + calendar::date_in_words(ends_on);
}

struct Row {
    std::string starts_on;
    std::string ends_on;
    data values;
};

Row return_row(const Return& r, const Period& p, const std::string& on) {
    data row;
    row.set("href", return_href(r.id));
    row.set("period", p.name);
    row.set("dates", dates_in_words(p.starts_on, p.ends_on));
    row.set("due", calendar::date_in_words(p.due_on));
    row.set("status", std::string(label_of(r.status)));
    row.set("status_class", status_tag_class(r.status));
    row.set("late", r.first_submitted_at && r.first_submitted_at->substr(0, 10) > p.due_on);
    row.set("overdue", !returned(r.status) && on > p.due_on);
    return {p.starts_on, p.ends_on, row};
}

Row unstarted_row(const Unstarted& u, const std::string& on) {
    data row;
    row.set("href", false);
    row.set("period", u.dates.name);
    row.set("dates", dates_in_words(u.dates.starts_on, u.dates.ends_on));
    row.set("due", calendar::date_in_words(u.due_on));
    row.set("status", std::string("Not started"));
    row.set("status_class", std::string("govuk-tag--grey"));
    row.set("late", false);
    row.set("overdue", on > u.due_on);
    return {u.dates.starts_on, u.dates.ends_on, row};
}

// What a start form's error says, and which group's form it belongs to.
struct StartError {
    std::string key;
    std::string message;
};

data group_values(db::Connection& db, const Group& g, bool several, const std::string& on,
                  const std::optional<StartError>& error) {
    auto missing = unstarted(db, g, on);
    std::vector<Row> rows;
    for (const auto& r : g.returns) rows.push_back(return_row(r, g.periods.at(r.period_id), on));
    for (const auto& u : missing) rows.push_back(unstarted_row(u, on));
    // Newest first; of two starting the same day, the shorter (a quarter before its year).
    std::ranges::sort(rows, [](const Row& a, const Row& b) {
        return std::tie(b.starts_on, a.ends_on) < std::tie(a.starts_on, b.ends_on);
    });
    data list{data::type::list};
    for (auto& row : rows) list.push_back(std::move(row.values));
    data choices{data::type::list};
    for (const auto& u : missing) {
        data choice;
        choice.set("value", u.dates.name);
        choice.set("label", u.dates.name + ", due " + calendar::date_in_words(u.due_on) +
                                (on > u.due_on ? " (overdue)" : ""));
        choices.push_back(choice);
    }
    auto key = group_key(g);
    data values;
    values.set("name", g.name);
    values.set("own", !g.organisation_id);
    values.set("partnership", g.partnership.name);
    values.set("several", several);
    values.set("heading_id", "returns-" + key);
    values.set("rows", list);
    values.set("has_rows", !list.is_empty_list());
    values.set("partnership_id", std::to_string(g.partnership.id));
    values.set("organisation_id", g.organisation_id ? std::to_string(*g.organisation_id) : std::string());
    values.set("select_id", "period-" + key);
    values.set("choices", choices);
    values.set("has_choices", !choices.is_empty_list());
    bool mine = error && error->key == key;
    values.set("error", mine ? data(error->message) : data(false));
    return values;
}

// The day a timestamp (UTC) falls on in the UK, in words.
std::string uk_day_in_words(const std::string& utc) {
    auto instant = parse_iso_utc(utc);
    return calendar::date_in_words(instant ? calendar::uk_time(*instant).date : utc.substr(0, 10));
}

// Newest period first, as the user's own returns are listed; by returner within a period.
data waiting_rows(std::vector<Return> waiting, const std::map<std::int64_t, Period>& periods,
                  const std::vector<register_::Partnership>& reviewed) {
    std::ranges::stable_sort(waiting, [&](const Return& a, const Return& b) {
        const auto& pa = periods.at(a.period_id);
        const auto& pb = periods.at(b.period_id);
        return std::tie(pb.starts_on, pa.ends_on) < std::tie(pa.starts_on, pb.ends_on);
    });
    data rows{data::type::list};
    for (const auto& r : waiting) {
        const auto& p = periods.at(r.period_id);
        auto partnership = std::ranges::find(reviewed, r.partnership_id, &register_::Partnership::id);
        data row;
        row.set("href", return_href(r.id));
        row.set("returner", r.returner_name);
        row.set("partnership", partnership == reviewed.end() ? std::string() : partnership->name);
        row.set("period", p.name);
        row.set("submitted", r.submitted ? uk_day_in_words(r.submitted->at) : std::string());
        row.set("late", r.first_submitted_at && r.first_submitted_at->substr(0, 10) > p.due_on);
        rows.push_back(row);
    }
    return rows;
}

http::Response returns_page(const Pages& pages, http::Context& context, std::optional<StartError> error,
                            unsigned status) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto all = listing_for(db, reach);
    auto on = today();
    std::set<std::int64_t> partnerships;
    for (const auto& g : all.groups) partnerships.insert(g.partnership.id);
    data groups{data::type::list};
    for (const auto& g : all.groups) groups.push_back(group_values(db, g, partnerships.size() > 1, on, error));
    auto waiting = waiting_rows(all.waiting, all.periods, all.reviewed);
    data imports{data::type::list};
    for (const auto& p : all.reviewed) {
        data link;
        link.set("href", "/performance/import?partnership=" + std::to_string(p.id));
        link.set("name", p.name);
        imports.push_back(link);
    }
    data values;
    values.set("today", calendar::date_in_words(on));
    values.set("groups", groups);
    values.set("has_groups", !groups.is_empty_list());
    values.set("reviewer", !all.reviewed.empty());
    values.set("several_reviewed", all.reviewed.size() > 1);
    values.set("waiting", waiting);
    values.set("has_waiting", !waiting.is_empty_list());
    values.set("imports", imports);
    if (error) {
        auto key = error->key;
        web::set_errors(values, {{"period-" + key, error->message}});
    }
    return render(pages, context, "performance/pages/returns", std::move(values), "Your returns", status);
}

http::Response list_returns(const Pages& pages, const http::Request&, http::Context& context) {
    return returns_page(pages, context, std::nullopt, 200);
}

// ---- starting a return -------------------------------------------------------------------------

http::Response start_return(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto fields = posted_fields(request, {"partnership", "organisation", "period"});
    auto partnership_id = auth::parse_id(fields["partnership"]);
    auto organisation_id = auth::parse_id(fields["organisation"]);
    bool bad_organisation = !fields["organisation"].empty() && !organisation_id;
    if (!partnership_id || bad_organisation) return auth::missing(request, "return");
    auto reach = reach_of(db, context.user());
    bool may_start = organisation_id ? reach.enter.allows(*organisation_id) : reach.review.allows(*partnership_id);
    if (!may_start) {
        if (!may_read_figures(reach, *partnership_id)) return auth::missing(request, "partnership");
        return auth::refuse(request, context, organisation_id ? "returns.write is not held for organisation " +
                                                                    std::to_string(*organisation_id)
                                                              : "performance.write is not held for partnership " +
                                                                    std::to_string(*partnership_id));
    }
    auto partnership = register_::find_partnership(db, *partnership_id);
    if (!partnership) return auth::missing(request, "partnership");
    auto group = organisation_id ? organisation_group(db, *partnership, *organisation_id)
                                 : std::optional<Group>(partnership_group(db, *partnership, nullptr));
    if (!group || !worth_listing(*group)) return auth::missing(request, "organisation");
    // A period already returned opens its return; otherwise only a period the form offers is started.
    for (const auto& r : group->returns) {
        if (group->periods.at(r.period_id).name == fields["period"]) return auth::see_other(return_href(r.id));
    }
    auto offered = unstarted(db, *group, today());
    auto chosen = std::ranges::find(offered, fields["period"], [](const Unstarted& u) { return u.dates.name; });
    if (chosen == offered.end()) {
        return returns_page(pages, context,
                            StartError{group_key(*group), "Choose a period of this or last reporting year"}, 422);
    }
    auto actor = auth::actor_of(request, context.user());
    db::Transaction transaction(db);
    auto period = period_for(db, partnership->id, chosen->dates.starts_on, chosen->dates.ends_on, actor);
    if (!period) return http::problem(period.error(), request);
    auto ret = return_for(db, *period, organisation_id, actor);
    transaction.commit();
    return auth::see_other(return_href(ret.id));
}

}  // namespace

void add_return_pages(http::Router& router, const PagesPtr& pages) {
    using M = http::Method;
    router.add(route(M::get, "/performance/returns", Access::needs(Permission::performance_read),
                     "Your returns: each organisation's returns you enter, with those not yet started, and the "
                     "submitted returns waiting for your review",
                     pages, list_returns));
    // Entering is granted for an organisation, reviewing for a partnership:
    // the handler asks which the posted return needs.
    router.add(route(M::post, "/performance/returns", Access::any_user(),
                     "Start the return of an organisation (or of the partnership) for a period", pages, start_return));
    add_one_return_pages(router, pages);
    add_import_pages(router, pages);
}

}  // namespace safeboard::performance::pages
