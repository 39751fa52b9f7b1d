#pragma once
// The pages an admin uses to run accounts and read the audit log:
//   /admin/users ...  accounts, their roles, sessions and set-up links
//                     (users.manage; an admin granted it in one partnership
//                     sees only the accounts wholly within that partnership)
//   /admin/audit      searching the audit log, and its CSV download
//                     (audit.read, granted for the whole instance)
#include "platform/auth/authenticator.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::auth {

// `authenticator` and `pages` (which must hold auth::templates()) must outlive the router.
void add_admin_routes(http::Router& router, Authenticator& authenticator, const web::Templates& pages);

}  // namespace safeboard::auth
