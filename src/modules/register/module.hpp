#pragma once
// How the register plugs into the application: its migrations and routes.
#include <span>

#include "platform/api/openapi.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"

namespace safeboard::register_ {

std::span<const embed::File> migrations();
void add_routes(http::Router& router, api::ApiInfo& api);

// Loads the demo partnerships (data/demo/partnerships.json, compiled in);
// running it again changes nothing. Returns how many it holds.
std::size_t load_demo(db::Connection& db, const audit::Actor& actor);

}  // namespace safeboard::register_
