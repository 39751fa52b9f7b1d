#pragma once
// The OpenAPI 3.1 document at /api/v1/openapi.json, built from the route
// table itself, so the served API and its description cannot drift apart.
#include <map>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "platform/http/router.hpp"

namespace safeboard::api {

struct ApiInfo {
    std::string title = "Safeboard API";
    std::string version;
    std::map<std::string, boost::json::value> schemas;  // components/schemas, by name
};

inline constexpr std::string_view api_prefix = "/api/v1/";

boost::json::value openapi_document(const http::Router& router, const ApiInfo& info);

// API routes that cannot be described: no summary, or a response schema
// that is not in info.schemas. `safeboard check` and the tests want none.
std::vector<std::string> undescribed_routes(const http::Router& router, const ApiInfo& info);

// Registers GET /api/v1/openapi.json (the router must outlive the route).
void add_openapi_route(http::Router& router, const ApiInfo& info);

}  // namespace safeboard::api
