// What follows a meeting, over real HTTP on the Southend demo: actions
// arising recorded into the action engine, the letter to each member agency
// after the Board of November 2011 with that agency's own actions, the
// letter as PDF and page, the response tracked until it is overdue, and who
// may do what.
#include <algorithm>
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/meetings/module.hpp"
#include "modules/meetings/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/auth/users.hpp"
#include "platform/pdf/poppler.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;
using safeboard::testing::RawResponse;

struct Caller {
    std::string token;   // for the API
    std::string cookie;  // a signed-in browser, for the documents
};

class MeetingLettersApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        meetings::load_demo(db, actor_);
        auto southend = register_::find_partnership_by_code(db, "southend")->id;
        auto essex = register_::find_partnership_by_code(db, "essex")->id;
        for (const auto& body : register_::find_bodies_named(db, "Southend LSCB Overarching Board")) {
            if (body.name == "Southend LSCB Overarching Board") board_ = body.id;
        }
        november_ = "/api/v1/meetings/" + std::to_string(meetings::find_meeting_at(db, board_, "2011-11-17T14:00")->id);
        // The agencies that answer for a seat on the Board that day (not the lay member's, the observer's or the adviser's).
        for (const auto& seat : register_::memberships_of_body(db, board_)) {
            bool member = seat.role == register_::SeatRole::member || seat.role == register_::SeatRole::vice_chair ||
                          seat.role == register_::SeatRole::chair;
            if (member && seat.organisation_id && seat.current_on("2011-11-17")) members_.insert(seat.organisation_name);
        }
        auto user = [&](const std::string& email, access::Role role, std::int64_t partnership) {
            auto id = auth::create_user(db, {email, email, {{role, {access::ScopeKind::partnership, partnership}}}},
                                        std::nullopt, actor_, register_::scope_exists)
                          ->id;
            return Caller{auth::create_api_token(db, id, "tests", std::nullopt, system_now(), actor_)->secret,
                          auth::start_session(db, id, false, system_now(), auth::SessionPolicy{}, "127.0.0.1", "tests")
                              .cookie_value};
        };
        unit_ = user("unit@example.org", access::Role::business_unit, southend);
        viewer_ = user("viewer@example.org", access::Role::viewer, southend);
        outsider_ = user("essex@example.org", access::Role::viewer, essex);
    }
    RawResponse call(bhttp::verb method, const std::string& target, const Caller& who, std::string body = {}) {
        std::vector<std::pair<std::string, std::string>> headers{{"Authorization", "Bearer " + who.token}};
        if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
        return client().send(method, target, std::move(body), headers);
    }
    json::value get(const std::string& target, const Caller& who, unsigned status = 200) {
        auto response = call(bhttp::verb::get, target, who);
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return json::parse(response.body());
    }
    json::value send(bhttp::verb method, const std::string& target, const Caller& who, const std::string& body,
                     unsigned status) {
        auto response = call(method, target, who, body);
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return response.body().empty() ? json::value() : json::parse(response.body());
    }
    RawResponse document(const std::string& path, const Caller& who) {
        return client().send(bhttp::verb::get, path, "", {{"Cookie", "__Host-safeboard=" + who.cookie}});
    }
    json::array letters(unsigned status = 200) {
        return send(bhttp::verb::post, november_ + "/letters", unit_, "", status).at("items").as_array();
    }
    static const json::value& letter_to(const json::array& items, std::string_view organisation) {
        auto found = std::find_if(items.begin(), items.end(), [&](const json::value& letter) {
            return letter.at("organisation_name").as_string() == organisation;
        });
        if (found == items.end()) throw std::runtime_error("no letter to " + std::string(organisation));
        return *found;
    }
    std::string text_of(const json::value& letter) {
        return std::string(get("/api/v1/letters/" + std::string(letter.at("id").as_string()), viewer_)
                               .at("text")
                               .as_string());
    }
    std::string police_action() {
        return R"({"action": "Review how the police refer domestic abuse cases", "target_date": "2012-01-31",
                   "responsibility": "Essex Police"})";
    }

    std::int64_t board_ = 0;
    std::string november_;
    std::set<std::string> members_;
    Caller unit_, viewer_, outsider_;
};

std::vector<std::string> error_fields(const json::value& problem) {
    std::vector<std::string> fields;
    for (const auto& e : problem.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    std::sort(fields.begin(), fields.end());
    return fields;
}

TEST_F(MeetingLettersApi, AnActionArisingIsRecordedWithEveryMistakeNamed) {
    auto agenda = get(november_ + "/agenda", viewer_).at("items").as_array();
    ASSERT_FALSE(agenda.empty());
    auto item = std::string(agenda[0].at("id").as_string());
    auto bad = send(bhttp::verb::post, november_ + "/actions", unit_,
                    R"({"target_date": "31/02/2012", "responsibility": "Nobody Known", "agenda_item": "999999"})", 422);
    EXPECT_EQ(error_fields(bad), (std::vector<std::string>{"action", "agenda_item", "responsibility", "target_date"}));
    // A bad agenda item alone stops an action that is otherwise right.
    auto police = json::parse(police_action()).as_object();
    police["agenda_item"] = "999999";
    send(bhttp::verb::post, november_ + "/actions", unit_, json::serialize(police), 422);
    EXPECT_TRUE(get(november_ + "/actions", viewer_).at("items").as_array().empty());

    police["agenda_item"] = item;
    auto made = send(bhttp::verb::post, november_ + "/actions", unit_, json::serialize(police), 201);
    EXPECT_EQ(made.at("number").as_string(), "1");
    EXPECT_EQ(made.at("agenda_item").as_string(), item);
    EXPECT_EQ(made.at("target_date").as_string(), "2012-01-31");
    EXPECT_EQ(made.at("responsible").at(0).at("name").as_string(), "Essex Police");
    send(bhttp::verb::post, november_ + "/actions", unit_,
         R"({"action": "Circulate the minutes", "target_date": "2011-12-01", "responsibility": "LSCB Business Manager"})",
         201);
    auto listed = get(november_ + "/actions?limit=1", viewer_);
    ASSERT_EQ(listed.at("items").as_array().size(), 1u);
    auto rest = get(november_ + "/actions?limit=1&cursor=" + std::string(listed.at("next").as_string()), viewer_);
    EXPECT_EQ(rest.at("items").at(0).at("number").as_string(), "2");
    // It is an action of the engine like any other.
    auto id = std::string(made.at("id").as_string());
    EXPECT_EQ(get("/api/v1/actions/" + id, viewer_).at("title").as_string(),
              "Review how the police refer domestic abuse cases");
}

TEST_F(MeetingLettersApi, EachMemberAgencyGetsOneLetterWithItsOwnActions) {
    send(bhttp::verb::post, november_ + "/actions", unit_, police_action(), 201);
    auto items = letters();
    std::multiset<std::string> to;
    for (const auto& letter : items) to.emplace(letter.at("organisation_name").as_string());
    EXPECT_EQ(std::set<std::string>(to.begin(), to.end()), members_);
    EXPECT_EQ(to.size(), members_.size());  // one each, though Essex Police holds two seats
    EXPECT_EQ(to.size(), 17u);
    EXPECT_EQ(to.count("Southend Youth Council"), 0u);  // a lay member
    EXPECT_EQ(to.count("Southend Borough Council"), 0u);  // an observer and an adviser

    const auto& police = letter_to(items, "Essex Police");
    EXPECT_EQ(police.at("response_due_on").as_string(), "2011-12-15");  // 28 days after the meeting
    EXPECT_TRUE(police.at("sent_on").is_null());
    auto text = text_of(police);
    EXPECT_NE(text.find("Actions for Essex Police"), std::string::npos) << text;
    EXPECT_NE(text.find("Review how the police refer domestic abuse cases (Essex Police), by Tuesday 31 January 2012"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Monitor Key PIs"), std::string::npos) << text;
    for (const char* other : {"Southend Police", "Essex Probation Service", "Essex County Fire and Rescue Service"}) {
        auto theirs = text_of(letter_to(items, other));
        EXPECT_EQ(theirs.find("domestic abuse"), std::string::npos) << other << "\n" << theirs;
        EXPECT_NE(theirs.find("No actions arising fall to " + std::string(other)), std::string::npos) << theirs;
    }
    // Drafting again finds nothing new to say.
    auto again = send(bhttp::verb::post, november_ + "/letters", unit_, "", 200);
    EXPECT_EQ(again.at("created").as_int64(), 0);
    EXPECT_EQ(again.at("unchanged").as_int64(), 17);
    EXPECT_EQ(get(november_ + "/letters", viewer_).at("items").as_array().size(), 17u);
}

TEST_F(MeetingLettersApi, TheLetterIsAPdfAndAPageToPrint) {
    auto police = letter_to(letters(), "Essex Police");
    auto pdf = document(std::string(police.at("pdf").as_string()), viewer_);
    ASSERT_EQ(pdf.result_int(), 200) << pdf.body();
    EXPECT_EQ(pdf[bhttp::field::content_type], "application/pdf");
    EXPECT_TRUE(pdf.body().starts_with("%PDF"));
    auto words = pdf::testing::flat_text(pdf.body());
    EXPECT_NE(words.find("Essex Police"), std::string::npos) << words;
    EXPECT_NE(words.find("Southend LSCB Overarching Board"), std::string::npos) << words;
    EXPECT_NE(words.find("Draft: not yet sent"), std::string::npos) << words;

    auto page = document(std::string(police.at("html").as_string()), viewer_);
    ASSERT_EQ(page.result_int(), 200) << page.body();
    EXPECT_NE(page[bhttp::field::content_type].find("text/html"), std::string::npos);
    EXPECT_NE(page.body().find("<h2>Actions for Essex Police</h2>"), std::string::npos) << page.body();

    auto id = std::string(police.at("id").as_string());
    EXPECT_EQ(document("/letters/" + id + ".docx", viewer_).result_int(), 404);
    EXPECT_EQ(document("/letters/" + id + ".pdf", outsider_).result_int(), 404);
    EXPECT_EQ(document("/letters/999999.pdf", viewer_).result_int(), 404);
}

TEST_F(MeetingLettersApi, AResponseNotBackByItsDueDateIsListedAsOverdue) {
    auto items = letters();
    auto police = "/api/v1/letters/" + std::string(letter_to(items, "Essex Police").at("id").as_string());
    auto bad = send(bhttp::verb::patch, police, unit_,
                    R"({"sent_on": "2011-11-31", "response_received_on": "yesterday", "colour": "red"})", 422);
    EXPECT_EQ(error_fields(bad), (std::vector<std::string>{"colour"}));
    bad = send(bhttp::verb::patch, police, unit_, R"({"sent_on": "2011-11-31", "response_received_on": "yesterday"})",
               422);
    EXPECT_EQ(error_fields(bad), (std::vector<std::string>{"response_received_on", "sent_on"}));
    auto sent = send(bhttp::verb::patch, police, unit_, R"({"sent_on": "2011-11-24", "response_due_on": "2011-12-15"})",
                     200);
    EXPECT_EQ(sent.at("sent_on").as_string(), "2011-11-24");
    EXPECT_TRUE(sent.at("overdue").as_bool());

    // Only the letter sent is owed a response; the drafts are not.
    auto report = get("/api/v1/reports/letter-responses?on=2012-01-01", viewer_);
    auto overdue = report.at("items").as_array();
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0].at("organisation_name").as_string(), "Essex Police");
    EXPECT_EQ(overdue[0].at("meeting_date").as_string(), "2011-11-17");
    EXPECT_EQ(overdue[0].at("days_overdue").as_int64(), 17);
    EXPECT_TRUE(get("/api/v1/reports/letter-responses?on=2011-12-15", viewer_).at("items").as_array().empty());
    EXPECT_TRUE(get("/api/v1/reports/letter-responses?on=2012-01-01", outsider_).at("items").as_array().empty());
    get("/api/v1/reports/letter-responses?on=soon", viewer_, 422);

    // A letter sent stays as it was sent when the others are drafted again.
    auto as_sent = text_of(letter_to(items, "Essex Police"));
    send(bhttp::verb::post, november_ + "/actions", unit_, police_action(), 201);
    auto again = send(bhttp::verb::post, november_ + "/letters", unit_, "", 200);
    EXPECT_EQ(again.at("already_sent").as_int64(), 1);
    EXPECT_EQ(text_of(letter_to(items, "Essex Police")), as_sent);

    send(bhttp::verb::patch, police, unit_, R"({"response_received_on": "2011-12-20", "response": "Agreed."})", 200);
    EXPECT_TRUE(get("/api/v1/reports/letter-responses?on=2012-01-01", viewer_).at("items").as_array().empty());
}

TEST_F(MeetingLettersApi, OnlyThoseWhoMayChangeTheMeetingDraftAndOthersSeeNothing) {
    send(bhttp::verb::post, november_ + "/letters", viewer_, "", 403);
    send(bhttp::verb::post, november_ + "/actions", viewer_, police_action(), 403);
    auto items = letters();
    auto letter = "/api/v1/letters/" + std::string(items.at(0).at("id").as_string());
    send(bhttp::verb::patch, letter, viewer_, R"({"sent_on": "2011-11-24"})", 403);
    get(letter, viewer_);
    get(november_ + "/letters", outsider_, 404);
    get(november_ + "/actions", outsider_, 404);
    get(letter, outsider_, 404);
    send(bhttp::verb::post, november_ + "/letters", outsider_, "", 403);  // holds meetings.write nowhere

    // A meeting not yet held has nothing to write about.
    auto planned = send(bhttp::verb::post, "/api/v1/bodies/" + std::to_string(board_) + "/meetings", unit_,
                        R"({"starts_at": "2030-03-14T14:00", "ends_at": "2030-03-14T16:30", "place": "Civic Centre"})",
                        201);
    send(bhttp::verb::post, "/api/v1/meetings/" + std::string(planned.at("id").as_string()) + "/letters", unit_, "",
         409);
    send(bhttp::verb::post, november_ + "/letters", unit_, R"({"response_due_on": "2011-11-01"})", 422);
}

}  // namespace
}  // namespace safeboard::app
