// The meetings API under /api/v1: a body's meetings and forward plan, a
// meeting with its agenda and attendance, attendance imported as CSV, the
// attendance report; and, added from their own files, changes to forward
// plans (routes_plan.cpp), agendas (routes_agenda.cpp) and attendance
// settings (routes_settings.cpp), the iCalendar feeds and the letters.
#include <boost/json.hpp>

#include "modules/meetings/calendar_feed.hpp"
#include "modules/meetings/import.hpp"
#include "modules/meetings/letters.hpp"
#include "modules/meetings/module.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/report_query.hpp"
#include "modules/meetings/routes_support.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/api/import_answer.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/api/json_values.hpp"
#include "platform/api/pagination.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/fields.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::meetings {

namespace json = boost::json;
using access::Permission;
using http::Request;
using http::Response;

namespace {

using api::id_json;

json::object tally_json(const Tally& t) {
    return {{"expected", t.expected},   {"attended", t.attended},       {"present", t.present},
            {"substitutes", t.substitutes}, {"apologies", t.apologies}, {"absent", t.absent},
            {"not_recorded", t.not_recorded}, {"percentage", t.percentage}, {"meets_standard", t.meets_standard}};
}

using auth::missing;

// ---- meetings ----------------------------------------------------------------------------------

Response body_meetings(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), auth::path_id(request));
    if (!body) return missing(request, "body");
    std::vector<FieldError> errors;
    MeetingQuery query;
    query.reach = readable(db, context.user());
    query.body = body->id;
    auto page = api::page_request(request);
    if (!page) {
        errors = page.error().fields;
    } else {
        query.limit = page->limit + 1;
        if (page->after) {
            query.after = decode_meeting_key(*page->after);
            if (!query.after) errors.push_back({"cursor", "is not a cursor this list issued"});
        }
    }
    query.from = query_day(request, "from", errors);
    query.to = query_day(request, "to", errors);
    if (auto text = request.query_param("status")) {
        query.status = parse_term<MeetingStatus>(*text);
        if (!query.status) errors.push_back({"status", "must be one of: " + codes_list<MeetingStatus>()});
    }
    if (!errors.empty()) return http::problem(422, "The query has errors", request, errors);
    auto rows = list_meetings(db, query);
    std::optional<std::string> more;
    if (rows.size() > static_cast<std::size_t>(page->limit)) {
        rows.pop_back();
        more = encode_meeting_key(key_of(rows.back()));
    }
    json::array items;
    for (const auto& m : rows) items.push_back(to_json(m));
    return Response::json(api::list_body(std::move(items), *page, more));
}

Response create_body_meeting(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), auth::path_id(request));
    if (!body) return missing(request, "body");
    if (!body_in(db, writable(context.user()), body->id)) {
        return auth::refuse(request, context, "meetings.write is not held for a partnership of body " +
                                                  std::to_string(body->id));
    }
    auto fields = api::fields_from(request, {"title", "starts_at", "ends_at", "place", "online_url", "notes", "status"});
    if (!fields) return http::problem(fields.error(), request);
    Meeting base;
    base.body_id = body->id;
    auto meeting = meeting_from(*fields, base, today_utc());
    if (!meeting) return http::problem(meeting.error(), request);
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        id = create_meeting(db, *meeting, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(to_json(*find_meeting(db, id)), 201);
}

Response show_meeting(const Request& request, http::Context& context) {
    auto meeting = readable_meeting(context.db(), context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    return Response::json(to_json(*meeting));
}

Response change_meeting(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    if (!may_change(db, context.user(), *meeting)) {
        return auth::refuse(request, context, "You cannot change meeting " + std::to_string(meeting->id));
    }
    auto given = api::fields_from(request, {"title", "starts_at", "ends_at", "place", "online_url", "notes", "status"});
    if (!given) return http::problem(given.error(), request);
    // PATCH: what is not sent stays as it is.
    Fields fields{{"title", meeting->title},           {"starts_at", meeting->starts_at},
                  {"ends_at", meeting->ends_at},       {"place", meeting->place},
                  {"online_url", meeting->online_url}, {"notes", meeting->notes},
                  {"status", std::string(code_of(meeting->status))}};
    for (auto& [name, value] : *given) fields[name] = value;
    auto changed = meeting_from(fields, *meeting, today_utc());
    if (!changed) return http::problem(changed.error(), request);
    {
        db::Transaction transaction(db);
        update_meeting(db, *changed, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(to_json(*find_meeting(db, meeting->id)));
}

Response meeting_agenda(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    auto papers = visible_papers(db, context.user(), *meeting, today_utc());
    json::array items;
    for (const auto& item : agenda_of(db, meeting->id)) {
        auto body = to_json(item);
        json::array own;
        for (const auto& paper : papers) {
            if (paper.agenda_item_id == item.id) own.push_back(to_json(paper));
        }
        body["papers"] = std::move(own);
        items.push_back(std::move(body));
    }
    return Response::json(json::object{{"meeting", std::to_string(meeting->id)}, {"items", std::move(items)}});
}

Response meeting_attendance(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    json::array seats;
    for (const auto& seat : expected_seats(db, *meeting)) seats.push_back(to_json(seat));
    return Response::json(json::object{{"meeting", std::to_string(meeting->id)},
                                       {"status", code_of(meeting->status)},
                                       {"seats", std::move(seats)}});
}

Response import_meeting_attendance(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    if (!may_change(db, context.user(), *meeting)) {
        return auth::refuse(request, context, "You cannot record attendance at meeting " + std::to_string(meeting->id));
    }
    auto report = import_attendance(db, *meeting, request.body, auth::actor_of(request, context.user()));
    return api::import_answer(report, request);
}

// ---- forward plans and the attendance report ------------------------------------------------------

Response body_forward_plan(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), auth::path_id(request));
    if (!body) return missing(request, "body");
    auto starts = year_starts_month(db, *body);
    auto text = request.query_param("year");
    std::optional<int> first_year = text ? parse_reporting_year(*text) : std::nullopt;
    if (text && !first_year) {
        return http::problem(422, "The query has errors", request, {{"year", "must be a year like 2011/12 or 2011"}});
    }
    if (!first_year) first_year = reporting_year_holding(today_utc().substr(0, 7), starts).first_year;
    auto year = reporting_year(*first_year, starts);
    json::array months;
    for (const auto& month : by_month(forward_plan_of(db, body->id, year.first_month, year.last_month))) {
        json::array items;
        for (const auto& item : month.items) items.push_back(to_json(item));
        months.push_back(json::object{{"month", month.month}, {"label", month_label(month.month)},
                                      {"items", std::move(items)}});
    }
    return Response::json(json::object{{"body", std::to_string(body->id)},
                                       {"year", year.label},
                                       {"first_month", year.first_month},
                                       {"last_month", year.last_month},
                                       {"months", std::move(months)}});
}

Response attendance_report_json(const Request& request, http::Context& context) {
    auto report = attendance_report_for(request, context);
    if (!report) return http::problem(report.error(), request);
    json::array people;
    json::array organisations;
    for (const auto& row : report->members) {
        people.push_back(json::object{{"person", id_json(row.person_id)},
                                      {"name", row.name},
                                      {"seat", row.seat_title},
                                      {"organisation", id_json(row.organisation_id)},
                                      {"organisation_name", row.organisation_name},
                                      {"attendance", tally_json(row.tally)}});
    }
    for (const auto& row : report->organisations) {
        organisations.push_back(json::object{{"organisation", std::to_string(row.organisation_id)},
                                             {"name", row.name},
                                             {"attendance", tally_json(row.tally)}});
    }
    return Response::json(json::object{{"meetings", report->meetings},
                                       {"good_standard", report->settings.good_standard},
                                       {"substitutes_count_for", code_of(report->settings.substitutes)},
                                       {"substitute_rule", report->substitute_rule},
                                       {"good_standard_from", code_of(report->settings.standard_from)},
                                       {"substitutes_from", code_of(report->settings.substitutes_from)},
                                       {"rule_applied", report->rule_applied},
                                       {"headline", report->headline},
                                       {"organisations_meeting_standard", report->organisations_meeting_standard},
                                       {"people", std::move(people)},
                                       {"organisations", std::move(organisations)}});
}

}  // namespace

void add_routes(http::Router& router, api::ApiInfo& api) {
    using M = http::Method;
    const auto read = http::Access::needs(Permission::meetings_read);
    // Changing a meeting needs meetings.write over one of its body's partnerships (policy.hpp).
    const auto write = http::Access::needs(Permission::meetings_write);
    add_schemas(api);
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        add_api_route(router, method, std::move(pattern), std::move(handler), std::move(doc), access);
    };
    add(M::get, "/api/v1/bodies/{id}/meetings", body_meetings,
        {"A body's meetings, in time order", "",
         {{"from", "Only meetings on or after this day (YYYY-MM-DD)"},
          {"to", "Only meetings on or before this day (YYYY-MM-DD)"},
          {"status", "Only this status: planned, confirmed, held, cancelled"}},
         "Meeting", true},
        read);
    add(M::post, "/api/v1/bodies/{id}/meetings", create_body_meeting,
        {"Add a meeting: title, starts_at, ends_at (UK time, YYYY-MM-DDTHH:MM), place, online_url, notes, status",
         "", {}, "Meeting", false},
        write);
    add(M::get, "/api/v1/meetings/{id}", show_meeting, {"One meeting", "", {}, "Meeting", false}, read);
    add(M::patch, "/api/v1/meetings/{id}", change_meeting,
        {"Change a meeting (its calendar SEQUENCE goes up when the time, place, status or title change)", "", {},
         "Meeting", false},
        write);
    add(M::get, "/api/v1/meetings/{id}/agenda", meeting_agenda,
        {"A meeting's agenda with the papers the user may see", "", {}, "Agenda", false}, read);
    add(M::get, "/api/v1/meetings/{id}/attendance", meeting_attendance,
        {"The seats expected at a meeting (the register's on its date) and what was recorded", "", {},
         "MeetingAttendance", false},
        read);
    add(M::post, "/api/v1/meetings/{id}/imports/attendance", import_meeting_attendance,
        {"Import a meeting's attendance (text/csv body: seat, person, organisation, status, substitute, note)", "",
         {}, "", false},
        write);
    add(M::get, "/api/v1/bodies/{id}/forward-plan", body_forward_plan,
        {"A body's forward plan for a reporting year, by month", "",
         {{"year", "The reporting year: 2011/12 or 2011 (default: the current one)"}}, "ForwardPlan", false},
        read);
    add(M::get, "/api/v1/reports/attendance", attendance_report_json,
        {"Attendance per person and per organisation over a period, with the headline", "",
         {{"body", "Only this body's meetings (default: every body you can see)"},
          {"from", "First day (YYYY-MM-DD)", "string", true},
          {"to", "Last day (YYYY-MM-DD)", "string", true},
          {"standard", "The good standard for this report, a percentage (default: the partnership's setting)",
           "integer"},
          {"substitutes", "Whom a substitute counts for in this report: organisation, person, both, neither "
                          "(default: the partnership's setting)"}},
         "AttendanceReport", false},
        read);
    add_forward_plan_routes(router);
    add_agenda_routes(router);
    add_settings_routes(router);
    add_calendar_routes(router);
    add_letter_routes(router);
}

}  // namespace safeboard::meetings
