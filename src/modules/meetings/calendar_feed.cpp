#include "modules/meetings/calendar_feed.hpp"

#include <boost/json.hpp>

#include "modules/meetings/policy.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"
#include "platform/ical/calendar.hpp"

namespace safeboard::meetings {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

ical::Event::Status event_status(MeetingStatus status) {
    switch (status) {
        case MeetingStatus::planned: return ical::Event::Status::tentative;
        case MeetingStatus::confirmed:
        case MeetingStatus::held: return ical::Event::Status::confirmed;
        case MeetingStatus::cancelled: return ical::Event::Status::cancelled;
    }
    return ical::Event::Status::tentative;
}

// "2011-11-17 14:05:09" or "2011-11-17T14:05:09.123Z" as the UTC form iCalendar stamps take.
std::string utc_stamp(const std::string& at) {
    if (at.size() < 19) return iso_utc(system_now()).substr(0, 19) + "Z";
    auto stamp = at.substr(0, 19);
    stamp[10] = 'T';
    return stamp + "Z";
}

ical::Event event_of(const Meeting& m) {
    ical::Event event;
    event.uid = m.uid;
    event.sequence = m.sequence;
    event.summary = m.shown_title();
    event.description = m.notes;
    event.location = m.place.empty() ? m.online_url : m.place;
    event.url = m.online_url;
    event.starts_at = m.starts_at;
    event.ends_at = m.ends_at;
    event.status = event_status(m.status);
    event.updated_at = utc_stamp(m.updated_at.empty() ? m.created_at : m.updated_at);
    return event;
}

Response calendar_response(Result<std::string> text, const Request& request, const std::string& filename) {
    if (!text) return http::problem(text.error(), request);
    auto response = Response::text(std::move(*text));
    response.content_type = "text/calendar; charset=utf-8";
    response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    response.header("Cache-Control", "private, no-store");
    return response;
}

// How far back a feed reaches: a year of past meetings is plenty for a calendar.
constexpr int feed_days_back = 400;

// GET /calendars/{token}: no session (calendar programs have none), so the
// token is the credential; an unknown or revoked one is simply not found.
Response feed(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto secret = request.path_param("token");
    if (secret.ends_with(".ics")) secret.resize(secret.size() - 4);
    auto token = find_feed_token(db, secret);
    if (!token) return http::problem(404, "There is no such calendar", request);
    auto from = iso_utc(system_now() - std::int64_t{feed_days_back} * 86400).substr(0, 10);
    std::vector<Meeting> meetings;
    std::string name;
    if (token->kind == FeedKind::body) {
        auto body = register_::find_body(db, token->subject_id);
        if (!body) return http::problem(404, "There is no such calendar", request);
        MeetingQuery query;
        query.reach.everything = true;
        query.body = body->id;
        query.from = from;
        meetings = all_meetings(db, query, 2000);
        name = body->name;
    } else {
        auto person = register_::find_person(db, token->subject_id);
        if (!person) return http::problem(404, "There is no such calendar", request);
        meetings = meetings_of_person(db, person->id, from, std::nullopt);
        name = "Meetings of " + person->name;
    }
    return calendar_response(calendar_text(name, meetings), request, "safeboard.ics");
}

Response meeting_ics(const Request& request, http::Context& context) {
    auto meeting = readable_meeting(context.db(), context.user(), auth::parse_id(request.path_param("id")));
    if (!meeting) return http::problem(404, "There is no such meeting", request);
    return calendar_response(calendar_text(meeting->shown_title(), {*meeting}), request,
                             "meeting-" + std::to_string(meeting->id) + ".ics");
}

json::object token_json(const FeedToken& t) {
    return {{"id", std::to_string(t.id)},
            {"kind", code_of(t.kind)},
            {"subject", std::to_string(t.subject_id)},
            {"created_at", t.created_at},
            {"revoked_at", t.revoked_at ? json::value(*t.revoked_at) : json::value(nullptr)}};
}

Response list_feeds(const Request&, http::Context& context) {
    json::array items;
    for (const auto& t : feed_tokens_of(context.db(), context.user().user_id)) items.push_back(token_json(t));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

// A feed of a body the user can see, or of a person of the register with
// the user's own e-mail (their own meetings).
Response create_feed(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto fields = api::fields_from(request, {"kind", "subject"});
    if (!fields) return http::problem(fields.error(), request);
    std::vector<FieldError> errors;
    auto kind = parse_term<FeedKind>((*fields)["kind"]);
    auto subject = auth::parse_id((*fields)["subject"]);
    if (!kind) errors.push_back({"kind", "must be one of: " + codes_list<FeedKind>()});
    if (!subject) errors.push_back({"subject", "must be the id of a body or of a person"});
    if (kind && subject) {
        if (*kind == FeedKind::body && !readable_body(db, context.user(), subject)) {
            errors.push_back({"subject", "must be a body you can see"});
        }
        if (*kind == FeedKind::person) {
            auto mine = register_::people_with_email(db, context.user().email);
            if (std::find(mine.begin(), mine.end(), *subject) == mine.end()) {
                errors.push_back({"subject", "must be you: a person of the register with your e-mail address"});
            }
        }
    }
    if (!errors.empty()) return http::problem(422, "The feed cannot be made", request, errors);
    NewFeedToken made;
    {
        db::Transaction transaction(db);
        made = create_feed_token(db, context.user().user_id, *kind, *subject, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(json::object{{"id", std::to_string(made.id)},
                                       {"path", "/calendars/" + made.secret + ".ics"},
                                       {"note", "The address is shown once; revoke it to stop the feed."}},
                          201);
}

Response revoke_feed(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto id = auth::parse_id(request.path_param("id"));
    bool own = false;
    for (const auto& t : feed_tokens_of(db, context.user().user_id)) own = own || (id && t.id == *id);
    if (!own) return http::problem(404, "There is no such feed", request);
    {
        db::Transaction transaction(db);
        revoke_feed_token(db, *id, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(json::object{{"id", std::to_string(*id)}, {"revoked", true}});
}

}  // namespace

Result<std::string> calendar_text(const std::string& name, const std::vector<Meeting>& meetings) {
    ical::Calendar calendar;
    calendar.name = name;
    for (const auto& m : meetings) calendar.events.push_back(event_of(m));
    return ical::write_calendar(calendar);
}

void add_calendar_routes(http::Router& router) {
    using M = http::Method;
    const auto read = http::Access::needs(access::Permission::meetings_read);
    router.add({M::get, "/calendars/{token}", feed, http::Execution::worker,
                {"A calendar feed (iCalendar) of a body's or a person's meetings; the token is its credential",
                 "meetings", {}, "", false},
                http::Access::anyone()});
    router.add({M::get, "/meetings/{id}/calendar.ics", meeting_ics, http::Execution::worker,
                {"One meeting as an iCalendar file", "meetings", {}, "", false}, read});
    router.add({M::get, "/api/v1/calendar-feeds", list_feeds, http::Execution::worker,
                {"Your calendar feeds", "meetings", {}, "CalendarFeed", true}, read});
    router.add({M::post, "/api/v1/calendar-feeds", create_feed, http::Execution::worker,
                {"Make a calendar feed: kind (body or person), subject (its id); the address is shown once",
                 "meetings", {}, "", false},
                read});
    router.add({M::post, "/api/v1/calendar-feeds/{id}/revoke", revoke_feed, http::Execution::worker,
                {"Revoke one of your calendar feeds", "meetings", {}, "", false}, read});
}

}  // namespace safeboard::meetings
