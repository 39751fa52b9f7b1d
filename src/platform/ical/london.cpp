#include "platform/ical/london.hpp"

#include <stdexcept>

namespace safeboard::ical {

namespace {

constexpr int kHour = 3600;

struct Observance {
    icalcomponent_kind kind;
    const char* name;
    int offset_from;
    int offset_to;
    icaltimetype first;  // local time, before the change, of the first change
    const char* rule;
};

icaltimetype local(int year, int month, int day, int hour) {
    icaltimetype time = icaltime_null_time();
    time.year = year;
    time.month = month;
    time.day = day;
    time.hour = hour;
    time.is_date = 0;
    return time;
}

Component observance(const Observance& o) {
    Component part{icalcomponent_new(o.kind)};
    icalcomponent_add_property(part.get(), icalproperty_new_tzname(o.name));
    icalcomponent_add_property(part.get(), icalproperty_new_tzoffsetfrom(o.offset_from));
    icalcomponent_add_property(part.get(), icalproperty_new_tzoffsetto(o.offset_to));
    icalcomponent_add_property(part.get(), icalproperty_new_dtstart(o.first));
    icalcomponent_add_property(part.get(), icalproperty_new_rrule(icalrecurrencetype_from_string(o.rule)));
    return part;
}

}  // namespace

Component london_vtimezone() {
    Component zone{icalcomponent_new_vtimezone()};
    icalcomponent_add_property(zone.get(), icalproperty_new_tzid(kLondon));
    // 01:00 UTC is 01:00 GMT in March and 02:00 BST in October; 1970's last
    // Sundays of March and October are the 29th and the 25th.
    adopt(zone.get(), observance({ICAL_XDAYLIGHT_COMPONENT, "BST", 0, kHour, local(1970, 3, 29, 1),
                                  "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"}));
    adopt(zone.get(), observance({ICAL_XSTANDARD_COMPONENT, "GMT", kHour, 0, local(1970, 10, 25, 2),
                                  "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"}));
    return zone;
}

Zone london_zone() {
    Zone zone{icaltimezone_new()};
    Component definition = london_vtimezone();
    // The zone owns the component only once it has accepted it.
    if (!zone || !icaltimezone_set_component(zone.get(), definition.get())) {
        throw std::runtime_error("libical refused the Europe/London time zone");
    }
    definition.release();
    return zone;
}

}  // namespace safeboard::ical
