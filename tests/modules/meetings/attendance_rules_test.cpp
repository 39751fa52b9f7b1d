// The attendance arithmetic, the headline and the setting for substitutes,
// on meetings and seats built by hand.
#include <gtest/gtest.h>

#include "modules/meetings/rules.hpp"
#include "modules/meetings/vocabulary.hpp"

namespace safeboard::meetings {
namespace {

Meeting meeting(std::int64_t id, const std::string& date, MeetingStatus status = MeetingStatus::held) {
    Meeting m;
    m.id = id;
    m.body_id = 1;
    m.body_name = "Board";
    m.starts_at = date + "T14:00";
    m.ends_at = date + "T16:30";
    m.status = status;
    return m;
}

register_::Membership seat(std::int64_t id, const std::string& title, std::optional<std::int64_t> organisation,
                           const std::string& organisation_name) {
    register_::Membership m;
    m.id = id;
    m.body_id = 1;
    m.seat_title = title;
    m.organisation_id = organisation;
    m.organisation_name = organisation_name;
    return m;
}

register_::Membership held_by(register_::Membership m, std::int64_t person, const std::string& name) {
    m.person_id = person;
    m.person_name = name;
    return m;
}

Attendance recorded(std::int64_t meeting_id, const register_::Membership& s, AttendanceStatus status) {
    Attendance a;
    a.meeting_id = meeting_id;
    a.membership_id = s.id;
    a.person_id = s.person_id;
    a.person_name = s.person_name;
    a.organisation_id = s.organisation_id;
    a.organisation_name = s.organisation_name;
    a.status = status;
    if (status == AttendanceStatus::substitute) a.substitute_name = "A deputy";
    return a;
}

// Three held Board meetings of 2011/12, each with the seats given and a status per seat.
std::vector<MeetingRecord> year_of(const std::vector<register_::Membership>& seats,
                                   const std::vector<std::vector<AttendanceStatus>>& statuses) {
    std::vector<MeetingRecord> records;
    const std::vector<std::string> dates{"2011-11-17", "2012-03-22", "2012-07-19"};
    for (std::size_t i = 0; i < dates.size(); ++i) {
        MeetingRecord record{meeting(static_cast<std::int64_t>(i + 1), dates[i]), seats, {}};
        for (std::size_t s = 0; s < seats.size(); ++s) {
            record.attendance.push_back(recorded(record.meeting.id, seats[s], statuses[s][i]));
        }
        records.push_back(record);
    }
    return records;
}

constexpr auto P = AttendanceStatus::present;
constexpr auto A = AttendanceStatus::apologies;
constexpr auto S = AttendanceStatus::substitute;
constexpr auto X = AttendanceStatus::absent;

const OrganisationRow& organisation(const AttendanceReport& report, std::int64_t id) {
    for (const auto& row : report.organisations) {
        if (row.organisation_id == id) return row;
    }
    throw std::out_of_range("no organisation row");
}

const MemberRow& member(const AttendanceReport& report, const std::string& name) {
    for (const auto& row : report.members) {
        if (row.name == name) return row;
    }
    throw std::out_of_range("no member row " + name);
}

AttendanceReport report_of(const std::vector<MeetingRecord>& records, ReportSettings settings = {}) {
    return attendance_report(records, "2011-10-01", "2012-09-30", settings);
}

TEST(AttendanceArithmetic, PercentagesAreWholeNumbersRoundedHalfUp) {
    EXPECT_EQ(percentage(2, 3), 67);
    EXPECT_EQ(percentage(1, 3), 33);
    EXPECT_EQ(percentage(1, 8), 13);  // 12.5
    EXPECT_EQ(percentage(5, 8), 63);  // 62.5
    EXPECT_EQ(percentage(3, 3), 100);
    EXPECT_EQ(percentage(0, 4), 0);
    EXPECT_EQ(percentage(0, 0), 0);
}

TEST(AttendanceArithmetic, EachSettingCountsASubstituteForWhomItSays) {
    auto officer = held_by(seat(1, "Chief Officer", 10, "CAFCASS"), 100, "Pat Chief");
    auto records = year_of({officer}, {{P, S, A}});
    struct Case {
        SubstituteSetting setting;
        int organisation_attended;
        int person_attended;
    };
    for (auto c : {Case{SubstituteSetting::organisation, 2, 1}, Case{SubstituteSetting::person, 1, 2},
                   Case{SubstituteSetting::both, 2, 2}, Case{SubstituteSetting::neither, 1, 1}}) {
        ReportSettings settings;
        settings.substitutes = c.setting;
        auto report = report_of(records, settings);
        const auto& agency = organisation(report, 10).tally;
        const auto& person = member(report, "Pat Chief").tally;
        EXPECT_EQ(agency.attended, c.organisation_attended) << code_of(c.setting);
        EXPECT_EQ(person.attended, c.person_attended) << code_of(c.setting);
        // What was recorded does not depend on the setting.
        EXPECT_EQ(agency.expected, 3);
        EXPECT_EQ(agency.present, 1);
        EXPECT_EQ(agency.substitutes, 1);
        EXPECT_EQ(agency.apologies, 1);
        EXPECT_EQ(agency.percentage, c.organisation_attended == 2 ? 67 : 33);
        EXPECT_EQ(agency.meets_standard, c.organisation_attended == 2);
        EXPECT_FALSE(report.substitute_rule.empty());
    }
}

TEST(AttendanceArithmetic, CancelledPlannedAndConfirmedMeetingsAreNotCounted) {
    auto officer = seat(1, "Chief Officer", 10, "CAFCASS");
    auto records = year_of({officer}, {{P, X, X}});
    records[1].meeting.status = MeetingStatus::cancelled;
    records[2].meeting.status = MeetingStatus::planned;
    auto confirmed = records[2];
    confirmed.meeting.id = 4;
    confirmed.meeting.status = MeetingStatus::confirmed;
    records.push_back(confirmed);
    auto report = report_of(records);
    EXPECT_EQ(report.meetings, 1);
    const auto& tally = organisation(report, 10).tally;
    EXPECT_EQ(tally.expected, 1);
    EXPECT_EQ(tally.absent, 0);
    EXPECT_EQ(tally.percentage, 100);
}

TEST(AttendanceArithmetic, OnlyMeetingsInThePeriodCountBothEndsIncluded) {
    auto officer = seat(1, "Chief Officer", 10, "CAFCASS");
    auto records = year_of({officer}, {{P, X, X}});
    EXPECT_EQ(attendance_report(records, "2011-11-17", "2012-03-22", {}).meetings, 2);
    EXPECT_EQ(attendance_report(records, "2011-11-18", "2012-03-21", {}).meetings, 0);
    auto report = attendance_report(records, "2012-03-22", "2012-12-31", {});
    EXPECT_EQ(organisation(report, 10).tally.expected, 2);
    EXPECT_EQ(organisation(report, 10).tally.attended, 0);
}

TEST(AttendanceArithmetic, AMemberWhoJoinedOrLeftIsExpectedOnlyWhileTheirSeatWasCurrent) {
    // The Superintendent moved on at the end of January; the successor joined on 1 February.
    auto leaving = held_by(seat(1, "Superintendent", 20, "Southend Police"), 200, "Sam Leaving");
    leaving.ends_on = "2012-01-31";
    auto joining = held_by(seat(2, "Superintendent", 20, "Southend Police"), 201, "Jo Joining");
    joining.starts_on = "2012-02-01";
    // The register's seats hold at every meeting; only those current on the day count.
    auto records = year_of({leaving, joining}, {{A, P, P}, {X, P, P}});
    auto report = report_of(records);
    const auto& sam = member(report, "Sam Leaving").tally;
    EXPECT_EQ(sam.expected, 1);
    EXPECT_EQ(sam.apologies, 1);
    EXPECT_EQ(sam.percentage, 0);
    const auto& jo = member(report, "Jo Joining").tally;
    EXPECT_EQ(jo.expected, 2);
    EXPECT_EQ(jo.present, 2);
    EXPECT_EQ(jo.percentage, 100);
    // The force held a seat at every meeting: apologies, then present twice.
    const auto& police = organisation(report, 20).tally;
    EXPECT_EQ(police.expected, 3);
    EXPECT_EQ(police.attended, 2);
    EXPECT_EQ(police.apologies, 1);
}

TEST(AttendanceArithmetic, AVacantSeatIsExpectedOfNobody) {
    auto chair = held_by(seat(1, "Independent Chair", std::nullopt, ""), 1, "Christine Doorly");
    auto vacant = seat(2, "Special Schools Representative", 30, "A special school");
    vacant.vacancy = "To be identified";
    MeetingRecord record{meeting(1, "2011-11-17"), {chair, vacant}, {recorded(1, chair, P)}};
    auto report = report_of({record});
    EXPECT_EQ(report.vacant_seats, 1);
    ASSERT_EQ(report.members.size(), 1u);
    EXPECT_EQ(report.members[0].name, "Christine Doorly");
    EXPECT_TRUE(report.organisations.empty());
    EXPECT_EQ(report.headline, "No partner agency representatives were expected at Board meetings in this period");
}

TEST(AttendanceArithmetic, ASeatWithNothingRecordedIsExpectedAndNotAttended) {
    auto officer = seat(1, "Chief Officer", 10, "CAFCASS");
    MeetingRecord record{meeting(1, "2011-11-17"), {officer}, {}};
    auto tally = organisation(report_of({record}), 10).tally;
    EXPECT_EQ(tally.expected, 1);
    EXPECT_EQ(tally.not_recorded, 1);
    EXPECT_EQ(tally.attended, 0);
}

TEST(AttendanceArithmetic, AnAgencyWithTwoSeatsAttendsAMeetingWhenEitherSeatDoes) {
    auto inspector = seat(1, "Chief Inspector, Southend Police Station", 40, "Essex Police");
    auto caiu = seat(2, "Head of CAIU", 40, "Essex Police");
    auto report = report_of(year_of({inspector, caiu}, {{P, A, X}, {A, P, X}}));
    const auto& police = organisation(report, 40).tally;
    EXPECT_EQ(police.expected, 3);  // meetings, not seats
    EXPECT_EQ(police.attended, 2);
    EXPECT_EQ(police.absent, 1);
    // A seat that names nobody is its own row, named by its title.
    EXPECT_EQ(member(report, "Head of CAIU").tally.attended, 1);
    EXPECT_EQ(member(report, "Head of CAIU").membership_id, 2);
}

TEST(AttendanceArithmetic, TheRecordSaysWhoHeldTheSeatThen) {
    auto officer = held_by(seat(1, "Chief Officer", 10, "CAFCASS"), 101, "Now In Post");
    MeetingRecord record{meeting(1, "2011-11-17"), {officer}, {recorded(1, officer, P)}};
    record.attendance[0].person_id = 100;
    record.attendance[0].person_name = "Then In Post";
    auto report = report_of({record});
    ASSERT_EQ(report.members.size(), 1u);
    EXPECT_EQ(report.members[0].name, "Then In Post");
    EXPECT_EQ(report.members[0].person_id, 100);
}

TEST(AttendanceArithmetic, TheHeadlineIsTheShareOfAgenciesMeetingTheStandard) {
    // Fifteen agencies: thirteen came to two meetings of three, two to one.
    std::vector<register_::Membership> seats;
    std::vector<std::vector<AttendanceStatus>> statuses;
    for (std::int64_t i = 1; i <= 15; ++i) {
        seats.push_back(seat(i, "Seat " + std::to_string(i), i, "Agency " + std::to_string(i)));
        statuses.push_back(i <= 13 ? std::vector{P, A, P} : std::vector{P, A, X});
    }
    auto records = year_of(seats, statuses);
    auto report = report_of(records);
    EXPECT_EQ(report.organisations_meeting_standard, 13);
    EXPECT_EQ(report.share, 87);  // 86.7
    EXPECT_EQ(report.headline, "87% of partner agency representatives attended 66% or more of Board meetings");

    // 67% (two of three) meets a standard of 67 but not 68.
    ReportSettings stricter;
    stricter.good_standard = 67;
    EXPECT_EQ(report_of(records, stricter).share, 87);
    stricter.good_standard = 68;
    stricter.meetings_label = "Executive";
    auto strict = report_of(records, stricter);
    EXPECT_EQ(strict.share, 0);
    EXPECT_EQ(strict.headline, "0% of partner agency representatives attended 68% or more of Executive meetings");
}

TEST(AttendanceArithmetic, HeadlineWording) {
    EXPECT_EQ(headline(87, 66, "Board", 15),
              "87% of partner agency representatives attended 66% or more of Board meetings");
    EXPECT_EQ(headline(50, 75, "", 2), "50% of partner agency representatives attended 75% or more of meetings");
    EXPECT_EQ(headline(0, 66, "Board", 0),
              "No partner agency representatives were expected at Board meetings in this period");
    register_::Body board;
    board.kind = register_::BodyKind::board;
    board.name = "Southend LSCB Overarching Board";
    EXPECT_EQ(meetings_label(board), "Board");
    register_::Body group;
    group.kind = register_::BodyKind::sub_group;
    group.name = "LSCB Monitoring Sub Group";
    group.short_name = "Monitoring SG";
    EXPECT_EQ(meetings_label(group), "Monitoring SG");
}

TEST(AttendanceArithmetic, RowsAreInNameOrder) {
    auto b = seat(1, "Chief Officer", 11, "SAVS");
    auto a = seat(2, "Chief Officer", 10, "CAFCASS");
    auto report = report_of(year_of({b, a}, {{P, P, P}, {P, P, P}}));
    ASSERT_EQ(report.organisations.size(), 2u);
    EXPECT_EQ(report.organisations[0].name, "CAFCASS");
    ASSERT_EQ(report.members.size(), 2u);
    EXPECT_EQ(report.members[0].organisation_name, "CAFCASS");
}

}  // namespace
}  // namespace safeboard::meetings
