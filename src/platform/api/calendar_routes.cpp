#include "platform/api/calendar_routes.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "platform/calendar/calendar.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::api {

namespace {

namespace json = boost::json;

// Far beyond any statutory timescale, and well inside the years the
// calendar has worked out in advance.
constexpr int max_working_days = 10'000;

std::optional<calendar::Date> date_param(const http::Request& request, const char* name, bool required,
                                         std::vector<FieldError>& errors) {
    auto text = request.query_param(name);
    if (!text || text->empty()) {
        if (required) errors.push_back({name, "is required: a date like 2024-03-28"});
        return std::nullopt;
    }
    auto date = calendar::parse_date(*text);
    if (!date) errors.push_back({name, "must be a date like 2024-03-28"});
    return date;
}

std::optional<int> count_param(const http::Request& request, std::vector<FieldError>& errors) {
    auto text = request.query_param("add");
    if (!text || text->empty()) return std::nullopt;
    int n = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || end != text->data() + text->size() || n < -max_working_days || n > max_working_days) {
        errors.push_back({"add", "must be a whole number of working days from -10000 to 10000"});
        return std::nullopt;
    }
    return n;
}

http::Response working_days(const http::Request& request, http::Context&) {
    std::vector<FieldError> errors;
    auto from = date_param(request, "from", true, errors);
    auto add = count_param(request, errors);
    auto to = date_param(request, "to", false, errors);
    bool has_add = request.query_param("add").has_value();
    bool has_to = request.query_param("to").has_value();
    if (has_add == has_to) errors.push_back({"add", "give either add (a number of working days) or to (a date)"});
    if (!errors.empty()) return http::problem(422, "The query has errors", request, errors);
    json::object body{{"from", calendar::format_date(*from)},
                      {"from_is_working_day", calendar::is_working_day(*from)}};
    if (add) {
        auto date = calendar::add_working_days(*from, *add);
        body["add"] = *add;
        body["date"] = calendar::format_date(date);
    } else {
        body["to"] = calendar::format_date(*to);
        body["working_days"] = calendar::working_days_between(*from, *to);
    }
    return http::Response::json(body);
}

}  // namespace

void add_calendar_routes(http::Router& router) {
    http::RouteDoc doc{"The working day N working days after a date, or the working days between two dates "
                       "(England and Wales bank holidays)",
                       "calendar",
                       {{"from", "The day counting starts from (not itself counted), YYYY-MM-DD", "string", true},
                        {"add", "How many working days to add (negative: count back)", "integer", false},
                        {"to", "Instead of add: count the working days after from up to this date", "string", false}},
                       "",
                       false};
    router.add({http::Method::get, "/api/v1/calendar/working-days", working_days, http::Execution::worker,
                std::move(doc), http::Access::any_user()});
}

}  // namespace safeboard::api
