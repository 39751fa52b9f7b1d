// Times, months, reporting years, the sequence rule and the field checks.
#include "modules/meetings/rules.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "modules/meetings/vocabulary.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/fields.hpp"
#include "platform/core/time.hpp"

namespace safeboard::meetings {

namespace {

using Errors = FieldErrors;
using fields::block;
using fields::get;
using fields::line;
using fields::shown;

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string two_digits(int n) {
    auto text = std::to_string(n);
    if (text.size() < 2) text.insert(text.begin(), '0');
    return text;
}

std::string month_text(int year, int month) { return std::to_string(year) + "-" + two_digits(month); }

// "14:00" → itself; nullopt unless a real time of day.
std::optional<std::string> time_of_day(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    auto hours = whole_number(text.substr(0, 2));
    auto minutes = whole_number(text.substr(3, 2));
    if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
    return std::string(text);
}

bool same_name(std::string_view a, std::string_view b) {
    return !trim(a).empty() && lower_ascii(trim(a)) == lower_ascii(trim(b));
}

std::unexpected<Error> rejected(Errors errors) { return invalid(std::move(errors)); }

// The one choice a name means (by name, id or short name, as a spreadsheet,
// a form's select and a script give it); an error on the field otherwise.
std::optional<std::int64_t> chosen(Errors& errors, const Fields& f, const std::string& field, std::string_view what,
                                   const std::vector<Choice>& choices) {
    auto text = get(f, field);
    if (text.empty()) return std::nullopt;
    auto id = whole_number(text);
    std::vector<std::int64_t> found;
    for (const auto& choice : choices) {
        if (same_name(choice.name, text)) return choice.id;  // a full name is never ambiguous
        if (same_name(choice.short_name, text)) found.push_back(choice.id);
    }
    for (const auto& choice : choices) {
        if (id && choice.id == *id) return choice.id;
    }
    if (found.size() == 1) return found.front();
    errors.push_back({field, found.empty()
                                 ? "There is no " + std::string(what) + " called " + shown(text) + " in the partnership"
                                 : shown(text) + " names more than one " + std::string(what) + "; use the full name"});
    return std::nullopt;
}

void push_once(Errors& errors, FieldError error) {
    if (std::find(errors.begin(), errors.end(), error) == errors.end()) errors.push_back(std::move(error));
}

// A meeting's start or end: the whole "…T14:00" field, or a form's date and
// time fields (`verb`: "starts" or "ends").
std::optional<std::string> when(Errors& errors, const Fields& f, const std::string& field,
                                const std::string& time_field, const std::string& verb) {
    auto whole = get(f, field);
    if (!whole.empty()) {
        auto parsed = parse_wall_clock(whole);
        if (!parsed)
            errors.push_back({field, "Enter when the meeting " + verb + " as a date and time like 2011-11-17T14:00"});
        return parsed;
    }
    auto date_text = get(f, "date");
    auto time_text = get(f, time_field);
    if (date_text.empty() && time_text.empty()) {
        errors.push_back({field, "Enter the date and time the meeting " + verb});
        return std::nullopt;
    }
    auto date = parse_day(date_text);
    auto time = time_of_day(time_text);
    if (!date) {
        push_once(errors, {"date", date_text.empty() ? "Enter the date of the meeting"
                                                     : "Date must be a real date like 2011-11-17 or 17/11/2011"});
    }
    if (!time) {
        errors.push_back({time_field, time_text.empty() ? "Enter the time the meeting " + verb
                                                        : "Enter the time the meeting " + verb + " like 14:00"});
    }
    if (!date || !time) return std::nullopt;
    return *date + "T" + *time;
}

bool is_web_link(std::string_view url) {
    return (url.starts_with("https://") || url.starts_with("http://")) &&
           url.find_first_of(" \t\"<>") == std::string_view::npos;
}

}  // namespace

// ---- times, months and reporting years ------------------------------------------------

std::optional<std::string> parse_wall_clock(std::string_view text) {
    auto value = trim(text);
    if (value.size() != 16 || (value[10] != 'T' && value[10] != ' ')) return std::nullopt;
    auto date = value.substr(0, 10);
    if (!parse_date(date) || !time_of_day(std::string_view(value).substr(11))) return std::nullopt;
    return date + "T" + value.substr(11);
}

std::optional<std::string> parse_month(std::string_view text) {
    auto value = trim(text);
    if (value.size() == 7 && value[4] == '-') {
        auto year = whole_number(std::string_view(value).substr(0, 4));
        auto month = whole_number(std::string_view(value).substr(5, 2));
        if (year && month && *month >= 1 && *month <= 12 && *year >= 1900) return value;
        return std::nullopt;
    }
    auto space = value.find(' ');
    if (space == std::string::npos) return std::nullopt;
    auto month = calendar::month_named(std::string_view(value).substr(0, space));
    auto year = whole_number(trim(std::string_view(value).substr(space + 1)));
    if (!month || !year) return std::nullopt;
    if (*year < 100) *year += 2000;  // "March 12"
    if (*year < 1900 || *year > 9999) return std::nullopt;
    return month_text(*year, *month);
}

std::string month_after(std::string_view month) {
    auto year = std::stoi(std::string(month.substr(0, 4)));
    auto number = std::stoi(std::string(month.substr(5, 2)));
    return number == 12 ? month_text(year + 1, 1) : month_text(year, number + 1);
}

std::string month_label(std::string_view month) {
    auto number = static_cast<unsigned>(std::stoi(std::string(month.substr(5, 2))));
    return std::string(calendar::month_name(number)) + " " + std::string(month.substr(0, 4));
}

ReportingYear reporting_year(int first_year, int year_starts_month) {
    ReportingYear year;
    year.first_year = first_year;
    year.first_month = month_text(first_year, year_starts_month);
    year.last_month =
        year_starts_month == 1 ? month_text(first_year, 12) : month_text(first_year + 1, year_starts_month - 1);
    year.label = year_starts_month == 1 ? std::to_string(first_year)
                                        : std::to_string(first_year) + "/" + two_digits((first_year + 1) % 100);
    return year;
}

ReportingYear reporting_year_holding(std::string_view month, int year_starts_month) {
    auto year = std::stoi(std::string(month.substr(0, 4)));
    auto number = std::stoi(std::string(month.substr(5, 2)));
    return reporting_year(number >= year_starts_month ? year : year - 1, year_starts_month);
}

std::optional<int> parse_reporting_year(std::string_view text) {
    auto value = trim(text);
    auto first = whole_number(std::string_view(value).substr(0, std::min<std::size_t>(4, value.size())));
    if (!first || value.size() < 4 || *first < 1900 || *first > 9998) return std::nullopt;
    if (value.size() == 4) return first;
    if (value[4] != '/' && value[4] != '-') return std::nullopt;
    auto second = whole_number(std::string_view(value).substr(5));
    if (!second) return std::nullopt;
    bool follows = (value.size() == 7 && *second == (*first + 1) % 100) || (value.size() == 9 && *second == *first + 1);
    return follows ? first : std::nullopt;
}

// ---- the iCalendar sequence -------------------------------------------------------------

bool changes_sequence(const Meeting& before, const Meeting& after) {
    return before.starts_at != after.starts_at || before.ends_at != after.ends_at || before.place != after.place ||
           before.online_url != after.online_url || before.status != after.status || before.title != after.title;
}

int next_sequence(const Meeting& before, const Meeting& after) {
    return changes_sequence(before, after) ? before.sequence + 1 : before.sequence;
}

// ---- field checks -----------------------------------------------------------------------

Result<Meeting> meeting_from(const Fields& f, const Meeting& base, std::string_view today) {
    Errors errors;
    Meeting m = base;
    m.title = line(errors, f, "title", "Title", 0, 200);
    auto starts = when(errors, f, "starts_at", "start_time", "starts");
    auto ends = when(errors, f, "ends_at", "end_time", "ends");
    if (starts && ends && *ends <= *starts) {
        errors.push_back({get(f, "ends_at").empty() ? "end_time" : "ends_at", "The meeting must end after it starts"});
    }
    m.place = line(errors, f, "place", "Place", 0, 300);
    m.online_url = line(errors, f, "online_url", "Link to join online", 0, 2000);
    if (!m.online_url.empty() && !is_web_link(m.online_url)) {
        errors.push_back({"online_url", "Link to join online must be a web address starting https://"});
    }
    m.notes = block(errors, f, "notes", "Notes", 2000);
    m.status = fields::term<MeetingStatus>(errors, f, "status", "Status", true).value_or(base.status);
    bool settled = m.status == MeetingStatus::confirmed || m.status == MeetingStatus::held;
    if (settled && m.place.empty() && m.online_url.empty()) {
        errors.push_back({"place", "Enter the place, or a link to join online, before the meeting is " +
                                       std::string(lower_ascii(label_of(m.status)))});
    }
    if (starts && m.status == MeetingStatus::held && starts->substr(0, 10) > today) {
        errors.push_back({"status", "A meeting can be marked held only once it has taken place"});
    }
    if (!errors.empty()) return rejected(std::move(errors));
    m.starts_at = *starts;
    m.ends_at = *ends;
    return m;
}

std::optional<int> parse_good_standard(std::string_view text) {
    auto value = whole_number(trim(text));
    if (!value || *value < 1 || *value > 100) return std::nullopt;
    return value;
}

Result<const ExpectedSeat*> seat_named(const Fields& f, const std::vector<ExpectedSeat>& seats) {
    auto seat = get(f, "seat");
    auto person = get(f, "person");
    auto organisation = get(f, "organisation");
    if (seat.empty() && person.empty())
        return rejected({{"seat", "Enter the seat (its title on the body) or the person in it"}});
    auto text = seat.empty() ? person : seat;
    std::vector<const ExpectedSeat*> found;
    for (const auto& s : seats) {
        if (same_name(s.membership.seat_title, text) || same_name(s.membership.person_name, text)) found.push_back(&s);
    }
    if (found.empty()) {
        return rejected({{seat.empty() ? "person" : "seat",
                          "There is no seat " + shown(text) + " among those expected at the meeting"}});
    }
    if (!organisation.empty()) {
        std::erase_if(found, [&](const ExpectedSeat* s) {
            return !same_name(s->membership.organisation_name, organisation) &&
                   !same_name(s->organisation_short_name, organisation);
        });
        if (found.empty()) {
            return rejected({{"organisation", "No seat " + shown(text) + " is held by " + shown(organisation)}});
        }
    }
    if (!person.empty() && !seat.empty()) {
        // A seat that names nobody in the register may be filled by anyone.
        std::erase_if(found, [&](const ExpectedSeat* s) {
            return s->membership.person_id && !same_name(s->membership.person_name, person);
        });
        if (found.empty()) return rejected({{"person", shown(person) + " does not hold the seat " + shown(text)}});
    }
    if (found.size() > 1) {
        return rejected({{"seat", shown(text) + " names " + std::to_string(found.size()) +
                                      " seats; add the organisation to say which"}});
    }
    return found.front();
}

Result<Attendance> attendance_from(const Fields& f, const ExpectedSeat& seat, std::int64_t meeting_id) {
    if (seat.membership.vacant()) {
        return rejected({{"seat", "The seat " + shown(seat.membership.seat_title) + " is vacant (" +
                                      seat.membership.vacancy + "), so nobody is expected in it"}});
    }
    Errors errors;
    Attendance a;
    a.meeting_id = meeting_id;
    a.membership_id = seat.membership.id;
    a.seat_title = seat.membership.seat_title;
    a.person_id = seat.membership.person_id;
    a.person_name = seat.membership.person_name;
    a.organisation_id = seat.membership.organisation_id;
    a.organisation_name = seat.membership.organisation_name;
    auto status = fields::term<AttendanceStatus>(errors, f, "status", "Status");
    a.substitute_name = line(errors, f, "substitute", "Substitute", 0, 200);
    a.note = block(errors, f, "note", "Note", 1000);
    if (status == AttendanceStatus::substitute && a.substitute_name.empty()) {
        errors.push_back({"substitute", "Enter the name of the substitute"});
    }
    if (status && status != AttendanceStatus::substitute && !a.substitute_name.empty()) {
        errors.push_back({"substitute", "Leave substitute empty unless the status is substitute"});
    }
    if (!errors.empty()) return rejected(std::move(errors));
    a.status = *status;
    return a;
}

Result<ForwardPlanItem> forward_plan_item_from(const Fields& f, const ForwardPlanItem& base,
                                               const std::vector<Choice>& organisations,
                                               const std::vector<Choice>& bodies) {
    Errors errors;
    ForwardPlanItem item = base;
    auto month_field = get(f, "month");
    auto month = parse_month(month_field);
    if (!month) {
        errors.push_back({"month", month_field.empty() ? "Enter the month of the meeting the item is planned for"
                                                       : "Month must be a month like 2011-11 or November 2011"});
    }
    if (month && base.status != ItemStatus::planned && *month != base.planned_month) {
        errors.push_back(
            {"month", "The item has gone on an agenda, so it stays in " + month_label(base.planned_month)});
    }
    auto kind = fields::term<ItemKind>(errors, f, "kind", "Kind");
    item.title = line(errors, f, "title", "Title", 1, 500);
    item.organisation_id = chosen(errors, f, "organisation", "organisation", organisations);
    item.subject_body_id = chosen(errors, f, "subject_body", "body", bodies);
    if (item.subject_body_id && *item.subject_body_id == base.body_id) {
        errors.push_back(
            {"subject_body", "A body's plan cannot list a report from the body itself as a sub group report"});
    }
    item.notes = block(errors, f, "notes", "Notes", 2000);
    if (!errors.empty()) return rejected(std::move(errors));
    item.planned_month = *month;
    item.kind = *kind;
    return item;
}

Result<AgendaItem> agenda_item_from(const Fields& f, const AgendaItem& base, const std::vector<Choice>& people) {
    Errors errors;
    AgendaItem item = base;
    item.title = line(errors, f, "title", "Title", 1, 500);
    auto type = fields::term<AgendaType>(errors, f, "type", "Type");
    item.presenter = line(errors, f, "presenter", "Presenter", 0, 200);
    item.presenter_person_id.reset();
    std::vector<std::int64_t> named;
    for (const auto& person : people) {
        if (same_name(person.name, item.presenter)) named.push_back(person.id);
    }
    if (named.size() == 1) item.presenter_person_id = named.front();
    auto link_kind = fields::term<LinkKind>(errors, f, "link_kind", "Linked record", true).value_or(LinkKind::none);
    auto link_text = get(f, "link");
    auto link_id = whole_number(link_text);
    if (link_kind != LinkKind::none && (!link_id || *link_id < 1)) {
        errors.push_back(
            {"link", link_text.empty() ? "Enter the linked record" : "Linked record must be a record's id"});
    }
    if (link_kind == LinkKind::none && !link_text.empty()) {
        errors.push_back({"link_kind", "Say what kind of record the agenda item links to"});
    }
    item.decision = block(errors, f, "decision", "Decision", 10000);
    auto taken = parse_yes_no(get(f, "taken"));
    if (!taken) errors.push_back({"taken", "Taken must be yes or no"});
    auto position_text = get(f, "position");
    auto position = whole_number(position_text);
    if (!position_text.empty() && (!position || *position < 1)) {
        errors.push_back({"position", "Position must be a whole number, 1 for the first item"});
    }
    if (!errors.empty()) return rejected(std::move(errors));
    if (position) item.position = *position;
    item.type = *type;
    item.link_kind = link_kind;
    item.link_id = link_kind == LinkKind::none ? std::nullopt : std::optional<std::int64_t>(*link_id);
    item.taken = get(f, "taken").empty() ? base.taken : *taken;
    return item;
}

}  // namespace safeboard::meetings
