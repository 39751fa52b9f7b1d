#pragma once
// What the performance API's files share (internal): the records as JSON,
// and the partnership and period a query names.
#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "modules/performance/model.hpp"
#include "modules/performance/policy.hpp"
#include "platform/core/error.hpp"
#include "platform/db/database.hpp"
#include "platform/http/request.hpp"

namespace safeboard::performance::api_json {

boost::json::value target_json(const std::optional<Target>& target);
boost::json::value rag_json(const std::optional<Rag>& rag);
boost::json::object indicator_json(const Indicator& indicator);
boost::json::object period_json(const Period& period);
// Without its values and history (return_detail_json adds them).
boost::json::object return_json(const Return& ret);
boost::json::object return_detail_json(const Return& ret, const std::vector<Value>& values,
                                       const std::vector<ReturnEvent>& events);
boost::json::object value_json(const Value& value);
// A returned value with its returner, the target that applies and its rating.
boost::json::object rated_json(const RatedValue& rated);
boost::json::object returner_json(const ReturnerStatus& status);
boost::json::object aggregate_json(const Aggregate& aggregate);

}  // namespace safeboard::performance::api_json

namespace safeboard::performance::api_query {

// Today in the UK: returns are late or overdue by it.
std::string today();

// The partnership a query is about: ?partnership= when the user reads its
// figures (not found otherwise, so that another partnership's existence is
// not told), or the only one whose figures the user reads. A user who reads
// several must name one (a field error on "partnership").
Result<std::int64_t> partnership_asked(const http::Request& request, db::Connection& db, const Reach& reach);

// The period named by ?period_start= and ?period_end= in the partnership:
// the one recorded, or the same period with no returns yet; field errors
// when either is missing or they make no whole period of its reporting year.
Result<Period> period_asked(const http::Request& request, db::Connection& db, std::int64_t partnership_id);

// An optional date parameter (YYYY-MM-DD); a field error names it when it is no date.
Result<std::optional<std::string>> day_param(const http::Request& request, const std::string& name);

}  // namespace safeboard::performance::api_query
