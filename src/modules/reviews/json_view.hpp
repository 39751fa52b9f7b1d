#pragma once
// Learning review records as the API writes them (internal to the module).
#include <boost/json.hpp>

#include "modules/reviews/view.hpp"

namespace safeboard::reviews {

boost::json::object case_json(const Case& c, const std::map<std::int64_t, std::string>& names);
boost::json::object clock_json(const CaseClock& clock, std::string_view on);
boost::json::object deadline_json(const Deadline& deadline);
boost::json::object report_json(const AgencyReport& report);
boost::json::object terms_json(const TermsOfReference& terms);
boost::json::object recommendation_json(const RecommendationMonitor& r);
boost::json::object confirmation_json(const Confirmation& c);
boost::json::object missing_json(const MissingConfirmation& m, const CaseView* view);
// The whole case: the record, clock, terms, reports, recommendations and learning shared.
boost::json::object view_json(const CaseView& view, std::string_view on);
// The dissemination of a case: confirmations and what is missing.
boost::json::object dissemination_json(const CaseView& view);

}  // namespace safeboard::reviews
