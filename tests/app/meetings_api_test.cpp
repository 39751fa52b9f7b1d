// The meetings API and calendar feeds over real HTTP, on the Southend demo:
// a body's meetings, the seats and what was recorded, the forward plan by
// month, the attendance report's headline, and the iCalendar feed parsed
// back (SEQUENCE going up on a change, STATUS:CANCELLED, a revoked token).
#include <algorithm>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/meetings/module.hpp"
#include "modules/meetings/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "platform/ical/calendar.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;
using safeboard::testing::RawResponse;

class MeetingsApi : public testing::RunningService {
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
        auto user = [&](const std::string& email, access::Role role, std::int64_t partnership) {
            return token_for(db, email, role, {access::ScopeKind::partnership, partnership});
        };
        unit_ = user("unit@example.org", access::Role::business_unit, southend);
        viewer_ = user("viewer@example.org", access::Role::viewer, southend);
        outsider_ = user("essex@example.org", access::Role::viewer, essex);
    }
    std::string board_path() { return "/api/v1/bodies/" + std::to_string(board_); }
    std::int64_t board_ = 0;
    std::string unit_, viewer_, outsider_;
};

TEST_F(MeetingsApi, ABodysMeetingsAndTheirSeats) {
    auto list = get(board_path() + "/meetings?from=2011-10-01&to=2012-09-30", viewer_);
    const auto& items = list.at("items").as_array();
    ASSERT_EQ(items.size(), 3u);  // November 2011, March 2012, July 2012
    EXPECT_EQ(std::string(items[0].at("starts_at").as_string()).substr(0, 7), "2011-11");
    EXPECT_EQ(items[0].at("status").as_string(), "held");
    EXPECT_EQ(items[0].at("time_zone").as_string(), "Europe/London");
    auto id = std::string(items[0].at("id").as_string());
    auto seats = get("/api/v1/meetings/" + id + "/attendance", viewer_);
    const auto& rows = seats.at("seats").as_array();
    EXPECT_GT(rows.size(), 20u);
    auto recorded = std::count_if(rows.begin(), rows.end(), [](const json::value& s) {
        return !s.at("recorded").is_null();
    });
    EXPECT_GT(recorded, 15);
    auto agenda = get("/api/v1/meetings/" + id + "/agenda", viewer_);
    auto titles = agenda.at("items").as_array();
    EXPECT_TRUE(std::any_of(titles.begin(), titles.end(), [](const json::value& item) {
        return item.at("title").as_string() == "Monitor Key PIs";
    }));
    // Another partnership's viewer is told there is no such body or meeting.
    get(board_path() + "/meetings", outsider_, 404);
    get("/api/v1/meetings/" + id, outsider_, 404);
}

TEST_F(MeetingsApi, TheBoardsForwardPlanByMonthAndTheAttendanceHeadline) {
    auto plan = get(board_path() + "/forward-plan?year=2011/12", viewer_);
    EXPECT_EQ(plan.at("year").as_string(), "2011/12");
    std::vector<std::string> months;
    for (const auto& month : plan.at("months").as_array()) months.emplace_back(month.at("month").as_string());
    EXPECT_EQ(months, (std::vector<std::string>{"2011-11", "2012-03", "2012-07"}));
    get(board_path() + "/forward-plan?year=next", viewer_, 422);

    auto report = get("/api/v1/reports/attendance?body=" + std::to_string(board_) + "&from=2011-10-01&to=2012-09-30",
                      viewer_);
    EXPECT_EQ(report.at("meetings").as_int64(), 3);
    auto headline = std::string(report.at("headline").as_string());
    EXPECT_NE(headline.find("of partner agency representatives attended 66% or more of Board meetings"),
              std::string::npos)
        << headline;
    EXPECT_FALSE(report.at("organisations").as_array().empty());
    auto stricter = get("/api/v1/reports/attendance?body=" + std::to_string(board_) +
                            "&from=2011-10-01&to=2012-09-30&standard=100&substitutes=neither",
                        viewer_);
    EXPECT_LE(stricter.at("organisations_meeting_standard").as_int64(),
              report.at("organisations_meeting_standard").as_int64());
    auto bad = get("/api/v1/reports/attendance?from=2012-13-01&standard=0&substitutes=sometimes", viewer_, 422);
    std::vector<std::string> fields;
    for (const auto& e : bad.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    for (const char* field : {"from", "to", "standard", "substitutes"}) {
        EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end()) << field;
    }
}

TEST_F(MeetingsApi, TheBodysCalendarFeedFollowsChangesAndCancellations) {
    auto made = call(bhttp::verb::post, "/api/v1/calendar-feeds", viewer_,
                     R"({"kind": "body", "subject": ")" + std::to_string(board_) + R"("})");
    ASSERT_EQ(made.result_int(), 201) << made.body();
    auto path = std::string(json::parse(made.body()).at("path").as_string());
    auto feed_id = std::string(json::parse(made.body()).at("id").as_string());

    // Schedule a new meeting, then move it: the feed's SEQUENCE goes up.
    auto created = call(bhttp::verb::post, board_path() + "/meetings", unit_,
                        R"({"starts_at": "2030-03-14T14:00", "ends_at": "2030-03-14T16:30", "place": "Civic Centre",
                            "status": "confirmed"})");
    ASSERT_EQ(created.result_int(), 201) << created.body();
    auto meeting = json::parse(created.body()).as_object();
    auto id = std::string(meeting.at("id").as_string());
    auto uid = std::string(meeting.at("uid").as_string());
    auto moved = call(bhttp::verb::patch, "/api/v1/meetings/" + id, unit_, R"({"starts_at": "2030-03-21T14:00",
                      "ends_at": "2030-03-21T16:30"})");
    ASSERT_EQ(moved.result_int(), 200) << moved.body();

    auto fetched = call(bhttp::verb::get, path, "");  // a calendar program has no session: the token is enough
    ASSERT_EQ(fetched.result_int(), 200) << fetched.body();
    EXPECT_NE(fetched[bhttp::field::content_type].find("text/calendar"), std::string::npos);
    auto events = ical::read_events(fetched.body());
    ASSERT_TRUE(events) << events.error().message;
    auto event = std::find_if(events->begin(), events->end(), [&](const ical::Event& e) { return e.uid == uid; });
    ASSERT_NE(event, events->end());
    EXPECT_EQ(event->sequence, 1);
    EXPECT_EQ(event->starts_at, "2030-03-21T14:00");
    EXPECT_EQ(event->status, ical::Event::Status::confirmed);

    auto cancelled = call(bhttp::verb::patch, "/api/v1/meetings/" + id, unit_, R"({"status": "cancelled"})");
    ASSERT_EQ(cancelled.result_int(), 200) << cancelled.body();
    events = ical::read_events(call(bhttp::verb::get, path, "").body());
    ASSERT_TRUE(events);
    event = std::find_if(events->begin(), events->end(), [&](const ical::Event& e) { return e.uid == uid; });
    ASSERT_NE(event, events->end());
    EXPECT_EQ(event->status, ical::Event::Status::cancelled);
    EXPECT_EQ(event->sequence, 2);

    // A viewer may not schedule meetings; a revoked feed answers 404.
    EXPECT_EQ(call(bhttp::verb::post, board_path() + "/meetings", viewer_, R"({"starts_at": "2030-04-01T10:00"})")
                  .result_int(),
              403);
    EXPECT_EQ(call(bhttp::verb::post, "/api/v1/calendar-feeds/" + feed_id + "/revoke", viewer_).result_int(), 200);
    EXPECT_EQ(call(bhttp::verb::get, path, "").result_int(), 404);
    EXPECT_EQ(call(bhttp::verb::get, "/calendars/not-a-token.ics", "").result_int(), 404);
}

TEST_F(MeetingsApi, AttendanceImportIsAllOrNothingWithRowNumbers) {
    auto list = get(board_path() + "/meetings?from=2011-11-01&to=2011-11-30", viewer_);
    auto id = std::string(list.at("items").at(0).at("id").as_string());
    auto before = get("/api/v1/meetings/" + id + "/attendance", viewer_);
    auto bad = call(bhttp::verb::post, "/api/v1/meetings/" + id + "/imports/attendance", unit_,
                    "seat,status,substitute\nDesignated Doctor,present,\nNo Such Seat,sometimes,\n", "text/csv");
    EXPECT_EQ(bad.result_int(), 422) << bad.body();
    EXPECT_NE(bad.body().find("line 3"), std::string::npos) << bad.body();
    EXPECT_EQ(get("/api/v1/meetings/" + id + "/attendance", viewer_), before);
    EXPECT_EQ(call(bhttp::verb::post, "/api/v1/meetings/" + id + "/imports/attendance", viewer_,
                   "seat,status\nDesignated Doctor,present\n", "text/csv")
                  .result_int(),
              403);
}

}  // namespace
}  // namespace safeboard::app
