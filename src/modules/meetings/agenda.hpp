#pragma once
// From the forward plan to the agenda and back: a meeting's agenda is made
// from what the body planned for its month, and once the meeting is held
// each of those items is marked taken or carried to the next meeting with
// its history (the decisions are rules.hpp's). Both write inside the
// caller's write transaction, and running either again changes nothing.
#include <cstddef>

#include "modules/meetings/model.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"

namespace safeboard::meetings {

// Adds the forward plan items still planned for the meeting's month to the
// end of its agenda, marking them on the agenda; how many were added.
std::size_t make_agenda(db::Connection& db, const Meeting& meeting, const audit::Actor& actor);

struct Decided {
    std::size_t taken = 0;
    std::size_t carried = 0;
};
// After a held meeting: marks each forward plan item on its agenda taken, or
// carried (its agenda item was not taken) with a new item continuing it at
// the body's next meeting.
Decided decide_forward_plan(db::Connection& db, const Meeting& meeting, const audit::Actor& actor);

}  // namespace safeboard::meetings
