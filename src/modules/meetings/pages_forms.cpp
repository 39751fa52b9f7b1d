// Changing meetings on the web: scheduling one, changing its time, place or
// status (a calendar hears of it through SEQUENCE), making its agenda from
// the forward plan, recording each item's decision or that it was not
// taken, and carrying forward what was not taken once it is held.
#include <variant>

#include "modules/meetings/agenda.hpp"
#include "modules/meetings/letters.hpp"
#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/core/text.hpp"
#include "platform/core/time.hpp"
#include "platform/http/form.hpp"

namespace safeboard::meetings::pages {

namespace {

using access::Permission;
using auth::missing;
using auth::path_id;
using auth::query_id;
using http::Access;
using web::choice_field;
using web::field;

const std::vector<std::string>& meeting_fields() {
    static const std::vector<std::string> fields{"title", "date", "start_time", "end_time", "place",
                                                 "online_url", "notes", "status"};
    return fields;
}

Fields fields_of(const Meeting& m) {
    return {{"title", m.title},
            {"date", m.starts_at.substr(0, 10)},
            {"start_time", m.starts_at.size() >= 16 ? m.starts_at.substr(11, 5) : ""},
            {"end_time", m.ends_at.size() >= 16 ? m.ends_at.substr(11, 5) : ""},
            {"place", m.place},
            {"online_url", m.online_url},
            {"notes", m.notes},
            {"status", std::string(code_of(m.status))}};
}

// The rules name starts_at and ends_at when nothing of either was given;
// the form asks for them as a date and two times.
Errors on_the_form(Errors errors, const Fields& f) {
    for (auto& e : errors) {
        if (e.field == "starts_at") e.field = f.at("date").empty() ? "date" : "start_time";
        if (e.field == "ends_at") e.field = "end_time";
    }
    return errors;
}

http::Response form_page(const Pages& pages, http::Context& context, const register_::Body& body,
                         const std::optional<Meeting>& meeting, Fields f, Errors errors, unsigned status) {
    auto short_field = [&](const char* id, const char* label, const char* hint, const char* width) {
        auto made = field(id, label, f[id], errors, hint);
        made.set("width", std::string(width));
        return made;
    };
    data values;
    values.set("body_name", body.name);
    values.set("action", meeting ? meeting_href(meeting->id) + "/edit" : "/meetings/new?body=" + std::to_string(body.id));
    values.set("f_title", field("title", "Title (optional)", f["title"], errors,
                                "Leave empty to call it a meeting of " + body.name));
    values.set("f_date", short_field("date", "Date", "For example, 2012-11-15", "govuk-input--width-10"));
    values.set("f_start_time", short_field("start_time", "Starts (UK time)", "For example, 14:00", "govuk-input--width-5"));
    values.set("f_end_time", short_field("end_time", "Ends (UK time)", "For example, 16:30", "govuk-input--width-5"));
    values.set("f_place", field("place", "Place", f["place"], errors));
    values.set("f_online_url", field("online_url", "Link to join online (optional)", f["online_url"], errors));
    values.set("f_notes", field("notes", "Notes for those attending (optional)", f["notes"], errors));
    values.set("f_status", choice_field("status", "Status", web::vocabulary_choices<MeetingStatus>(),
                                        {f["status"].empty() ? "planned" : f["status"]}, errors));
    values.set("button", std::string(meeting ? "Save changes" : "Add meeting"));
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), meeting_fields());
    auto title = meeting ? "Change " + meeting->shown_title() : "Add a meeting of " + body.name;
    return render(pages, context, "meetings/pages/meeting_form", std::move(values), title, status,
                  meeting ? meeting_href(meeting->id) : "/meetings?body=" + std::to_string(body.id));
}

http::Response new_meeting_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changeable_body(request, context, query_id(request, "body").id);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return form_page(pages, context, std::get<register_::Body>(found), std::nullopt, {}, {}, 200);
}

http::Response add_meeting(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changeable_body(request, context, query_id(request, "body").id);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& body = std::get<register_::Body>(found);
    auto fields = posted_fields(request, meeting_fields());
    Meeting base;
    base.body_id = body.id;
    auto meeting = meeting_from(fields, base, today_utc());
    if (!meeting) return form_page(pages, context, body, std::nullopt, fields, on_the_form(meeting.error().fields, fields), 422);
    auto& db = context.db();
    std::int64_t id = 0;
    {
        db::Transaction transaction(db);
        id = create_meeting(db, *meeting, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(id));
}

http::Response edit_meeting_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [meeting, body] = std::get<Changing>(found);
    return form_page(pages, context, body, meeting, fields_of(meeting), {}, 200);
}

http::Response change_meeting(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& [meeting, body] = std::get<Changing>(found);
    auto fields = posted_fields(request, meeting_fields());
    auto changed = meeting_from(fields, meeting, today_utc());
    if (!changed) return form_page(pages, context, body, meeting, fields, on_the_form(changed.error().fields, fields), 422);
    auto& db = context.db();
    {
        db::Transaction transaction(db);
        update_meeting(db, *changed, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(meeting.id));
}

// POST /meetings/{id}/agenda: the agenda made (or topped up) from the forward plan.
http::Response make_meeting_agenda(const Pages&, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    auto& db = context.db();
    {
        db::Transaction transaction(db);
        make_agenda(db, std::get<Changing>(found).meeting, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(std::get<Changing>(found).meeting.id) + "#agenda");
}

// POST /meetings/{id}/agenda/{item}: the item's decision, or that it was not taken.
http::Response record_decision(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& meeting = std::get<Changing>(found).meeting;
    auto& db = context.db();
    auto item_id = path_id(request, "item");
    auto item = item_id ? find_agenda_item(db, *item_id) : std::nullopt;
    if (!item || item->meeting_id != meeting.id) return missing(request, "agenda item");
    auto form = http::form_fields(request);
    AgendaItem changed = *item;
    auto suffix = "-" + std::to_string(item->id);  // each item's form names its fields apart
    changed.decision = safeboard::trim(auth::form_text(form, "decision" + suffix));
    changed.taken = auth::form_text(form, "not_taken" + suffix) != "yes";
    if (changed.decision.size() > 4000) {
        return meeting_page(pages, context, meeting,
                            {{"decision-" + std::to_string(item->id), "Decision must be 4,000 characters or fewer"}}, 422);
    }
    {
        db::Transaction transaction(db);
        update_agenda_item(db, changed, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(meeting.id) + "#item-" + std::to_string(item->id));
}

// POST /meetings/{id}/carry-forward: once held, items taken are marked so
// and those not taken continue at the body's next meeting.
http::Response carry_forward_items(const Pages&, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& meeting = std::get<Changing>(found).meeting;
    if (meeting.status != MeetingStatus::held) return auth::see_other(meeting_href(meeting.id) + "#agenda");
    auto& db = context.db();
    {
        db::Transaction transaction(db);
        decide_forward_plan(db, meeting, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(meeting.id) + "#agenda");
}

// POST /meetings/{id}/letters: the letters to member agencies drafted (or
// drafted again) once the meeting is held.
http::Response draft_meeting_letters(const Pages&, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& meeting = std::get<Changing>(found).meeting;
    if (meeting.status == MeetingStatus::held) {
        auto& db = context.db();
        db::Transaction transaction(db);
        draft_letters(db, meeting, std::nullopt, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(meeting.id) + "#letters");
}

}  // namespace

void add_form_pages(http::Router& router, const PagesPtr& pages) {
    const auto writers = Access::needs(Permission::meetings_write);
    using M = http::Method;
    router.add(route(M::get, "/meetings/new", writers, "The form to add a meeting of a body", pages, new_meeting_form));
    router.add(route(M::post, "/meetings/new", writers, "Add a meeting of a body", pages, add_meeting));
    router.add(route(M::get, "/meetings/{id}/edit", writers, "The form to change a meeting", pages, edit_meeting_form));
    router.add(route(M::post, "/meetings/{id}/edit", writers, "Change a meeting's time, place or status", pages,
                     change_meeting));
    router.add(route(M::post, "/meetings/{id}/agenda", writers, "Make a meeting's agenda from the forward plan",
                     pages, make_meeting_agenda));
    router.add(route(M::post, "/meetings/{id}/agenda/{item}", writers,
                     "Record an agenda item's decision, or that it was not taken", pages, record_decision));
    router.add(route(M::post, "/meetings/{id}/letters", writers,
                     "Draft the letters to member agencies after a held meeting", pages, draft_meeting_letters));
    router.add(route(M::post, "/meetings/{id}/carry-forward", writers,
                     "Carry forward what a held meeting did not take", pages, carry_forward_items));
}

}  // namespace safeboard::meetings::pages
