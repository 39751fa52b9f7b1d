#pragma once
// The meetings module's rules, all pure (no database, no clock): what a
// form, a JSON body or a CSV row (field → text) says about a meeting, an
// attendance row, a forward plan item or an agenda item, with every problem
// named by its field; when a change to a meeting is one a calendar must
// hear about; which forward plan items go on an agenda and which are carried
// to the next meeting; and the attendance arithmetic with its headline.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/meetings/model.hpp"
#include "platform/core/error.hpp"

namespace safeboard::meetings {

using Fields = std::map<std::string, std::string>;

// ---- times, months and reporting years ------------------------------------------------

// "2011-11-17T14:00" (or with a space for the T) when it is a real day and
// time; gives the T form.
std::optional<std::string> parse_wall_clock(std::string_view text);
// "2011-11", "November 2011", "Nov 11", "Sept 2012" (a forward plan's column
// headings) → "YYYY-MM".
std::optional<std::string> parse_month(std::string_view text);
std::string month_after(std::string_view month);  // "2011-12" → "2012-01"
std::string month_label(std::string_view month);  // "2011-11" → "November 2011"

// A reporting year: Southend's runs October to September (year_starts_month
// 10), most partnerships' April to March.
struct ReportingYear {
    int first_year = 0;
    std::string first_month;  // "2011-10"
    std::string last_month;   // "2012-09"
    std::string label;        // "2011/12"; "2012" when the year starts in January
};
ReportingYear reporting_year(int first_year, int year_starts_month);
// The reporting year a month (YYYY-MM) falls in.
ReportingYear reporting_year_holding(std::string_view month, int year_starts_month);
// "2011", "2011/12", "2011-12", "2011/2012" → 2011, the calendar year it starts in.
std::optional<int> parse_reporting_year(std::string_view text);

// ---- the iCalendar sequence -------------------------------------------------------------

// A change a subscriber's calendar must pick up: the time, the place, the
// link to join, the status or the title. A change to the notes is not one.
bool changes_sequence(const Meeting& before, const Meeting& after);
int next_sequence(const Meeting& before, const Meeting& after);

// ---- field checks -----------------------------------------------------------------------

// A meeting: title; starts_at and ends_at ("2011-11-17T14:00"), or date with
// start_time and end_time ("14:00") as a form asks for them; place;
// online_url; notes; status (default the base's). The place or a link is needed
// once a meeting is confirmed; a meeting is held only once it has started
// (`today`, YYYY-MM-DD). The base gives what fields do not: id, body, uid,
// sequence.
Result<Meeting> meeting_from(const Fields& fields, const Meeting& base, std::string_view today);

// The seat a row of attendance.csv means: "seat" is the seat's title on the
// body (or the person in it); "organisation" and "person" say which when
// several seats share a title (the Board has two Chief Officers).
Result<const ExpectedSeat*> seat_named(const Fields& fields, const std::vector<ExpectedSeat>& seats);
// What was recorded for a seat: status (code or label), substitute (who came
// instead: needed for a substitute, and only then), note. The person and the
// organisation are the seat's. A vacant seat takes nothing: nobody is expected in it.
Result<Attendance> attendance_from(const Fields& fields, const ExpectedSeat& seat, std::int64_t meeting_id);

// A name a field may give for a record of the register.
struct Choice {
    std::int64_t id = 0;
    std::string name;
    std::string short_name;
};
// A forward plan item: month, kind, title, organisation (by name, short
// name or id, among `organisations`), subject_body (among `bodies`, the
// same way), notes. The base gives the rest (status, meeting, history,
// position); an item that has gone on an agenda keeps its month.
Result<ForwardPlanItem> forward_plan_item_from(const Fields& fields, const ForwardPlanItem& base,
                                               const std::vector<Choice>& organisations,
                                               const std::vector<Choice>& bodies);
// An agenda item: title, type, presenter (as written; linked to the one
// person of `people` with that name), link_kind and link (the record's id),
// decision, taken (yes or no; blank keeps the base's), position (1 is first;
// blank keeps the base's). Whether the linked record exists is the caller's
// to check (agenda_links.hpp).
Result<AgendaItem> agenda_item_from(const Fields& fields, const AgendaItem& base, const std::vector<Choice>& people);

// The fields that give back the record, for a change that sends only some
// of them (an API PATCH) or a form filled in with what is stored.
Fields forward_plan_item_fields(const ForwardPlanItem& item);
Fields agenda_item_fields(const AgendaItem& item);

// Why an item must stay, or nullopt when it may be removed. A forward plan
// item stays once it has gone on an agenda (its history is the meeting's);
// an agenda item stays once a decision is recorded or actions arose from it.
std::optional<std::string> why_forward_plan_item_stays(const ForwardPlanItem& item);
std::optional<std::string> why_agenda_item_stays(const AgendaItem& item, std::size_t actions_arising);

// A good standard as written: a whole percentage from 1 to 100.
std::optional<int> parse_good_standard(std::string_view text);
// A partnership's attendance settings: good_standard and substitutes, both needed.
Result<AttendanceSettings> attendance_settings_from(const Fields& fields, const AttendanceSettings& base);

// ---- the forward plan, the agenda and carrying forward --------------------------------

struct PlanMonth {
    std::string month;                   // YYYY-MM
    std::vector<ForwardPlanItem> items;  // in the plan's order
};
// A body's plan grouped by month, months in order.
std::vector<PlanMonth> by_month(std::vector<ForwardPlanItem> items);

// How an item of each kind is usually taken: standing items as standing,
// the annual report and the business plan for decision, reports for information.
AgendaType agenda_type_for(ItemKind kind);
// The agenda items a meeting's agenda gets from the body's forward plan: the
// items still planned for the meeting's month, in the plan's order (none for
// a cancelled meeting). Positions are left for the caller to give.
std::vector<AgendaItem> agenda_from_plan(const Meeting& meeting, const std::vector<ForwardPlanItem>& plan);

struct CarryForward {
    std::vector<std::int64_t> taken;         // items to mark taken
    std::vector<std::int64_t> carried;       // items to mark carried
    std::vector<ForwardPlanItem> continued;  // the new items that continue them
};
// Once a meeting is held, each forward plan item on its agenda is taken or,
// when its agenda item was not taken, carried: a new item continues it at
// the body's next meeting (or the month after, when none is set yet). Items
// already decided are left alone, so deciding twice changes nothing.
CarryForward carry_forward(const Meeting& meeting, const std::vector<AgendaItem>& agenda,
                           const std::vector<ForwardPlanItem>& plan, const std::optional<Meeting>& next);

// ---- the attendance report ----------------------------------------------------------------

// A meeting with the body's seats (any date: the rule picks those current
// on the meeting's date) and what was recorded.
struct MeetingRecord {
    Meeting meeting;
    std::vector<register_::Membership> seats;
    std::vector<Attendance> attendance;
};

struct ReportSettings {
    SubstituteSetting substitutes = SubstituteSetting::organisation;
    int good_standard = 66;                // a percentage: attending this share of meetings or more is good
    std::string meetings_label = "Board";  // "… of Board meetings"; "" for every body's
    // Where each setting came from, and whose they are when a partnership's.
    SettingSource standard_from = SettingSource::built_in;
    SettingSource substitutes_from = SettingSource::built_in;
    std::string partnership_name;
};
// The report's settings: the partnership's stored ones (or the defaults when it has none).
ReportSettings report_settings(const AttendanceSettings& stored, std::string_view partnership_name);

// One member's or one organisation's meetings. Each meeting counts once,
// under the best of what was recorded for it: present, then substitute,
// apologies, absent, and nothing recorded.
struct Tally {
    int expected = 0;
    int present = 0;
    int substitutes = 0;
    int apologies = 0;
    int absent = 0;
    int not_recorded = 0;
    int attended = 0;    // present, plus substitutes when the setting counts them
    int percentage = 0;  // attended / expected, rounded half up
    bool meets_standard = false;
};

// A person, or a seat that names nobody (most of the Board's seats are held
// by an organisation without a name in the register).
struct MemberRow {
    std::optional<std::int64_t> person_id;
    std::optional<std::int64_t> membership_id;  // when the seat names nobody
    std::string name;                           // the person's name, or the seat's title
    std::string seat_title;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_name;
    Tally tally;
};

// A partner agency's representation: it attended a meeting when any of its seats did.
struct OrganisationRow {
    std::int64_t organisation_id = 0;
    std::string name;
    Tally tally;
};

struct AttendanceReport {
    ReportSettings settings;
    int meetings = 0;                            // held meetings in the period
    int vacant_seats = 0;                        // a vacant seat at a meeting is expected of nobody
    std::vector<MemberRow> members;              // by name
    std::vector<OrganisationRow> organisations;  // by name
    int organisations_meeting_standard = 0;
    int share = 0;  // of organisations meeting the standard, rounded half up
    std::string headline;
    std::string substitute_rule;  // what the setting means, shown on the report
    std::string rule_applied;     // where the standard and the substitute rule came from
};

// Held meetings dated from `from` to `to` (YYYY-MM-DD, both included) count;
// planned, confirmed and cancelled ones do not. A seat is expected at a
// meeting when it is current on the meeting's date, so a member who joined
// or left during the period is expected only at the meetings in between.
AttendanceReport attendance_report(const std::vector<MeetingRecord>& meetings, std::string_view from,
                                   std::string_view to, const ReportSettings& settings);

// part / whole as a whole percentage, halves rounded up; 0 when whole is 0.
int percentage(int part, int whole);
// "87% of partner agency representatives attended 66% or more of Board meetings".
std::string headline(int share, int good_standard, std::string_view meetings_label, int organisations);
std::string substitute_rule(SubstituteSetting setting);
// "The good standard (75%) is Southend LSCB's setting; whom a substitute counts for is the default."
std::string rule_applied(const ReportSettings& settings);
// How the headline names a body's meetings: "Board", "Executive", or its short name.
std::string meetings_label(const register_::Body& body);

}  // namespace safeboard::meetings
