#pragma once
// SQL for meetings, attendance, forward plans, agendas, papers, letters and
// feed tokens, and nothing else. Writers record what changed in the audit
// log inside the caller's write transaction; they expect input that
// rules.hpp has already checked.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/meetings/model.hpp"
#include "modules/meetings/rules.hpp"
#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"
#include "platform/imports/run_import.hpp"

namespace safeboard::meetings {

// What a save did (the import counts it).
using Saved = imports::RowSaved;

// ---- meetings ------------------------------------------------------------------------

// Meetings in time order; a page starts after (starts_at, id) of the last row.
struct MeetingKey {
    std::string starts_at;
    std::int64_t id = 0;
};
MeetingKey key_of(const Meeting& meeting);
// "id:starts_at", the text a page cursor carries (the API encodes it).
std::string encode_meeting_key(const MeetingKey& key);
std::optional<MeetingKey> decode_meeting_key(std::string_view text);

struct MeetingQuery {
    access::ScopeFilter reach;         // partnerships: a meeting is in reach when its body is
    std::optional<std::int64_t> body;  // one body; every body in reach when unset
    std::optional<std::string> from;   // YYYY-MM-DD: meetings on or after this day
    std::optional<std::string> to;     // YYYY-MM-DD: meetings on or before this day
    std::optional<MeetingStatus> status;
    int limit = 50;
    std::optional<MeetingKey> after;
};
std::vector<Meeting> list_meetings(db::Connection& db, const MeetingQuery& query);
// Every meeting a query finds, page after page, up to `cap`.
std::vector<Meeting> all_meetings(db::Connection& db, MeetingQuery query, std::size_t cap = SIZE_MAX);
std::optional<Meeting> find_meeting(db::Connection& db, std::int64_t id);
std::optional<Meeting> find_meeting_by_uid(db::Connection& db, std::string_view uid);
// The body's meeting that starts at this time (the demo's key).
std::optional<Meeting> find_meeting_at(db::Connection& db, std::int64_t body_id, std::string_view starts_at);
// The body's next meeting after this one that is not cancelled.
std::optional<Meeting> next_meeting(db::Connection& db, const Meeting& meeting);
// Gives the meeting its iCalendar UID and sequence 0; its id.
std::int64_t create_meeting(db::Connection& db, const Meeting& meeting, const audit::Actor& actor);
// Changes title, times, place, link and status; the sequence goes up when
// rules.hpp says a calendar must hear of the change. True when anything changed.
bool update_meeting(db::Connection& db, const Meeting& meeting, const audit::Actor& actor);

// ---- who is expected, and who came ------------------------------------------------------

// The meetings, from `from` to `to` (YYYY-MM-DD, either open), of every body
// on which the person holds a seat on the meeting's date, in time order:
// what a person's calendar feed shows.
std::vector<Meeting> meetings_of_person(db::Connection& db, std::int64_t person_id,
                                        const std::optional<std::string>& from, const std::optional<std::string>& to);

// The body's seats current on the meeting's date (vacancies included), in
// the register's order, each with what was recorded for it.
std::vector<ExpectedSeat> expected_seats(db::Connection& db, const Meeting& meeting);
std::vector<Attendance> attendance_of(db::Connection& db, std::int64_t meeting_id);
std::optional<Attendance> find_attendance(db::Connection& db, std::int64_t meeting_id, std::int64_t membership_id);
// Adds or changes the row of the attendance's seat.
Saved save_attendance(db::Connection& db, const Attendance& attendance, const audit::Actor& actor);

// What the attendance report needs: the held meetings in the period (of one
// body, or of every body in reach), each with its body's seats and records.
struct AttendanceQuery {
    access::ScopeFilter reach;
    std::optional<std::int64_t> body;
    std::string from;  // YYYY-MM-DD
    std::string to;
};
std::vector<MeetingRecord> attendance_records(db::Connection& db, const AttendanceQuery& query);

// ---- forward plans ------------------------------------------------------------------------

// A body's items planned for the months from `first_month` to `last_month`
// (YYYY-MM, both included), by month and then the plan's order.
std::vector<ForwardPlanItem> forward_plan_of(db::Connection& db, std::int64_t body_id, std::string_view first_month,
                                             std::string_view last_month);
std::optional<ForwardPlanItem> find_forward_plan_item(db::Connection& db, std::int64_t id);
// The body's first item with this title (any case) planned for the month (an import's key).
std::optional<ForwardPlanItem> find_forward_plan_item_titled(db::Connection& db, std::int64_t body_id,
                                                             std::string_view month, std::string_view title);
// The items on a meeting's agenda (and those carried from it).
std::vector<ForwardPlanItem> forward_plan_items_of_meeting(db::Connection& db, std::int64_t meeting_id);
// The item and those it continues, newest first: its history.
std::vector<ForwardPlanItem> forward_plan_history(db::Connection& db, std::int64_t id);
// Places the item last in its month unless it has a position; its id.
std::int64_t create_forward_plan_item(db::Connection& db, const ForwardPlanItem& item, const audit::Actor& actor);
bool update_forward_plan_item(db::Connection& db, const ForwardPlanItem& item, const audit::Actor& actor);
// Takes an item off the plan. Only one still planned may go (rules.hpp:
// why_forward_plan_item_stays); true when this call removed it.
bool remove_forward_plan_item(db::Connection& db, std::int64_t id, const audit::Actor& actor);
// The month a body's reporting year starts: that of the latest business plan
// of its first partnership (Southend's: October), else April.
int year_starts_month(db::Connection& db, const register_::Body& body);

// ---- agendas --------------------------------------------------------------------------------

std::vector<AgendaItem> agenda_of(db::Connection& db, std::int64_t meeting_id);
std::optional<AgendaItem> find_agenda_item(db::Connection& db, std::int64_t id);
// Adds the item at the end of the agenda; its id.
std::int64_t add_agenda_item(db::Connection& db, const AgendaItem& item, const audit::Actor& actor);
// Changes everything but the position.
bool update_agenda_item(db::Connection& db, const AgendaItem& item, const audit::Actor& actor);
// Moves the item to `position` (1 is first; past the end is last) and numbers the rest around it.
bool move_agenda_item(db::Connection& db, std::int64_t id, int position, const audit::Actor& actor);
// Takes the item off the agenda: its papers stay with the meeting, and the
// forward plan item it came from is planned again.
bool remove_agenda_item(db::Connection& db, std::int64_t id, const audit::Actor& actor);

// ---- papers ----------------------------------------------------------------------------------

std::vector<Paper> papers_of(db::Connection& db, std::int64_t meeting_id);
std::optional<Paper> find_paper(db::Connection& db, std::int64_t id);
// The file is already in the file store; its id.
std::int64_t add_paper(db::Connection& db, const Paper& paper, const audit::Actor& actor);
// Changes title, agenda item and confidentiality.
bool update_paper(db::Connection& db, const Paper& paper, const audit::Actor& actor);
bool remove_paper(db::Connection& db, std::int64_t id, const audit::Actor& actor);

// ---- attendance settings ------------------------------------------------------------------

// The partnership's settings; the defaults (stored false) when it has set none.
AttendanceSettings attendance_settings_of(db::Connection& db, std::int64_t partnership_id);
// Adds the partnership's settings or changes them.
Saved save_attendance_settings(db::Connection& db, const AttendanceSettings& settings, const audit::Actor& actor);

// ---- letters ----------------------------------------------------------------------------------

std::vector<Letter> letters_of(db::Connection& db, std::int64_t meeting_id);
std::optional<Letter> find_letter(db::Connection& db, std::int64_t id);
// Adds the agency's letter for the meeting, or changes the one it has.
Saved save_letter(db::Connection& db, const Letter& letter, const audit::Actor& actor);
// Sent letters whose response was due before `on` (YYYY-MM-DD) and has not
// come, in reach, oldest due first (a draft owes nothing until it is sent).
std::vector<Letter> overdue_responses(db::Connection& db, const access::ScopeFilter& reach, std::string_view on);

// ---- calendar feed tokens ------------------------------------------------------------------------

struct NewFeedToken {
    std::int64_t id = 0;
    std::string secret;  // shown once; only its SHA-256 is kept
};
NewFeedToken create_feed_token(db::Connection& db, std::int64_t user_id, FeedKind kind, std::int64_t subject_id,
                               const audit::Actor& actor);
// The feed a secret opens; nullopt when unknown or revoked.
std::optional<FeedToken> find_feed_token(db::Connection& db, std::string_view secret);
std::vector<FeedToken> feed_tokens_of(db::Connection& db, std::int64_t user_id);
// True when this call revoked it.
bool revoke_feed_token(db::Connection& db, std::int64_t id, const audit::Actor& actor);

}  // namespace safeboard::meetings
