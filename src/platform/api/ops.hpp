#pragma once
// Operational endpoints for load balancers and monitoring:
//   GET /healthz  the process answers (no database)
//   GET /readyz   the database answers too (503 when not)
//   GET /metrics  Prometheus text format
#include "platform/http/router.hpp"
#include "platform/metrics/metrics.hpp"

namespace safeboard::api {

void add_ops_routes(http::Router& router, metrics::Registry& registry);

}  // namespace safeboard::api
