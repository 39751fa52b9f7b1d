#pragma once
// How meetings plug into the application: its migrations, its API and
// calendar routes, and its demo.
#include <cstddef>
#include <span>

#include "platform/api/openapi.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"

namespace safeboard::meetings {

std::span<const embed::File> migrations();
// The API under /api/v1 and the iCalendar feeds and downloads.
void add_routes(http::Router& router, api::ApiInfo& api);

struct DemoSummary {
    std::size_t forward_plan_items = 0;  // rows in the demo's forward plan files
    std::size_t meetings = 0;
    std::size_t attendance = 0;      // rows in the demo's attendance files
    std::size_t meetings_added = 0;  // meetings this run added
};
// Loads the demo (data/demo/<partnership>/meetings.json, the forward plans
// and attendance files it names) through the same imports and rules as
// anyone's: each body's forward plan, then its meetings, then for each
// meeting in turn its attendance, its agenda made from the plan and, once
// held, what was taken and what carried forward. Running it again changes
// nothing. Throws when a demo file does not load (a bug in the files).
DemoSummary load_demo(db::Connection& db, const audit::Actor& actor);

}  // namespace safeboard::meetings
