#pragma once
// What the register's API routes and pages share.
#include <string>

#include "platform/http/context.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace safeboard::register_ {

// 403 for a change the user may not make here, recorded in the audit log as
// a refused request (a page shows the platform's refused page).
http::Response refused(const http::Request& request, http::Context& context, const std::string& why);

// Today's date, YYYY-MM-DD in UTC, for "as on" reports.
std::string today();

}  // namespace safeboard::register_
