// The admin pages as a browser uses them: each request goes through the
// router, the real Gate (session cookie and form token) and the handler, on
// both backends.
#include <gtest/gtest.h>

#include <boost/url/url.hpp>

#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/admin.hpp"
#include "platform/auth/gate.hpp"
#include "platform/auth/module.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/auth/users.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/dispatch.hpp"
#include "platform/web/routes.hpp"
#include "support/test_database.hpp"

namespace safeboard::auth {
namespace {

using access::Role;
using access::Scope;
using access::ScopeKind;
using http::Method;

struct Browser {
    std::string cookie;
    std::string csrf_token;
};

using Form = std::vector<std::pair<std::string, std::string>>;

class AdminRoutes : public safeboard::testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (IsSkipped()) return;
        db_ = connect();
        db::MigrationSet migrations;
        migrations.add_module("audit", audit::migrations());
        migrations.add_module("auth", auth::migrations());
        migrations.add_module("register", register_::migrations());
        db::migrate(*db_, migrations);
        pool_ = std::make_unique<db::Pool>(url(), db::PoolOptions{2, std::chrono::milliseconds(5000)});
        AuthSettings settings;
        settings.public_url = "https://safeboard.example";
        settings.scope_exists = register_::scope_exists;
        auth_ = std::make_unique<Authenticator>(settings);
        gate_ = std::make_unique<AuthGate>(*auth_);
        shell_ = web::WebShell::from_embedded();
        shell_->templates.add(auth::templates());
        add_admin_routes(router_, *auth_, shell_->templates);
        admin_ = add_user("admin@example.org", Role::admin);
    }

    User add_user(const std::string& email, Role role, Scope scope = {}) {
        auto user = create_user(*db_, {email, "Name of " + email, {{role, scope}}}, std::nullopt, actor_,
                                register_::scope_exists);
        if (!user) throw std::runtime_error(user.error().message);
        return *user;
    }

    std::int64_t add_partnership(const std::string& code) {
        db::Transaction tx(*db_);
        auto id = register_::upsert_partnership(*db_, {0, code, "Partnership " + code}, actor_);
        tx.commit();
        return id;
    }

    Browser sign_in(const User& user) {
        auto started = start_session(*db_, user.id, false, auth_->now(), auth_->settings().sessions, "192.0.2.1", "test");
        return {started.cookie_value, started.session.csrf_token};
    }

    bool signed_in(const Browser& browser) {
        return find_session(*db_, browser.cookie, auth_->now(), auth_->settings().sessions).state ==
               SessionLookup::State::live;
    }

    http::Response send(Method method, const std::string& target, const Browser& browser, Form form = {}) {
        http::Request request;
        request.method = method;
        request.target = target;
        request.request_id = "test-request";
        request.remote_address = "192.0.2.1";
        EXPECT_TRUE(http::parse_target(request)) << target;
        request.headers.emplace_back("cookie", std::string(session_cookie_name) + "=" + browser.cookie);
        request.headers.emplace_back("accept", "text/html");
        if (method == Method::post) {
            form.emplace_back("csrf_token", browser.csrf_token);
            boost::urls::url encoded;
            for (const auto& [name, value] : form) encoded.params().append({name, value});
            request.body = std::string(encoded.encoded_query());
            request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
        }
        auto match = router_.match(method, request.path);
        if (match.kind != http::Match::Kind::found) return http::Response::text("no route", 404);
        request.path_params = match.params;
        return http::invoke(*match.route, request, pool_.get(), gate_.get());
    }

    http::Response get(const std::string& target, const Browser& browser) { return send(Method::get, target, browser); }
    http::Response post(const std::string& target, const Browser& browser, Form form = {}) {
        return send(Method::post, target, browser, std::move(form));
    }

    std::vector<std::string> actions_on(const std::string& entity_type, const std::string& entity_id) {
        std::vector<std::string> actions;
        for (const auto& stored : audit::search(*db_, {.entity_type = entity_type, .entity_id = entity_id})) {
            actions.push_back(stored.entry.action);
        }
        return actions;
    }

    static bool has(const std::vector<std::string>& list, const std::string& item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    }

    static std::string user_path(const User& user, const std::string& rest = "") {
        return "/admin/users/" + std::to_string(user.id) + rest;
    }

    std::unique_ptr<db::Connection> db_;
    std::unique_ptr<db::Pool> pool_;
    std::unique_ptr<Authenticator> auth_;
    std::unique_ptr<AuthGate> gate_;
    std::unique_ptr<web::WebShell> shell_;
    http::Router router_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
    User admin_;
};

// The one-time token in a page that shows a set-up link.
std::string setup_token(const std::string& body) {
    constexpr std::string_view marker = "https://safeboard.example/account/setup/";
    auto at = body.find(marker);
    if (at == std::string::npos) return "";
    auto start = at + marker.size();
    auto end = body.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", start);
    return body.substr(start, end - start);
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST_P(AdminRoutes, UsersPagesNeedTheUsersPermission) {
    if (IsSkipped()) return;
    auto viewer = add_user("viewer@example.org", Role::viewer);
    auto as_viewer = sign_in(viewer);
    EXPECT_EQ(get("/admin/users", as_viewer).status, 403u);
    EXPECT_EQ(get("/admin/users/new", as_viewer).status, 403u);
    EXPECT_EQ(get(user_path(admin_), as_viewer).status, 403u);
    EXPECT_EQ(post(user_path(admin_, "/disable"), as_viewer).status, 403u);

    auto page = get("/admin/users", sign_in(admin_));
    EXPECT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "viewer@example.org"));
    EXPECT_TRUE(contains(page.body, "href=\"" + user_path(viewer) + "\""));
    EXPECT_TRUE(contains(page.body, "Add a user"));
}

TEST_P(AdminRoutes, UsersAreListedAPageAtATime) {
    if (IsSkipped()) return;
    for (int i = 0; i < 55; ++i) add_user("person" + std::to_string(i) + "@example.org", Role::viewer);
    auto as_admin = sign_in(admin_);
    auto first = get("/admin/users", as_admin);
    EXPECT_TRUE(contains(first.body, "person48@example.org"));
    EXPECT_FALSE(contains(first.body, "person49@example.org"));
    auto next = first.body.find("/admin/users?after=");
    ASSERT_NE(next, std::string::npos);
    auto second = get(first.body.substr(next, first.body.find('"', next) - next), as_admin);
    EXPECT_EQ(second.status, 200u);
    EXPECT_TRUE(contains(second.body, "person49@example.org"));
    EXPECT_TRUE(contains(second.body, "person54@example.org"));
    EXPECT_FALSE(contains(second.body, "Next page"));
}

TEST_P(AdminRoutes, AddingAUserReportsEveryWrongFieldAtOnce) {
    if (IsSkipped()) return;
    auto response = post("/admin/users", sign_in(admin_),
                         {{"email", "not an email"}, {"name", ""}, {"role", "wizard"}, {"scope", "galaxy:1"}});
    EXPECT_EQ(response.status, 422u);
    for (const char* field : {"email", "name", "role", "scope"}) {
        EXPECT_TRUE(contains(response.body, std::string("<a href=\"#") + field + "\">")) << field;
        EXPECT_TRUE(contains(response.body, std::string("id=\"") + field + "-error\"")) << field;
    }
    EXPECT_TRUE(contains(response.body, "value=\"not an email\""));  // what was typed is kept
    EXPECT_FALSE(find_user_by_email(*db_, "not an email"));
}

TEST_P(AdminRoutes, AddingAUserShowsItsSetUpLinkOnce) {
    if (IsSkipped()) return;
    auto as_admin = sign_in(admin_);
    auto response = post("/admin/users", as_admin,
                         {{"email", "New.Person@example.org"}, {"name", "New Person"}, {"role", "business_unit"},
                          {"scope", "instance"}});
    EXPECT_EQ(response.status, 201u);
    auto token = setup_token(response.body);
    ASSERT_FALSE(token.empty());
    auto created = find_user_by_email(*db_, "new.person@example.org");
    ASSERT_TRUE(created);
    EXPECT_EQ(created->grants, (std::vector<access::Grant>{{Role::business_unit, {}}}));
    auto holder = auth_->setup_link_user(*db_, token);
    ASSERT_TRUE(holder);
    EXPECT_EQ(holder->id, created->id);

    auto actions = actions_on("user", std::to_string(created->id));
    EXPECT_TRUE(has(actions, "user.created"));
    EXPECT_TRUE(has(actions, "user.setup_link_issued"));
    // Only the link's hash is kept: the account page cannot show it again.
    EXPECT_FALSE(contains(get(user_path(*created), as_admin).body, token));
}

TEST_P(AdminRoutes, AnAdminCanIssueANewSetUpLink) {
    if (IsSkipped()) return;
    auto person = add_user("forgetful@example.org", Role::member);
    auto response = post(user_path(person, "/setup-link"), sign_in(admin_));
    EXPECT_EQ(response.status, 200u);
    auto holder = auth_->setup_link_user(*db_, setup_token(response.body));
    ASSERT_TRUE(holder);
    EXPECT_EQ(holder->id, person.id);
}

TEST_P(AdminRoutes, DisablingEndsTheAccountsSessions) {
    if (IsSkipped()) return;
    auto person = add_user("leaver@example.org", Role::member);
    auto their_browser = sign_in(person);
    auto as_admin = sign_in(admin_);
    auto response = post(user_path(person, "/disable"), as_admin);
    EXPECT_EQ(response.status, 303u);
    EXPECT_FALSE(signed_in(their_browser));
    EXPECT_TRUE(find_user(*db_, person.id)->disabled);
    EXPECT_TRUE(has(actions_on("user", std::to_string(person.id)), "user.disabled"));
    // A disabled account gets no set-up link: it could not be used.
    EXPECT_EQ(post(user_path(person, "/setup-link"), as_admin).status, 422u);

    EXPECT_EQ(post(user_path(person, "/enable"), as_admin).status, 303u);
    EXPECT_FALSE(find_user(*db_, person.id)->disabled);
}

TEST_P(AdminRoutes, AnAdminCannotDisableThemself) {
    if (IsSkipped()) return;
    auto as_admin = sign_in(admin_);
    auto response = post(user_path(admin_, "/disable"), as_admin);
    EXPECT_EQ(response.status, 422u);
    EXPECT_TRUE(contains(response.body, "<a href=\"#disable\">"));
    EXPECT_FALSE(find_user(*db_, admin_.id)->disabled);
    EXPECT_TRUE(signed_in(as_admin));
}

TEST_P(AdminRoutes, SigningSomeoneOutEverywhereIsRecorded) {
    if (IsSkipped()) return;
    auto person = add_user("person@example.org", Role::member);
    auto laptop = sign_in(person);
    auto phone = sign_in(person);
    EXPECT_EQ(post(user_path(person, "/sign-out"), sign_in(admin_)).status, 303u);
    EXPECT_FALSE(signed_in(laptop));
    EXPECT_FALSE(signed_in(phone));
    EXPECT_FALSE(find_user(*db_, person.id)->disabled);
    EXPECT_TRUE(has(actions_on("user", std::to_string(person.id)), "user.signed_out_everywhere"));
}

TEST_P(AdminRoutes, LookingAtSomeonesAccountIsRecorded) {
    if (IsSkipped()) return;
    auto person = add_user("person@example.org", Role::member);
    auto page = get(user_path(person), sign_in(admin_));
    EXPECT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "person@example.org"));
    EXPECT_TRUE(contains(page.body, "Live sessions: 0"));
    EXPECT_TRUE(has(actions_on("user", std::to_string(person.id)), "read"));
}

TEST_P(AdminRoutes, RolesAreGivenAndRemoved) {
    if (IsSkipped()) return;
    auto person = add_user("person@example.org", Role::member);
    auto as_admin = sign_in(admin_);
    EXPECT_EQ(post(user_path(person, "/grants"), as_admin, {{"role", "chair"}, {"scope", "instance"}}).status, 303u);
    EXPECT_EQ(find_user(*db_, person.id)->grants.size(), 2u);
    EXPECT_EQ(post(user_path(person, "/grants/remove"), as_admin, {{"role", "member"}, {"scope", "instance"}}).status,
              303u);
    EXPECT_EQ(find_user(*db_, person.id)->grants, (std::vector<access::Grant>{{Role::chair, {}}}));
    // Removing a role the account does not hold is a missing record.
    EXPECT_EQ(post(user_path(person, "/grants/remove"), as_admin, {{"role", "member"}, {"scope", "instance"}}).status,
              404u);

    auto wrong = post(user_path(person, "/grants"), as_admin, {{"role", ""}, {"scope", "partnership:x"}});
    EXPECT_EQ(wrong.status, 422u);
    EXPECT_TRUE(contains(wrong.body, "<a href=\"#role\">"));
    EXPECT_TRUE(contains(wrong.body, "<a href=\"#scope\">"));
}

TEST_P(AdminRoutes, AnAdminCannotRemoveTheirOwnAdminRole) {
    if (IsSkipped()) return;
    auto response = post(user_path(admin_, "/grants/remove"), sign_in(admin_), {{"role", "admin"}, {"scope", "instance"}});
    EXPECT_EQ(response.status, 422u);
    EXPECT_EQ(find_user(*db_, admin_.id)->grants.size(), 1u);
}

TEST_P(AdminRoutes, WrongIdsAreNotFound) {
    if (IsSkipped()) return;
    auto as_admin = sign_in(admin_);
    EXPECT_EQ(get("/admin/users/abc", as_admin).status, 404u);
    EXPECT_EQ(get("/admin/users/0", as_admin).status, 404u);
    EXPECT_EQ(get("/admin/users/999999", as_admin).status, 404u);
    EXPECT_EQ(post("/admin/users/999999/disable", as_admin).status, 404u);
    EXPECT_EQ(get("/admin/users?after=x", as_admin).status, 404u);
}

TEST_P(AdminRoutes, APartnershipAdminStaysInsideTheirPartnership) {
    if (IsSkipped()) return;
    auto north = add_partnership("north");
    auto south = add_partnership("south");
    Scope in_north{ScopeKind::partnership, north};
    Scope in_south{ScopeKind::partnership, south};
    auto local_admin = add_user("north-admin@example.org", Role::admin, in_north);
    auto neighbour = add_user("neighbour@example.org", Role::member, in_north);
    auto stranger = add_user("stranger@example.org", Role::member, in_south);
    auto everywhere = add_user("everywhere@example.org", Role::viewer);
    auto as_local = sign_in(local_admin);

    auto list = get("/admin/users", as_local);
    EXPECT_EQ(list.status, 200u);
    EXPECT_TRUE(contains(list.body, "neighbour@example.org"));
    EXPECT_FALSE(contains(list.body, "stranger@example.org"));
    EXPECT_FALSE(contains(list.body, "everywhere@example.org"));
    EXPECT_FALSE(contains(list.body, ">admin@example.org<"));

    EXPECT_EQ(get(user_path(neighbour), as_local).status, 200u);
    for (const auto& outside : {stranger, everywhere, admin_}) {
        EXPECT_EQ(get(user_path(outside), as_local).status, 404u) << outside.email;
        EXPECT_EQ(post(user_path(outside, "/disable"), as_local).status, 404u) << outside.email;
        EXPECT_EQ(post(user_path(outside, "/setup-link"), as_local).status, 404u) << outside.email;
        EXPECT_FALSE(find_user(*db_, outside.id)->disabled);
    }
    EXPECT_TRUE(signed_in(as_local));

    // Roles only in their own partnership, never for the instance or a neighbour's.
    auto to_instance = post(user_path(neighbour, "/grants"), as_local, {{"role", "admin"}, {"scope", "instance"}});
    EXPECT_EQ(to_instance.status, 422u);
    EXPECT_TRUE(contains(to_instance.body, "<a href=\"#scope\">"));
    EXPECT_EQ(post(user_path(neighbour, "/grants"), as_local,
                   {{"role", "chair"}, {"scope", "partnership:" + std::to_string(south)}})
                  .status,
              422u);
    EXPECT_EQ(find_user(*db_, neighbour.id)->grants.size(), 1u);
    EXPECT_EQ(post(user_path(neighbour, "/grants"), as_local,
                   {{"role", "chair"}, {"scope", "partnership:" + std::to_string(north)}})
                  .status,
              303u);
    EXPECT_EQ(find_user(*db_, neighbour.id)->grants.size(), 2u);

    auto instance_user = post("/admin/users", as_local,
                              {{"email", "new@example.org"}, {"name", "New"}, {"role", "viewer"}, {"scope", "instance"}});
    EXPECT_EQ(instance_user.status, 422u);
    EXPECT_FALSE(find_user_by_email(*db_, "new@example.org"));
    // An account that also holds a role elsewhere is out of reach too.
    ASSERT_TRUE(add_grant(*db_, neighbour.id, {Role::viewer, in_south}, actor_, register_::scope_exists));
    EXPECT_EQ(get(user_path(neighbour), as_local).status, 404u);
}

TEST_P(AdminRoutes, AuditSearchChecksItsDates) {
    if (IsSkipped()) return;
    auto as_admin = sign_in(admin_);
    auto impossible = get("/admin/audit?from=2026-02-30&to=soon", as_admin);
    EXPECT_EQ(impossible.status, 422u);
    EXPECT_TRUE(contains(impossible.body, "<a href=\"#from\">"));
    EXPECT_TRUE(contains(impossible.body, "<a href=\"#to\">"));
    EXPECT_TRUE(contains(impossible.body, "value=\"2026-02-30\""));

    auto backwards = get("/admin/audit?from=2026-03-01&to=2026-01-01", as_admin);
    EXPECT_EQ(backwards.status, 422u);
    EXPECT_TRUE(contains(backwards.body, "<a href=\"#to\">"));
    EXPECT_EQ(get("/admin/audit.csv?from=2026-02-30", as_admin).status, 422u);
}

TEST_P(AdminRoutes, AuditSearchFindsEntriesAndIsRecorded) {
    if (IsSkipped()) return;
    auto person = add_user("person@example.org", Role::member);
    auto page = get("/admin/audit?action=user.created&entity_type=user&entity_id=" + std::to_string(person.id),
                    sign_in(admin_));
    EXPECT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "email: (none) → person@example.org"));
    EXPECT_FALSE(contains(page.body, "→ admin@example.org"));
    auto reads = audit::search(*db_, {.entity_type = "audit_log", .action = "read"});
    ASSERT_EQ(reads.size(), 1u);
    EXPECT_TRUE(contains(reads.front().entry.detail, "action=user.created"));
    EXPECT_EQ(reads.front().actor.user_id, admin_.id);
}

TEST_P(AdminRoutes, AuditSearchPagesThroughOlderEntries) {
    if (IsSkipped()) return;
    for (int i = 0; i < 54; ++i) add_user("person" + std::to_string(i) + "@example.org", Role::viewer);
    auto as_admin = sign_in(admin_);
    auto first = get("/admin/audit?action=user.created", as_admin);
    EXPECT_TRUE(contains(first.body, "→ person53@example.org"));
    EXPECT_FALSE(contains(first.body, "→ person3@example.org<"));
    auto at = first.body.find("href=\"/admin/audit?action=user.created&amp;before=");
    ASSERT_NE(at, std::string::npos);
    at += 6;
    auto link = first.body.substr(at, first.body.find('"', at) - at);
    link.replace(link.find("&amp;"), 5, "&");
    auto second = get(link, as_admin);
    EXPECT_EQ(second.status, 200u);
    EXPECT_TRUE(contains(second.body, "→ person3@example.org<"));
    EXPECT_TRUE(contains(second.body, "→ admin@example.org<"));
    EXPECT_FALSE(contains(second.body, "→ person4@example.org<"));
    EXPECT_FALSE(contains(second.body, "Next page"));
}

TEST_P(AdminRoutes, AuditLogDownloadsAsCsv) {
    if (IsSkipped()) return;
    add_user("person@example.org", Role::member);
    auto response = get("/admin/audit.csv?actor=test&action=user.created", sign_in(admin_));
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(response.find_header("Content-Disposition"), "attachment; filename=\"audit-log.csv\"");
    EXPECT_TRUE(response.body.starts_with(
        "seq,at,user_id,actor,remote,request_id,action,entity_type,entity_id,changes,detail,hash\r\n"));
    EXPECT_TRUE(contains(response.body, "person@example.org"));
    EXPECT_TRUE(has(actions_on("audit_log", ""), "read"));
}

TEST_P(AdminRoutes, AuditLogNeedsTheAuditPermissionForTheWholeInstance) {
    if (IsSkipped()) return;
    auto viewer = add_user("viewer@example.org", Role::viewer);
    EXPECT_EQ(get("/admin/audit", sign_in(viewer)).status, 403u);
    auto north = add_partnership("north");
    auto local_admin = add_user("north-admin@example.org", Role::admin, {ScopeKind::partnership, north});
    EXPECT_EQ(get("/admin/audit", sign_in(local_admin)).status, 403u);
    EXPECT_EQ(get("/admin/audit.csv", sign_in(local_admin)).status, 403u);
}

SAFEBOARD_TEST_ON_BACKENDS(AdminRoutes);

}  // namespace
}  // namespace safeboard::auth
