#include "platform/api/ops.hpp"

#include <boost/json.hpp>

namespace safeboard::api {

void add_ops_routes(http::Router& router, metrics::Registry& registry) {
    router.add({http::Method::get, "/healthz",
                [](const http::Request&, http::Context&) {
                    return http::Response::json(boost::json::object{{"status", "ok"}});
                },
                http::Execution::io, {}, http::Access::anyone()});
    router.add({http::Method::get, "/readyz",
                [](const http::Request&, http::Context& context) {
                    // A failure here throws DatabaseError, which the server answers with 503.
                    context.db().query("SELECT 1");
                    return http::Response::json(boost::json::object{{"status", "ready"}});
                },
                http::Execution::worker, {}, http::Access::anyone()});
    // Metrics name routes and load: for operators (a scraper uses an API token).
    router.add({http::Method::get, "/metrics",
                [&registry](const http::Request&, http::Context&) {
                    http::Response response = http::Response::text(registry.render());
                    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
                    return response;
                },
                http::Execution::worker, {}, http::Access::needs(access::Permission::metrics_read)});
}

}  // namespace safeboard::api
