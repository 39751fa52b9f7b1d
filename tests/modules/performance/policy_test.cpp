// Who may see and change which return: an agency lead only its own, the
// business unit reviews, and nobody sees another agency's draft.
#include <gtest/gtest.h>

#include "modules/performance/policy.hpp"

namespace safeboard::performance {
namespace {

constexpr std::int64_t southend = 1;
constexpr std::int64_t essex = 2;
constexpr std::int64_t police = 11;
constexpr std::int64_t hospital = 12;

access::Principal user(access::Role role, access::Scope scope) {
    access::Principal p;
    p.user_id = 1;
    p.grants = {{role, scope}};
    return p;
}

// As the register works it out: an organisation's grant reaches its partnerships.
Reach reach(const access::Principal& p, std::vector<std::int64_t> readable) {
    return reach_of(p, access::ScopeFilter{false, std::move(readable)});
}

Reach police_lead() {
    return reach(user(access::Role::agency_lead, {access::ScopeKind::organisation, police}), {southend});
}
Reach business_unit() {
    return reach(user(access::Role::business_unit, {access::ScopeKind::partnership, southend}), {southend});
}
Reach viewer() { return reach(user(access::Role::viewer, {access::ScopeKind::partnership, southend}), {southend}); }

Return return_of(std::optional<std::int64_t> organisation, ReturnStatus status, std::int64_t partnership = southend) {
    Return r;
    r.partnership_id = partnership;
    r.organisation_id = organisation;
    r.status = status;
    return r;
}

TEST(PerformancePolicy, NobodySeesAnotherAgencysDraft) {
    auto hospital_draft = return_of(hospital, ReturnStatus::draft);
    EXPECT_FALSE(may_read(police_lead(), hospital_draft));
    EXPECT_FALSE(may_read(business_unit(), hospital_draft));
    EXPECT_FALSE(may_read(viewer(), hospital_draft));
    EXPECT_TRUE(may_read(police_lead(), return_of(police, ReturnStatus::draft)));
}

TEST(PerformancePolicy, AnAgencyLeadEntersOnlyItsOwnReturn) {
    EXPECT_TRUE(may_edit(police_lead(), return_of(police, ReturnStatus::draft)));
    EXPECT_FALSE(may_edit(police_lead(), return_of(hospital, ReturnStatus::draft)));
    EXPECT_FALSE(may_edit(police_lead(), return_of(std::nullopt, ReturnStatus::draft)));
    EXPECT_FALSE(may_edit(business_unit(), return_of(police, ReturnStatus::draft)));
    EXPECT_FALSE(may_edit(viewer(), return_of(police, ReturnStatus::draft)));
}

TEST(PerformancePolicy, TheBusinessUnitReviewsAndEntersThePartnershipsOwnReturn) {
    EXPECT_TRUE(may_review(business_unit(), return_of(police, ReturnStatus::submitted)));
    EXPECT_FALSE(may_review(business_unit(), return_of(police, ReturnStatus::submitted, essex)));
    EXPECT_FALSE(may_review(police_lead(), return_of(police, ReturnStatus::submitted)));
    EXPECT_FALSE(may_review(viewer(), return_of(police, ReturnStatus::submitted)));
    EXPECT_TRUE(may_edit(business_unit(), return_of(std::nullopt, ReturnStatus::draft)));
    EXPECT_TRUE(may_read(business_unit(), return_of(std::nullopt, ReturnStatus::draft)));
    EXPECT_TRUE(may_manage(business_unit(), southend));
    EXPECT_FALSE(may_manage(business_unit(), essex));
    EXPECT_FALSE(may_manage(police_lead(), southend));
}

TEST(PerformancePolicy, AQueriedReturnIsBetweenTheAgencyAndTheBusinessUnit) {
    auto queried = return_of(hospital, ReturnStatus::queried);
    EXPECT_TRUE(may_read(business_unit(), queried));
    EXPECT_FALSE(may_read(police_lead(), queried));
    EXPECT_FALSE(may_read(viewer(), queried));
    auto hospital_lead =
        reach(user(access::Role::agency_lead, {access::ScopeKind::organisation, hospital}), {southend});
    EXPECT_TRUE(may_read(hospital_lead, queried));
    EXPECT_TRUE(may_edit(hospital_lead, queried));
}

TEST(PerformancePolicy, ReturnedFiguresAreReadAcrossThePartnership) {
    for (auto status : {ReturnStatus::submitted, ReturnStatus::accepted}) {
        EXPECT_TRUE(may_read(police_lead(), return_of(hospital, status)));
        EXPECT_TRUE(may_read(viewer(), return_of(hospital, status)));
        EXPECT_FALSE(may_read(viewer(), return_of(hospital, status, essex)));
    }
    EXPECT_TRUE(may_read_figures(viewer(), southend));
    EXPECT_FALSE(may_read_figures(viewer(), essex));
    auto stranger = reach(access::Principal{}, {});
    EXPECT_FALSE(may_read(stranger, return_of(hospital, ReturnStatus::accepted)));
    EXPECT_FALSE(may_read_figures(stranger, southend));
}

TEST(PerformancePolicy, AListShowsOnlyWhatTheUserMaySee) {
    auto shown = visible(
        police_lead(), {return_of(police, ReturnStatus::draft), return_of(hospital, ReturnStatus::draft),
                        return_of(hospital, ReturnStatus::submitted), return_of(std::nullopt, ReturnStatus::queried)});
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].organisation_id, police);
    EXPECT_EQ(shown[1].status, ReturnStatus::submitted);
}

TEST(PerformancePolicy, AnInstanceGrantReachesEverything) {
    auto admin = reach(user(access::Role::admin, {access::ScopeKind::instance, 0}), {});
    EXPECT_TRUE(may_review(admin, return_of(hospital, ReturnStatus::submitted, essex)));
    EXPECT_TRUE(may_read(admin, return_of(hospital, ReturnStatus::queried, essex)));
    EXPECT_FALSE(may_read(admin, return_of(hospital, ReturnStatus::draft, essex)));
}

}  // namespace
}  // namespace safeboard::performance
