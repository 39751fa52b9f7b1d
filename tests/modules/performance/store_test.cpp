// The indicator library, periods and returns on SQLite and PostgreSQL,
// through the saves every door uses, and the demo loaded twice.
#include <gtest/gtest.h>

#include "modules/performance/policy.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/vocabulary.hpp"
#include "performance_database.hpp"

namespace safeboard::performance {
namespace {

class PerformanceStore : public PerformanceDemo {};

std::vector<std::string> codes(const std::vector<Indicator>& indicators) {
    std::vector<std::string> list;
    for (const auto& i : indicators) list.push_back(i.code);
    return list;
}

TEST_P(PerformanceStore, TheDemoHoldsSouthendsSuiteOfIndicators) {
    EXPECT_EQ(summary_.indicators, 7u);
    EXPECT_EQ(summary_.values, 187u);
    auto suite = indicators_of(*db_, southend_);
    EXPECT_EQ(codes(suite), (std::vector<std::string>{"ALG01", "CPP01", "DBS01", "KSI01", "PF01", "REF01", "TRN01"}));
    auto training = indicator("trn01");
    EXPECT_EQ(training.unit, Unit::percentage);
    EXPECT_EQ(training.frequency, Frequency::annual);
    ASSERT_EQ(training.targets.size(), 1u);
    EXPECT_EQ(training.targets.front().value, 70);
    EXPECT_EQ(training.returned_by.size(), 10u);
    EXPECT_EQ(training.returned_by.front().organisation_name, "Southend University Hospital NHS Trust");
    EXPECT_EQ(indicator("PF01").returned_by.front().kind, ReturnerKind::partnership);
    auto settings = settings_of(*db_, southend_);
    EXPECT_EQ(settings.year_starts_month, 10);
    EXPECT_EQ(settings.due_days, 30);
}

TEST_P(PerformanceStore, PeriodsAreNamedByTheReportingYearAndFallDueAfterTheyEnd) {
    PeriodQuery query;
    query.partnership_id = southend_;
    query.kind = PeriodKind::quarter;
    auto quarters = list_periods(*db_, query);
    ASSERT_EQ(quarters.size(), 4u);
    EXPECT_EQ(quarters[0].name, "Q1 2011/12");
    EXPECT_EQ(quarters[0].due_on, "2012-01-30");
    EXPECT_EQ(quarters[3].name, "Q4 2011/12");
    query.kind.reset();
    EXPECT_EQ(list_periods(*db_, query).size(), 6u);
    EXPECT_EQ(year_2010().name, "2010/11");
    db::Transaction transaction(*db_);
    EXPECT_TRUE(set_due_on(*db_, quarters[0].id, "2012-02-10", actor_));
    EXPECT_EQ(find_period(*db_, quarters[0].id)->due_on, "2012-02-10");
}

TEST_P(PerformanceStore, AReturnKeepsWhoTookEachStepAndWhen) {
    auto see_chc = find_return_of(*db_, q(2).id, organisation("South East Essex Community Healthcare"));
    ASSERT_TRUE(see_chc);
    EXPECT_EQ(see_chc->status, ReturnStatus::queried);
    EXPECT_EQ(see_chc->queried->at, "2012-05-08T09:00:00Z");
    EXPECT_EQ(see_chc->queried->by, "test");
    EXPECT_EQ(see_chc->submitted->at, "2012-04-26T00:00:00Z");
    EXPECT_NE(see_chc->question.find("61%"), std::string::npos);
    std::vector<std::string> history;
    for (const auto& e : events_of(*db_, see_chc->id)) history.push_back(e.what);
    EXPECT_EQ(history, (std::vector<std::string>{"created", "submitted", "queried"}));
    auto police = find_return_of(*db_, q(1).id, organisation("Essex Police"));
    EXPECT_EQ(police->status, ReturnStatus::accepted);
    EXPECT_EQ(police->accepted->at, "2012-02-15T09:00:00Z");
    auto own = find_return_of(*db_, q(1).id, std::nullopt);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->returner_name, "Southend Local Safeguarding Children Board");
    EXPECT_EQ(values_of(*db_, own->id).size(), 2u);
}

TEST_P(PerformanceStore, AnAgencyEntersSubmitsAnswersAQueryAndIsAccepted) {
    db::Transaction transaction(*db_);
    auto period = period_for(*db_, southend_, "2012-10-01", "2012-12-31", actor_);
    ASSERT_TRUE(period);
    EXPECT_EQ(period->name, "Q1 2012/13");
    EXPECT_EQ(period->due_on, "2013-01-30");
    auto police = organisation("Essex Police");
    auto draft = return_for(*db_, *period, police, actor_);
    EXPECT_EQ(draft.status, ReturnStatus::draft);
    EXPECT_EQ(codes(indicators_owed(*db_, draft)), (std::vector<std::string>{"ALG01", "DBS01", "REF01"}));

    auto partly =
        enter_values(*db_, draft, {{"values[DBS01].numerator", "3390"}, {"values[DBS01].denominator", "3400"}}, actor_);
    ASSERT_TRUE(partly);
    EXPECT_TRUE(*partly);
    auto early = take_step(*db_, draft, Step::submit, "", actor_);
    ASSERT_FALSE(early);
    ASSERT_EQ(early.error().fields.size(), 2u);
    EXPECT_EQ(early.error().fields[0].field, "values[ALG01].value");
    ASSERT_TRUE(enter_values(*db_, draft, {{"values[ALG01].value", "1"}, {"values[REF01].value", "151"}}, actor_));
    auto submitted = take_step(*db_, draft, Step::submit, "", actor_);
    ASSERT_TRUE(submitted) << submitted.error().message;
    EXPECT_EQ(submitted->status, ReturnStatus::submitted);
    auto late_change = enter_values(*db_, *submitted, {{"values[ALG01].value", "2"}}, actor_);
    ASSERT_FALSE(late_change);
    EXPECT_EQ(late_change.error().kind, ErrorKind::conflict);

    auto queried = take_step(*db_, *submitted, Step::query, "Referrals are up by a third: is that right?", actor_);
    ASSERT_TRUE(queried);
    ASSERT_TRUE(enter_values(*db_, *queried, {{"values[REF01].value", "115"}}, actor_));
    auto answered = take_step(*db_, *queried, Step::submit, "A double count of joint referrals; corrected.", actor_);
    ASSERT_TRUE(answered);
    EXPECT_EQ(answered->answer, "A double count of joint referrals; corrected.");
    EXPECT_EQ(answered->first_submitted_at, submitted->submitted->at);
    auto accepted = take_step(*db_, *answered, Step::accept, "", actor_);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->status, ReturnStatus::accepted);
    EXPECT_FALSE(take_step(*db_, *accepted, Step::accept, "", actor_));
    std::vector<std::string> history;
    for (const auto& e : events_of(*db_, draft.id)) history.push_back(e.what);
    EXPECT_EQ(history, (std::vector<std::string>{"created", "saved", "saved", "submitted", "queried", "saved",
                                                 "submitted", "accepted"}));
    auto values = values_of(*db_, draft.id);
    ASSERT_EQ(values.size(), 3u);
    EXPECT_NEAR(values[1].value, 99.705882, 1e-5);
    EXPECT_EQ(values[2].value, 115);
    EXPECT_EQ(
        count("audit_log", "entity_type = 'performance_return' AND entity_id = '" + std::to_string(draft.id) + "'"), 8);
}

TEST_P(PerformanceStore, IndicatorCodesAreUniqueAndWhatValuesMeanCannotChange) {
    db::Transaction transaction(*db_);
    Fields f{{"code", "dbs01"},       {"title", "Another"},       {"unit", "count"},
             {"polarity", "neither"}, {"frequency", "quarterly"}, {"returned_by", "Essex Police"}};
    auto taken = save_indicator(*db_, southend_, f, std::nullopt, actor_);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().fields.front().field, "code");
    f["code"] = "POL01";
    auto added = save_indicator(*db_, southend_, f, std::nullopt, actor_);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(find_indicator(*db_, *added)->returned_by.front().organisation_id, organisation("Essex Police"));

    auto referrals = indicator("REF01");
    Fields change{{"code", "REF01"},       {"title", referrals.title}, {"unit", "days"},
                  {"polarity", "neither"}, {"frequency", "annual"},    {"returned_by", "partner agencies"}};
    auto refused = save_indicator(*db_, southend_, change, referrals.id, actor_);
    ASSERT_FALSE(refused);
    ASSERT_EQ(refused.error().fields.size(), 2u);
    EXPECT_EQ(refused.error().fields[0].field, "unit");
    EXPECT_EQ(refused.error().fields[1].field, "frequency");
    change["unit"] = "count";
    change["frequency"] = "quarterly";
    change["title"] = "Child protection referrals made";
    ASSERT_TRUE(save_indicator(*db_, southend_, change, referrals.id, actor_));
    EXPECT_EQ(indicator("REF01").title, "Child protection referrals made");
    auto essex = register_::find_partnership_by_code(*db_, "essex")->id;
    EXPECT_EQ(save_indicator(*db_, essex, change, referrals.id, actor_).error().kind, ErrorKind::not_found);
}

TEST_P(PerformanceStore, TargetsChangeFromADay) {
    db::Transaction transaction(*db_);
    auto training = indicator("TRN01");
    EXPECT_EQ(
        *set_target(*db_, training, {{"applies_from", "2012-10-01"}, {"target", "80"}, {"tolerance", "5"}}, actor_),
        Saved::created);
    EXPECT_EQ(
        *set_target(*db_, training, {{"applies_from", "2012-10-01"}, {"target", "80"}, {"tolerance", "5"}}, actor_),
        Saved::unchanged);
    EXPECT_EQ(*set_target(*db_, training, {{"applies_from", "2012-10-01"}, {"target", "85"}}, actor_), Saved::updated);
    auto targets = indicator("TRN01").targets;
    ASSERT_EQ(targets.size(), 2u);
    EXPECT_EQ(targets[1], (Target{"2012-10-01", 85, 0}));
    EXPECT_TRUE(remove_target(*db_, training.id, "2012-10-01", actor_));
    EXPECT_EQ(indicator("TRN01").targets.size(), 1u);
}

TEST_P(PerformanceStore, TheYearStaysOnceThereArePeriods) {
    db::Transaction transaction(*db_);
    auto moved = change_settings(*db_, southend_, {{"year_starts_month", "April"}}, actor_);
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().fields.front().field, "year_starts_month");
    ASSERT_TRUE(change_settings(*db_, southend_, {{"due_days", "45"}}, actor_));
    EXPECT_EQ(settings_of(*db_, southend_).due_days, 45);
    // Essex has no settings of its own and no business plan: an April year,
    // kept as its own once it has a period.
    auto essex = register_::find_partnership_by_code(*db_, "essex")->id;
    EXPECT_EQ(settings_of(*db_, essex).year_starts_month, 4);
    EXPECT_EQ(count("performance_settings", "partnership_id = " + std::to_string(essex)), 0);
    auto q1 = period_for(*db_, essex, "2020-04-01", "2020-06-30", actor_);
    ASSERT_TRUE(q1);
    EXPECT_EQ(q1->name, "Q1 2020/21");
    EXPECT_EQ(count("performance_settings", "partnership_id = " + std::to_string(essex) + " AND year_starts_month = 4"),
              1);
}

TEST_P(PerformanceStore, AnAgencyLeadSeesItsOwnDraftButNotAnothersInAList) {
    db::Transaction transaction(*db_);
    auto period = *period_for(*db_, southend_, "2012-10-01", "2012-12-31", actor_);
    auto police = organisation("Essex Police");
    auto hospital = organisation("Southend University Hospital NHS Trust");
    return_for(*db_, period, police, actor_);
    return_for(*db_, period, hospital, actor_);
    access::Principal lead;
    lead.grants = {{access::Role::agency_lead, {access::ScopeKind::organisation, police}}};
    auto reach = reach_of(*db_, lead);
    EXPECT_TRUE(reach.read.allows(southend_));
    auto shown = visible(reach, returns_of_period(*db_, period.id));
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown.front().organisation_id, police);
    EXPECT_EQ(visible(reach, returns_of_period(*db_, q(3).id)).size(), 14u);  // accepted: everyone's figures
}

TEST_P(PerformanceStore, LoadingTheDemoAgainChangesNothing) {
    auto values = count("performance_values");
    auto returns = count("performance_returns");
    auto events = count("performance_return_events");
    auto entries = count("audit_log");
    auto again = load_demo(*db_, actor_);
    EXPECT_EQ(again.steps, 0u);
    EXPECT_EQ(again.values, 187u);
    EXPECT_EQ(count("performance_values"), values);
    EXPECT_EQ(count("performance_returns"), returns);
    EXPECT_EQ(count("performance_return_events"), events);
    // Each value file's import records its one entry, changing nothing else.
    EXPECT_EQ(count("audit_log"), entries + 6);
    EXPECT_EQ(count("audit_log", "action = 'import' AND entity_type = 'performance values'"), 12);
    EXPECT_EQ(find_return_of(*db_, q(2).id, organisation("South East Essex Community Healthcare"))->status,
              ReturnStatus::queried);
}

SAFEBOARD_TEST_ON_BACKENDS(PerformanceStore);

}  // namespace
}  // namespace safeboard::performance
