#pragma once
// How plans, actions and recommendations plug into the application.
#include <span>

#include "platform/api/openapi.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"

namespace safeboard::plans {

std::span<const embed::File> migrations();
void add_routes(http::Router& router, api::ApiInfo& api);

struct DemoSummary {
    std::size_t plans = 0;
    std::size_t actions = 0;          // rows in the demo's action files
    std::size_t recommendations = 0;  // rows in the demo's recommendation files
};
// Loads the demo plans (data/demo/<partnership>/plans.json and their action
// files) and recommendations through the same imports as anyone's. Running
// it again changes nothing. Throws when a demo file does not import.
DemoSummary load_demo(db::Connection& db, const audit::Actor& actor);

}  // namespace safeboard::plans
