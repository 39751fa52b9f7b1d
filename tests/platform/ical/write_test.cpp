#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <string>

#include "ics_text.hpp"
#include "platform/core/text.hpp"
#include "platform/ical/calendar.hpp"

namespace safeboard::ical {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ics_text::block;
using ics_text::content_lines;
using ics_text::physical_lines;

struct FreeComponent {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Parsed = std::unique_ptr<icalcomponent, FreeComponent>;

Event board_meeting() {
    Event event;
    event.uid = "3f9a1c0b7e@safeboard";
    event.sequence = 2;
    event.summary = "Safeguarding – Board’s meeting, part 1; see C:\\papers\nand the second line";
    event.description = "Monitor Key PIs\nExecutive Summary Report\nSection 11 audit: Essex Police";
    event.location = "Civic Centre, Committee Room 3; Victoria Avenue";
    event.url = "https://safeboard.example.org/meetings/12?view=agenda&from=feed";
    event.starts_at = "2012-07-10T14:00";
    event.ends_at = "2012-07-10T16:30";
    event.updated_at = "2012-06-01T09:30:00Z";
    return event;
}

Event executive_meeting() {
    Event event;
    event.uid = "77aa01@safeboard";
    event.summary = "Executive meeting";
    event.starts_at = "2012-01-10T09:30";
    event.ends_at = "2012-01-10T11:00";
    event.status = Event::Status::tentative;
    event.updated_at = "2011-12-20T17:05:09Z";
    return event;
}

Event cancelled_meeting() {
    Event event = executive_meeting();
    event.uid = "c4ncel@safeboard";
    event.sequence = 3;
    event.status = Event::Status::cancelled;
    return event;
}

Calendar board_calendar(std::vector<Event> events) {
    return Calendar{.name = "Southend LSCB Board", .events = std::move(events)};
}

std::string written(const Calendar& calendar) {
    auto text = write_calendar(calendar);
    EXPECT_TRUE(text.has_value()) << (text ? "" : text.error().message);
    return text.value_or("");
}

std::string written(std::vector<Event> events) { return written(board_calendar(std::move(events))); }

TEST(IcalWrite, ReadBackGivesTheSameEvents) {
    std::vector<Event> events{board_meeting(), executive_meeting(), cancelled_meeting()};
    auto read = read_events(written(events));
    ASSERT_TRUE(read.has_value()) << read.error().message;
    EXPECT_EQ(*read, events);
}

TEST(IcalWrite, LibicalReadsTheSameFields) {
    Event meeting = board_meeting();
    Parsed root{icalparser_parse_string(written({meeting, cancelled_meeting()}).c_str())};
    ASSERT_NE(root, nullptr);
    icalcomponent* event = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT);
    ASSERT_NE(event, nullptr);
    EXPECT_STREQ(icalcomponent_get_uid(event), meeting.uid.c_str());
    EXPECT_EQ(icalcomponent_get_sequence(event), 2);
    EXPECT_STREQ(icalcomponent_get_summary(event), meeting.summary.c_str());
    EXPECT_STREQ(icalcomponent_get_description(event), meeting.description.c_str());
    EXPECT_STREQ(icalcomponent_get_location(event), meeting.location.c_str());
    EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
    icalproperty* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    icalparameter* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
    ASSERT_NE(tzid, nullptr);
    EXPECT_STREQ(icalparameter_get_tzid(tzid), "Europe/London");
    icaltimetype starts = icalproperty_get_dtstart(start);
    EXPECT_EQ(starts.hour, 14);
    EXPECT_EQ(starts.minute, 0);
    icalcomponent* cancelled = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT);
    ASSERT_NE(cancelled, nullptr);
    EXPECT_EQ(icalcomponent_get_status(cancelled), ICAL_STATUS_CANCELLED);
}

TEST(IcalWrite, EscapesCommasSemicolonsBackslashesAndLineBreaks) {
    auto lines = content_lines(written({board_meeting()}));
    EXPECT_THAT(lines, Contains("SUMMARY:Safeguarding – Board’s meeting\\, part 1\\; see C:\\\\papers\\nand the "
                                "second line"));
    EXPECT_THAT(lines, Contains("LOCATION:Civic Centre\\, Committee Room 3\\; Victoria Avenue"));
    // A URL is a URI, not TEXT: its commas and ampersands are its own.
    EXPECT_THAT(lines, Contains("URL:https://safeboard.example.org/meetings/12?view=agenda&from=feed"));
}

TEST(IcalWrite, LineBreaksTypedInAFormStayLineBreaks) {
    Event meeting = board_meeting();
    meeting.description = "Apologies: Essex Police\r\nDecisions: none\rActions: two";
    auto read = read_events(written({meeting}));
    ASSERT_TRUE(read.has_value()) << read.error().message;
    EXPECT_EQ(read->at(0).description, "Apologies: Essex Police\nDecisions: none\nActions: two");
}

TEST(IcalWrite, DescribesTheCalendar) {
    auto text = written({board_meeting()});
    EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\n"));
    EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
    auto lines = block(text, "VCALENDAR");
    EXPECT_THAT(lines, Contains("VERSION:2.0"));
    EXPECT_THAT(lines, Contains("PRODID:-//Safeboard//Safeboard//EN"));
    EXPECT_THAT(lines, Contains("CALSCALE:GREGORIAN"));
    EXPECT_THAT(lines, Contains("METHOD:PUBLISH"));
    EXPECT_THAT(lines, Contains("X-WR-CALNAME:Southend LSCB Board"));
}

TEST(IcalWrite, TheCalendarNameShowsAsWritten) {
    // X-WR-CALNAME is not RFC 5545 TEXT: calendar programs show it as it
    // stands, so a comma must not gain a backslash.
    Calendar calendar = board_calendar({});
    calendar.name = "Southend, Essex and Thurrock: Board";
    EXPECT_THAT(content_lines(written(calendar)), Contains("X-WR-CALNAME:Southend, Essex and Thurrock: Board"));
}

TEST(IcalWrite, StampsEachEventWithItsLastChange) {
    auto lines = block(written({executive_meeting()}), "VEVENT");
    EXPECT_THAT(lines, Contains("UID:77aa01@safeboard"));
    EXPECT_THAT(lines, Contains("SEQUENCE:0"));
    EXPECT_THAT(lines, Contains("DTSTAMP:20111220T170509Z"));
    EXPECT_THAT(lines, Contains("LAST-MODIFIED:20111220T170509Z"));
}

TEST(IcalWrite, ACancelledEventSaysSo) {
    EXPECT_THAT(block(written({cancelled_meeting()}), "VEVENT"), Contains("STATUS:CANCELLED"));
    EXPECT_THAT(block(written({cancelled_meeting()}), "VEVENT"), Contains("SEQUENCE:3"));
    EXPECT_THAT(block(written({executive_meeting()}), "VEVENT"), Contains("STATUS:TENTATIVE"));
    EXPECT_THAT(block(written({board_meeting()}), "VEVENT"), Contains("STATUS:CONFIRMED"));
}

TEST(IcalWrite, LeavesOutWhatIsNotGiven) {
    Event bare;
    bare.uid = "bare@safeboard";
    bare.starts_at = "2012-03-06T10:00";
    bare.updated_at = "2012-01-01T00:00:00Z";
    auto text = written({bare});
    for (const char* name : {"DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "URL"}) {
        for (const auto& line : content_lines(text)) EXPECT_FALSE(line.starts_with(name)) << line;
    }
    auto read = read_events(text);
    ASSERT_TRUE(read.has_value()) << read.error().message;
    EXPECT_EQ(read->at(0), bare);
}

TEST(IcalWrite, EveryLineEndsWithCrlfAndHoldsAtMost75Octets) {
    Event meeting = board_meeting();
    meeting.summary = std::string(200, 'S') + " and words, words; words " + std::string(90, 'w');
    meeting.description = std::string(500, 'd');
    meeting.url = "https://safeboard.example.org/" + std::string(150, 'u');
    auto text = written({meeting, executive_meeting()});
    ASSERT_TRUE(text.ends_with("\r\n"));
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
        }
        if (text[i] == '\r') {
            EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
        }
    }
    auto lines = physical_lines(text);
    ASSERT_GT(lines.size(), 20u);
    for (const auto& line : lines) EXPECT_LE(line.size(), 75u) << line;
    EXPECT_THAT(content_lines(text), Contains("DESCRIPTION:" + meeting.description));
}

TEST(IcalWrite, FoldsLongUtf8TextWithoutSplittingACharacter) {
    // Two-, three- and four-byte characters, shifted so that every kind of
    // character meets the 75-octet limit somewhere.
    for (std::size_t shift = 0; shift < 4; ++shift) {
        Event meeting = board_meeting();
        meeting.description = std::string(shift, 'x');
        for (int i = 0; i < 40; ++i) meeting.description += "é’😀Ω–";
        auto text = written({meeting});
        for (const auto& line : physical_lines(text)) {
            EXPECT_TRUE(is_utf8(line)) << "shift " << shift << ": " << line;
            EXPECT_LE(line.size(), 75u);
        }
        EXPECT_THAT(content_lines(text), Contains("DESCRIPTION:" + meeting.description));
        auto read = read_events(text);
        ASSERT_TRUE(read.has_value()) << read.error().message;
        EXPECT_EQ(read->at(0).description, meeting.description);
    }
}

TEST(IcalWrite, CarriesEuropeLondonWithItsClockChanges) {
    auto text = written({board_meeting()});
    EXPECT_THAT(block(text, "VTIMEZONE"), Contains("TZID:Europe/London"));
    EXPECT_THAT(block(text, "STANDARD"),
                ElementsAre("BEGIN:STANDARD", "TZNAME:GMT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000",
                            "DTSTART:19701025T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD"));
    EXPECT_THAT(block(text, "DAYLIGHT"),
                ElementsAre("BEGIN:DAYLIGHT", "TZNAME:BST", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100",
                            "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT"));
}

TEST(IcalWrite, MeetingsKeepTheirUkClockTimeSummerAndWinter) {
    auto summer = block(written({board_meeting()}), "VEVENT");
    EXPECT_THAT(summer, Contains("DTSTART;TZID=Europe/London:20120710T140000"));
    EXPECT_THAT(summer, Contains("DTEND;TZID=Europe/London:20120710T163000"));
    EXPECT_THAT(summer, Not(Contains(::testing::HasSubstr("DTSTART:"))));
    auto winter = block(written({executive_meeting()}), "VEVENT");
    EXPECT_THAT(winter, Contains("DTSTART;TZID=Europe/London:20120110T093000"));
}

// The file's own VTIMEZONE, as a calendar program uses it; no zoneinfo.
std::string uk_time_of(icaltimezone* london, const char* utc) {
    icaltimetype local = icaltime_convert_to_zone(icaltime_from_string(utc), london);
    return icaltime_as_ical_string(local);
}

TEST(IcalWrite, ItsTimeZoneChangesTheClocksWhenTheUkDoes) {
    auto text = written({board_meeting()});
    Parsed root{icalparser_parse_string(text.c_str())};
    ASSERT_NE(root, nullptr);
    icaltimezone* london = icalcomponent_get_timezone(root.get(), "Europe/London");
    ASSERT_NE(london, nullptr);
    EXPECT_EQ(uk_time_of(london, "20120710T130000Z"), "20120710T140000");  // BST
    EXPECT_EQ(uk_time_of(london, "20120110T093000Z"), "20120110T093000");  // GMT
    // Last Sundays: 25 March and 28 October 2012, 29 March and 25 October 2026; at 01:00 UTC.
    EXPECT_EQ(uk_time_of(london, "20120325T005900Z"), "20120325T005900");
    EXPECT_EQ(uk_time_of(london, "20120325T010000Z"), "20120325T020000");
    EXPECT_EQ(uk_time_of(london, "20121028T005900Z"), "20121028T015900");
    EXPECT_EQ(uk_time_of(london, "20121028T010000Z"), "20121028T010000");
    EXPECT_EQ(uk_time_of(london, "20260329T010000Z"), "20260329T020000");
    EXPECT_EQ(uk_time_of(london, "20261025T003000Z"), "20261025T013000");
    EXPECT_EQ(uk_time_of(london, "20261025T013000Z"), "20261025T013000");

    // And the other way: 14:00 on 10 July 2012 in the UK is 13:00 UTC.
    icalcomponent* event = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT);
    icaltimetype starts = icalproperty_get_dtstart(icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY));
    icaltimetype utc = icaltime_convert_to_zone(icaltime_set_timezone(&starts, london), icaltimezone_get_utc_timezone());
    EXPECT_STREQ(icaltime_as_ical_string(utc), "20120710T130000Z");
}

std::vector<std::string> fields_of(const Calendar& calendar) {
    auto written_text = write_calendar(calendar);
    EXPECT_FALSE(written_text.has_value());
    if (written_text) return {};
    EXPECT_EQ(written_text.error().kind, ErrorKind::validation);
    std::vector<std::string> fields;
    for (const auto& error : written_text.error().fields) fields.push_back(error.field);
    return fields;
}

TEST(IcalWrite, NamesEveryInvalidField) {
    Event no_uid = board_meeting();
    no_uid.uid = "";
    no_uid.starts_at = "2026-02-30T10:00";
    no_uid.updated_at = "2026-11-22 10:15";
    Event backwards = executive_meeting();
    backwards.ends_at = "2012-01-10T09:00";
    Event same_uid = cancelled_meeting();
    same_uid.uid = backwards.uid;
    same_uid.sequence = -1;
    same_uid.summary = "Board \xff meeting";
    same_uid.description = "Bell \x07";
    same_uid.url = "safeboard meeting 12";
    same_uid.starts_at = "10/01/2012 09:30";
    same_uid.ends_at = "2012-01-10T24:00";
    Calendar calendar = board_calendar({no_uid, backwards, same_uid});
    calendar.product_id = "";
    calendar.name = "Board\nfeed";
    EXPECT_THAT(fields_of(calendar),
                ElementsAre("product_id", "name", "events[0].uid", "events[0].starts_at", "events[0].updated_at",
                            "events[1].ends_at", "events[2].sequence", "events[2].summary", "events[2].description",
                            "events[2].url", "events[2].starts_at", "events[2].ends_at", "events[2].uid"));
}

TEST(IcalWrite, SaysWhatIsWrongInWords) {
    Event meeting = board_meeting();
    meeting.starts_at = "";
    meeting.ends_at = "2012-07-10 16:30";
    auto result = write_calendar(board_calendar({meeting}));
    ASSERT_FALSE(result.has_value());
    EXPECT_THAT(result.error().fields,
                ElementsAre(FieldError{"events[0].starts_at", "Enter the start time"},
                            FieldError{"events[0].ends_at",
                                       "The end must be a UK date and time like 2026-11-22T10:15"}));
}

TEST(IcalWrite, AnEmptyCalendarStillDescribesItsTimeZone) {
    auto text = written(board_calendar({}));
    EXPECT_THAT(content_lines(text), Contains("TZID:Europe/London"));
    auto read = read_events(text);
    ASSERT_TRUE(read.has_value()) << read.error().message;
    EXPECT_TRUE(read->empty());
}

}  // namespace
}  // namespace safeboard::ical
