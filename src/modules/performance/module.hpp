#pragma once
// How the performance framework plugs into the application: its migrations,
// its API, its demo (its pages are in pages.hpp). Routes and pages are built
// on save.hpp, store.hpp, policy.hpp and import.hpp.
#include <cstddef>
#include <span>

#include "platform/api/openapi.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"

namespace safeboard::performance {

// Migrated after the register (partnerships, organisations) and auth (users).
std::span<const embed::File> migrations();

// The API under /api/v1: indicators and their values, periods, returns and
// their steps, imports (routes.cpp); completeness and exceptions (routes_reports.cpp).
void add_routes(http::Router& router, api::ApiInfo& api);
void add_report_routes(http::Router& router, api::ApiInfo& api);
// The OpenAPI schemas of both (schemas.cpp).
void add_schemas(api::ApiInfo& api);

struct DemoSummary {
    std::size_t indicators = 0;
    std::size_t values = 0;  // rows in the demo's value files
    std::size_t steps = 0;   // queries and acceptances this run took
};
// Loads the demo (data/demo/<partnership>/performance.json and the value
// files it names) through the same rules, saves and import as anyone's:
// the partnership's settings, its indicators and targets, each value file,
// then the queries and acceptances it lists. Running it again changes
// nothing. Throws when a demo file does not load (a bug in the files).
DemoSummary load_demo(db::Connection& db, const audit::Actor& actor);

}  // namespace safeboard::performance
