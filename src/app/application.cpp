#include "app/application.hpp"

#include "modules/register/module.hpp"
#include "platform/api/ops.hpp"

namespace safeboard::app {

const char* version() { return SAFEBOARD_VERSION; }

db::MigrationSet all_migrations() {
    db::MigrationSet set;
    set.add_module("register", register_::migrations());
    return set;
}

std::unique_ptr<Service> make_service(db::Pool* pool) {
    auto service = std::make_unique<Service>();
    service->web = web::WebShell::from_embedded();
    service->api.version = version();
    if (pool) {
        service->metrics.add_gauge({"safeboard_db_pool_connections",
                                    "Database connections in the pool, by state.", [pool] {
                                        auto stats = pool->stats();
                                        return std::vector<std::pair<std::string, double>>{
                                            {"state=\"in_use\"", static_cast<double>(stats.in_use)},
                                            {"state=\"idle\"", static_cast<double>(stats.idle)}};
                                    }});
    }
    auto& router = service->router;
    api::add_ops_routes(router, service->metrics);
    web::add_web_routes(router, *service->web);
    register_::add_routes(router, service->api);
    api::add_openapi_route(router, service->api);
    return service;
}

}  // namespace safeboard::app
