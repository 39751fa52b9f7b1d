#include "platform/ical/calendar.hpp"

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "platform/core/text.hpp"
#include "platform/core/time.hpp"
#include "platform/ical/handles.hpp"
#include "platform/ical/london.hpp"
#include "platform/ical/wall_clock.hpp"

namespace safeboard::ical {

namespace {

using Errors = std::vector<FieldError>;

std::string text_of(const char* text) { return text ? text : ""; }

// libical reads on past what it cannot parse and leaves an X-LIC-ERROR
// where it did; an import must not drop those parts without a word.
void collect_parse_errors(icalcomponent* component, Errors& errors) {
    for (icalproperty* p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        errors.push_back({"file", "The file has an error: " + text_of(icalproperty_get_xlicerror(p))});
    }
    for (icalcomponent* c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        collect_parse_errors(c, errors);
    }
}

std::vector<icalcomponent*> children(icalcomponent* parent, icalcomponent_kind kind) {
    std::vector<icalcomponent*> found;
    for (icalcomponent* c = icalcomponent_get_first_component(parent, kind); c;
         c = icalcomponent_get_next_component(parent, kind)) {
        found.push_back(c);
    }
    return found;
}

// One VCALENDAR, or several one after another (libical then puts them under an XROOT).
std::vector<icalcomponent*> calendars_in(icalcomponent* root) {
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) return {root};
    if (icalcomponent_isa(root) == ICAL_XROOT_COMPONENT) return children(root, ICAL_VCALENDAR_COMPONENT);
    return {};
}

// The UK wall-clock time of a DTSTART or DTEND, or what is wrong with it.
std::expected<icaltimetype, std::string> uk_time(icalcomponent* calendar, icalproperty* property,
                                                 icaltimezone* london) {
    icaltimetype time = icalvalue_get_datetimedate(icalproperty_get_value(property));
    if (time.is_date) return std::unexpected("is a whole day, not a date and time");
    icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    if (!tzid) {
        // A time without a zone is floating: here, UK time.
        return icaltime_is_utc(time) ? icaltime_convert_to_zone(time, london) : time;
    }
    std::string zone_id = text_of(icalparameter_get_tzid(tzid));
    if (zone_id == kLondon) return time;
    icaltimezone* zone = icalcomponent_get_timezone(calendar, zone_id.c_str());
    if (!zone) return std::unexpected("is in time zone " + zone_id + ", which the file does not describe");
    return icaltime_convert_to_zone(icaltime_set_timezone(&time, zone), london);
}

void read_times(Event& event, icalcomponent* calendar, icalcomponent* v, icaltimezone* london,
                const std::string& prefix, Errors& errors) {
    icalproperty* start = icalcomponent_get_first_property(v, ICAL_DTSTART_PROPERTY);
    if (!start) {
        errors.push_back({prefix + "starts_at", "The event has no start (DTSTART)"});
        return;
    }
    auto starts = uk_time(calendar, start, london);
    if (!starts) {
        errors.push_back({prefix + "starts_at", "The start (DTSTART) " + starts.error()});
        return;
    }
    event.starts_at = wall_clock_text(*starts);
    if (icalproperty* end = icalcomponent_get_first_property(v, ICAL_DTEND_PROPERTY)) {
        auto ends = uk_time(calendar, end, london);
        if (ends) {
            event.ends_at = wall_clock_text(*ends);
        } else {
            errors.push_back({prefix + "ends_at", "The end (DTEND) " + ends.error()});
        }
    } else if (icalproperty* duration = icalcomponent_get_first_property(v, ICAL_DURATION_PROPERTY)) {
        event.ends_at = wall_clock_text(icaltime_add(*starts, icalproperty_get_duration(duration)));
    }
}

std::optional<Event::Status> status_of(icalcomponent* v) {
    // Without a STATUS an event is read as happening, as calendar programs show it.
    icalproperty* status = icalcomponent_get_first_property(v, ICAL_STATUS_PROPERTY);
    if (!status) return Event::Status::confirmed;
    switch (icalproperty_get_status(status)) {
    case ICAL_STATUS_CONFIRMED: return Event::Status::confirmed;
    case ICAL_STATUS_TENTATIVE: return Event::Status::tentative;
    case ICAL_STATUS_CANCELLED: return Event::Status::cancelled;
    default: return std::nullopt;
    }
}

// LAST-MODIFIED, else DTSTAMP; both are UTC in RFC 5545, and a time
// written without the Z is taken as UTC too.
std::string updated_at(icalcomponent* v) {
    icalproperty* stamp = icalcomponent_get_first_property(v, ICAL_LASTMODIFIED_PROPERTY);
    if (!stamp) stamp = icalcomponent_get_first_property(v, ICAL_DTSTAMP_PROPERTY);
    if (!stamp) return "";
    icaltimetype time = icalvalue_get_datetimedate(icalproperty_get_value(stamp));
    if (icaltime_is_null_time(time)) return "";
    return iso_utc(static_cast<UnixSeconds>(icaltime_as_timet(time)));
}

Event read_event(icalcomponent* calendar, icalcomponent* v, icaltimezone* london, const std::string& prefix,
                 Errors& errors) {
    Event event;
    event.uid = text_of(icalcomponent_get_uid(v));
    if (event.uid.empty()) errors.push_back({prefix + "uid", "The event has no UID"});
    event.sequence = icalcomponent_get_sequence(v);
    event.summary = text_of(icalcomponent_get_summary(v));
    event.description = text_of(icalcomponent_get_description(v));
    event.location = text_of(icalcomponent_get_location(v));
    if (icalproperty* url = icalcomponent_get_first_property(v, ICAL_URL_PROPERTY)) {
        event.url = text_of(icalproperty_get_url(url));
    }
    if (auto status = status_of(v)) {
        event.status = *status;
    } else {
        errors.push_back({prefix + "status", "The status must be TENTATIVE, CONFIRMED or CANCELLED"});
    }
    read_times(event, calendar, v, london, prefix, errors);
    event.updated_at = updated_at(v);
    return event;
}

}  // namespace

Result<std::vector<Event>> read_events(std::string_view ics) {
    if (!is_utf8(ics) || ics.find('\0') != std::string_view::npos) {
        return invalid({{"file", "The file must be iCalendar text in UTF-8"}});
    }
    std::string text(ics);
    Component root{icalparser_parse_string(text.c_str())};
    auto calendars = root ? calendars_in(root.get()) : std::vector<icalcomponent*>{};
    if (calendars.empty()) return invalid({{"file", "The file is not an iCalendar file (it has no VCALENDAR)"}});
    Errors errors;
    collect_parse_errors(root.get(), errors);
    if (!errors.empty()) return invalid(std::move(errors), "The file has errors");

    Zone london = london_zone();
    std::vector<Event> events;
    for (icalcomponent* calendar : calendars) {
        for (icalcomponent* v : children(calendar, ICAL_VEVENT_COMPONENT)) {
            auto prefix = "events[" + std::to_string(events.size()) + "].";
            events.push_back(read_event(calendar, v, london.get(), prefix, errors));
        }
    }
    if (!errors.empty()) return invalid(std::move(errors), "The file has errors");
    return events;
}

}  // namespace safeboard::ical
