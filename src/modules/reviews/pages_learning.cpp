// The forms about what a review teaches: a recommendation (kept in the
// plans module's recommendations register, with an action answering it),
// its sign-off by the agency it concerns, and an agency's confirmation that
// it shared the learning at one level.
#include <variant>

#include "modules/plans/store.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/pages_support.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/vocabulary.hpp"

namespace safeboard::reviews::pages {

namespace {

using web::choice_field;
using web::field;
using RF = RecordForm::Kind;

// ---- a recommendation and its first action --------------------------------------------------------

const std::vector<std::string> recommendation_fields{
    "number",    "recommendation", "owner",          "acceptance",       "resource_implications",
    "action",    "target_date",    "responsibility", "operational_lead", "senior_lead"};
data text_area(std::string_view id, std::string_view label, const std::string& value, const Errors& errors,
               std::string_view hint, const char* rows) {
    auto made = field(id, label, value, errors, hint);
    made.set("rows", std::string(rows));
    return made;
}

http::Response recommendation_page(const Pages& pages, http::Context& context, const Case& c, Fields f,
                                   const Errors& errors, unsigned status) {
    auto people = with_none("Not named", people_choices(context.db(), c.partnership_id, std::nullopt, true));
    auto number = field("number", "Number", f["number"], errors, "For example, 1");
    number.set("width", std::string("govuk-input--width-4"));
    RecordForm form("Add a recommendation", c.reference, review_href(c.id) + "/recommendations",
                    "Add the recommendation");
    form.intro("The recommendation goes into the partnership's recommendations register, with the review's "
               "reference as its source, and is monitored there with the action that answers it.");
    form.add(RF::input, number);
    form.add(RF::textarea, text_area("recommendation", "Recommendation", f["recommendation"], errors, {}, "4"));
    form.add(RF::input, field("owner", "Owner (optional)", f["owner"], errors,
                              "The agency, body or person of the register it is addressed to, as the register names "
                              "them"));
    std::vector<web::Choice> acceptances{{"", "Not yet decided", {}}};
    for (const auto& choice : web::vocabulary_choices<plans::Acceptance>()) acceptances.push_back(choice);
    form.add(RF::radios, choice_field("acceptance", "Acceptance", acceptances, {f["acceptance"]}, errors));
    form.add(RF::textarea, text_area("resource_implications", "Resource implications (optional)",
                                     f["resource_implications"], errors, {}, "3"));
    form.add(RF::textarea, text_area("action", "Action answering it (optional)", f["action"], errors,
                                     "What will be done; more actions can be added in the register", "3"));
    form.add(RF::input, date_field("target_date", "Target date (optional)", f["target_date"], errors, "2027-03-31"));
    form.add(RF::input, field("responsibility", "Responsibility (optional)", f["responsibility"], errors,
                              "Bodies, organisations or people of the register, with ; between several"));
    form.add(RF::select, choice_field("operational_lead", "Operational lead (optional)", people,
                                      {f["operational_lead"]}, errors));
    form.add(RF::select, choice_field("senior_lead", "Senior lead (optional)", people, {f["senior_lead"]}, errors));
    return form.render(pages, context, errors, status, review_href(c.id) + "#recommendations");
}

http::Response recommendation_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context,
                         [&](const Case& c) { return recommendation_page(pages, context, c, {}, {}, 200); });
}

http::Response add_recommendation(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto fields = posted_fields(request, recommendation_fields);
        auto reach = register_::partnership_reach(context.db(), context.user(), access::Permission::plans_read);
        auto id = saved_in_transaction(context, [&](db::Connection& db) {
            return save_recommendation(db, c, fields, reach, auth::actor_of(request, context.user()));
        });
        return after_save(id, request, c, "#recommendations", [&](const Errors& errors) {
            return recommendation_page(pages, context, c, fields, errors, 422);
        });
    });
}

// ---- its sign-off by the agency concerned ------------------------------------------------------

// The recommendation of the path's {recommendation}, when it is the review's.
std::optional<plans::Recommendation> recommendation_of(db::Connection& db, const http::Request& request,
                                                       const Case& c) {
    auto id = auth::path_id(request, "recommendation");
    auto found = id ? plans::find_recommendation(db, *id) : std::nullopt;
    if (!found || found->source != plans::Source::case_review || found->source_reference != c.reference ||
        found->partnership_id != c.partnership_id) {
        return std::nullopt;
    }
    return found;
}

http::Response sign_recommendation_page(const Pages& pages, http::Context& context, const Case& c,
                                        const plans::Recommendation& r, Fields f, const Errors& errors,
                                        unsigned status) {
    // Someone of the agency that owns it, when an agency owns it.
    std::optional<std::int64_t> agency;
    if (r.owner && r.owner->kind == plans::PartyKind::organisation) agency = r.owner->id;
    RecordForm form("Sign off a recommendation", c.reference,
                    review_href(c.id) + "/recommendations/" + std::to_string(r.id) + "/sign-off", "Sign it off");
    form.intro("Recommendation " + r.number + ": " + r.text);
    form.add(RF::select, choice_field("signed_off_by", "Signed off by",
                                      with_none("Choose who signed it off",
                                                people_choices(context.db(), c.partnership_id, agency)),
                                      {f["signed_off_by"]}, errors,
                                      agency ? "Someone of " + r.owner->name : std::string()));
    form.add(RF::input, date_field("signed_off_on", "Date signed off", f["signed_off_on"], errors, "2026-11-20"));
    return form.render(pages, context, errors, status, review_href(c.id) + "#recommendations");
}

http::Response sign_recommendation_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto r = recommendation_of(context.db(), request, c);
        if (!r) return auth::missing(request, "recommendation");
        return sign_recommendation_page(pages, context, c, *r, {}, {}, 200);
    });
}

http::Response sign_recommendation(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto r = recommendation_of(context.db(), request, c);
        if (!r) return auth::missing(request, "recommendation");
        auto fields = posted_fields(request, {"signed_off_by", "signed_off_on"});
        auto status = saved_in_transaction(context, [&](db::Connection& db) {
            return sign_off_recommendation(db, c, r->id, fields, today(), auth::actor_of(request, context.user()));
        });
        return after_save(status, request, c, "#recommendations", [&](const Errors& errors) {
            return sign_recommendation_page(pages, context, c, *r, fields, errors, 422);
        });
    });
}

// ---- learning shared ---------------------------------------------------------------------------

const std::vector<std::string> confirmation_fields{"organisation", "level", "confirmed_on", "evidence"};

http::Response confirmation_page(const Pages& pages, http::Context& context, const Case& c, Fields f,
                                 const Errors& errors, unsigned status) {
    std::vector<web::Choice> agencies;
    for (auto id : c.agencies) {
        auto organisation = register_::find_organisation(context.db(), id);
        agencies.push_back({std::to_string(id), organisation ? organisation->name : "Organisation " + std::to_string(id),
                            {}});
    }
    RecordForm form("Record that an agency shared the learning", c.reference,
                    review_href(c.id) + "/learning-shared", "Record the confirmation");
    form.intro("Each agency involved confirms it shared the review's learning with its practitioners, its managers "
               "and its governance: one confirmation for each level.");
    form.add(RF::select, choice_field("organisation", "Agency", with_none("Choose an agency", agencies),
                                      {f["organisation"]}, errors));
    form.add(RF::radios, choice_field("level", "Shared with", web::vocabulary_choices<LearningLevel>(), {f["level"]},
                                      errors));
    form.add(RF::input, date_field("confirmed_on", "Date confirmed", f["confirmed_on"], errors, "2026-11-20"));
    form.add(RF::textarea, text_area("evidence", "Evidence", f["evidence"], errors,
                                     "What shows it was shared: a briefing, minutes, a report", "3"));
    return form.render(pages, context, errors, status, review_href(c.id) + "#learning-shared");
}

http::Response confirmation_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context,
                         [&](const Case& c) { return confirmation_page(pages, context, c, {}, {}, 200); });
}

http::Response confirm_shared(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto fields = posted_fields(request, confirmation_fields);
        auto status = saved_in_transaction(context, [&](db::Connection& db) {
            return save_confirmation(db, c, fields, today(), auth::actor_of(request, context.user()));
        });
        return after_save(status, request, c, "#learning-shared", [&](const Errors& errors) {
            return confirmation_page(pages, context, c, fields, errors, 422);
        });
    });
}

}  // namespace

void add_learning_pages(http::Router& router, const PagesPtr& pages) {
    // About one case each, need-to-know: the handlers check (changing()).
    const auto one_case = http::Access::any_user();
    using M = http::Method;
    router.add(route(M::get, "/reviews/{id}/recommendations", one_case, "The form to add a review's recommendation",
                     pages, recommendation_form));
    router.add(route(M::post, "/reviews/{id}/recommendations", one_case,
                     "Add a recommendation of a review, and an action answering it, to the recommendations register",
                     pages, add_recommendation));
    router.add(route(M::get, "/reviews/{id}/recommendations/{recommendation}/sign-off", one_case,
                     "The form for the agency concerned to sign off a recommendation", pages,
                     sign_recommendation_form));
    router.add(route(M::post, "/reviews/{id}/recommendations/{recommendation}/sign-off", one_case,
                     "The agency concerned signs off a recommendation", pages, sign_recommendation));
    router.add(route(M::get, "/reviews/{id}/learning-shared", one_case,
                     "The form to record an agency's confirmation that the learning was shared", pages,
                     confirmation_form));
    router.add(route(M::post, "/reviews/{id}/learning-shared", one_case,
                     "Record an agency's confirmation that the learning was shared at a level", pages,
                     confirm_shared));
}

}  // namespace safeboard::reviews::pages
