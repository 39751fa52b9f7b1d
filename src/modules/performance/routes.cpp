// The performance API under /api/v1: the indicator library and each
// indicator's returned values across periods; returns, entered, submitted,
// queried and accepted; the import of returns from a CSV file. Completeness
// and exceptions are in routes_reports.cpp. Who sees what is policy.hpp's:
// a draft is seen only by those who enter it, and a record of a partnership
// whose figures the user does not read answers 404.
#include <boost/json.hpp>

#include "modules/performance/import.hpp"
#include "modules/register/choices.hpp"
#include "modules/performance/module.hpp"
#include "modules/performance/routes_support.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/store.hpp"
#include "modules/performance/vocabulary.hpp"
#include "platform/api/import_answer.hpp"
#include "platform/api/json_fields.hpp"
#include "platform/auth/page.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/core/time.hpp"
#include "platform/http/problem.hpp"

namespace safeboard::performance {

namespace json = boost::json;
using http::Request;
using http::Response;

// ---- what every route file shares ------------------------------------------------------------

namespace api_query {

std::string today() { return calendar::uk_today(system_now()); }

Result<std::int64_t> partnership_asked(const Request& request, db::Connection& db, const Reach& reach) {
    if (auto text = request.query_param("partnership")) {
        auto id = auth::parse_id(*text);
        if (!id) return invalid({{"partnership", "must be a partnership's id"}});
        if (!may_read_figures(reach, *id)) return fail(ErrorKind::not_found, "No such partnership");
        return *id;
    }
    std::vector<std::int64_t> ids;
    for (const auto& p : register_::partnerships_in(db, reach.read)) ids.push_back(p.id);
    for (auto id : reach.review.ids) {
        if (std::ranges::find(ids, id) == ids.end()) ids.push_back(id);
    }
    if (ids.size() == 1) return ids.front();
    if (ids.empty()) return fail(ErrorKind::not_found, "You read no partnership's figures");
    return invalid({{"partnership", "You read the figures of several partnerships: name one by its id"}});
}

Result<Period> period_asked(const Request& request, db::Connection& db, std::int64_t partnership_id) {
    auto start = request.query_param("period_start").value_or("");
    auto end = request.query_param("period_end").value_or("");
    std::vector<FieldError> errors;
    if (start.empty()) errors.push_back({"period_start", "Give the period's first day, like 2011-10-01"});
    if (end.empty()) errors.push_back({"period_end", "Give the period's last day, like 2011-12-31"});
    if (!errors.empty()) return invalid(std::move(errors));
    return performance::period_asked(db, partnership_id, start, end);
}

Result<std::optional<std::string>> day_param(const Request& request, const std::string& name) {
    auto text = request.query_param(name);
    if (!text || text->empty()) return std::optional<std::string>{};
    auto day = parse_day(*text);
    if (!day) return invalid({{name, "must be a date like 2011-10-01"}});
    return day;
}

}  // namespace api_query

namespace {

using namespace api_json;
using namespace api_query;

const std::vector<std::string> indicator_columns{"code",      "title",       "definition",  "unit", "numerator",
                                                 "denominator", "polarity", "frequency", "returned_by", "source"};

Response list_indicators(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto partnership = partnership_asked(request, db, reach);
    if (!partnership) return http::problem(partnership.error(), request);
    json::array items;
    for (const auto& i : indicators_of(db, *partnership)) items.push_back(indicator_json(i));
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

// The indicator of the path's {code} in the partnership the query names.
Result<Indicator> indicator_asked(const Request& request, db::Connection& db, const Reach& reach) {
    auto partnership = partnership_asked(request, db, reach);
    if (!partnership) return std::unexpected(partnership.error());
    auto found = find_indicator_by_code(db, *partnership, request.path_param("code"));
    if (!found) return fail(ErrorKind::not_found, "No such indicator");
    return *found;
}

Response show_indicator(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto indicator = indicator_asked(request, db, reach_of(db, context.user()));
    if (!indicator) return http::problem(indicator.error(), request);
    return Response::json(indicator_json(*indicator));
}

Response indicator_values(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto indicator = indicator_asked(request, db, reach_of(db, context.user()));
    if (!indicator) return http::problem(indicator.error(), request);
    TrendQuery query;
    std::vector<FieldError> errors;
    auto from = day_param(request, "from");
    auto to = day_param(request, "to");
    if (!from) errors.push_back(from.error().fields.front());
    if (!to) errors.push_back(to.error().fields.front());
    if (auto text = request.query_param("organisation"); text && !text->empty()) {
        // 0 names the partnership's own return.
        auto id = *text == "0" ? std::optional<std::int64_t>{0} : auth::parse_id(*text);
        if (!id) errors.push_back({"organisation", "must be an organisation's id, or 0 for the partnership's own"});
        query.organisation = id;
    }
    if (!errors.empty()) return http::problem(invalid(std::move(errors)).error(), request);
    query.from = *from;
    query.to = *to;
    auto trend = performance::trend(db, *indicator, query);
    json::array periods;
    for (const auto& point : trend.points) {
        auto row = period_json(point.period);
        row["partnership_figure"] = aggregate_json(point.aggregate);
        row["target"] = target_json(point.target);
        row["rag"] = rag_json(point.rag);
        periods.push_back(std::move(row));
    }
    json::array values;
    for (const auto& series : trend.returners) {
        for (std::size_t k = 0; k < series.points.size() && k < trend.points.size(); ++k) {
            if (!series.points[k]) continue;
            auto row = rated_json(*series.points[k]);
            row["period"] = period_json(trend.points[k].period);
            values.push_back(std::move(row));
        }
    }
    return Response::json(json::object{{"indicator", indicator_json(*indicator)},
                                       {"periods", std::move(periods)},
                                       {"values", std::move(values)}});
}

// A new indicator, or a change to one; the caller has checked the partnership.
Response save_indicator_from(const Request& request, http::Context& context, std::int64_t partnership,
                             std::optional<std::int64_t> id) {
    auto& db = context.db();
    auto fields = api::fields_from(request, indicator_columns, {"partnership"});
    if (!fields) return http::problem(fields.error(), request);
    fields->erase("partnership");
    Result<std::int64_t> saved = 0;
    {
        db::Transaction transaction(db);
        saved = save_indicator(db, partnership, *fields, id, auth::actor_of(request, context.user()));
        if (saved) transaction.commit();
    }
    if (!saved) return http::problem(saved.error(), request);
    return Response::json(indicator_json(*find_indicator(db, *saved)), id ? 200 : 201);
}

// `handler(partnership)` for the partnership the query names, when the user
// manages it; otherwise the problem (not found, or 403 recorded).
template <typename Handler>
Response managing(const Request& request, http::Context& context, Handler handler) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto partnership = partnership_asked(request, db, reach);
    if (!partnership) return http::problem(partnership.error(), request);
    if (!may_manage(reach, *partnership)) {
        return auth::refuse(request, context, "performance.write is not held for partnership " +
                                                  std::to_string(*partnership));
    }
    return handler(*partnership);
}

Response create_indicator_route(const Request& request, http::Context& context) {
    return managing(request, context, [&](std::int64_t partnership) {
        return save_indicator_from(request, context, partnership, std::nullopt);
    });
}

Response change_indicator_route(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto indicator = indicator_asked(request, db, reach);
    if (!indicator) return http::problem(indicator.error(), request);
    if (!may_manage(reach, indicator->partnership_id)) {
        return auth::refuse(request, context, "performance.write is not held for indicator " +
                                                  std::to_string(indicator->id));
    }
    return save_indicator_from(request, context, indicator->partnership_id, indicator->id);
}

// ---- returns ----------------------------------------------------------------------------------

Response list_returns(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto partnership = partnership_asked(request, db, reach);
    if (!partnership) return http::problem(partnership.error(), request);
    std::optional<ReturnStatus> status;
    if (auto text = request.query_param("status"); text && !text->empty()) {
        status = parse_term<ReturnStatus>(*text);
        if (!status) {
            return http::problem(422, "The query has errors", request,
                                 {{"status", "must be one of " + codes_list<ReturnStatus>()}});
        }
    }
    // Both dates name one period; neither lists every period's returns.
    std::vector<Period> periods;
    if (request.query_param("period_start") || request.query_param("period_end")) {
        auto period = period_asked(request, db, *partnership);
        if (!period) return http::problem(period.error(), request);
        if (period->id != 0) periods.push_back(*period);
    } else {
        periods = list_periods(db, {*partnership, std::nullopt, std::nullopt, std::nullopt});
    }
    json::array items;
    for (const auto& period : periods) {
        for (const auto& ret : visible(reach, returns_of_period(db, period.id))) {
            if (status && ret.status != *status) continue;
            auto row = return_json(ret);
            row["period_name"] = period.name;
            row["period_start"] = period.starts_on;
            row["period_end"] = period.ends_on;
            items.push_back(std::move(row));
        }
    }
    return Response::json(json::object{{"items", std::move(items)}, {"next", nullptr}});
}

// The return of the path's {id} when the user may see it.
std::optional<Return> return_asked(const Request& request, http::Context& context, const Reach& reach) {
    auto id = auth::path_id(request);
    if (!id) return std::nullopt;
    auto found = find_return(context.db(), *id);
    if (!found || !may_read(reach, *found)) return std::nullopt;
    return found;
}

Response return_answer(db::Connection& db, std::int64_t id, unsigned status = 200) {
    auto ret = *find_return(db, id);
    auto body = return_detail_json(ret, values_of(db, id), events_of(db, id));
    if (auto period = find_period(db, ret.period_id)) body["period_detail"] = period_json(*period);
    return Response::json(std::move(body), status);
}

Response show_return(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto ret = return_asked(request, context, reach_of(db, context.user()));
    if (!ret) return auth::missing(request, "return");
    return return_answer(db, ret->id);
}

// Starts the return of an organisation (or, with none, the partnership's
// own) for a period; the one already started when there is one.
Response start_return(const Request& request, http::Context& context) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto fields = api::fields_from(request, {"partnership", "organisation", "period_start", "period_end"});
    if (!fields) return http::problem(fields.error(), request);
    auto partnership = auth::parse_id(fields::get(*fields, "partnership"));
    if (!partnership || !may_read_figures(reach, *partnership)) {
        return http::problem(422, "The return has errors", request,
                             {{"partnership", "Choose a partnership whose figures you read"}});
    }
    std::optional<std::int64_t> organisation;
    if (auto text = fields::get(*fields, "organisation"); !text.empty()) {
        organisation = auth::parse_id(text);
        bool member = false;
        if (organisation) {
            for (const auto& o : organisations_of(db, *partnership)) member = member || o.id == *organisation;
        }
        if (!member) {
            return http::problem(422, "The return has errors", request,
                                 {{"organisation", "Choose an organisation of the partnership"}});
        }
    }
    Return probe;
    probe.partnership_id = *partnership;
    probe.organisation_id = organisation;
    if (!may_edit(reach, probe)) {
        return auth::refuse(request, context, organisation ? "returns.write is not held for organisation " +
                                                                 std::to_string(*organisation)
                                                           : "performance.write is not held for partnership " +
                                                                 std::to_string(*partnership));
    }
    std::int64_t id = 0;
    bool existed = false;
    {
        db::Transaction transaction(db);
        auto actor = auth::actor_of(request, context.user());
        auto period = period_for(db, *partnership, fields::get(*fields, "period_start"),
                                 fields::get(*fields, "period_end"), actor);
        if (!period) return http::problem(period.error(), request);
        existed = find_return_of(db, period->id, organisation).has_value();
        id = return_for(db, *period, organisation, actor).id;
        transaction.commit();
    }
    return return_answer(db, id, existed ? 200 : 201);
}

// Runs a change of one return in a write transaction, after the checks
// every change shares: the user sees it (else 404) and may make the change (else 403).
template <typename May, typename Change>
Response change_return(const Request& request, http::Context& context, May may, std::string_view permission,
                       Change change) {
    auto& db = context.db();
    auto reach = reach_of(db, context.user());
    auto ret = return_asked(request, context, reach);
    if (!ret) return auth::missing(request, "return");
    if (!may(reach, *ret)) {
        return auth::refuse(request, context,
                            std::string(permission) + " is not held for return " + std::to_string(ret->id));
    }
    Status status;
    {
        db::Transaction transaction(db);
        status = change(db, *ret, auth::actor_of(request, context.user()));
        if (status) transaction.commit();
    }
    if (!status) return http::problem(status.error(), request);
    return return_answer(db, ret->id);
}

// {"values": {"DBS01": {"value": 88, "numerator": 88, "denominator": 100, "note": ""}}}
// as the form's fields (rules.hpp value_field); numbers and strings alike.
Result<Fields> value_fields(const Request& request) {
    boost::system::error_code ec;
    auto body = json::parse(request.body, ec);
    if (ec || !body.is_object() || !body.as_object().contains("values") ||
        !body.as_object().at("values").is_object()) {
        return invalid({{"values", "Send an object: {\"values\": {\"CODE\": {\"value\": 88, \"note\": \"\"}}}"}});
    }
    Fields fields;
    std::vector<FieldError> errors;
    for (const auto& [code, parts] : body.as_object().at("values").as_object()) {
        if (!parts.is_object()) {
            errors.push_back({value_field(code, "value"), "must be an object of value, numerator, denominator, note"});
            continue;
        }
        for (const auto& [part, given] : parts.as_object()) {
            auto name = value_field(code, part);
            if (part != "value" && part != "numerator" && part != "denominator" && part != "note") {
                errors.push_back({name, "is not a field of a value"});
            } else if (given.is_string()) {
                fields[name] = std::string(given.as_string());
            } else if (given.is_number()) {
                fields[name] = json::serialize(given);
            } else if (!given.is_null()) {
                errors.push_back({name, "must be a number or text"});
            }
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return fields;
}

Response put_values(const Request& request, http::Context& context) {
    auto fields = value_fields(request);
    if (!fields) return http::problem(fields.error(), request);
    return change_return(request, context, may_edit, "returns.write",
                         [&](db::Connection& db, const Return& ret, const audit::Actor& actor) {
                             return status_of(enter_values(db, ret, *fields, actor));
                         });
}

template <typename May>
Response step_route(const Request& request, http::Context& context, Step step, const std::string& text_field,
                    May may, std::string_view permission) {
    std::vector<std::string> columns;
    if (!text_field.empty()) columns.push_back(text_field);
    auto fields = request.body.empty() ? Result<Fields>(Fields{}) : api::fields_from(request, columns);
    if (!fields) return http::problem(fields.error(), request);
    auto text = text_field.empty() ? std::string() : fields::get(*fields, text_field);
    return change_return(request, context, may, permission,
                         [&](db::Connection& db, const Return& ret, const audit::Actor& actor) {
                             return status_of(take_step(db, ret, step, text, actor));
                         });
}

Response submit_return(const Request& request, http::Context& context) {
    return step_route(request, context, Step::submit, "answer", may_edit, "returns.write");
}
Response query_return(const Request& request, http::Context& context) {
    return step_route(request, context, Step::query, "question", may_review, "performance.write");
}
Response accept_return(const Request& request, http::Context& context) {
    return step_route(request, context, Step::accept, "", may_review, "performance.write");
}

Response import_returns(const Request& request, http::Context& context) {
    return managing(request, context, [&](std::int64_t partnership) {
        auto report =
            import_values(context.db(), partnership, request.body, auth::actor_of(request, context.user()), today());
        return api::import_answer(report, request);
    });
}

}  // namespace

void add_routes(http::Router& router, api::ApiInfo& api) {
    using M = http::Method;
    using access::Permission;
    const auto read = http::Access::needs(Permission::performance_read);
    add_schemas(api);
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        doc.tag = "performance";
        router.add({method, std::move(pattern), std::move(handler), http::Execution::worker, std::move(doc), access});
    };
    const http::QueryDoc partnership{"partnership",
                                     "a partnership's id (needed when you read several partnerships' figures)"};
    add(M::get, "/api/v1/indicators", list_indicators,
        {"The partnership's indicator library, by code", "", {partnership}, "Indicator", true}, read);
    add(M::post, "/api/v1/indicators", create_indicator_route,
        {"Add an indicator to the partnership's library", "", {partnership}, "Indicator", false},
        http::Access::needs(Permission::performance_write));
    add(M::get, "/api/v1/indicators/{code}", show_indicator,
        {"One indicator, with who returns it and its targets", "", {partnership}, "Indicator", false}, read);
    add(M::patch, "/api/v1/indicators/{code}", change_indicator_route,
        {"Change an indicator (its unit and frequency stay once values are returned)", "", {partnership},
         "Indicator", false},
        http::Access::needs(Permission::performance_write));
    add(M::get, "/api/v1/indicators/{code}/values", indicator_values,
        {"The indicator across periods: the partnership's figure for each, rated, and every returned value",
         "",
         {partnership,
          {"organisation", "only this organisation's values (0: the partnership's own)"},
          {"from", "periods starting on or after this day, YYYY-MM-DD"},
          {"to", "periods starting on or before this day, YYYY-MM-DD"}},
         "IndicatorValues",
         false},
        read);
    add(M::get, "/api/v1/returns", list_returns,
        {"The partnership's returns you may see (a draft only by those who enter it)", "",
         {partnership,
          {"period_start", "with period_end: one period's returns"},
          {"period_end", "the period's last day"},
          {"status", "draft, submitted, queried or accepted"}},
         "Return", true},
        read);
    add(M::post, "/api/v1/returns", start_return,
        {"Start an organisation's return for a period (or the partnership's own, with no organisation)", "", {},
         "ReturnDetail", false},
        read);
    add(M::get, "/api/v1/returns/{id}", show_return,
        {"One return with its values and history", "", {}, "ReturnDetail", false}, read);
    add(M::put, "/api/v1/returns/{id}/values", put_values,
        {"Enter a draft or queried return's values; every error at once", "", {}, "ReturnDetail", false}, read);
    add(M::post, "/api/v1/returns/{id}/submit", submit_return,
        {"Submit the return (a queried one with an answer)", "", {}, "ReturnDetail", false}, read);
    add(M::post, "/api/v1/returns/{id}/query", query_return,
        {"Send a question back to the agency about its submitted return", "", {}, "ReturnDetail", false}, read);
    add(M::post, "/api/v1/returns/{id}/accept", accept_return,
        {"Accept a submitted return", "", {}, "ReturnDetail", false}, read);
    add(M::post, "/api/v1/returns/import", import_returns,
        {"Import returned values from a CSV body (organisation,indicator,period_start,period_end,value,note): "
         "all or nothing, errors by row",
         "",
         {partnership},
         "ImportReport",
         false},
        http::Access::needs(Permission::performance_write));
    add_report_routes(router, api);
}

}  // namespace safeboard::performance
