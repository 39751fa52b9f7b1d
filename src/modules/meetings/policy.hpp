#pragma once
// Who may see and change meetings. A meeting is in a user's reach when any
// partnership of its body is within their meetings.read grants (as the
// register's records are); one outside it answers as a missing one does.
// Changing meetings, agendas, attendance, papers and letters needs
// meetings.write over one of the body's partnerships. A confidential paper
// is seen only by those who may change the meeting and by the body's
// current members (the register's seats, matched to the user by e-mail).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/meetings/model.hpp"
#include "platform/access/principal.hpp"
#include "platform/db/database.hpp"

namespace safeboard::meetings {

access::ScopeFilter readable(db::Connection& db, const access::Principal& user);
access::ScopeFilter writable(const access::Principal& user);

// The body, when any of its partnerships is within `reach`.
std::optional<register_::Body> body_in(db::Connection& db, const access::ScopeFilter& reach,
                                       std::optional<std::int64_t> body_id);
std::optional<register_::Body> readable_body(db::Connection& db, const access::Principal& user,
                                             std::optional<std::int64_t> body_id);
std::optional<Meeting> readable_meeting(db::Connection& db, const access::Principal& user,
                                        std::optional<std::int64_t> id);
bool may_change(db::Connection& db, const access::Principal& user, const Meeting& meeting);

// A record of a meeting (an agenda item, a letter) with its meeting, when
// the user may read the meeting: whoever may read a meeting reads its records.
template <typename Record>
struct OfMeeting {
    Record record;
    Meeting meeting;
};
template <typename Record>
std::optional<OfMeeting<Record>> readable_of_meeting(db::Connection& db, const access::Principal& user,
                                                     std::optional<Record> record) {
    auto meeting = record ? readable_meeting(db, user, record->meeting_id) : std::nullopt;
    if (!meeting) return std::nullopt;
    return OfMeeting<Record>{std::move(*record), std::move(*meeting)};
}
// The partnership, when it is within the user's meetings.read reach.
std::optional<register_::Partnership> readable_partnership(db::Connection& db, const access::Principal& user,
                                                           std::optional<std::int64_t> id);
// A partnership's attendance settings are changed with meetings.write over it.
bool may_change_settings(const access::Principal& user, std::int64_t partnership_id);
// The user holds a seat on the body today (through a person of the register with their e-mail).
bool sits_on(db::Connection& db, const access::Principal& user, std::int64_t body_id, const std::string& today);
bool may_see(db::Connection& db, const access::Principal& user, const Meeting& meeting, const Paper& paper,
             const std::string& today);
// The meeting's papers the user may see, deciding once whether they see the confidential ones.
std::vector<Paper> visible_papers(db::Connection& db, const access::Principal& user, const Meeting& meeting,
                                  const std::string& today);

}  // namespace safeboard::meetings
