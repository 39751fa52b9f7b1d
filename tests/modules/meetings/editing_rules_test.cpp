// The rules behind changing forward plans, agendas and attendance settings,
// without a database: records named by id as a form's select sends them,
// what a stored record gives back for a change, when an item must stay,
// the good standard, and which rule an attendance report says it applied.
#include <gtest/gtest.h>

#include <algorithm>

#include "field_names.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/vocabulary.hpp"

namespace safeboard::meetings {
namespace {

const std::vector<Choice> organisations{{12, "Children and Family Court Advisory and Support Service", "CAFCASS"},
                                        {13, "Essex Police", ""}};
const std::vector<Choice> bodies{{5, "LSCB Monitoring Sub Group", "Monitoring SG"}, {6, "LSCB Executive Group", ""}};

ForwardPlanItem stored_item() {
    ForwardPlanItem item;
    item.id = 40;
    item.body_id = 6;
    item.title = "CAFCASS";
    item.kind = ItemKind::agency_report;
    item.organisation_id = 12;
    item.planned_month = "2011-10";
    item.position = 3;
    item.notes = "Annual safeguarding report and Section 11 audit";
    return item;
}

TEST(ForwardPlanEditing, AnAgencyOrSubGroupIsNamedByIdAsASelectSendsIt) {
    ForwardPlanItem base;
    base.body_id = 6;
    auto item = forward_plan_item_from(
        {{"month", "2011-12"}, {"kind", "agency_report"}, {"title", "Essex Police"}, {"organisation", "13"}}, base,
        organisations, bodies);
    ASSERT_TRUE(item) << item.error().message;
    EXPECT_EQ(item->organisation_id, 13);
    auto elsewhere = forward_plan_item_from(
        {{"month", "2011-12"}, {"kind", "report"}, {"title", "Report"}, {"organisation", "99"}, {"subject_body", "6"}},
        base, organisations, bodies);
    ASSERT_FALSE(elsewhere);
    EXPECT_EQ(fields_named(elsewhere.error()), (std::vector<std::string>{"organisation", "subject_body"}));
}

TEST(ForwardPlanEditing, AStoredItemsFieldsGiveTheItemBack) {
    auto item = stored_item();
    auto again = forward_plan_item_from(forward_plan_item_fields(item), item, organisations, bodies);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->planned_month, item.planned_month);
    EXPECT_EQ(again->kind, item.kind);
    EXPECT_EQ(again->title, item.title);
    EXPECT_EQ(again->organisation_id, item.organisation_id);
    EXPECT_EQ(again->subject_body_id, item.subject_body_id);
    EXPECT_EQ(again->notes, item.notes);
    EXPECT_EQ(again->position, item.position);
}

TEST(ForwardPlanEditing, AnItemOnAnAgendaKeepsItsMonthAndStays) {
    auto item = stored_item();
    EXPECT_FALSE(why_forward_plan_item_stays(item));
    auto fields = forward_plan_item_fields(item);
    fields["month"] = "2011-11";
    EXPECT_TRUE(forward_plan_item_from(fields, item, organisations, bodies));  // still only planned: it may move

    item.status = ItemStatus::on_agenda;
    item.meeting_id = 8;
    auto moved = forward_plan_item_from(fields, item, organisations, bodies);
    ASSERT_FALSE(moved);
    EXPECT_EQ(fields_named(moved.error()), std::vector<std::string>{"month"});
    EXPECT_NE(moved.error().fields[0].message.find("October 2011"), std::string::npos);
    fields["month"] = "2011-10";
    fields["title"] = "CAFCASS annual report";
    auto renamed = forward_plan_item_from(fields, item, organisations, bodies);
    ASSERT_TRUE(renamed);
    EXPECT_EQ(renamed->title, "CAFCASS annual report");
    for (auto status : {ItemStatus::on_agenda, ItemStatus::taken, ItemStatus::carried}) {
        item.status = status;
        auto why = why_forward_plan_item_stays(item);
        ASSERT_TRUE(why) << code_of(status);
        EXPECT_FALSE(why->empty());
    }
}

TEST(AgendaEditing, AStoredItemsFieldsGiveTheItemBackAndAPositionIsChecked) {
    AgendaItem item;
    item.id = 70;
    item.meeting_id = 4;
    item.position = 2;
    item.title = "Annual Report";
    item.type = AgendaType::decision;
    item.presenter = "Independent Chair";
    item.link_kind = LinkKind::plan;
    item.link_id = 3;
    item.decision = "Approved for publication";
    item.taken = false;
    auto again = agenda_item_from(agenda_item_fields(item), item, {});
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->title, item.title);
    EXPECT_EQ(again->type, item.type);
    EXPECT_EQ(again->presenter, item.presenter);
    EXPECT_EQ(again->link_kind, item.link_kind);
    EXPECT_EQ(again->link_id, item.link_id);
    EXPECT_EQ(again->decision, item.decision);
    EXPECT_EQ(again->taken, item.taken);
    EXPECT_EQ(again->position, 2);

    auto fields = agenda_item_fields(item);
    fields["position"] = "1";
    EXPECT_EQ(agenda_item_from(fields, item, {})->position, 1);
    for (const char* bad : {"0", "-1", "first", "1.5"}) {
        fields["position"] = bad;
        auto refused = agenda_item_from(fields, item, {});
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(fields_named(refused.error()), std::vector<std::string>{"position"}) << bad;
    }
}

TEST(AgendaEditing, AnItemWithADecisionOrActionsArisingStays) {
    AgendaItem item;
    item.title = "Monitor Key PIs";
    EXPECT_FALSE(why_agenda_item_stays(item, 0));
    EXPECT_TRUE(why_agenda_item_stays(item, 2));
    EXPECT_NE(why_agenda_item_stays(item, 2)->find("2 action(s)"), std::string::npos);
    item.decision = "Noted";
    EXPECT_TRUE(why_agenda_item_stays(item, 0));
}

TEST(AttendanceSettingsRules, TheGoodStandardIsAWholePercentageFrom1To100) {
    EXPECT_EQ(parse_good_standard("66"), 66);
    EXPECT_EQ(parse_good_standard(" 100 "), 100);
    EXPECT_EQ(parse_good_standard("1"), 1);
    for (const char* bad : {"", "0", "101", "66%", "66.5", "sixty", "-5"}) {
        EXPECT_FALSE(parse_good_standard(bad)) << bad;
    }

    AttendanceSettings base;
    base.partnership_id = 3;
    auto settings = attendance_settings_from({{"good_standard", "75"}, {"substitutes", "For the person"}}, base);
    ASSERT_TRUE(settings) << settings.error().message;
    EXPECT_EQ(settings->partnership_id, 3);
    EXPECT_EQ(settings->good_standard, 75);
    EXPECT_EQ(settings->substitutes, SubstituteSetting::person);
    auto bad = attendance_settings_from({{"good_standard", "0"}, {"substitutes", "sometimes"}}, base);
    ASSERT_FALSE(bad);
    EXPECT_EQ(fields_named(bad.error()), (std::vector<std::string>{"good_standard", "substitutes"}));
    auto missing = attendance_settings_from({}, base);
    ASSERT_FALSE(missing);
    EXPECT_EQ(fields_named(missing.error()), (std::vector<std::string>{"good_standard", "substitutes"}));
}

TEST(AttendanceSettingsRules, TheReportSaysWhoseRuleItApplied) {
    AttendanceSettings defaults;
    auto settings = report_settings(defaults, "Southend LSCB");
    EXPECT_EQ(settings.good_standard, 66);
    EXPECT_EQ(settings.substitutes, SubstituteSetting::organisation);
    EXPECT_EQ(rule_applied(settings),
              "The good standard (66%) is the default; whom a substitute counts for is the default.");

    AttendanceSettings stored;
    stored.stored = true;
    stored.good_standard = 75;
    stored.substitutes = SubstituteSetting::both;
    settings = report_settings(stored, "Southend LSCB");
    EXPECT_EQ(settings.good_standard, 75);
    EXPECT_EQ(settings.substitutes, SubstituteSetting::both);
    settings.good_standard = 50;
    settings.standard_from = SettingSource::request;
    EXPECT_EQ(rule_applied(settings), "The good standard (50%) is chosen for this report; whom a substitute counts "
                                      "for is Southend LSCB's setting.");
    auto report = attendance_report({}, "2011-10-01", "2012-09-30", settings);
    EXPECT_EQ(report.rule_applied, rule_applied(settings));
}

}  // namespace
}  // namespace safeboard::meetings
