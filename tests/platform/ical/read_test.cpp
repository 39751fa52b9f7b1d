#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "ics_text.hpp"
#include "platform/ical/calendar.hpp"

namespace safeboard::ical {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ics_text::ics;

std::string calendar_of(const std::vector<std::string>& body) {
    std::vector<std::string> lines{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Example//EN"};
    lines.insert(lines.end(), body.begin(), body.end());
    lines.push_back("END:VCALENDAR");
    return ics(lines);
}

std::string described(const Error& error) {
    std::string text = error.message;
    for (const auto& field : error.fields) text += "; " + field.field + ": " + field.message;
    return text;
}

std::vector<Event> read(const std::string& text) {
    auto events = read_events(text);
    EXPECT_TRUE(events.has_value()) << (events ? "" : described(events.error()));
    return events.value_or(std::vector<Event>{});
}

std::vector<FieldError> refusal(const std::string& text) {
    auto events = read_events(text);
    EXPECT_FALSE(events.has_value());
    if (events) return {};
    EXPECT_EQ(events.error().kind, ErrorKind::validation);
    return events.error().fields;
}

TEST(IcalRead, TurnsUtcTimesIntoUkTime) {
    auto events = read(calendar_of({"BEGIN:VEVENT", "UID:summer@example.org", "DTSTAMP:20120601T093000Z",
                                    "DTSTART:20120710T130000Z", "DTEND:20120710T153000Z", "END:VEVENT",
                                    "BEGIN:VEVENT", "UID:winter@example.org", "DTSTAMP:20120601T093000Z",
                                    "DTSTART:20121210T130000Z", "END:VEVENT"}));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].starts_at, "2012-07-10T14:00");
    EXPECT_EQ(events[0].ends_at, "2012-07-10T16:30");
    EXPECT_EQ(events[1].starts_at, "2012-12-10T13:00");
    EXPECT_EQ(events[1].ends_at, "");
}

TEST(IcalRead, TurnsTimesInAZoneTheFileDescribesIntoUkTime) {
    auto events = read(calendar_of({"BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD",
                                    "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
                                    "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT",
                                    "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                                    "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE",
                                    "BEGIN:VEVENT", "UID:berlin@example.org", "DTSTAMP:20120601T093000Z",
                                    "DTSTART;TZID=W. Europe Standard Time:20120710T150000",
                                    "DTEND;TZID=W. Europe Standard Time:20120710T170000", "END:VEVENT"}));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].starts_at, "2012-07-10T14:00");
    EXPECT_EQ(events[0].ends_at, "2012-07-10T16:00");
}

TEST(IcalRead, TakesTheEndFromADuration) {
    auto events = read(calendar_of({"BEGIN:VEVENT", "UID:a@example.org", "DTSTAMP:20120601T093000Z",
                                    "DTSTART;TZID=Europe/London:20120710T140000", "DURATION:PT1H45M", "END:VEVENT"}));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].ends_at, "2012-07-10T15:45");
}

TEST(IcalRead, UpdatedAtIsTheLastModificationElseTheStamp) {
    auto events = read(calendar_of({"BEGIN:VEVENT", "UID:a@example.org", "DTSTAMP:20120601T093000Z",
                                    "LAST-MODIFIED:20120515T120000Z", "DTSTART:20120710T140000", "END:VEVENT",
                                    "BEGIN:VEVENT", "UID:b@example.org", "DTSTAMP:20120601T093000Z",
                                    "DTSTART:20120710T140000", "END:VEVENT"}));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].updated_at, "2012-05-15T12:00:00Z");
    EXPECT_EQ(events[1].updated_at, "2012-06-01T09:30:00Z");
    EXPECT_EQ(events[1].status, Event::Status::confirmed);  // no STATUS: it is happening
}

TEST(IcalRead, ReadsEveryCalendarOfAFile) {
    auto one = calendar_of({"BEGIN:VEVENT", "UID:a@example.org", "DTSTART:20120710T140000", "END:VEVENT"});
    auto two = calendar_of({"BEGIN:VEVENT", "UID:b@example.org", "DTSTART:20120711T140000", "END:VEVENT"});
    auto events = read(one + two);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].uid, "b@example.org");
}

TEST(IcalRead, NamesWhatIsWrongWithEachEvent) {
    auto fields = refusal(calendar_of({
        "BEGIN:VEVENT", "DTSTART:20120710T140000", "END:VEVENT",                                 // no UID
        "BEGIN:VEVENT", "UID:b@example.org", "DTSTART;VALUE=DATE:20120710", "END:VEVENT",      // all day
        "BEGIN:VEVENT", "UID:c@example.org", "DTSTART;TZID=Mars/Olympus:20120710T140000", "END:VEVENT",
        "BEGIN:VEVENT", "UID:d@example.org", "DTSTART:20120710T140000", "STATUS:NEEDS-ACTION", "END:VEVENT",
        "BEGIN:VEVENT", "UID:e@example.org", "END:VEVENT",                                     // no start
    }));
    ASSERT_EQ(fields.size(), 5u);
    EXPECT_EQ(fields[0], (FieldError{"events[0].uid", "The event has no UID"}));
    EXPECT_EQ(fields[1], (FieldError{"events[1].starts_at", "The start (DTSTART) is a whole day, not a date and time"}));
    EXPECT_EQ(fields[2].field, "events[2].starts_at");
    EXPECT_THAT(fields[2].message, HasSubstr("Mars/Olympus"));
    EXPECT_EQ(fields[3].field, "events[3].status");
    EXPECT_EQ(fields[4], (FieldError{"events[4].starts_at", "The event has no start (DTSTART)"}));
}

TEST(IcalRead, RefusesWhatIsNotICalendar) {
    for (std::string text : {"", "Board meeting, Tuesday at two", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
                             "BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n", "BEGIN:VCALENDAR\r\nX-A:\xff\r\nEND:VCALENDAR\r\n"}) {
        auto fields = refusal(text);
        ASSERT_EQ(fields.size(), 1u) << text;
        EXPECT_EQ(fields[0].field, "file");
    }
}

TEST(IcalRead, RefusesAFileWithPartsLibicalCannotRead) {
    auto fields = refusal(calendar_of({"BEGIN:VEVENT", "UID:a@example.org", "DTSTART:next Tuesday", "END:VEVENT"}));
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields[0].field, "file");
    EXPECT_THAT(fields[0].message, HasSubstr("DTSTART"));
}

}  // namespace
}  // namespace safeboard::ical
