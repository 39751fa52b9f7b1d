// Meetings on the web: a body's meetings, uploading and downloading a
// meeting's papers, and the form to record attendance seat by seat (the
// meeting's own page is pages_meeting.cpp).
#include <variant>

#include "modules/meetings/pages.hpp"
#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/fields.hpp"
#include "platform/core/time.hpp"
#include "platform/files/content_disposition.hpp"
#include "platform/files/upload.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"

SAFEBOARD_EMBEDDED_TABLE(meetings_pages)

namespace safeboard::meetings {

namespace pages {

namespace {

using access::Permission;
using auth::missing;
using auth::path_id;
using auth::query_id;
using http::Access;
using web::choice_field;
using web::Choice;
using web::field;

// ---- a body's meetings ----------------------------------------------------------------------

data meeting_row(const Meeting& m) {
    data row;
    row.set("href", meeting_href(m.id));
    row.set("title", m.shown_title());
    row.set("when", when_text(m));
    row.set("place", m.place.empty() ? m.online_url : m.place);
    row.set("status", std::string(label_of(m.status)));
    row.set("status_tag", status_tag(m.status));
    return row;
}

http::Response meeting_list(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = readable(db, context.user());
    auto body_id = query_id(request, "body");
    if (body_id.bad) return missing(request, "body");
    data values;
    values.set("body_field", body_field(db, reach, body_id.id ? std::to_string(*body_id.id) : "", "Choose a body", {}));
    if (body_id.id) {
        auto body = body_in(db, reach, body_id.id);
        if (!body) return missing(request, "body");
        MeetingQuery query;
        query.reach = reach;
        query.body = body->id;
        auto meetings = all_meetings(db, query, 500);
        data rows{data::type::list};
        for (const auto& m : meetings) rows.push_back(meeting_row(m));
        values.set("body_id", std::to_string(body->id));
        values.set("body_name", body->name);
        values.set("rows", rows);
        values.set("has_rows", !meetings.empty());
        values.set("chosen", true);
        values.set("may_add", body_in(db, writable(context.user()), body->id).has_value());
    }
    return render(pages, context, "meetings/pages/meetings", std::move(values), "Meetings");
}

// ---- one meeting ---------------------------------------------------------------------------------

http::Response show_meeting(const Pages& pages, const http::Request& request, http::Context& context) {
    auto meeting = readable_meeting(context.db(), context.user(), path_id(request));
    if (!meeting) return missing(request, "meeting");
    return meeting_page(pages, context, *meeting, {}, 200);
}

// ---- papers ----------------------------------------------------------------------------------------

http::Response upload_paper(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& meeting = std::get<Changing>(found).meeting;
    auto& db = context.db();
    auto posted = http::form_fields(request);
    Errors errors;
    auto title = trim(auth::form_text(posted, "paper_title"));
    if (title.size() > 300) errors.push_back({"paper_title", "Title of the paper must be 300 characters or fewer"});
    std::optional<std::int64_t> item;
    if (auto text = auth::form_text(posted, "agenda_item"); !text.empty()) {
        item = auth::parse_id(text);
        auto found_item = item ? find_agenda_item(db, *item) : std::nullopt;
        if (!found_item || found_item->meeting_id != meeting.id) errors.push_back({"agenda_item", "Choose an item of this meeting's agenda"});
    }
    auto file = http::form_file(request, "paper");
    std::string type;
    if (!file || file->filename.empty()) {
        errors.push_back({"paper", "Select a file"});
    } else {
        auto checked = files::check_upload(files::document_policy(), file->filename, file->bytes);
        if (!checked) errors.push_back({"paper", checked.error().message});
        else type = *checked;
    }
    if (!errors.empty()) return meeting_page(pages, context, meeting, std::move(errors), 422);
    auto stored = pages.files.put(file->bytes);
    if (!stored) return http::problem(stored.error(), request);
    Paper paper;
    paper.meeting_id = meeting.id;
    paper.agenda_item_id = item;
    paper.title = title.empty() ? file->filename : title;
    paper.file_sha256 = stored->sha256;
    paper.filename = file->filename;
    paper.content_type = type;
    paper.size = static_cast<std::int64_t>(stored->size);
    paper.confidential = auth::form_text(posted, "confidential") == "yes";
    paper.uploaded_by = context.user().user_id;
    {
        db::Transaction transaction(db);
        add_paper(db, paper, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(meeting.id) + "#agenda");
}

http::Response download_paper(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), path_id(request));
    auto paper_id = path_id(request, "paper");
    auto paper = meeting && paper_id ? find_paper(db, *paper_id) : std::nullopt;
    // A confidential paper is not there for those who may not see it.
    if (!paper || paper->meeting_id != meeting->id || !may_see(db, context.user(), *meeting, *paper, today_utc())) {
        return missing(request, "paper");
    }
    auto bytes = pages.files.get(paper->file_sha256);
    if (!bytes) return http::problem(bytes.error(), request);
    audit::append_alone(db, auth::actor_of(request, context.user()),
                        {"read", "paper", std::to_string(paper->id), {},
                         std::string(paper->confidential ? "confidential " : "") + "paper of meeting " +
                             std::to_string(meeting->id)});
    auto response = http::Response::text(std::move(*bytes));
    response.content_type = paper->content_type;
    response.header("Content-Disposition", files::content_disposition(paper->filename));
    return response;
}

// ---- recording attendance ----------------------------------------------------------------------------

std::string seat_field(const ExpectedSeat& seat) { return "seat-" + std::to_string(seat.membership.id); }
std::string substitute_field(const ExpectedSeat& seat) { return "substitute-" + std::to_string(seat.membership.id); }

http::Response attendance_page(const Pages& pages, http::Context& context, const Meeting& meeting,
                               const http::FormFields& posted, Errors errors, unsigned status) {
    auto seats = expected_seats(context.db(), meeting);
    std::vector<Choice> statuses;
    for (const auto& choice : web::vocabulary_choices<AttendanceStatus>()) statuses.push_back(choice);
    data rows{data::type::list};
    std::vector<std::string> order;
    for (const auto& seat : seats) {
        const auto& m = seat.membership;
        if (m.vacant()) continue;
        auto id = seat_field(seat);
        auto substitute_id = substitute_field(seat);
        auto chosen = http::find_field(posted, id).value_or(
            seat.attendance ? std::string(code_of(seat.attendance->status)) : std::string());
        auto who = m.person_name.empty() ? m.organisation_name : m.person_name + ", " + m.organisation_name;
        auto radios = choice_field(id, m.seat_title + (who.empty() ? "" : " (" + who + ")"), statuses, {chosen}, errors);
        auto substitute = field(substitute_id, "Substitute for the " + m.seat_title,
                                http::find_field(posted, substitute_id)
                                    .value_or(seat.attendance ? seat.attendance->substitute_name : std::string()),
                                errors, "Who came instead, when the status is substitute");
        data row;
        row.set("f_status", radios);
        row.set("f_substitute", substitute);
        rows.push_back(row);
        order.push_back(id);
        order.push_back(substitute_id);
    }
    data values;
    values.set("id", std::to_string(meeting.id));
    values.set("title", meeting.shown_title());
    values.set("when", when_text(meeting));
    values.set("seats", rows);
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), order);
    return render(pages, context, "meetings/pages/attendance_form", std::move(values),
                  "Record attendance: " + meeting.shown_title(), status, meeting_href(meeting.id));
}

http::Response attendance_form(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return attendance_page(pages, context, std::get<Changing>(found).meeting, {}, {}, 200);
}

// Every seat's row checked first; all are saved together, or none.
http::Response record_attendance(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    const auto& meeting = std::get<Changing>(found).meeting;
    auto& db = context.db();
    auto posted = http::form_fields(request);
    Errors errors;
    std::vector<Attendance> rows;
    for (const auto& seat : expected_seats(db, meeting)) {
        if (seat.membership.vacant()) continue;
        auto status = auth::form_text(posted, seat_field(seat));
        auto substitute = trim(auth::form_text(posted, substitute_field(seat)));
        if (status.empty() && substitute.empty()) continue;  // left as it was
        auto row = attendance_from({{"status", status}, {"substitute", substitute}}, seat, meeting.id);
        if (!row) {
            for (const auto& e : row.error().fields) {
                auto name = e.field == "substitute" ? substitute_field(seat) : seat_field(seat);
                errors.push_back({name, seat.membership.seat_title + ": " + e.message});
            }
            continue;
        }
        rows.push_back(*row);
    }
    if (!errors.empty()) return attendance_page(pages, context, meeting, posted, std::move(errors), 422);
    {
        db::Transaction transaction(db);
        for (const auto& row : rows) save_attendance(db, row, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(meeting_href(meeting.id) + "#attendance");
}

}  // namespace

void add_meeting_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::meetings_read);
    const auto writers = Access::needs(Permission::meetings_write);
    using M = http::Method;
    router.add(route(M::get, "/meetings", readers, "A body's meetings", pages, meeting_list));
    router.add(route(M::get, "/meetings/{id}", readers, "A meeting: agenda, papers and attendance", pages,
                     show_meeting));
    auto upload = route(M::post, "/meetings/{id}/papers", writers, "Upload a paper for a meeting", pages, upload_paper);
    upload.body_limit = files::document_policy().max_bytes + 64 * 1024;
    router.add(std::move(upload));
    router.add(route(M::get, "/meetings/{id}/papers/{paper}", readers, "Download a paper (audited)", pages,
                     download_paper));
    router.add(route(M::get, "/meetings/{id}/attendance", writers, "The form to record attendance", pages,
                     attendance_form));
    router.add(route(M::post, "/meetings/{id}/attendance", writers, "Record attendance seat by seat", pages,
                     record_attendance));
}

}  // namespace pages

std::span<const embed::File> page_templates() { return embed::tables::meetings_pages(); }

void add_pages(http::Router& router, const web::Templates& templates, const std::filesystem::path& files_dir) {
    auto shared = std::make_shared<const pages::Pages>(pages::Pages{templates, files::FileStore(files_dir)});
    pages::add_meeting_pages(router, shared);
    pages::add_report_pages(router, shared);
    pages::add_form_pages(router, shared);
    pages::add_plan_pages(router, shared);
    pages::add_agenda_pages(router, shared);
    pages::add_settings_pages(router, shared);
}

}  // namespace safeboard::meetings
