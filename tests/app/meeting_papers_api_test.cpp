// Confidential papers over real HTTP, on the Southend demo: the business
// unit uploads a paper marked confidential to the Board through the meeting
// page; the Board's chair (a current member, matched by e-mail) and the
// business unit download it, each download audited; a signed-in viewer of
// the same partnership who does not sit on the Board is told there is no
// such paper, and neither the meeting page nor the agenda API shows it to them.

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/meetings/module.hpp"
#include "modules/meetings/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/credentials/password.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

using testing::cookie_value;
using testing::hidden_token;

namespace bhttp = boost::beast::http;
namespace json = boost::json;
using safeboard::testing::Client;
using safeboard::testing::RawResponse;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr const char* password = "correct-horse-battery-staple";  // nothing to encode in a form
constexpr const char* paper_text = "Strategic Child Death Review Panel: the cases this year.\n";

class MeetingPapers : public testing::RunningService {
protected:
    void SetUp() override {
        settings_.hashing = {1, 64 * 1024};
        RunningService::SetUp();
    }
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        meetings::load_demo(db, actor_);
        auto southend = register_::find_partnership_by_code(db, "southend")->id;
        for (const auto& body : register_::find_bodies_named(db, "Southend LSCB Overarching Board")) {
            if (body.name == "Southend LSCB Overarching Board") board_ = body.id;
        }
        meeting_ = meetings::find_meeting_at(db, board_, "2012-07-19T14:00")->id;
        first_item_ = meetings::agenda_of(db, meeting_).at(0).id;
        // The Board's chair in the register, with the e-mail she signs in with.
        auto chair_id = register_::find_people_named(db, "Christine Doorly", std::nullopt).at(0).id;
        auto chair = register_::find_person(db, chair_id);
        chair->email = "chair@example.org";
        db::Transaction transaction(db);
        register_::update_person(db, *chair, actor_);
        transaction.commit();
        const access::Scope scope{access::ScopeKind::partnership, southend};
        add_user(db, "unit@example.org", access::Role::business_unit, scope);
        chair_user_ = add_user(db, "chair@example.org", access::Role::member, scope);
        add_user(db, "viewer@example.org", access::Role::viewer, scope);
        chair_token_ = auth::create_api_token(db, chair_user_, "tests", std::nullopt, system_now(), actor_)->secret;
        viewer_token_ = token_for(db, "viewer-token@example.org", access::Role::viewer, scope);
    }
    std::int64_t add_user(db::Connection& db, const std::string& email, access::Role role, access::Scope scope) {
        auto hash = credentials::hash_password(password, {1, 64 * 1024});
        return auth::create_user(db, {email, email, {{role, scope}}}, hash, actor_, register_::scope_exists)->id;
    }


    struct Browser {
        std::string session;
        std::string csrf;
        Headers headers() const { return {{"Cookie", "__Host-safeboard=" + session}, {"Accept", "text/html"}}; }
    };
    // Signs in as a browser does: the form's token and cookie, then the password.
    Browser sign_in(Client& c, const std::string& email) {
        auto page = c.get("/sign-in");
        auto posted = c.send(bhttp::verb::post, "/sign-in",
                             "csrf_token=" + hidden_token(page.body()) + "&email=" + email + "&password=" + password,
                             {{"Content-Type", "application/x-www-form-urlencoded"},
                              {"Cookie", "__Host-safeboard-form=" + cookie_value(page, "__Host-safeboard-form")},
                              {"Origin", "http://127.0.0.1"}});
        EXPECT_EQ(posted.result_int(), 303u) << posted.body();
        Browser browser{cookie_value(posted, "__Host-safeboard"), ""};
        browser.csrf = hidden_token(c.get("/account", browser.headers()).body());
        EXPECT_FALSE(browser.csrf.empty());
        return browser;
    }
    // The meeting page's paper form, as the browser sends it.
    RawResponse upload(Client& c, const Browser& browser, const std::string& title, bool confidential) {
        const std::string boundary = "----papers-test-boundary";
        auto part = [&](const std::string& name, const std::string& value) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
                   "\r\n";
        };
        std::string body = part("csrf_token", browser.csrf) + part("paper_title", title) +
                           part("agenda_item", std::to_string(first_item_)) +
                           (confidential ? part("confidential", "yes") : "") + "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"paper\"; filename=\"cdop.txt\"\r\n"
                           "Content-Type: text/plain\r\n\r\n" +
                           paper_text + "\r\n--" + boundary + "--\r\n";
        auto headers = browser.headers();
        headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + boundary);
        headers.emplace_back("Origin", "http://127.0.0.1");
        return c.send(bhttp::verb::post, meeting_path() + "/papers", body, headers);
    }
    std::string meeting_path() const { return "/meetings/" + std::to_string(meeting_); }
    std::int64_t count(const std::string& sql) {
        auto lease = pool_->acquire();
        return lease->query(sql).rows.at(0).integer(0);
    }
    std::string agenda_json(const std::string& token) {
        Client c(server_->port());
        return c.get("/api/v1/meetings/" + std::to_string(meeting_) + "/agenda", {{"Authorization", "Bearer " + token}})
            .body();
    }

    std::int64_t board_ = 0, meeting_ = 0, first_item_ = 0, chair_user_ = 0;
    std::string chair_token_, viewer_token_;
};

TEST_F(MeetingPapers, AConfidentialPaperReachesTheBodysMembersAndWritersOnly) {
    auto c = client();
    auto unit = sign_in(c, "unit@example.org");
    auto uploaded = upload(c, unit, "CDOP annual report", true);
    ASSERT_EQ(uploaded.result_int(), 303u) << uploaded.body();
    ASSERT_EQ(upload(c, unit, "Safer recruitment briefing", false).result_int(), 303u);
    auto paper = count("SELECT id FROM papers WHERE title = 'CDOP annual report'");
    EXPECT_EQ(count("SELECT confidential FROM papers WHERE id = " + std::to_string(paper)), 1);
    auto href = meeting_path() + "/papers/" + std::to_string(paper);
    auto reads = [&] { return count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'paper' "
                                    "AND entity_id = '" + std::to_string(paper) + "'"); };

    // The business unit may change the meeting, so it sees and downloads the paper.
    auto by_unit = c.get(href, unit.headers());
    ASSERT_EQ(by_unit.result_int(), 200u);
    EXPECT_EQ(by_unit.body(), paper_text);
    EXPECT_EQ(reads(), 1);

    // The chair sits on the Board today: the page lists the paper and it downloads.
    auto chair = sign_in(c, "chair@example.org");
    EXPECT_NE(c.get(meeting_path(), chair.headers()).body().find("CDOP annual report"), std::string::npos);
    auto by_chair = c.get(href, chair.headers());
    ASSERT_EQ(by_chair.result_int(), 200u);
    EXPECT_EQ(by_chair.body(), paper_text);
    EXPECT_EQ(reads(), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'paper' AND entity_id = '" +
                    std::to_string(paper) + "' AND user_id = " + std::to_string(chair_user_)),
              1);
    EXPECT_NE(agenda_json(chair_token_).find("CDOP annual report"), std::string::npos);

    // A viewer of the same partnership who is not on the Board: no such paper, nothing read.
    auto viewer = sign_in(c, "viewer@example.org");
    auto page = c.get(meeting_path(), viewer.headers());
    ASSERT_EQ(page.result_int(), 200u);
    EXPECT_EQ(page.body().find("CDOP annual report"), std::string::npos);
    EXPECT_EQ(page.body().find("/papers/" + std::to_string(paper) + "\""), std::string::npos);
    EXPECT_NE(page.body().find("Safer recruitment briefing"), std::string::npos);  // not confidential
    EXPECT_EQ(c.get(href, viewer.headers()).result_int(), 404u);
    EXPECT_EQ(reads(), 2);
    auto agenda = agenda_json(viewer_token_);
    EXPECT_EQ(agenda.find("CDOP annual report"), std::string::npos);
    EXPECT_NE(json::parse(agenda).at("items").as_array().size(), 0u);
}

TEST_F(MeetingPapers, OnlyThoseWhoMayChangeTheMeetingUploadPapers) {
    auto c = client();
    auto chair = sign_in(c, "chair@example.org");  // a member: meetings.read only
    auto refused = upload(c, chair, "Chair's note", true);
    EXPECT_EQ(refused.result_int(), 403u) << refused.body();
    EXPECT_EQ(count("SELECT COUNT(*) FROM papers"), 0);
}

}  // namespace
}  // namespace safeboard::app
