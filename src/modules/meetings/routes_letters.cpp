// What follows a meeting, over the API: its actions arising (kept by the
// plans action engine, like every action), the letter to each member agency
// with the response it asks for, those letters as PDF and as a printable
// page, and the report of responses overdue.
#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "modules/meetings/letters.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/routes_support.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/plans/rules.hpp"
#include "modules/plans/store.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/api/json_values.hpp"
#include "platform/api/pagination.hpp"
#include "platform/auth/page.hpp"
#include "platform/core/text.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"
#include "platform/pdf/write.hpp"

namespace safeboard::meetings {

namespace json = boost::json;
using access::Permission;
using http::Request;
using http::Response;

namespace {

using api::id_json;
using api::optional_json;

using auth::missing;

// ---- actions arising ------------------------------------------------------------------------

json::object action_json(const plans::Action& a) {
    json::array responsible;
    for (const auto& party : a.responsible) {
        responsible.push_back(
            json::object{{"kind", code_of(party.kind)}, {"id", std::to_string(party.id)}, {"name", party.name}});
    }
    return {{"id", std::to_string(a.id)},
            {"meeting", id_json(a.meeting_id)},
            {"agenda_item", id_json(a.agenda_item_id)},
            {"number", a.number},
            {"action", a.title},
            {"target_date", optional_json(a.target_date)},
            {"responsibility", a.responsibility},
            {"responsible", std::move(responsible)},
            {"status", code_of(a.status)},
            {"href", "/actions/" + std::to_string(a.id)}};
}

plans::ActionQuery arising_at(const Meeting& meeting) {
    plans::ActionQuery query;
    // Whoever may read the meeting may read what arose at it, whichever of
    // its body's partnerships the action was recorded for.
    query.reach.everything = true;
    query.meeting = meeting.id;
    return query;
}

Response meeting_actions(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    auto page = api::page_request(request);
    if (!page) return http::problem(page.error(), request);
    auto query = arising_at(*meeting);
    query.limit = page->limit + 1;
    if (page->after) {
        query.after = plans::decode_action_key(*page->after);
        if (!query.after) return http::problem(422, "The query has errors", request, {{"cursor", "is not a cursor this list issued"}});
    }
    auto rows = plans::list_actions(db, query);
    std::optional<std::string> more;
    if (rows.size() > static_cast<std::size_t>(page->limit)) {
        rows.pop_back();
        more = plans::encode_action_key(plans::key_of(rows.back()));
    }
    json::array items;
    for (const auto& action : rows) items.push_back(action_json(action));
    return Response::json(api::list_body(std::move(items), *page, more));
}

// The agenda item an action arises from: blank for none, else an item of this meeting.
std::optional<std::int64_t> agenda_item_of(db::Connection& db, const Meeting& meeting, const std::string& text,
                                           std::vector<FieldError>& errors) {
    if (text.empty()) return std::nullopt;
    auto id = auth::parse_id(text);
    auto item = id ? find_agenda_item(db, *id) : std::nullopt;
    if (item && item->meeting_id == meeting.id) return item->id;
    errors.push_back({"agenda_item", "must be the id of an item on this meeting's agenda"});
    return std::nullopt;
}

Response add_meeting_action(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    auto body = body_in(db, writable(context.user()), meeting->body_id);
    if (!body) return auth::refuse(request, context, "You cannot record actions of meeting " + std::to_string(meeting->id));
    auto given = api::fields_from(request, {"action", "target_date", "responsibility", "status", "agenda_item"});
    if (!given) return http::problem(given.error(), request);
    // The action belongs to the first of the body's partnerships the user may change meetings in.
    auto reach = writable(context.user());
    auto partnership = *std::find_if(body->partnership_ids.begin(), body->partnership_ids.end(),
                                     [&](std::int64_t id) { return reach.allows(id); });
    std::vector<FieldError> errors;
    auto agenda_item = agenda_item_of(db, *meeting, trim((*given)["agenda_item"]), errors);
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        auto saved = plans::save_meeting_action(db, partnership, meeting->id, agenda_item, *given,
                                                readable(db, context.user()), auth::actor_of(request, context.user()));
        if (!saved && saved.error().fields.empty()) return http::problem(saved.error(), request);
        if (!saved) errors.insert(errors.end(), saved.error().fields.begin(), saved.error().fields.end());
        // Every problem at once: a bad agenda item leaves uncommitted a save that passed.
        if (errors.empty()) {
            transaction.commit();
            id = saved->id;
        }
    }
    if (!errors.empty()) return http::problem(422, "The action has errors", request, errors);
    return Response::json(action_json(*plans::find_action(db, id)), 201);
}

// ---- letters --------------------------------------------------------------------------------

std::string letter_path(const Letter& letter) { return "/letters/" + std::to_string(letter.id); }

json::object letter_json(const Letter& l, std::string_view today) {
    return {{"id", std::to_string(l.id)},
            {"meeting", std::to_string(l.meeting_id)},
            {"organisation", std::to_string(l.organisation_id)},
            {"organisation_name", l.organisation_name},
            {"recipient_membership", id_json(l.recipient_membership_id)},
            {"recipient_person", id_json(l.recipient_person_id)},
            {"recipient_name", l.recipient_name},
            {"sent_on", optional_json(l.sent_on)},
            {"response_due_on", optional_json(l.response_due_on)},
            {"response_received_on", optional_json(l.response_received_on)},
            {"response", l.response},
            {"overdue", response_overdue(l, today)},
            {"pdf", letter_path(l) + ".pdf"},
            {"html", letter_path(l) + ".html"}};
}

json::object letter_with_text(const Letter& letter, const Meeting& meeting) {
    auto body = letter_json(letter, today_utc());
    body["meeting_title"] = meeting.shown_title();
    body["meeting_date"] = meeting.date();
    body["text"] = letter.text;
    return body;
}

// A letter is read by whoever may read its meeting.
std::optional<OfMeeting<Letter>> readable_letter(db::Connection& db, const access::Principal& user,
                                                 std::optional<std::int64_t> id) {
    return readable_of_meeting(db, user, id ? find_letter(db, *id) : std::nullopt);
}

LetterFacts facts_of(db::Connection& db, const Meeting& meeting, const std::vector<register_::Membership>& seats) {
    LetterFacts facts;
    facts.meeting = meeting;
    facts.agenda = agenda_of(db, meeting.id);
    facts.actions = plans::all_actions(db, arising_at(meeting));
    std::vector<register_::Person> people;
    for (const auto& action : facts.actions) {
        for (const auto& party : action.responsible) {
            if (party.kind != plans::PartyKind::person) continue;
            if (auto person = register_::find_person(db, party.id)) people.push_back(*person);
        }
    }
    facts.people = person_organisations(people, seats, meeting.date());
    for (const auto& seat : seats) {
        if (seat.role == register_::SeatRole::chair && seat.current_on(meeting.date())) {
            facts.chair = seat;
            break;
        }
    }
    return facts;
}

// The day responses are due when the caller names one: {"response_due_on": "YYYY-MM-DD"}, or no body.
Result<std::optional<std::string>> due_day_given(const Request& request, const Meeting& meeting) {
    if (trim(request.body).empty()) return std::nullopt;
    auto given = api::fields_from(request, {"response_due_on"});
    if (!given) return std::unexpected(given.error());
    FieldErrors errors;
    auto due = fields::day(errors, *given, "response_due_on", "Response due on");
    if (due && *due < meeting.date()) {
        errors.push_back({"response_due_on", "Response due on must be on or after the day of the meeting"});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return due;
}


Response post_letters(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    if (!may_change(db, context.user(), *meeting)) {
        return auth::refuse(request, context, "You cannot draft the letters of meeting " + std::to_string(meeting->id));
    }
    if (meeting->status != MeetingStatus::held) {
        return http::problem(409, "Letters are drafted once the meeting is held; this one is " +
                                      std::string(label_of(meeting->status)), request);
    }
    auto due = due_day_given(request, *meeting);
    if (!due) return http::problem(due.error(), request);
    Drafted drafted;
    {
        db::Transaction transaction(db);
        drafted = draft_letters(db, *meeting, *due, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    json::array items;
    auto today = today_utc();
    for (const auto& letter : letters_of(db, meeting->id)) items.push_back(letter_json(letter, today));
    return Response::json(json::object{{"meeting", std::to_string(meeting->id)},
                                       {"created", drafted.created},
                                       {"updated", drafted.updated},
                                       {"unchanged", drafted.unchanged},
                                       {"already_sent", drafted.already_sent},
                                       {"items", std::move(items)},
                                       {"next", nullptr}});
}

Response meeting_letters(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return missing(request, "meeting");
    json::array items;
    auto today = today_utc();
    for (const auto& letter : letters_of(db, meeting->id)) items.push_back(letter_json(letter, today));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

Response show_letter(const Request& request, http::Context& context) {
    auto found = readable_letter(context.db(), context.user(), auth::path_id(request));
    if (!found) return missing(request, "letter");
    return Response::json(letter_with_text(found->record, found->meeting));
}

Response change_letter(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto found = readable_letter(db, context.user(), auth::path_id(request));
    if (!found) return missing(request, "letter");
    if (!may_change(db, context.user(), found->meeting)) {
        return auth::refuse(request, context, "You cannot change letter " + std::to_string(found->record.id));
    }
    auto given = api::fields_from(request, {"sent_on", "response_due_on", "response_received_on", "response"});
    if (!given) return http::problem(given.error(), request);
    auto changed = letter_changes(*given, found->record, found->meeting.date(), today_utc());
    if (!changed) return http::problem(changed.error(), request);
    {
        db::Transaction transaction(db);
        save_letter(db, *changed, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return Response::json(letter_with_text(*find_letter(db, found->record.id), found->meeting));
}

// GET /letters/{id}.pdf and /letters/{id}.html: the router matches whole
// segments, so the kind of document is read from the end of the id.
Response letter_document_file(const Request& request, http::Context& context) {
    const auto& name = request.path_param("id");
    auto dot = name.rfind('.');
    auto kind = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    if (kind != "pdf" && kind != "html") return auth::missing(request, "letter");
    auto found = readable_letter(context.db(), context.user(), auth::parse_id(name.substr(0, dot)));
    if (!found) return auth::missing(request, "letter");
    if (kind == "html") return Response::html(letter_html(found->record, found->meeting));
    auto bytes = pdf::write_pdf(letter_document(found->record, found->meeting));
    if (!bytes) return http::problem(bytes.error(), request);
    Response response;
    response.content_type = "application/pdf";
    response.body = std::move(*bytes);
    response.header("Content-Disposition", "inline; filename=\"letter-" + std::to_string(found->record.id) + ".pdf\"");
    return response;
}

// ?on=YYYY-MM-DD (default today): letters sent whose response was due before then and has not come.
Response letter_responses(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto on = today_utc();
    if (auto text = request.query_param("on")) {
        auto day = parse_day(*text);
        if (!day) return http::problem(422, "The query has errors", request, {{"on", "must be a date like 2012-03-31"}});
        on = *day;
    }
    std::map<std::int64_t, Meeting> meetings;
    json::array items;
    for (const auto& letter : overdue_responses(db, readable(db, context.user()), on)) {
        auto [at, added] = meetings.try_emplace(letter.meeting_id);
        if (added) at->second = find_meeting(db, letter.meeting_id).value_or(Meeting{});
        auto item = letter_json(letter, on);
        item["meeting_title"] = at->second.shown_title();
        item["meeting_date"] = at->second.date();
        auto late = parse_date(on).value_or(0) - parse_date(*letter.response_due_on).value_or(0);
        item["days_overdue"] = late / 86400;
        items.push_back(std::move(item));
    }
    return Response::json(json::object{{"on", on}, {"items", std::move(items)}, {"next", nullptr}});
}

}  // namespace

// A letter already sent stays as it was sent; the others are drafted again
// from the meeting's records as they are now, keeping the day their response is due.
Drafted draft_letters(db::Connection& db, const Meeting& meeting, const std::optional<std::string>& due,
                      const audit::Actor& actor) {
    Drafted drafted;
    auto seats = register_::memberships_of_body(db, meeting.body_id);
    auto facts = facts_of(db, meeting, seats);
    auto existing = letters_of(db, meeting.id);
    for (const auto& agency : member_agencies(seats, meeting.date())) {
        auto found = std::find_if(existing.begin(), existing.end(),
                                  [&](const Letter& l) { return l.organisation_id == agency.organisation_id; });
        bool had = found != existing.end();
        if (had && found->sent_on) {
            ++drafted.already_sent;
            continue;
        }
        auto on = due.value_or(had && found->response_due_on ? *found->response_due_on
                                                             : days_after(meeting.date(), default_response_days));
        auto letter = draft_letter(facts, agency, on);
        if (had) {
            letter.response_received_on = found->response_received_on;
            letter.response = found->response;
        }
        switch (save_letter(db, letter, actor)) {
            case Saved::created: ++drafted.created; break;
            case Saved::updated: ++drafted.updated; break;
            case Saved::unchanged: ++drafted.unchanged; break;
        }
    }
    return drafted;
}

void add_letter_routes(http::Router& router) {
    using M = http::Method;
    const auto read = http::Access::needs(Permission::meetings_read);
    // Changes need meetings.write over one of the meeting's body's partnerships (policy.hpp).
    const auto write = http::Access::needs(Permission::meetings_write);
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        add_api_route(router, method, std::move(pattern), std::move(handler), std::move(doc), access);
    };
    add(M::get, "/api/v1/meetings/{id}/actions", meeting_actions,
        {"A meeting's actions arising, in number order", "", {}, "MeetingAction", true}, read);
    add(M::post, "/api/v1/meetings/{id}/actions", add_meeting_action,
        {"Record an action arising: action, target_date, responsibility (bodies, people or organisations of the "
         "register), status, agenda_item",
         "", {}, "MeetingAction", false},
        write);
    add(M::post, "/api/v1/meetings/{id}/letters", post_letters,
        {"Draft the letter to each member agency after a held meeting (letters already sent are kept); "
         "response_due_on (default 28 days after the meeting)",
         "", {}, "Letter", true},
        write);
    add(M::get, "/api/v1/meetings/{id}/letters", meeting_letters,
        {"The letters to member agencies after a meeting", "", {}, "Letter", true}, read);
    add(M::get, "/api/v1/letters/{id}", show_letter, {"One letter, with its text", "", {}, "Letter", false}, read);
    add(M::patch, "/api/v1/letters/{id}", change_letter,
        {"Record a letter sent and its response: sent_on, response_due_on, response_received_on, response", "", {},
         "Letter", false},
        write);
    add(M::get, "/api/v1/reports/letter-responses", letter_responses,
        {"Responses to letters that are overdue", "",
         {{"on", "Overdue on this day (YYYY-MM-DD; default today)"}}, "LetterResponses", true},
        read);
    add(M::get, "/letters/{id}", letter_document_file,
        {"A letter as PDF (/letters/{id}.pdf) or as a page to print (/letters/{id}.html)", "", {}, "", false}, read);
}

}  // namespace safeboard::meetings
