// Learning reviews on the web: the partnership's clocks (every open case's
// deadlines, nearest first, and the learning not yet confirmed shared),
// recording a serious incident, changing a case, and the module's wiring.
// One case's page is in pages_case.cpp.
#include <map>
#include <set>
#include <variant>

#include "modules/register/choices.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/lessons.hpp"
#include "modules/reviews/pages.hpp"
#include "modules/reviews/pages_support.hpp"
#include "modules/reviews/policy.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/store.hpp"
#include "modules/reviews/view.hpp"
#include "modules/reviews/vocabulary.hpp"

SAFEBOARD_EMBEDDED_TABLE(reviews_pages)

namespace safeboard::reviews {

namespace pages {

namespace {

using access::Permission;
using auth::missing;
using auth::query_id;
using http::Access;
using web::choice_field;
using web::field;
using RF = RecordForm::Kind;

// ---- the partnership's clocks -----------------------------------------------------------------

// Organisation names, each read once.
class Names {
public:
    explicit Names(db::Connection& db) : db_(db) {}
    const std::string& of(std::int64_t id) {
        auto [at, added] = names_.try_emplace(id);
        if (added) {
            auto found = register_::find_organisation(db_, id);
            at->second = found ? found->name : "Organisation " + std::to_string(id);
        }
        return at->second;
    }

private:
    db::Connection& db_;
    std::map<std::int64_t, std::string> names_;
};

data deadline_row(const Deadline& d) {
    data row;
    row.set("href", review_href(d.case_id));
    row.set("reference", d.reference);
    row.set("step", d.label);
    row.set("due", calendar::date_in_words(d.due_on));
    row.set("days_left", std::to_string(d.working_days_left));
    row.set("overdue", d.overdue);
    return row;
}

data case_row(const Case& c, const CaseClock& clock, const std::string& partnership) {
    data row;
    row.set("href", review_href(c.id));
    row.set("reference", c.reference);
    row.set("partnership", partnership);
    row.set("aware", calendar::date_in_words(c.became_aware_on));
    row.set("decision", c.decision ? std::string(label_of(c.decision->kind)) : std::string("Not yet decided"));
    auto next = deadlines({clock});
    if (!next.empty()) {
        row.set("next_step", next.front().label);
        row.set("next_due", calendar::date_in_words(next.front().due_on));
        row.set("next_overdue", next.front().overdue);
    } else {
        row.set("next_step", false);
    }
    return row;
}

data missing_rows(db::Connection& db, const std::vector<std::int64_t>& ids, const std::map<std::int64_t, Case>& cases) {
    Names names(db);
    data rows{data::type::list};
    for (const auto& m : missing_in(db, ids)) {
        data row;
        auto c = cases.find(m.case_id);
        row.set("href", review_href(m.case_id));
        row.set("reference", c == cases.end() ? std::to_string(m.case_id) : c->second.reference);
        row.set("organisation", names.of(m.organisation_id));
        row.set("level", std::string(label_of(m.level)));
        rows.push_back(row);
    }
    return rows;
}

data exception_rows(db::Connection& db, const std::vector<std::int64_t>& ids, std::string_view on) {
    data rows{data::type::list};
    for (const auto& e : exceptions_in(db, ids, on)) {
        data row;
        row.set("href", review_href(e.case_id) + "#recommendations");
        row.set("reference", e.reference);
        row.set("number", e.monitor.recommendation.number);
        row.set("recommendation", e.monitor.recommendation.text);
        data exceptions{data::type::list};
        for (const auto& words : e.monitor.exceptions) exceptions.push_back(data(words));
        row.set("exceptions", exceptions);
        rows.push_back(row);
    }
    return rows;
}

http::Response review_list(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = readable(db, context.user());
    auto chosen = query_id(request, "partnership");
    if (chosen.bad || (chosen.id && !reach.allows(*chosen.id))) return missing(request, "partnership");
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, std::string> partnership_names;
    for (const auto& p : register_::partnerships_in(db, reach)) {
        if (chosen.id && p.id != *chosen.id) continue;
        ids.push_back(p.id);
        partnership_names[p.id] = p.name;
    }
    auto on = today();
    std::map<std::int64_t, Case> every_case;
    std::vector<CaseClock> clocks;
    data open_cases{data::type::list};
    for (const auto& c : ids.empty() ? std::vector<Case>{} : cases_of(db, ids, true)) {
        every_case[c.id] = c;
        if (c.status != CaseStatus::open) continue;
        clocks.push_back(clock_for(db, c, on));
        open_cases.push_back(case_row(c, clocks.back(), partnership_names[c.partnership_id]));
    }
    data due{data::type::list};
    for (const auto& d : deadlines(clocks)) due.push_back(deadline_row(d));
    auto missing_confirmed = ids.empty() ? data{data::type::list} : missing_rows(db, ids, every_case);
    auto exceptions = ids.empty() ? data{data::type::list} : exception_rows(db, ids, on);
    auto writers = writable(db, context.user());
    bool may_add = chosen.id ? writers.allows(*chosen.id)
                             : std::ranges::any_of(ids, [&](std::int64_t id) { return writers.allows(id); });
    auto partnership_query = chosen.id ? "?partnership=" + std::to_string(*chosen.id) : std::string();
    data values;
    values.set("partnership_field", register_::partnership_filter(db, reach, chosen.id));
    values.set("today", calendar::date_in_words(on));
    values.set("deadlines", due);
    values.set("has_deadlines", !due.is_empty_list());
    values.set("cases", open_cases);
    values.set("has_cases", !open_cases.is_empty_list());
    values.set("several", ids.size() > 1);
    values.set("missing", missing_confirmed);
    values.set("has_missing", !missing_confirmed.is_empty_list());
    values.set("exceptions", exceptions);
    values.set("has_exceptions", !exceptions.is_empty_list());
    values.set("may_add", may_add);
    values.set("add_href", "/reviews/new" + partnership_query);
    values.set("lessons_href", "/reviews/lessons" + partnership_query);
    return render(pages, context, "reviews/pages/reviews", std::move(values), "Learning reviews");
}

// ---- recording a serious incident ---------------------------------------------------------------

const std::vector<std::string> new_case_fields{"reference", "incident_on", "became_aware_on", "agencies"};
const std::vector<std::string> change_fields{"reference", "incident_on", "became_aware_on",
                                             "status",    "learning",    "agencies"};

const char* reference_hint =
    "Pseudonymous, never a child's name: for example, Child A / 2008";

// The partnership of ?partnership=, when the user may record its cases;
// without one, the only partnership they may. Otherwise the answer: the
// page to choose one, 404 for a partnership outside their reach, 403 for
// one they only read.
std::variant<register_::Partnership, http::Response> recording_partnership(const Pages& pages,
                                                                           const http::Request& request,
                                                                           http::Context& context) {
    auto& db = context.db();
    auto writers = register_::partnerships_in(db, writable(db, context.user()));
    auto chosen = query_id(request, "partnership");
    if (chosen.bad) return missing(request, "partnership");
    if (!chosen.id) {
        if (writers.size() == 1) return writers.front();
        std::vector<web::Choice> choices;
        for (const auto& p : writers) choices.push_back({std::to_string(p.id), p.name, {}});
        data values;
        values.set("partnership_field", choice_field("partnership", "Partnership", choices, {}, {}));
        return render(pages, context, "reviews/pages/choose_partnership", std::move(values),
                      "Record a serious incident", 200, "/reviews");
    }
    if (!readable(db, context.user()).allows(*chosen.id)) return missing(request, "partnership");
    auto found = std::ranges::find(writers, *chosen.id, &register_::Partnership::id);
    if (found == writers.end()) {
        return auth::refuse(request, context, "case_reviews.write is not held for partnership " +
                                                  std::to_string(*chosen.id));
    }
    return *found;
}

std::set<std::string> chosen_list(const std::string& text) {
    auto items = split_list(text);
    return {items.begin(), items.end()};
}

http::Response new_case_page(const Pages& pages, http::Context& context, const register_::Partnership& partnership,
                             Fields f, const Errors& errors, unsigned status) {
    auto& db = context.db();
    RecordForm form("Record a serious incident", partnership.name,
                    "/reviews/new?partnership=" + std::to_string(partnership.id), "Record the incident");
    form.intro("The statutory clock starts from the day the local authority became aware of the incident: the "
               "national Panel is told within 5 working days, and the rapid review is due within 15.");
    form.add(RF::input, field("reference", "Reference", f["reference"], errors, reference_hint));
    form.add(RF::input, date_field("incident_on", "Date of the incident", f["incident_on"], errors, "2026-11-13"));
    form.add(RF::input, date_field("became_aware_on", "Date the local authority became aware", f["became_aware_on"],
                                   errors, "2026-11-14"));
    form.add(RF::checkboxes, choice_field("agencies", "Agencies involved", organisation_choices(db, partnership.id),
                                          chosen_list(f["agencies"]), errors, "Select all that apply"));
    return form.render(pages, context, errors, status, "/reviews?partnership=" + std::to_string(partnership.id));
}

http::Response new_case_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = recording_partnership(pages, request, context);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    return new_case_page(pages, context, std::get<register_::Partnership>(found), {}, {}, 200);
}

http::Response add_case(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = recording_partnership(pages, request, context);
    if (auto* answer = std::get_if<http::Response>(&found)) {
        // A POST without a partnership has nothing to save into.
        return answer->status == 200 ? missing(request, "partnership") : std::move(*answer);
    }
    const auto& partnership = std::get<register_::Partnership>(found);
    auto fields = posted_fields(request, new_case_fields);
    auto id = saved_in_transaction(context, [&](db::Connection& db) {
        return save_case(db, fields, partnership.id, std::nullopt, today(), auth::actor_of(request, context.user()));
    });
    if (id) return auth::see_other(review_href(*id));
    if (id.error().kind != ErrorKind::validation) return http::problem(id.error(), request);
    return new_case_page(pages, context, partnership, fields, id.error().fields, 422);
}

// ---- changing a case ---------------------------------------------------------------------------

Fields fields_of(const Case& c) {
    return {{"reference", c.reference},
            {"incident_on", c.incident_on},
            {"became_aware_on", c.became_aware_on},
            {"status", std::string(code_of(c.status))},
            {"learning", c.learning},
            {"agencies", ""}};
}

http::Response change_page(const Pages& pages, http::Context& context, const Case& c, Fields f, const Errors& errors,
                           unsigned status) {
    auto& db = context.db();
    std::vector<web::Choice> others;
    for (auto& choice : organisation_choices(db, c.partnership_id)) {
        if (std::ranges::find(c.agencies, std::stoll(choice.value)) == c.agencies.end()) others.push_back(choice);
    }
    auto learning = field("learning", "Lessons learned", f["learning"], errors,
                          "In words every member agency can use: the yearly summary of lessons gives them to every "
                          "agency, so write no name or other identifying detail");
    learning.set("rows", std::string("8"));
    RecordForm form("Change the case", c.reference, review_href(c.id) + "/edit", "Save changes");
    form.add(RF::input, field("reference", "Reference", f["reference"], errors, reference_hint));
    form.add(RF::input, date_field("incident_on", "Date of the incident", f["incident_on"], errors, "2026-11-13"));
    form.add(RF::input, date_field("became_aware_on", "Date the local authority became aware", f["became_aware_on"],
                                   errors, "2026-11-14"));
    form.add(RF::radios, choice_field("status", "Status", web::vocabulary_choices<CaseStatus>(), {f["status"]}, errors));
    form.add(RF::textarea, learning);
    if (!others.empty()) {
        form.add(RF::checkboxes, choice_field("agencies", "Add agencies involved", others, chosen_list(f["agencies"]),
                                              errors, "Agencies already involved stay involved"));
    }
    return form.render(pages, context, errors, status, review_href(c.id));
}

http::Response change_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& c = std::get<Case>(found);
    return change_page(pages, context, c, fields_of(c), {}, 200);
}

http::Response change_case(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& c = std::get<Case>(found);
    auto fields = posted_fields(request, change_fields);
    auto id = saved_in_transaction(context, [&](db::Connection& db) {
        return save_case(db, fields, c.partnership_id, c, today(), auth::actor_of(request, context.user()));
    });
    return after_save(id, request, c, "", [&](const Errors& errors) {
        return change_page(pages, context, c, fields, errors, 422);
    });
}

}  // namespace

void add_case_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::case_reviews_read);
    const auto writers = Access::needs(Permission::case_reviews_write);
    // One case is need-to-know: outside the user's reach it answers 404 as
    // a missing one does, so the handlers check (policy.hpp).
    const auto one_case = Access::any_user();
    using M = http::Method;
    router.add(route(M::get, "/reviews", readers,
                     "Learning reviews: every open case's deadlines, nearest first, and the learning not yet "
                     "confirmed shared",
                     pages, review_list));
    router.add(route(M::get, "/reviews/new", writers, "The form to record a serious incident", pages, new_case_form));
    router.add(route(M::post, "/reviews/new", writers, "Record a serious incident", pages, add_case));
    router.add(route(M::get, "/reviews/{id}/edit", one_case, "The form to change a case", pages, change_form));
    router.add(route(M::post, "/reviews/{id}/edit", one_case,
                     "Change a case's reference, dates, status, lessons or agencies", pages, change_case));
}

}  // namespace pages

std::span<const embed::File> page_templates() { return embed::tables::reviews_pages(); }

void add_pages(http::Router& router, const web::Templates& templates) {
    auto shared = std::make_shared<const pages::Pages>(pages::Pages{templates});
    pages::add_case_pages(router, shared);
    pages::add_case_view_pages(router, shared);
    pages::add_record_pages(router, shared);
    pages::add_learning_pages(router, shared);
    pages::add_lessons_pages(router, shared);
}

}  // namespace safeboard::reviews
