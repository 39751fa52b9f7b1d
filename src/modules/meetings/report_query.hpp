#pragma once
// The attendance report a request asks for (?body=&from=&to=&standard=&substitutes=),
// shared by the API and the report page; every bad parameter is named.
#include "modules/meetings/rules.hpp"
#include "platform/http/context.hpp"
#include "platform/http/request.hpp"

namespace safeboard::meetings {

Result<AttendanceReport> attendance_report_for(const http::Request& request, http::Context& context);

}  // namespace safeboard::meetings
