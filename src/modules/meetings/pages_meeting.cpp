// One meeting's page: its details, the agenda with the papers the user may
// see (and, for those who may change it, the forms to record decisions and
// to add, change, move and remove items), the attendance and the letters.
#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/core/time.hpp"
#include "platform/files/upload.hpp"

namespace safeboard::meetings::pages {

namespace {

using web::choice_field;
using web::Choice;
using web::detail_row;
using web::field;
using web::text;

// The papers of one agenda item (or of the meeting as a whole), among those the user may see.
data paper_rows(const Meeting& meeting, const std::vector<Paper>& visible, std::optional<std::int64_t> item) {
    data rows{data::type::list};
    for (const auto& paper : visible) {
        if (paper.agenda_item_id != item) continue;
        data row;
        row.set("href", meeting_href(meeting.id) + "/papers/" + std::to_string(paper.id));
        row.set("title", paper.title.empty() ? paper.filename : paper.title);
        row.set("size", files::readable_size(static_cast<std::size_t>(paper.size)));
        row.set("confidential", paper.confidential);
        rows.push_back(row);
    }
    return rows;
}

data attendance_rows(const std::vector<ExpectedSeat>& seats) {
    data rows{data::type::list};
    for (const auto& seat : seats) {
        const auto& m = seat.membership;
        data row;
        row.set("seat", m.seat_title);
        row.set("organisation", m.organisation_name);
        row.set("person", m.vacant() ? "Vacant: " + m.vacancy : m.person_name);
        if (seat.attendance) {
            row.set("status", std::string(label_of(seat.attendance->status)));
            row.set("substitute", text(seat.attendance->substitute_name));
        } else {
            row.set("status", std::string(m.vacant() ? "–" : "Not recorded"));
        }
        rows.push_back(row);
    }
    return rows;
}

data letter_rows(db::Connection& db, const Meeting& meeting) {
    data rows{data::type::list};
    for (const auto& letter : letters_of(db, meeting.id)) {
        data row;
        row.set("organisation", letter.organisation_name);
        row.set("recipient", letter.recipient_name);
        row.set("sent", text(letter.sent_on.value_or("")));
        row.set("due", letter.response_due_on.value_or(""));
        row.set("received", text(letter.response_received_on.value_or("")));
        row.set("html", "/letters/" + std::to_string(letter.id) + ".html");
        row.set("pdf", "/letters/" + std::to_string(letter.id) + ".pdf");
        rows.push_back(row);
    }
    return rows;
}

// One item of the agenda: what it is, its papers, and the decision form.
data agenda_row(const Meeting& meeting, const AgendaItem& item, const std::vector<Paper>& papers,
                const Errors& errors) {
    data row;
    auto position = std::to_string(item.position);
    row.set("item_id", std::to_string(item.id));
    row.set("position", position);
    auto decision = field("decision-" + std::to_string(item.id), "Decision on item " + position, item.decision, errors);
    decision.set("rows", std::string("3"));
    row.set("f_decision", decision);
    row.set("f_not_taken", choice_field("not_taken-" + std::to_string(item.id), "Taken at the meeting?",
                                        {{"yes", "Not taken: carry it to the next meeting", {}}},
                                        item.taken ? std::set<std::string>{} : std::set<std::string>{"yes"}, errors));
    row.set("title", item.title);
    row.set("type", std::string(label_of(item.type)));
    row.set("presenter", text(item.presenter));
    row.set("decision", text(item.decision));
    row.set("not_taken", !item.taken && meeting.status == MeetingStatus::held);
    auto own = paper_rows(meeting, papers, item.id);
    row.set("has_papers", !own.is_empty_list());
    row.set("papers", own);
    return row;
}

void set_paper_form(data& values, const std::vector<AgendaItem>& agenda, const Errors& errors) {
    std::vector<Choice> items{{"", "The meeting as a whole", {}}};
    for (const auto& item : agenda) {
        items.push_back({std::to_string(item.id), std::to_string(item.position) + ". " + item.title, {}});
    }
    values.set("f_paper_title",
               field("paper_title", "Title of the paper", "", errors, "Leave empty to use the file's name"));
    values.set("f_agenda_item", choice_field("agenda_item", "Agenda item", items, {""}, errors));
    values.set("f_confidential", choice_field("confidential", "Confidential",
                                              {{"yes", "Confidential: only the body's members may see it", {}}}, {},
                                              errors));
    values.set("f_paper", field("paper", "File", "", errors,
                                "PDF, Word, Excel, PowerPoint, text or pictures, up to " +
                                    files::readable_size(files::document_policy().max_bytes)));
}

data details_of(const Meeting& meeting) {
    data details{data::type::list};
    details.push_back(detail_row("Body", meeting.body_name, "/bodies/" + std::to_string(meeting.body_id)));
    details.push_back(detail_row("When (UK time)", when_text(meeting)));
    details.push_back(detail_row("Place", meeting.place));
    details.push_back(detail_row("Join online", meeting.online_url, meeting.online_url));
    return details;
}

}  // namespace

http::Response meeting_page(const Pages& pages, http::Context& context, const Meeting& meeting, Errors errors,
                            unsigned status) {
    auto& db = context.db();
    auto papers = visible_papers(db, context.user(), meeting, today_utc());
    auto items = agenda_of(db, meeting.id);
    data agenda{data::type::list};
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto row = agenda_row(meeting, items[i], papers, errors);
        row.set("first", i == 0);
        row.set("last", i + 1 == items.size());
        agenda.push_back(row);
    }
    auto general = paper_rows(meeting, papers, std::nullopt);
    auto seats = expected_seats(db, meeting);
    auto letters = letter_rows(db, meeting);
    data values;
    values.set("id", std::to_string(meeting.id));
    values.set("title", meeting.shown_title());
    values.set("status", std::string(label_of(meeting.status)));
    values.set("status_tag", status_tag(meeting.status));
    values.set("details", details_of(meeting));
    values.set("notes", web::paragraphs(meeting.notes));
    values.set("agenda", agenda);
    values.set("has_agenda", !agenda.is_empty_list());
    values.set("general_papers", general);
    values.set("has_general_papers", !general.is_empty_list());
    values.set("attendance", attendance_rows(seats));
    values.set("has_seats", !seats.empty());
    values.set("letters", letters);
    values.set("has_letters", !letters.is_empty_list());
    bool editable = may_change(db, context.user(), meeting);
    values.set("editable", editable);
    values.set("may_record", editable && meeting.status != MeetingStatus::cancelled);
    values.set("may_carry", editable && meeting.status == MeetingStatus::held);
    if (editable) set_paper_form(values, items, errors);
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), {"paper_title", "agenda_item", "paper"});
    values.set("add_href", "/meetings/new?body=" + std::to_string(meeting.body_id));
    return render(pages, context, "meetings/pages/meeting", std::move(values), meeting.shown_title(), status,
                  "/meetings?body=" + std::to_string(meeting.body_id));
}

}  // namespace safeboard::meetings::pages
