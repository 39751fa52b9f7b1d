#pragma once
// The register's web pages: partnerships, organisations, people, bodies and
// their members, the governance diagram, reports, imports and exports.
#include <span>

#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::register_ {

// The register's page templates, named "register/pages/<name>"; they use the
// web shell's form partials and the auth templates' error summary, so add
// them after auth::templates().
std::span<const embed::File> templates();

// `templates` (holding templates() and the auth templates) must outlive `router`.
void add_pages(http::Router& router, const web::Templates& templates);

}  // namespace safeboard::register_
