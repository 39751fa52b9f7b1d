#include "platform/ical/calendar.hpp"

#include <ctime>
#include <string>

#include "platform/core/time.hpp"
#include "platform/ical/checks.hpp"
#include "platform/ical/handles.hpp"
#include "platform/ical/london.hpp"
#include "platform/ical/wall_clock.hpp"

namespace safeboard::ical {

// libical builds the VCALENDAR and writes it: it escapes TEXT values and
// folds lines (CRLF, at most 75 octets, never inside a UTF-8 character).
namespace {

icalproperty_status status_of(Event::Status status) {
    switch (status) {
    case Event::Status::tentative: return ICAL_STATUS_TENTATIVE;
    case Event::Status::confirmed: return ICAL_STATUS_CONFIRMED;
    case Event::Status::cancelled: return ICAL_STATUS_CANCELLED;
    }
    return ICAL_STATUS_CONFIRMED;
}

// Text already checked; icaltime_from_timet_with_zone marks it UTC ("Z").
icaltimetype utc_time(const std::string& iso) {
    auto seconds = parse_iso_utc(iso).value();
    return icaltime_from_timet_with_zone(static_cast<std::time_t>(seconds), 0, icaltimezone_get_utc_timezone());
}

// DTSTART/DTEND as local time with TZID, so a 14:00 meeting stays 14:00
// in BST and in GMT.
icalproperty* in_london(icalproperty* property) {
    icalproperty_add_parameter(property, icalparameter_new_tzid(kLondon));
    return property;
}

void add_text(icalcomponent* event, icalproperty* (*make)(const char*), const std::string& text) {
    if (!text.empty()) icalcomponent_add_property(event, make(with_newlines(text).c_str()));
}

Component vevent(const Event& e) {
    Component event{icalcomponent_new_vevent()};
    icalcomponent* v = event.get();
    icalcomponent_add_property(v, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(v, icalproperty_new_sequence(e.sequence));
    icalcomponent_add_property(v, icalproperty_new_dtstamp(utc_time(e.updated_at)));
    icalcomponent_add_property(v, icalproperty_new_lastmodified(utc_time(e.updated_at)));
    icalcomponent_add_property(v, in_london(icalproperty_new_dtstart(*parse_wall_clock(e.starts_at))));
    if (!e.ends_at.empty()) {
        icalcomponent_add_property(v, in_london(icalproperty_new_dtend(*parse_wall_clock(e.ends_at))));
    }
    add_text(v, icalproperty_new_summary, e.summary);
    add_text(v, icalproperty_new_description, e.description);
    add_text(v, icalproperty_new_location, e.location);
    if (!e.url.empty()) icalcomponent_add_property(v, icalproperty_new_url(e.url.c_str()));
    icalcomponent_add_property(v, icalproperty_new_status(status_of(e.status)));
    return event;
}

// X-WR-CALNAME is not in RFC 5545, so libical holds it as an X property.
icalproperty* calendar_name(const std::string& name) {
    icalproperty* property = icalproperty_new_x(name.c_str());
    icalproperty_set_x_name(property, "X-WR-CALNAME");
    return property;
}

Component vcalendar(const Calendar& calendar) {
    Component root{icalcomponent_new_vcalendar()};
    icalcomponent* v = root.get();
    icalcomponent_add_property(v, icalproperty_new_version("2.0"));
    icalcomponent_add_property(v, icalproperty_new_prodid(calendar.product_id.c_str()));
    icalcomponent_add_property(v, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(v, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    if (!calendar.name.empty()) icalcomponent_add_property(v, calendar_name(calendar.name));
    adopt(v, london_vtimezone());
    for (const auto& event : calendar.events) adopt(v, vevent(event));
    return root;
}

}  // namespace

Result<std::string> write_calendar(const Calendar& calendar) {
    if (auto errors = check_calendar(calendar); !errors.empty()) {
        return invalid(std::move(errors), "The calendar has errors");
    }
    Component root = vcalendar(calendar);
    Buffer text{icalcomponent_as_ical_string_r(root.get())};
    if (!text) return fail(ErrorKind::internal, "libical could not write the calendar");
    return std::string(text.get());
}

}  // namespace safeboard::ical
