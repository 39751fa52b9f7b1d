// The clock rules file: the one compiled in, and what a bad row gets.
#include <gtest/gtest.h>

#include "modules/reviews/clock_rules.hpp"

namespace safeboard::reviews {
namespace {

const ClockRule& step(const std::vector<ClockRule>& rules, std::string_view code) {
    for (const auto& rule : rules) {
        if (rule.step == code) return rule;
    }
    throw std::runtime_error("no step " + std::string(code));
}

constexpr const char* header = "partnership,step,label,starts_from,working_days,calendar_months,source\n";

TEST(ReviewClockRules, TheCompiledRulesNameTheStatutoryClocksAndTheirSources) {
    const auto& rules = statutory_clock_rules();
    ASSERT_EQ(rules.size(), 10u);
    const auto& notification = step(rules, "notification");
    EXPECT_EQ(notification.starts_from, "became_aware");
    EXPECT_EQ(notification.working_days, 5);
    EXPECT_NE(notification.source.find("Children Act 2004 s16C(1)"), std::string::npos);
    EXPECT_EQ(step(rules, "rapid_review").working_days, 15);
    const auto& publication = step(rules, "publication");
    EXPECT_EQ(publication.starts_from, "decision");
    EXPECT_EQ(publication.calendar_months, 6);
    EXPECT_NE(publication.source.find("SI 2018/789"), std::string::npos);
    EXPECT_FALSE(step(rules, "overview_report").has_clock());
    for (const auto& rule : rules) EXPECT_TRUE(rule.partnership.empty()) << rule.step;
}

TEST(ReviewClockRules, APartnershipOverrideReplacesTheDefaultForThatPartnershipOnly) {
    auto rules = read_clock_rules(std::string(header) +
                                  ",notification,Notify,became_aware,5,,Act\n"
                                  ",rapid_review,Rapid review,became_aware,15,,WT 2023\n"
                                  "essex,rapid_review,Rapid review,notification,15,,ESCB procedures\n");
    ASSERT_TRUE(rules) << rules.error().message;
    auto essex = rules_for(*rules, "essex");
    ASSERT_EQ(essex.size(), 2u);
    EXPECT_EQ(essex[1].starts_from, "notification");
    EXPECT_EQ(essex[1].source, "ESCB procedures");
    EXPECT_EQ(rules_for(*rules, "southend")[1].starts_from, "became_aware");
}

TEST(ReviewClockRules, EveryBadRowIsNamedByItsLine) {
    auto rules = read_clock_rules(std::string(header) +
                                  ",notification,Notify,became_aware,5,,Act\n"
                                  ",rapid_review,Rapid review,became_aware,fifteen,,WT\n"       // line 3
                                  ",publication,Published,decision,5,6,WT\n"                    // line 4
                                  ",closure,Closed,became_aware,,,Local\n"                      // line 5
                                  ",notification,Again,became_aware,5,,Act\n"                   // line 6
                                  "essex,overview,Overview,became_aware,5,,Local\n"             // line 7
                                  ",panel,Panel,nowhere,5,,\n");                                // line 8
    ASSERT_FALSE(rules);
    EXPECT_EQ(rules.error().kind, ErrorKind::validation);
    std::vector<std::string> lines;
    for (const auto& field : rules.error().fields) lines.push_back(field.field);
    for (const char* line : {"line 3", "line 4", "line 5", "line 6", "line 7", "line 8"}) {
        EXPECT_NE(std::find(lines.begin(), lines.end(), line), lines.end()) << line;
    }
    EXPECT_EQ(std::find(lines.begin(), lines.end(), "line 2"), lines.end());
    EXPECT_NE(rules.error().message.find("line 3, working_days: \"fifteen\" is not a whole number"),
              std::string::npos)
        << rules.error().message;
    EXPECT_NE(rules.error().message.find("line 6, step: notification is given already on line 2"), std::string::npos);
    EXPECT_NE(rules.error().message.find("line 7, step: overview has no default row"), std::string::npos);
}

}  // namespace
}  // namespace safeboard::reviews
