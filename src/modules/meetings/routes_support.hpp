#pragma once
// What the meetings API's route files share (internal to the module): each
// record as JSON, a JSON body read as fields (numbers allowed where a field
// is a number), a date in the query, and adding a route tagged "meetings".
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "modules/meetings/model.hpp"
#include "platform/api/openapi.hpp"
#include "platform/core/fields.hpp"
#include "platform/http/request.hpp"
#include "platform/http/router.hpp"

namespace safeboard::meetings {

boost::json::object to_json(const Meeting& meeting);
boost::json::object to_json(const Attendance& attendance);
boost::json::object to_json(const ExpectedSeat& seat);
boost::json::object to_json(const ForwardPlanItem& item);
boost::json::object to_json(const AgendaItem& item);
boost::json::object to_json(const Paper& paper);
boost::json::object to_json(const AttendanceSettings& settings);

// api::fields_from, where the fields named in `numbers` may also be sent as
// JSON integers ({"good_standard": 75} as well as "75").
Result<Fields> json_fields(const http::Request& request, const std::vector<std::string>& columns,
                           const std::vector<std::string>& numbers = {});
// The date in the query parameter `name` (YYYY-MM-DD); an error named by it when it is not one.
std::optional<std::string> query_day(const http::Request& request, const char* name, std::vector<FieldError>& errors);

// 204: done, nothing to say (a removal).
http::Response no_content();

// Adds an API route of the meetings module, run on the workers.
void add_api_route(http::Router& router, http::Method method, std::string pattern, http::Handler handler,
                   http::RouteDoc doc, http::Access access);

// The JSON schemas the meetings API answers with, under components/schemas.
void add_schemas(api::ApiInfo& api);
void add_forward_plan_routes(http::Router& router);
void add_agenda_routes(http::Router& router);
void add_settings_routes(http::Router& router);

}  // namespace safeboard::meetings
