// The performance reports under /api/v1/reports: a period's completeness
// (who returned, who was late, who is missing) and its exceptions (every
// value outside tolerance and every missing return), for the monitoring
// sub-group, the Executive and the Board. Live: worked out in SQL on each
// request (store.hpp), never a copy made earlier.
#include <boost/json.hpp>

#include "modules/performance/module.hpp"
#include "modules/performance/routes_support.hpp"
#include "modules/performance/store.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::performance {

namespace {

namespace json = boost::json;
using namespace api_json;
using namespace api_query;
using http::Request;
using http::Response;

// The period the query names, in the partnership it names (or the user's only one).
Result<Period> report_period(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto partnership = partnership_asked(request, db, reach_of(db, context.user()));
    if (!partnership) return std::unexpected(partnership.error());
    return period_asked(request, db, *partnership);
}

json::array returners_json(const std::vector<ReturnerStatus>& returners) {
    json::array rows;
    for (const auto& r : returners) rows.push_back(returner_json(r));
    return rows;
}

Response completeness_report(const Request& request, http::Context& context) {
    auto period = report_period(request, context);
    if (!period) return http::problem(period.error(), request);
    auto on = today();
    auto c = completeness(context.db(), *period, on);
    return Response::json(json::object{{"on", on},
                                       {"period", period_json(c.period)},
                                       {"expected", c.expected},
                                       {"returned", c.returned},
                                       {"late", c.late},
                                       {"missing", c.expected - c.returned},
                                       {"percent", c.percent},
                                       {"returners", returners_json(c.returners)}});
}

Response exceptions_report(const Request& request, http::Context& context) {
    auto period = report_period(request, context);
    if (!period) return http::problem(period.error(), request);
    auto on = today();
    auto e = exceptions(context.db(), *period, on);
    json::array outside;
    for (const auto& v : e.outside_tolerance) outside.push_back(rated_json(v));
    return Response::json(json::object{{"on", on},
                                       {"period", period_json(e.period)},
                                       {"outside_tolerance", std::move(outside)},
                                       {"missing_returns", returners_json(e.missing)}});
}

}  // namespace

void add_report_routes(http::Router& router, api::ApiInfo&) {
    const auto read = http::Access::needs(access::Permission::performance_read);
    const std::vector<http::QueryDoc> query{
        {"partnership", "a partnership's id (needed when you read several partnerships' figures)"},
        {"period_start", "the period's first day, YYYY-MM-DD", "string", true},
        {"period_end", "the period's last day, YYYY-MM-DD: a whole quarter, half or year of the reporting year",
         "string", true}};
    router.add({http::Method::get, "/api/v1/reports/completeness", completeness_report, http::Execution::worker,
                {"A period's completeness: every expected returner, whether it returned, late or overdue, and the "
                 "share returned",
                 "performance", query, "Completeness", false},
                read});
    router.add({http::Method::get, "/api/v1/reports/exceptions", exceptions_report, http::Execution::worker,
                {"A period's exceptions: every value outside tolerance (red) with its target, and every missing "
                 "return",
                 "performance", query, "Exceptions", false},
                read});
}

}  // namespace safeboard::performance
