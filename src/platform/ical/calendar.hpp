#pragma once
// iCalendar (RFC 5545) through libical: a calendar of events written as the
// text/calendar a feed or a download serves, and events read back from one.
// Times are UK wall clock (Europe/London), as people arrange meetings; the
// file carries its own VTIMEZONE, so no zoneinfo database is read here or by
// the calendar program that opens it.
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::ical {

struct Event {
    enum class Status { tentative, confirmed, cancelled };

    std::string uid;   // stable for the life of the event: how calendars recognise it again
    int sequence = 0;  // raised on every change people must notice (time, place, status)
    std::string summary, description, location, url;  // empty ones are left out
    std::string starts_at;  // UK wall clock "YYYY-MM-DDTHH:MM"
    std::string ends_at;    // the same form; empty for an event without an end
    Status status = Status::confirmed;
    std::string updated_at;  // UTC "2026-11-22T10:15:00Z": DTSTAMP and LAST-MODIFIED

    bool operator==(const Event&) const = default;
};

struct Calendar {
    std::string name;  // X-WR-CALNAME: what a subscribed calendar is called
    std::string product_id = "-//Safeboard//Safeboard//EN";
    std::vector<Event> events;
};

// A VCALENDAR (METHOD:PUBLISH) with the Europe/London VTIMEZONE and one
// VEVENT per event: CRLF line ends, lines folded at 75 octets without
// splitting a UTF-8 character. Every problem is a validation error named by
// its field: "product_id", "name", "events[2].starts_at" ...
Result<std::string> write_calendar(const Calendar& calendar);

// The VEVENTs of an iCalendar file, with times turned into UK wall clock
// (UTC times and times in a zone the file describes are converted; times
// without a zone are taken as UK time) and updated_at from LAST-MODIFIED,
// else DTSTAMP. A file libical cannot read cleanly is refused on field
// "file"; a problem in one event is named "events[i].<field>".
Result<std::vector<Event>> read_events(std::string_view ics);

}  // namespace safeboard::ical
