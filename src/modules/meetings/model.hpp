#pragma once
// Meetings of the partnership's bodies: when and where they are, who is
// expected (the register's seats on the day), who came, what each body plans
// to take at which meeting (the forward plan), the agenda, its papers, the
// letters that follow a Board meeting, and the calendar feeds. Plain structs;
// the closed lists' codes and words are in vocabulary.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/register/model.hpp"

namespace safeboard::meetings {

enum class MeetingStatus { planned, confirmed, held, cancelled };
enum class AttendanceStatus { present, apologies, substitute, absent };
// What a forward plan item is: the rows of a forward plan (standing items, the rolling
// programme of agency annual safeguarding reports and Section 11 audits,
// audit reports, sub group reports, other reports, the annual report, the
// business plan).
enum class ItemKind {
    standing,
    agency_report,
    audit_report,
    subgroup_report,
    report,
    annual_report,
    business_plan,
    other
};
enum class ItemStatus { planned, on_agenda, taken, carried };
enum class AgendaType { decision, discussion, information, standing };
// What an agenda item is about, when it names a record of another module.
enum class LinkKind { none, plan, recommendation, action, organisation };
// Whom a substitute's attendance counts for in the attendance report.
enum class SubstituteSetting { organisation, person, both, neither };
// Where an attendance report's setting came from: the default, the
// partnership's stored settings, or the request for this one report.
enum class SettingSource { built_in, partnership, request };
enum class FeedKind { body, person };

struct Meeting {
    std::int64_t id = 0;
    std::int64_t body_id = 0;
    std::string body_name;  // filled when read
    std::string title;      // "" shows as the body's name + " meeting"
    // UK wall-clock time (Europe/London), "YYYY-MM-DDTHH:MM": what the
    // papers say, whatever the offset from UTC that day.
    std::string starts_at;
    std::string ends_at;
    std::string place;
    std::string online_url;
    std::string notes;  // for those attending ("papers to follow"); not a change a calendar must hear of
    MeetingStatus status = MeetingStatus::planned;
    std::string uid;   // the iCalendar UID, made once: "<random hex>@safeboard"
    int sequence = 0;  // the iCalendar SEQUENCE: +1 on a change of time, place, status or title
    std::string created_at;
    std::string updated_at;

    std::string date() const { return starts_at.substr(0, 10); }  // YYYY-MM-DD
    std::string month() const { return starts_at.substr(0, 7); }  // YYYY-MM
    std::string shown_title() const { return title.empty() ? body_name + " meeting" : title; }
};

// What was recorded for one seat at one meeting. The person and the
// organisation are those of the seat when it was recorded, so the record
// stays true when the seat changes hands later.
struct Attendance {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::int64_t membership_id = 0;
    std::string seat_title;  // filled when read
    std::optional<std::int64_t> person_id;
    std::string person_name;  // filled when read
    std::optional<std::int64_t> organisation_id;
    std::string organisation_name;  // filled when read
    AttendanceStatus status = AttendanceStatus::present;
    std::string substitute_name;  // who came instead (status substitute)
    std::optional<std::int64_t> substitute_person_id;
    std::string note;
};

// A seat expected at a meeting — a membership of the body current on the
// meeting's date, vacancies included — and what was recorded for it.
struct ExpectedSeat {
    register_::Membership membership;
    std::string organisation_short_name;
    std::optional<Attendance> attendance;
};

struct ForwardPlanItem {
    std::int64_t id = 0;
    std::int64_t body_id = 0;
    std::string title;  // "Monitor Key PIs", "CAFCASS"
    ItemKind kind = ItemKind::other;
    std::optional<std::int64_t> organisation_id;  // agency_report: which agency
    std::string organisation_name;                // filled when read
    std::optional<std::int64_t> subject_body_id;  // subgroup_report: which sub group
    std::string subject_body_name;                // filled when read
    std::string planned_month;               // YYYY-MM: the meeting it is planned for, as the plan's column headings
    int position = 0;                        // order within the month, as the plan lists it
    std::optional<std::int64_t> meeting_id;  // set when it goes on an agenda
    ItemStatus status = ItemStatus::planned;
    std::optional<std::int64_t> carried_from_id;  // the item not taken that this one continues
    std::string notes;
};

struct AgendaItem {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    int position = 0;  // 1, 2, ...
    std::string title;
    AgendaType type = AgendaType::information;
    std::optional<std::int64_t> presenter_person_id;
    std::string presenter;  // as written
    LinkKind link_kind = LinkKind::none;
    std::optional<std::int64_t> link_id;
    std::optional<std::int64_t> forward_plan_item_id;
    std::string decision;  // what was decided, recorded after the meeting
    bool taken = true;     // false: not taken at the meeting, so carried forward
};

// A paper of a meeting: the bytes are in the file store, named by their hash.
struct Paper {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::optional<std::int64_t> agenda_item_id;
    std::string title;
    std::string file_sha256;
    std::string filename;
    std::string content_type;
    std::int64_t size = 0;
    bool confidential = false;                // only the body's members and the partnership's writers see it
    std::optional<std::int64_t> uploaded_by;  // the user
    std::string uploaded_by_name;
    std::string uploaded_at;  // UTC, ISO 8601 with Z
};

// How a partnership reads attendance: the share of meetings that is "good"
// and whom a substitute counts for. The defaults until it stores its own.
struct AttendanceSettings {
    std::int64_t partnership_id = 0;
    int good_standard = 66;  // a percentage, 1 to 100
    SubstituteSetting substitutes = SubstituteSetting::organisation;
    bool stored = false;     // false: never set, so the defaults
    std::string updated_at;  // UTC, ISO 8601 with Z, when stored
};

// The letter to one member agency after a Board meeting, and its response.
struct Letter {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;  // filled when read
    // The agency's senior officer: its seat on the Board, and the person in it when the register names one.
    std::optional<std::int64_t> recipient_membership_id;
    std::optional<std::int64_t> recipient_person_id;
    std::string recipient_name;  // filled when read: the person, or the seat's title
    std::string text;
    std::optional<std::string> sent_on;  // YYYY-MM-DD
    std::optional<std::string> response_due_on;
    std::optional<std::string> response_received_on;
    std::string response;
};

// A calendar feed a user subscribes to: a body's meetings or a person's.
// Only the SHA-256 of its secret is kept.
struct FeedToken {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    FeedKind kind = FeedKind::body;
    std::int64_t subject_id = 0;
    std::string created_at;
    std::optional<std::string> revoked_at;
};

}  // namespace safeboard::meetings
