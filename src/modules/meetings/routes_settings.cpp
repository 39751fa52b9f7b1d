// A partnership's attendance settings over the API: the good standard and
// whom a substitute counts for, which its attendance reports read.
#include <boost/json.hpp>

#include "modules/meetings/policy.hpp"
#include "modules/meetings/routes_support.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "platform/auth/page.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::meetings {

namespace {

using http::Request;
using http::Response;

Response show_settings(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto partnership = readable_partnership(db, context.user(), auth::path_id(request));
    if (!partnership) return auth::missing(request, "partnership");
    return Response::json(to_json(attendance_settings_of(db, partnership->id)));
}

Response put_settings(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto partnership = readable_partnership(db, context.user(), auth::path_id(request));
    if (!partnership) return auth::missing(request, "partnership");
    if (!may_change_settings(context.user(), partnership->id)) {
        return auth::refuse(request, context,
                            "meetings.write is not held for partnership " + std::to_string(partnership->id));
    }
    auto fields = json_fields(request, {"good_standard", "substitutes"}, {"good_standard"});
    if (!fields) return http::problem(fields.error(), request);
    auto settings = attendance_settings_from(*fields, attendance_settings_of(db, partnership->id));
    if (!settings) return http::problem(settings.error(), request);
    {
        db::Transaction transaction(db);
        save_attendance_settings(db, *settings, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(to_json(attendance_settings_of(db, partnership->id)));
}

}  // namespace

void add_settings_routes(http::Router& router) {
    using M = http::Method;
    add_api_route(router, M::get, "/api/v1/partnerships/{id}/attendance-settings", show_settings,
                  {"A partnership's attendance settings: the good standard and whom a substitute counts for "
                   "(the defaults, 66 and organisation, until it sets its own)",
                   "", {}, "AttendanceSettings", false},
                  http::Access::needs(access::Permission::meetings_read));
    add_api_route(router, M::put, "/api/v1/partnerships/{id}/attendance-settings", put_settings,
                  {"Set a partnership's attendance settings: good_standard (1 to 100) and substitutes (organisation, "
                   "person, both, neither); its attendance reports read them",
                   "", {}, "AttendanceSettings", false},
                  http::Access::needs(access::Permission::meetings_write));
}

}  // namespace safeboard::meetings
