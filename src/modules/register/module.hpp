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

struct DemoSummary {
    std::size_t partnerships = 0;
    std::size_t rows = 0;     // rows in the demo's import files
    std::size_t created = 0;  // records this run added
};

// Loads the demo (data/demo, compiled in): the partnerships, then each
// partnership's import files through the same import as anyone's, in
// the file's import_order. Running it again changes nothing. Throws when a
// demo file does not import (that is a bug in the files).
DemoSummary load_demo(db::Connection& db, const audit::Actor& actor);

}  // namespace safeboard::register_
