// The learning reviews API under /api/v1: cases, their clocks and the
// partnership-wide deadlines; the decision and steps done. Agency reports,
// terms of reference, recommendations, learning shared and sensitive
// details are in routes_learning.cpp. Every case is need-to-know
// (policy.hpp): outside a user's reach it answers 404.
#include <boost/json.hpp>

#include "modules/register/choices.hpp"
#include "modules/reviews/json_view.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/policy.hpp"
#include "modules/reviews/routes_support.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/store.hpp"
#include "modules/reviews/vocabulary.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::reviews {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace detail {

std::string today() { return calendar::uk_today(system_now()); }

Result<std::string> day_param(const Request& request) {
    auto text = request.query_param("on");
    if (!text) return today();
    auto day = parse_day(*text);
    if (!day) return invalid({{"on", "must be a date like 2012-03-31"}});
    return *day;
}

std::vector<std::int64_t> partnership_ids(db::Connection& db, const access::ScopeFilter& reach,
                                          std::optional<std::int64_t> only) {
    std::vector<std::int64_t> ids;
    for (const auto& p : register_::partnerships_in(db, reach)) {
        if (!only || p.id == *only) ids.push_back(p.id);
    }
    return ids;
}

std::optional<Case> case_of(const Request& request, http::Context& context) {
    return readable_case(context.db(), context.user(), auth::path_id(request));
}

Response saved(Status status, const Request& request, http::Context& context, const Case& c, int code) {
    if (!status) return http::problem(status.error(), request);
    auto fresh = find_case(context.db(), c.id);
    return Response::json(view_json(view_of(context.db(), *fresh, today()), today()), code);
}

}  // namespace detail

namespace {

using namespace detail;

const std::vector<std::string> case_columns{"reference", "incident_on", "became_aware_on", "agencies", "status",
                                            "learning"};

// The partnerships a list is for: the one in ?partnership= (when the user
// may read its reviews), or every one they may.
Result<std::vector<std::int64_t>> partnerships_asked(const Request& request, http::Context& context) {
    std::optional<std::int64_t> only;
    if (auto text = request.query_param("partnership")) {
        only = auth::parse_id(*text);
        if (!only) return invalid({{"partnership", "must be an id"}});
    }
    return partnership_ids(context.db(), readable(context.db(), context.user()), only);
}

Response list_cases(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto ids = partnerships_asked(request, context);
    if (!ids) return http::problem(ids.error(), request);
    bool closed_too = false;
    if (auto text = request.query_param("status")) {
        if (*text != "open" && *text != "all") {
            return http::problem(422, "The query has errors", request, {{"status", "must be open or all"}});
        }
        closed_too = *text == "all";
    }
    json::array items;
    auto on = today();
    for (const auto& c : ids->empty() ? std::vector<Case>{} : cases_of(db, *ids, closed_too)) {
        auto body = case_json(c, {});
        auto next = deadlines({clock_for(db, c, on)});
        body["next_deadline"] = next.empty() ? json::value(nullptr) : json::value(deadline_json(next.front()));
        items.push_back(std::move(body));
    }
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

Response create_review(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto fields = api::fields_from(request, case_columns, {"partnership"});
    if (!fields) return http::problem(fields.error(), request);
    auto partnership = auth::parse_id(fields::get(*fields, "partnership"));
    if (!partnership || !readable(db, context.user()).allows(*partnership)) {
        return http::problem(422, "The case has errors", request,
                             {{"partnership", "Choose a partnership whose reviews you can see"}});
    }
    if (!writable(db, context.user()).allows(*partnership)) {
        return auth::refuse(request, context, "case_reviews.write is not held for partnership " +
                                                  std::to_string(*partnership));
    }
    Result<std::int64_t> id = 0;
    {
        db::Transaction transaction(db);
        id = save_case(db, *fields, *partnership, std::nullopt, today(), auth::actor_of(request, context.user()));
        if (id) transaction.commit();
    }
    if (!id) return http::problem(id.error(), request);
    return saved({}, request, context, *find_case(db, *id), 201);
}

// `answer(case, day)` for the case of the path, read on ?on= (default
// today); 404 outside the user's reach, 422 for a day that is no date.
template <typename Answer>
Response on_day(const Request& request, http::Context& context, Answer answer) {
    auto c = case_of(request, context);
    if (!c) return auth::missing(request, "review");
    auto on = day_param(request);
    if (!on) return http::problem(on.error(), request);
    return Response::json(answer(*c, *on));
}

Response show_review(const Request& request, http::Context& context) {
    return on_day(request, context, [&](const Case& c, const std::string& on) {
        return view_json(view_of(context.db(), c, on), on);
    });
}

Response change_review(const Request& request, http::Context& context) {
    return change(request, context, case_columns, [](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
        return status_of(save_case(db, f, c.partnership_id, c, today(), actor));
    });
}

Response record_decision(const Request& request, http::Context& context) {
    return change(request, context, {"decision", "ratified_by", "ratified_on"},
                  [](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
                      return save_decision(db, c, f, today(), actor);
                  });
}

Response record_step_done(const Request& request, http::Context& context) {
    return change(request, context, {"step", "done_on", "evidence"},
                  [](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
                      return save_step(db, c, f, today(), actor);
                  });
}

Response review_clock(const Request& request, http::Context& context) {
    return on_day(request, context, [&](const Case& c, const std::string& on) {
        return clock_json(clock_for(context.db(), c, on), on);
    });
}

Response review_deadlines(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto on = day_param(request);
    if (!on) return http::problem(on.error(), request);
    auto ids = partnerships_asked(request, context);
    if (!ids) return http::problem(ids.error(), request);
    json::array rows;
    for (const auto& d : ids->empty() ? std::vector<Deadline>{} : deadlines_in(db, *ids, *on)) {
        rows.push_back(deadline_json(d));
    }
    json::array missing;
    for (const auto& m : ids->empty() ? std::vector<MissingConfirmation>{} : missing_in(db, *ids)) {
        missing.push_back(missing_json(m, nullptr));
    }
    return Response::json(json::object{{"on", *on}, {"deadlines", std::move(rows)},
                                       {"missing_confirmations", std::move(missing)}});
}

Response recommendation_exceptions(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto on = day_param(request);
    if (!on) return http::problem(on.error(), request);
    auto ids = partnerships_asked(request, context);
    if (!ids) return http::problem(ids.error(), request);
    json::array rows;
    for (const auto& e : ids->empty() ? std::vector<RecommendationException>{} : exceptions_in(db, *ids, *on)) {
        auto row = recommendation_json(e.monitor);
        row["case"] = std::to_string(e.case_id);
        row["reference"] = e.reference;
        rows.push_back(std::move(row));
    }
    return Response::json(json::object{{"on", *on}, {"recommendations", std::move(rows)}});
}

}  // namespace

void add_routes(http::Router& router, api::ApiInfo& api, std::shared_ptr<const Vault> vault) {
    using M = http::Method;
    const auto read = http::Access::needs(access::Permission::case_reviews_read);
    const auto write = http::Access::needs(access::Permission::case_reviews_write);
    // A case is need-to-know: anyone signed in who asks for one outside their
    // reach (or without case_reviews.read at all) is told there is no such
    // review, never that it exists; the handlers check (policy.hpp).
    const auto one_case = http::Access::any_user();
    add_schemas(api);
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        doc.tag = "reviews";
        router.add({method, std::move(pattern), std::move(handler), http::Execution::worker, std::move(doc), access});
    };
    add(M::get, "/api/v1/reviews", list_cases,
        {"Open learning review cases (status=all for closed too), each with its next deadline", "",
         {{"partnership", "a partnership's id"}, {"status", "open (the default) or all"}}, "ReviewSummary", true},
        read);
    add(M::post, "/api/v1/reviews", create_review, {"Record a serious incident case", "", {}, "Review", false}, write);
    add(M::get, "/api/v1/reviews/{id}", show_review,
        {"One case whole: clock, terms of reference, agency reports, recommendations, learning shared", "",
         {{"on", "the day the clock is read on (default today)"}}, "Review", false},
        one_case);
    add(M::patch, "/api/v1/reviews/{id}", change_review,
        {"Change a case's reference, dates, agencies, status or lessons", "", {}, "Review", false}, one_case);
    add(M::post, "/api/v1/reviews/{id}/decision", record_decision,
        {"Record the decision after the rapid review and the statutory partner who ratified it", "", {}, "Review",
         false},
        one_case);
    add(M::post, "/api/v1/reviews/{id}/steps", record_step_done,
        {"Record a step of the review done, with its evidence", "", {}, "Review", false}, one_case);
    add(M::get, "/api/v1/reviews/{id}/clock", review_clock,
        {"The case's statutory clock: each step's due date, whether done, working days left, overdue", "",
         {{"on", "the day the clock is read on (default today)"}}, "ReviewClock", false},
        one_case);
    add(M::get, "/api/v1/reports/review-deadlines", review_deadlines,
        {"Every open case's deadlines, nearest first, and the learning not yet confirmed shared", "",
         {{"on", "YYYY-MM-DD (default today)"}, {"partnership", "a partnership's id"}}, "ReviewDeadlines", false},
        read);
    add(M::get, "/api/v1/reports/review-recommendations", recommendation_exceptions,
        {"Every review recommendation not finished that has an exception (not signed off, overdue, off track, "
         "no progress this quarter), for the Executive and the Board",
         "",
         {{"on", "YYYY-MM-DD (default today)"}, {"partnership", "a partnership's id"}},
         "ReviewRecommendationExceptions",
         false},
        read);
    add_learning_routes(router, std::move(vault));
}

}  // namespace safeboard::reviews
