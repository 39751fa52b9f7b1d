#include "app/application.hpp"

#include "modules/meetings/module.hpp"
#include "modules/meetings/pages.hpp"
#include "modules/performance/module.hpp"
#include "modules/performance/pages.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/pages.hpp"
#include "modules/register/module.hpp"
#include "modules/register/pages.hpp"
#include "modules/register/store.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/pages.hpp"
#include "platform/api/calendar_routes.hpp"
#include "platform/api/ops.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/admin.hpp"
#include "platform/auth/module.hpp"

namespace safeboard::app {

const char* version() { return SAFEBOARD_VERSION; }

db::MigrationSet all_migrations() {
    db::MigrationSet set;
    set.add_module("audit", audit::migrations());
    set.add_module("auth", auth::migrations());
    set.add_module("register", register_::migrations());
    set.add_module("plans", plans::migrations());
    set.add_module("performance", performance::migrations());
    set.add_module("meetings", meetings::migrations());
    set.add_module("reviews", reviews::migrations());
    return set;
}

std::unique_ptr<Service> make_service(db::Pool* pool, auth::AuthSettings settings, std::filesystem::path files_dir,
                                      std::shared_ptr<const reviews::Vault> vault) {
    if (files_dir.empty()) files_dir = std::filesystem::temp_directory_path() / "safeboard-files";
    auto service = std::make_unique<Service>();
    service->web = web::WebShell::from_embedded();
    service->web->templates.add(auth::templates());
    service->web->templates.add(register_::templates());
    service->web->templates.add(plans::page_templates());
    service->web->templates.add(meetings::page_templates());
    service->web->templates.add(reviews::page_templates());
    service->web->templates.add(performance::page_templates());
    settings.scope_exists = register_::scope_exists;
    service->authenticator = std::make_unique<auth::Authenticator>(std::move(settings));
    service->gate = std::make_unique<auth::AuthGate>(*service->authenticator);
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
    api::add_calendar_routes(router);
    web::add_web_routes(router, *service->web);
    auth::add_routes(router, *service->authenticator, service->web->templates);
    auth::add_admin_routes(router, *service->authenticator, service->web->templates);
    register_::add_routes(router, service->api);
    register_::add_pages(router, service->web->templates);
    plans::add_routes(router, service->api);
    plans::add_pages(router, service->web->templates, files_dir);
    meetings::add_routes(router, service->api);
    meetings::add_pages(router, service->web->templates, files_dir);
    reviews::add_routes(router, service->api, std::move(vault));
    reviews::add_pages(router, service->web->templates);
    performance::add_routes(router, service->api);
    performance::add_pages(router, service->web->templates);
    api::add_openapi_route(router, service->api);
    return service;
}

}  // namespace safeboard::app
