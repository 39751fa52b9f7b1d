#pragma once
// The one place that wires platform and modules together: which modules
// exist, their migrations in order, and the full route table.
#include <filesystem>
#include <memory>

#include "modules/reviews/vault.hpp"
#include "platform/api/openapi.hpp"
#include "platform/auth/authenticator.hpp"
#include "platform/auth/gate.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/router.hpp"
#include "platform/metrics/metrics.hpp"
#include "platform/web/routes.hpp"

namespace safeboard::app {

// Every module's migrations, platform first, in dependency order.
db::MigrationSet all_migrations();

// What a running service holds; built once at start-up, read-only after.
struct Service {
    metrics::Registry metrics;
    std::unique_ptr<web::WebShell> web;
    api::ApiInfo api;
    std::unique_ptr<auth::Authenticator> authenticator;
    std::unique_ptr<auth::AuthGate> gate;  // pass to http::Server
    http::Router router;
};

// Builds the route table of every module. The pool may be null (tests of
// routes that need no database). Uploaded files are kept in `files_dir`;
// empty means a folder in the system's temporary directory, for tests and
// benchmarks that upload nothing. Learning reviews' sensitive details are
// sealed by `vault`; without one they cannot be kept or read.
std::unique_ptr<Service> make_service(db::Pool* pool, auth::AuthSettings settings = {},
                                      std::filesystem::path files_dir = {},
                                      std::shared_ptr<const reviews::Vault> vault = nullptr);

const char* version();

}  // namespace safeboard::app
