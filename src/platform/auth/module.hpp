#pragma once
// How identity and access plug into the application: the schema, the Gate
// the server calls before every handler, and the pages for signing in and
// managing one's account.
#include <span>

#include "platform/auth/authenticator.hpp"
#include "platform/auth/gate.hpp"
#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::auth {

std::span<const embed::File> migrations();
// The auth pages' templates, to add to the web shell's Templates.
std::span<const embed::File> templates();

// Sign in, second factor, sign out, the account page, password, set-up links
// and API tokens. `authenticator` and `pages` must outlive the router.
void add_routes(http::Router& router, Authenticator& authenticator, const web::Templates& pages);

}  // namespace safeboard::auth
