// attendance.csv into one meeting on SQLite and PostgreSQL: all or nothing,
// every bad row named by its line and column, and an export that imports
// back unchanged.
#include <gtest/gtest.h>

#include "demo_database.hpp"
#include "modules/meetings/import.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "platform/tabular/csv.hpp"

namespace safeboard::meetings {
namespace {

class MeetingsImport : public MeetingsDemo {
protected:
    Meeting autumn() {
        return new_meeting(board(), {{"starts_at", "2012-11-15T14:00"},
                                     {"ends_at", "2012-11-15T16:30"},
                                     {"place", "Civic Centre, Victoria Avenue, Southend-on-Sea"},
                                     {"status", "held"}});
    }
    std::optional<Attendance> recorded(const Meeting& m, std::string_view seat_title,
                                       std::string_view organisation = {}) {
        for (const auto& seat : expected_seats(*db_, m)) {
            if (seat.membership.seat_title != seat_title) continue;
            if (!organisation.empty() && seat.organisation_short_name != organisation &&
                seat.membership.organisation_name != organisation) {
                continue;
            }
            return seat.attendance;
        }
        return std::nullopt;
    }
};

TEST_P(MeetingsImport, RecordsEachSeatNamedInTheFile) {
    auto m = autumn();
    auto report =
        import_attendance(*db_, m,
                          "seat,person,organisation,status,substitute,note\n"
                          "Independent Chair,Christine Doorly,,Present,,\n"
                          "Chief Officer,,CAFCASS,apologies,,Court commitments\n"
                          "Chief Officer,,Southend Association of Voluntary Services,substitute,Deputy Chief Officer,\n"
                          "Special Schools Representative,,,,,\n",
                          actor_);
    ASSERT_TRUE(report.ok()) << report.problems.front().message;
    EXPECT_EQ(report.rows, 4u);
    EXPECT_EQ(report.created, 3u);
    EXPECT_EQ(report.unchanged, 1u);
    auto chair = recorded(m, "Independent Chair");
    ASSERT_TRUE(chair);
    EXPECT_EQ(chair->status, AttendanceStatus::present);
    EXPECT_EQ(chair->person_name, "Christine Doorly");
    auto cafcass = recorded(m, "Chief Officer", "CAFCASS");
    ASSERT_TRUE(cafcass);
    EXPECT_EQ(cafcass->status, AttendanceStatus::apologies);
    EXPECT_EQ(cafcass->note, "Court commitments");
    EXPECT_EQ(cafcass->organisation_id, organisation("CAFCASS"));
    auto savs = recorded(m, "Chief Officer", "SAVS");
    ASSERT_TRUE(savs);
    EXPECT_EQ(savs->substitute_name, "Deputy Chief Officer");
    EXPECT_FALSE(recorded(m, "Special Schools Representative"));
    EXPECT_EQ(attendance_of(*db_, m.id).size(), 3u);

    // What an export says imports back unchanged.
    auto sheet = export_attendance(*db_, m);
    EXPECT_EQ(sheet.rows.size(), 26u);
    auto again = import_attendance(*db_, m, tabular::write_csv(sheet.header, sheet.rows), actor_);
    ASSERT_TRUE(again.ok()) << again.problems.front().line << " " << again.problems.front().message;
    EXPECT_EQ(again.created + again.updated, 0u);
    EXPECT_EQ(again.unchanged, 26u);
}

TEST_P(MeetingsImport, ABadFileChangesNothingAndNamesEachLineAndColumn) {
    auto march = meeting_at(board(), "2012-03-22T14:00");
    auto before = attendance_of(*db_, march.id);
    auto changes = count("audit_log");
    auto report = import_attendance(*db_, march,
                                    "seat,person,organisation,status,substitute,note\n"
                                    "Independent Chair,,,absent,,\n"
                                    "Designated Doctor,,,late,,\n"
                                    "Chief Officer,,,present,,\n"
                                    "Superintendent,,,substitute,,\n"
                                    "Chief Constable,,,present,,\n"
                                    "Designated Doctor,,,present,,\n",
                                    actor_);
    EXPECT_FALSE(report.ok());
    std::vector<std::pair<std::size_t, std::string>> problems;
    for (const auto& p : report.problems) problems.emplace_back(p.line, p.column);
    EXPECT_EQ(problems, (std::vector<std::pair<std::size_t, std::string>>{
                            {3, "status"}, {4, "seat"}, {5, "substitute"}, {6, "seat"}, {7, "seat"}}));
    EXPECT_NE(report.problems[4].message.find("line 3"), std::string::npos);
    // The good first row was not kept either.
    auto after = attendance_of(*db_, march.id);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].status, before[i].status);
    EXPECT_EQ(recorded(march, "Independent Chair")->status, AttendanceStatus::present);
    EXPECT_EQ(count("audit_log"), changes);
}

TEST_P(MeetingsImport, AFileWithUnknownColumnsOrForACancelledMeetingIsRefusedWhole) {
    auto m = autumn();
    auto unknown = import_attendance(*db_, m, "seat,state\nIndependent Chair,present\n", actor_);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.problems.front().line, 1u);
    auto cancelled = meeting_at(executive(), "2012-05-09T09:30");
    auto refused = import_attendance(*db_, cancelled, "seat,status\nLead Nurse for Safeguarding,present\n", actor_);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.problems.front().line, 0u);
    EXPECT_TRUE(attendance_of(*db_, cancelled.id).empty());
}

TEST_P(MeetingsImport, ChangingARowIsRecordedAsAnUpdate) {
    auto july = meeting_at(board(), "2012-07-19T14:00");
    auto report = import_attendance(*db_, july, "seat,status,note\nYouth Lay Member,apologies,Exams\n", actor_);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.updated, 1u);
    auto youth = recorded(july, "Youth Lay Member");
    EXPECT_EQ(youth->status, AttendanceStatus::apologies);
    EXPECT_EQ(youth->note, "Exams");
}

TEST_P(MeetingsImport, AForwardPlanExportImportsBackUnchanged) {
    auto group = executive();
    auto sheet = export_forward_plan(*db_, group, "2011-10", "2012-09");
    EXPECT_EQ(sheet.rows.size(), 77u);
    auto again = import_forward_plan(*db_, group, tabular::write_csv(sheet.header, sheet.rows), actor_);
    ASSERT_TRUE(again.ok()) << again.problems.front().message;
    EXPECT_EQ(again.unchanged, 77u);
}

SAFEBOARD_TEST_ON_BACKENDS(MeetingsImport);

}  // namespace
}  // namespace safeboard::meetings
