#pragma once
// How learning reviews plug into the application: its migrations (after
// the register's and the plans', whose recommendations a review's
// recommendations are), its API, its pages and its demo.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>

#include "modules/reviews/vault.hpp"
#include "platform/api/openapi.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"

namespace safeboard::reviews {

std::span<const embed::File> migrations();

// The API under /api/v1. Sensitive details are kept and shown only with a
// vault (the key file of the configuration); without one those routes
// answer that no key is configured.
void add_routes(http::Router& router, api::ApiInfo& api, std::shared_ptr<const Vault> vault);
// The rest of the API: agency reports, terms of reference, recommendations,
// learning shared and sensitive details (routes_learning.cpp).
void add_learning_routes(http::Router& router, std::shared_ptr<const Vault> vault);
// The OpenAPI schemas of both (schemas.cpp).
void add_schemas(api::ApiInfo& api);

struct DemoSummary {
    std::size_t cases = 0;
    std::size_t cases_added = 0;
};
// Loads the demo cases (data/demo/<partnership>/reviews.json) through the
// same saves as anyone's; running it again changes nothing. Throws when a
// demo file does not load (a bug in the files).
DemoSummary load_demo(db::Connection& db, const audit::Actor& actor);

}  // namespace safeboard::reviews
