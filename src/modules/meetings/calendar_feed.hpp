#pragma once
// Meetings as iCalendar (platform/ical): a body's or a person's feed behind
// an unguessable, revocable token (/calendars/{token}), one meeting as an
// .ics download, and the API to make and revoke feed tokens.
#include <string>
#include <vector>

#include "modules/meetings/model.hpp"
#include "platform/core/error.hpp"
#include "platform/http/router.hpp"

namespace safeboard::meetings {

// The feed's text: each meeting an event with its stable UID and SEQUENCE;
// a cancelled meeting stays in the feed with STATUS:CANCELLED so calendars
// take it away; a planned one is TENTATIVE.
Result<std::string> calendar_text(const std::string& name, const std::vector<Meeting>& meetings);

void add_calendar_routes(http::Router& router);

}  // namespace safeboard::meetings
