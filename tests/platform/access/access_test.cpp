// Roles, scopes and the role-permission table: who may do what, where.
#include <gtest/gtest.h>

#include "platform/access/principal.hpp"

namespace safeboard::access {
namespace {

Principal holding(std::vector<Grant> grants) {
    Principal principal;
    principal.user_id = 1;
    principal.grants = std::move(grants);
    return principal;
}

TEST(Roles, EveryRoleHasANameThatParsesBack) {
    EXPECT_EQ(all_roles().size(), 10u);
    for (Role role : all_roles()) {
        EXPECT_EQ(parse_role(to_string(role)), role);
        EXPECT_FALSE(describe(role).empty());
    }
    EXPECT_FALSE(parse_role("Admin"));
    EXPECT_FALSE(parse_role(""));
}

TEST(Roles, CaseLevelRolesNeedASecondFactor) {
    for (Role role : all_roles()) {
        bool case_level = role == Role::admin || role == Role::review_panel || role == Role::child_death_panel ||
                          role == Role::statutory_partner;
        EXPECT_EQ(requires_mfa(role), case_level) << to_string(role);
    }
}

TEST(Scopes, ParseOnlyWhatToStringWrites) {
    EXPECT_EQ(parse_scope("instance"), Scope{});
    EXPECT_EQ(parse_scope("partnership:3"), (Scope{ScopeKind::partnership, 3}));
    EXPECT_EQ(to_string(Scope{ScopeKind::body, 12}), "body:12");
    for (const char* bad : {"", "partnership", "partnership:", "partnership:0", "partnership:-1", "partnership:3x",
                            "team:1", "instance:1", "partnership:1'; DROP TABLE users; --"}) {
        EXPECT_FALSE(parse_scope(bad)) << bad;
    }
}

TEST(Permissions, ChildDeathsStayWithThePanel) {
    for (Role role : all_roles()) {
        EXPECT_EQ(grants(role, Permission::child_deaths_read), role == Role::child_death_panel) << to_string(role);
    }
    EXPECT_TRUE(grants(Role::review_panel, Permission::case_reviews_read));
    EXPECT_FALSE(grants(Role::viewer, Permission::case_reviews_read));
}

TEST(Permissions, AgenciesEnterReturnsAndTheBusinessUnitRunsTheFramework) {
    for (Role role : all_roles()) {
        EXPECT_TRUE(grants(role, Permission::performance_read)) << to_string(role);
        EXPECT_EQ(grants(role, Permission::returns_write), role == Role::agency_lead) << to_string(role);
        EXPECT_EQ(grants(role, Permission::performance_write), role == Role::admin || role == Role::business_unit)
            << to_string(role);
    }
    EXPECT_EQ(to_string(Permission::returns_write), "returns.write");
}

TEST(Permissions, LearningReviewsAreNeedToKnow) {
    for (Role role : all_roles()) {
        bool reads = role == Role::admin || role == Role::review_panel || role == Role::statutory_partner;
        bool writes = role == Role::admin || role == Role::review_panel;
        EXPECT_EQ(grants(role, Permission::case_reviews_read), reads) << to_string(role);
        EXPECT_EQ(grants(role, Permission::case_reviews_write), writes) << to_string(role);
        if (reads) {
            EXPECT_TRUE(requires_mfa(role)) << to_string(role);
        }
    }
    EXPECT_FALSE(grants(Role::business_unit, Permission::users_manage));
    EXPECT_TRUE(grants(Role::admin, Permission::audit_read));
}

TEST(Principal, NobodyCanDoAnythingWithoutAGrant) {
    Principal nobody = holding({});
    for (Permission permission : all_permissions()) EXPECT_FALSE(nobody.can(permission));
    EXPECT_TRUE(nobody.reach(Permission::register_read, ScopeKind::partnership).empty());
}

TEST(Principal, AScopedGrantReachesOnlyItsOwnRecords) {
    Principal southend_viewer = holding({{Role::viewer, {ScopeKind::partnership, 1}}});
    EXPECT_TRUE(southend_viewer.can(Permission::register_read));
    EXPECT_TRUE(southend_viewer.can(Permission::register_read, {ScopeKind::partnership, 1}));
    EXPECT_FALSE(southend_viewer.can(Permission::register_read, {ScopeKind::partnership, 2}));
    EXPECT_FALSE(southend_viewer.can(Permission::register_write, {ScopeKind::partnership, 1}));
    auto reach = southend_viewer.reach(Permission::register_read, ScopeKind::partnership);
    EXPECT_FALSE(reach.everything);
    EXPECT_TRUE(reach.allows(1));
    EXPECT_FALSE(reach.allows(2));
}

TEST(Principal, AnInstanceGrantReachesEverything) {
    Principal admin = holding({{Role::viewer, {ScopeKind::partnership, 1}}, {Role::admin, {}}});
    EXPECT_TRUE(admin.can(Permission::register_write, {ScopeKind::partnership, 7}));
    EXPECT_TRUE(admin.reach(Permission::register_read, ScopeKind::partnership).everything);
    EXPECT_TRUE(admin.needs_mfa());
    EXPECT_FALSE(holding({{Role::viewer, {}}}).needs_mfa());
}

}  // namespace
}  // namespace safeboard::access
