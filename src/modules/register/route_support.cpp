#include "modules/register/route_support.hpp"

#include "platform/audit/audit.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::register_ {

http::Response refused(const http::Request& request, http::Context& context, const std::string& why) {
    audit::append_alone(context.db(), auth::actor_of(request, context.user()),
                        {"request.refused", "route", std::string(http::to_string(request.method)) + " " + request.path,
                         {}, "403 " + why});
    return http::problem(403, why, request);
}

std::string today() { return iso_utc(system_now()).substr(0, 10); }

}  // namespace safeboard::register_
