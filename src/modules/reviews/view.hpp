#pragma once
// A case read whole, as its page and its API show it: the clock on a day,
// the terms of reference, agency reports, recommendations with their
// monitoring, and the learning shared. One reading for both, so they never
// disagree. Reads only; callers have checked the user may see the case.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "modules/reviews/model.hpp"
#include "modules/reviews/monitoring.hpp"
#include "modules/reviews/rules.hpp"
#include "platform/db/database.hpp"

namespace safeboard::reviews {

// The case's clock on `on`, under its partnership's clock rules.
CaseClock clock_for(db::Connection& db, const Case& c, std::string_view on);

struct CaseView {
    Case c;
    std::string partnership_name;
    std::map<std::int64_t, std::string> organisation_names;  // the agencies and the ratifying partner
    CaseClock clock;
    std::vector<TermsOfReference> terms;
    std::vector<AgencyReport> reports;
    std::vector<RecommendationMonitor> recommendations;
    std::vector<Confirmation> confirmations;
    std::vector<MissingConfirmation> missing;
    std::string name_of(std::int64_t organisation_id) const;
};

CaseView view_of(db::Connection& db, const Case& c, std::string_view on);

// The open cases' deadlines in these partnerships, nearest first.
std::vector<Deadline> deadlines_in(db::Connection& db, const std::vector<std::int64_t>& partnership_ids,
                                   std::string_view on);

// Every missing confirmation of the partnerships' cases that have reached
// publication or closure (learning to share), by case.
std::vector<MissingConfirmation> missing_in(db::Connection& db, const std::vector<std::int64_t>& partnership_ids);

// A recommendation of a review with exceptions to report to the Executive
// and the Board.
struct RecommendationException {
    std::int64_t case_id = 0;
    std::string reference;
    RecommendationMonitor monitor;
};
// Across the partnerships' reviews (open or closed: implementation goes on
// after a case closes), every recommendation not finished that has an
// exception on `on`, by case and number.
std::vector<RecommendationException> exceptions_in(db::Connection& db,
                                                   const std::vector<std::int64_t>& partnership_ids,
                                                   std::string_view on);

}  // namespace safeboard::reviews
