#pragma once
// The working-day calendar over HTTP, for anyone signed in who needs to know
// when a statutory timescale ends: GET /api/v1/calendar/working-days.
#include "platform/http/router.hpp"

namespace safeboard::api {

// ?from=YYYY-MM-DD&add=N: the N-th working day after `from` (before it when
// N is negative); ?from=&to=: the working days after `from` up to `to`.
void add_calendar_routes(http::Router& router);

}  // namespace safeboard::api
