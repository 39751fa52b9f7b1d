// Returned figures from CSV on SQLite and PostgreSQL: all or nothing, every
// bad row named by its line and column, an accepted return left alone, and
// an export that imports back unchanged.
#include <gtest/gtest.h>

#include "modules/performance/import.hpp"

#include "performance_database.hpp"
#include "platform/tabular/csv.hpp"

namespace safeboard::performance {
namespace {

constexpr const char* header =
    "organisation,indicator,period_start,period_end,value,numerator,denominator,note,submitted_on\n";

class PerformanceImport : public PerformanceDemo {
protected:
    ImportReport import(const std::string& rows) {
        return import_values(*db_, southend_, std::string(header) + rows, actor_, "2013-06-30");
    }
    // Everything an import could have written.
    std::vector<std::int64_t> written() {
        return {count("performance_periods"),
                count("performance_returns"),
                count("performance_values"),
                count("performance_return_events"),
                count("audit_log"),
                db_->query("SELECT CAST(COALESCE(SUM(value), 0) * 1000 AS BIGINT) FROM performance_values")
                    .rows.at(0)
                    .integer(0)};
    }
};

std::vector<std::string> names_late(const Completeness& c) {
    std::vector<std::string> found;
    for (const auto& r : c.late_ones()) found.push_back(r.name);
    return found;
}

std::vector<std::string> where(const ImportReport& report) {
    std::vector<std::string> found;
    for (const auto& p : report.problems) found.push_back(std::to_string(p.line) + " " + p.column);
    return found;
}

TEST_P(PerformanceImport, ANewQuartersFiguresMakeThePeriodAndSubmittedReturns) {
    auto report = import(
        "Essex Police,DBS01,2012-10-01,2012-12-31,,3391,3400,,2013-01-14\n"
        "Essex Police,ALG01,2012-10-01,2012-12-31,2,,,,2013-01-14\n"
        "SEE CHC,DBS01,2012-10-01,2012-12-31,97%,,,Counts to follow,2013-02-04\n"
        "the partnership,PF01,2012-10-01,2012-12-31,11,,,,2013-01-20\n");
    ASSERT_TRUE(report.ok()) << report.problems.front().message;
    EXPECT_EQ(report.created, 4u);
    auto period = find_period_between(*db_, southend_, "2012-10-01", "2012-12-31");
    ASSERT_TRUE(period);
    EXPECT_EQ(period->name, "Q1 2012/13");
    auto police = find_return_of(*db_, period->id, organisation("Essex Police"));
    ASSERT_TRUE(police);
    EXPECT_EQ(police->status, ReturnStatus::submitted);
    EXPECT_EQ(police->submitted->at, "2013-01-14T00:00:00Z");
    EXPECT_NEAR(values_of(*db_, police->id)[1].value, 99.735294, 1e-5);
    auto c = completeness(*db_, *period, "2013-02-05");
    EXPECT_EQ(c.returned, 3);
    EXPECT_EQ(c.expected, 15);
    EXPECT_EQ(names_late(c), std::vector<std::string>{"South East Essex Community Healthcare"});
    EXPECT_EQ(count("audit_log", "action = 'import' AND entity_type = 'performance values'"), 7);
}

TEST_P(PerformanceImport, EveryBadRowIsNamedAndNothingIsWritten) {
    auto before = written();
    auto report = import(
        "Nobody Ltd,DBS01,2012-10-01,2012-12-31,99,,,,\n"                 // 2: unknown organisation
        "Essex Police,XYZ01,2012-10-01,2012-12-31,99,,,,\n"               // 3: unknown indicator
        "Essex Police,DBS01,2012-10-32,31/12/2012,99,,,,\n"               // 4: a day that does not exist
        "Essex Police,DBS01,2012-11-01,2013-01-31,99,,,,\n"               // 5: not one of the year's quarters
        "Essex Police,DBS01,2012-10-01,2013-09-30,99,,,,\n"               // 6: a year, for a quarterly indicator
        "Essex Police,DBS01,2012-10-01,2012-12-31,,3401,3400,,\n"         // 7: numerator over denominator
        "Essex Police,DBS01,2011-10-01,2011-12-31,90,,,,\n"               // 8: an accepted return
        "Southend Football Club,DBS01,2012-10-01,2012-12-31,99,,,,\n"     // 9: does not return DBS01
        "Essex Police,ALG01,2012-10-01,2012-12-31,1.5,2,3,,2013-07-01\n"  // 10: whole count, no counts, future
        "Essex Police,REF01,2012-10-01,2012-12-31,40,,,,\n"               // 11: good
        "Essex Police,REF01,2012-10-01,2012-12-31,41,,,,\n");             // 12: the same value again
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(where(report),
              (std::vector<std::string>{"2 organisation", "3 indicator", "4 period_start", "5 period_end",
                                        "6 period_end", "7 numerator", "8 value", "9 organisation", "10 value",
                                        "10 numerator", "10 denominator", "10 submitted_on", "12 indicator"}));
    EXPECT_EQ(report.problems[0].message, "There is no organisation called \"Nobody Ltd\" in the partnership");
    EXPECT_EQ(report.problems[4].message, "DBS01 is returned quarterly, but 2012-10-01 to 2013-09-30 is a year");
    EXPECT_EQ(report.problems[6].message,
              "The return of Essex Police for Q1 2011/12 has been accepted, so its figures cannot change");
    EXPECT_EQ(report.problems[12].message, "This value is already on line 11");
    EXPECT_EQ(written(), before);
}

TEST_P(PerformanceImport, AnAcceptedReturnTakesItsOwnFiguresAgainUnchanged) {
    auto q1 = q(1);
    auto sheet = export_values(*db_, q1);
    EXPECT_EQ(sheet.rows.size(), 44u);
    auto before = written();
    auto report = import_values(*db_, southend_, tabular::write_csv(sheet.header, sheet.rows), actor_, "2013-06-30");
    ASSERT_TRUE(report.ok()) << report.problems.front().line << " " << report.problems.front().message;
    EXPECT_EQ(report.unchanged, 44u);
    before[4] += 1;  // the import's own audit entry
    EXPECT_EQ(written(), before);
}

TEST_P(PerformanceImport, AQueriedReturnIsSubmittedAgainOnlyWhenItsFiguresChange) {
    auto see_chc = organisation("South East Essex Community Healthcare");
    auto same = import("SEE CHC,DBS01,2012-01-01,2012-03-31,61.1,580,950,,2012-04-26\n");
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same.unchanged, 1u);
    EXPECT_EQ(find_return_of(*db_, q(2).id, see_chc)->status, ReturnStatus::queried);
    auto corrected = import(
        "SEE CHC,DBS01,2012-01-01,2012-03-31,,580,598,Denominator now only roles needing a check,"
        "2012-05-14\n");
    ASSERT_TRUE(corrected.ok()) << corrected.problems.front().message;
    EXPECT_EQ(corrected.updated, 1u);
    auto ret = find_return_of(*db_, q(2).id, see_chc);
    EXPECT_EQ(ret->status, ReturnStatus::submitted);
    EXPECT_EQ(ret->submitted->at, "2012-05-14T00:00:00Z");
    EXPECT_FALSE(ret->answer.empty());
    auto spring = completeness(*db_, q(2), "2013-01-01");
    EXPECT_EQ(spring.returned, 14);
    // Answered after the due day, but first submitted before it.
    EXPECT_EQ(names_late(spring), std::vector<std::string>{"Edwards Hall Primary School"});
}

TEST_P(PerformanceImport, ChangedFiguresInASubmittedReturnMoveItsSubmissionOnButNotItsLateness) {
    auto college = organisation("South Essex College");
    auto report = import("South Essex College,DBS01,2012-07-01,2012-09-30,,620,640,Checks caught up,2012-11-20\n");
    ASSERT_TRUE(report.ok()) << report.problems.front().message;
    auto ret = find_return_of(*db_, q(4).id, college);
    EXPECT_EQ(ret->status, ReturnStatus::submitted);
    EXPECT_EQ(ret->submitted->at, "2012-11-20T00:00:00Z");
    EXPECT_EQ(ret->first_submitted_at, "2012-10-09T00:00:00Z");
    // First sent on time, so still on time; Essex Police's first came after the due day.
    EXPECT_EQ(names_late(completeness(*db_, q(4), "2013-01-01")), std::vector<std::string>{"Essex Police"});
}

TEST_P(PerformanceImport, AFileWithoutItsFirstColumnOrWithAStrangeOneIsRefusedWhole) {
    auto before = written();
    auto report = import_values(*db_, southend_, "indicator,value,colour\nDBS01,99,blue\n", actor_, "2013-06-30");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(where(report), (std::vector<std::string>{"1 colour", "1 organisation"}));
    EXPECT_EQ(written(), before);
}

SAFEBOARD_TEST_ON_BACKENDS(PerformanceImport);

}  // namespace
}  // namespace safeboard::performance
