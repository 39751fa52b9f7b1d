// GET /api/v1/calendar/working-days over real HTTP: the dates a statutory
// clock gives, and every bad query named.
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/register/store.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/auth/users.hpp"
#include "running_service.hpp"

namespace safeboard::app {
namespace {

namespace bhttp = boost::beast::http;
namespace json = boost::json;

class CalendarApi : public testing::RunningService {
protected:
    void seed(db::Connection& db) override {
        token_ = token_for(db, "viewer@example.org", access::Role::viewer);
    }
    json::object get(const std::string& target, unsigned status) {
        auto response = client().send(bhttp::verb::get, target, "", {{"Authorization", "Bearer " + token_}});
        EXPECT_EQ(response.result_int(), status) << target << "\n" << response.body();
        return json::parse(response.body()).as_object();
    }
    std::string token_;
};

TEST_F(CalendarApi, CountsWorkingDaysPastTheEasterBankHolidays) {
    // Five working days from Thursday 28 March 2024: Good Friday and Easter Monday are not counted.
    auto body = get("/api/v1/calendar/working-days?from=2024-03-28&add=5", 200);
    EXPECT_EQ(body.at("date").as_string(), "2024-04-08");
    EXPECT_TRUE(body.at("from_is_working_day").as_bool());
    // Fifteen working days from the 2012 Diamond Jubilee week skip 4 and 5 June.
    EXPECT_EQ(get("/api/v1/calendar/working-days?from=2012-06-01&add=15", 200).at("date").as_string(), "2012-06-26");
    EXPECT_EQ(get("/api/v1/calendar/working-days?from=2024-04-08&add=-5", 200).at("date").as_string(), "2024-03-28");
    EXPECT_EQ(get("/api/v1/calendar/working-days?from=2024-03-28&to=2024-04-08", 200).at("working_days").as_int64(), 5);
}

TEST_F(CalendarApi, NamesEveryBadQueryField) {
    auto body = get("/api/v1/calendar/working-days?from=2024-02-30&add=five", 422);
    std::set<std::string> fields;
    for (const auto& error : body.at("errors").as_array()) fields.insert(std::string(error.at("field").as_string()));
    EXPECT_TRUE(fields.contains("from"));
    EXPECT_TRUE(fields.contains("add"));
    get("/api/v1/calendar/working-days?from=2024-03-28", 422);
    get("/api/v1/calendar/working-days?from=2024-03-28&add=1&to=2024-04-01", 422);
}

TEST_F(CalendarApi, AnswersOnlySignedInUsers) {
    auto response = client().send(bhttp::verb::get, "/api/v1/calendar/working-days?from=2024-03-28&add=5", "", {});
    EXPECT_EQ(response.result_int(), 401);
}

}  // namespace
}  // namespace safeboard::app
