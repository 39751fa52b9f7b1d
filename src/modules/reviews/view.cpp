#include "modules/reviews/view.hpp"

#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/clock_rules.hpp"
#include "modules/reviews/store.hpp"

namespace safeboard::reviews {

namespace {

std::string partnership_code(db::Connection& db, std::int64_t id) {
    auto partnership = register_::find_partnership(db, id);
    return partnership ? partnership->code : "";
}

std::vector<RecommendationMonitor> monitored(db::Connection& db, const Case& c, std::string_view on) {
    auto recommendations = plans::recommendations_from(db, c.partnership_id, plans::Source::case_review, c.reference);
    std::vector<plans::Action> actions;
    for (const auto& r : recommendations) {
        plans::ActionQuery query;
        query.reach.everything = true;
        query.recommendation = r.id;
        auto some = plans::all_actions(db, query);
        actions.insert(actions.end(), some.begin(), some.end());
    }
    std::vector<std::int64_t> ids;
    for (const auto& a : actions) ids.push_back(a.id);
    return monitor(recommendations, actions, plans::latest_updates(db, ids), sign_offs_of(db, c.id), on);
}

}  // namespace

CaseClock clock_for(db::Connection& db, const Case& c, std::string_view on) {
    auto rules = rules_for(statutory_clock_rules(), partnership_code(db, c.partnership_id));
    return clock_of(c, agency_reports_of(db, c.id), rules, on);
}

std::string CaseView::name_of(std::int64_t organisation_id) const {
    auto it = organisation_names.find(organisation_id);
    return it == organisation_names.end() ? "Organisation " + std::to_string(organisation_id) : it->second;
}

CaseView view_of(db::Connection& db, const Case& c, std::string_view on) {
    CaseView view;
    view.c = c;
    if (auto partnership = register_::find_partnership(db, c.partnership_id)) view.partnership_name = partnership->name;
    auto ids = c.agencies;
    if (c.decision) ids.push_back(c.decision->ratified_by);
    for (auto id : ids) {
        if (auto organisation = register_::find_organisation(db, id)) view.organisation_names[id] = organisation->name;
    }
    view.reports = agency_reports_of(db, c.id);
    auto rules = rules_for(statutory_clock_rules(), partnership_code(db, c.partnership_id));
    view.clock = clock_of(c, view.reports, rules, on);
    view.terms = terms_of_reference_of(db, c.id);
    view.recommendations = monitored(db, c, on);
    view.confirmations = confirmations_of(db, c.id);
    view.missing = missing_confirmations(c, view.confirmations);
    return view;
}

std::vector<Deadline> deadlines_in(db::Connection& db, const std::vector<std::int64_t>& partnership_ids,
                                   std::string_view on) {
    std::vector<CaseClock> clocks;
    for (const auto& c : cases_of(db, partnership_ids)) clocks.push_back(clock_for(db, c, on));
    return deadlines(clocks);
}

std::vector<MissingConfirmation> missing_in(db::Connection& db, const std::vector<std::int64_t>& partnership_ids) {
    std::vector<MissingConfirmation> found;
    for (const auto& c : cases_of(db, partnership_ids, true)) {
        if (!c.steps.contains("publication") && !c.steps.contains("closure")) continue;
        auto missing = missing_confirmations(c, confirmations_of(db, c.id));
        found.insert(found.end(), missing.begin(), missing.end());
    }
    return found;
}

std::vector<RecommendationException> exceptions_in(db::Connection& db,
                                                   const std::vector<std::int64_t>& partnership_ids,
                                                   std::string_view on) {
    std::vector<RecommendationException> found;
    for (const auto& c : cases_of(db, partnership_ids, true)) {
        for (auto& r : monitored(db, c, on)) {
            if (r.exceptions.empty() || plans::finished(r.recommendation.status)) continue;
            found.push_back({c.id, c.reference, std::move(r)});
        }
    }
    return found;
}

}  // namespace safeboard::reviews
