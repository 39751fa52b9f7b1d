// The learning reviews API, continued: agency reports, terms of reference,
// recommendations (into the plans module's register) and their sign-off,
// the learning shared, and the sensitive details (sealed by the vault,
// every read audited).
#include <boost/json.hpp>

#include "modules/register/store.hpp"
#include "modules/reviews/json_view.hpp"
#include "modules/reviews/module.hpp"
#include "modules/reviews/routes_support.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/store.hpp"

namespace safeboard::reviews {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

using namespace detail;

// A list of one case's records.
template <typename List>
Response list_of(const Request& request, http::Context& context, List list) {
    auto c = case_of(request, context);
    if (!c) return auth::missing(request, "review");
    return Response::json(list(context.db(), *c));
}

Response agency_reports(const Request& request, http::Context& context) {
    return list_of(request, context, [](db::Connection& db, const Case& c) {
        json::array items;
        for (const auto& r : agency_reports_of(db, c.id)) items.push_back(report_json(r));
        return json::object{{"items", std::move(items)}, {"next", nullptr}};
    });
}

Response commission_report(const Request& request, http::Context& context) {
    return change(
        request, context, {"organisation", "due_on", "senior_manager", "received_on"},
        [](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
            return status_of(save_agency_report(db, c, f, std::nullopt, today(), actor));
        },
        201);
}

Response receive_report(const Request& request, http::Context& context) {
    auto report_id = auth::path_id(request, "report");
    return change(request, context, {"received_on"},
                  [&](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
                      auto report = report_id ? find_agency_report(db, *report_id) : std::nullopt;
                      if (!report || report->case_id != c.id) {
                          return Status{invalid({{"report", "This agency report is not the case's"}})};
                      }
                      return status_of(save_agency_report(db, c, f, report->id, today(), actor));
                  });
}

Response terms_of_reference(const Request& request, http::Context& context) {
    return list_of(request, context, [](db::Connection& db, const Case& c) {
        json::array items;
        for (const auto& t : terms_of_reference_of(db, c.id)) items.push_back(terms_json(t));
        return json::object{{"items", std::move(items)}, {"next", nullptr}};
    });
}

Response add_terms(const Request& request, http::Context& context) {
    return change(
        request, context, {"summary"},
        [](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
            return status_of(save_terms_of_reference(db, c, f, actor));
        },
        201);
}

Response sign_off_terms_route(const Request& request, http::Context& context) {
    auto terms_id = auth::path_id(request, "terms");
    return change(request, context, {"signed_off_by", "signed_off_on"},
                  [&](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
                      return sign_off_terms(db, c, terms_id.value_or(0), f, today(), actor);
                  });
}

Response recommendations(const Request& request, http::Context& context) {
    auto on = day_param(request);
    if (!on) return http::problem(on.error(), request);
    return list_of(request, context, [&](db::Connection& db, const Case& c) {
        json::array items;
        for (const auto& r : view_of(db, c, *on).recommendations) items.push_back(recommendation_json(r));
        return json::object{{"items", std::move(items)}, {"next", nullptr}};
    });
}

Response add_recommendation(const Request& request, http::Context& context) {
    auto reach = register_::partnership_reach(context.db(), context.user(), access::Permission::plans_read);
    return change(
        request, context,
        {"number", "recommendation", "owner", "response", "acceptance", "acceptance_reasons", "resource_implications",
         "action", "timescale", "target_date", "responsibility", "operational_lead", "senior_lead", "status"},
        [&](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
            return status_of(save_recommendation(db, c, f, reach, actor));
        },
        201);
}

Response sign_off_recommendation_route(const Request& request, http::Context& context) {
    auto recommendation_id = auth::path_id(request, "recommendation");
    return change(request, context, {"signed_off_by", "signed_off_on"},
                  [&](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
                      return sign_off_recommendation(db, c, recommendation_id.value_or(0), f, today(), actor);
                  });
}

Response dissemination(const Request& request, http::Context& context) {
    return list_of(request, context,
                   [](db::Connection& db, const Case& c) { return dissemination_json(view_of(db, c, today())); });
}

Response confirm_shared(const Request& request, http::Context& context) {
    return change(
        request, context, {"organisation", "level", "confirmed_on", "evidence"},
        [](db::Connection& db, const Case& c, const Fields& f, const auto& actor) {
            return save_confirmation(db, c, f, today(), actor);
        },
        201);
}

// ---- sensitive details ----------------------------------------------------------------------------

Response no_vault(const Request& request) {
    return http::problem(503, "Sensitive details are not available: no key file is configured (reviews_key_file)",
                         request);
}

Response read_sensitive(const Request& request, http::Context& context, const Vault* vault) {
    auto c = case_of(request, context);
    if (!c) return auth::missing(request, "review");
    if (!vault) return no_vault(request);
    auto& db = context.db();
    db::Transaction transaction(db);  // the read is audited, which is a write
    auto details = read_sensitive_details(db, *vault, c->id, auth::actor_of(request, context.user()));
    if (!details) return http::problem(500, "A sensitive detail could not be decrypted", request);
    transaction.commit();
    json::object fields;
    for (const auto& [field, text] : *details) fields[field] = text;
    auto response = Response::json(json::object{{"case", std::to_string(c->id)}, {"details", std::move(fields)}});
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// A field name: lower-case letters, digits and underscores, as a column's.
bool field_name(std::string_view name) {
    if (name.empty() || name.size() > 60) return false;
    return std::ranges::all_of(name, [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
}

Response write_sensitive(const Request& request, http::Context& context, const Vault* vault) {
    auto& db = context.db();
    auto c = case_of(request, context);
    if (!c) return auth::missing(request, "review");
    if (!may_change(db, context.user(), *c)) {
        return auth::refuse(request, context, "case_reviews.write is not held for review " + std::to_string(c->id));
    }
    if (!vault) return no_vault(request);
    boost::system::error_code ec;
    auto body = json::parse(request.body, ec);
    if (ec || !body.is_object()) return http::problem(400, "The body must be a JSON object of field → text", request);
    FieldErrors errors;
    std::map<std::string, std::string> details;
    for (const auto& [key, value] : body.as_object()) {
        std::string field(key);
        if (!field_name(field)) errors.push_back({field, "A field name is lower-case letters, digits and _"});
        else if (!value.is_string()) errors.push_back({field, "must be text"});
        else if (auto problem = check_line(field, field, value.as_string().c_str(), 1, 2000)) errors.push_back(*problem);
        else details[field] = value.as_string().c_str();
    }
    if (details.empty() && errors.empty()) errors.push_back({"body", "Give at least one detail"});
    if (!errors.empty()) return http::problem(422, "The details have errors", request, errors);
    {
        db::Transaction transaction(db);
        for (const auto& [field, text] : details) {
            set_sensitive_detail(db, *vault, c->id, field, text, auth::actor_of(request, context.user()));
        }
        transaction.commit();
    }
    return Response::json(json::object{{"case", std::to_string(c->id)}, {"stored", details.size()}});
}

}  // namespace

void add_learning_routes(http::Router& router, std::shared_ptr<const Vault> vault) {
    using M = http::Method;
    // Need to know: every route here is about one case, which answers 404
    // outside the user's reach (routes.cpp).
    const auto read = http::Access::any_user();
    const auto write = http::Access::any_user();
    auto add = [&](M method, std::string pattern, http::Handler handler, http::RouteDoc doc, http::Access access) {
        doc.tag = "reviews";
        router.add({method, std::move(pattern), std::move(handler), http::Execution::worker, std::move(doc), access});
    };
    add(M::get, "/api/v1/reviews/{id}/agency-reports", agency_reports,
        {"The agency reports (IMRs) a case commissioned", "", {}, "AgencyReport", true}, read);
    add(M::post, "/api/v1/reviews/{id}/agency-reports", commission_report,
        {"Commission an agency report: agency, due date, senior manager to chase", "", {}, "Review", false}, write);
    add(M::post, "/api/v1/reviews/{id}/agency-reports/{report}/received", receive_report,
        {"Mark an agency report received", "", {}, "Review", false}, write);
    add(M::get, "/api/v1/reviews/{id}/terms-of-reference", terms_of_reference,
        {"Every version of the case's terms of reference", "", {}, "TermsOfReference", true}, read);
    add(M::post, "/api/v1/reviews/{id}/terms-of-reference", add_terms,
        {"A new version of the terms of reference (to be signed off)", "", {}, "Review", false}, write);
    add(M::post, "/api/v1/reviews/{id}/terms-of-reference/{terms}/sign-off", sign_off_terms_route,
        {"The chair signs off a version of the terms of reference", "", {}, "Review", false}, write);
    add(M::get, "/api/v1/reviews/{id}/recommendations", recommendations,
        {"The review's recommendations with their actions, sign-off and exceptions", "",
         {{"on", "the day exceptions are judged on (default today)"}}, "ReviewRecommendation", true},
        read);
    add(M::post, "/api/v1/reviews/{id}/recommendations", add_recommendation,
        {"Add a recommendation (and an action of it) to the recommendations register", "", {}, "Review", false},
        write);
    add(M::post, "/api/v1/reviews/{id}/recommendations/{recommendation}/sign-off", sign_off_recommendation_route,
        {"The agency concerned signs off a recommendation", "", {}, "Review", false}, write);
    add(M::get, "/api/v1/reviews/{id}/dissemination", dissemination,
        {"Each agency's confirmations that the learning was shared, and those missing", "", {}, "Dissemination",
         false},
        read);
    add(M::post, "/api/v1/reviews/{id}/dissemination", confirm_shared,
        {"Record an agency's confirmation that the learning was shared at a level", "", {}, "Review", false}, write);
    const Vault* sealed = vault.get();
    add(M::get, "/api/v1/reviews/{id}/sensitive-details",
        [vault, sealed](const Request& request, http::Context& context) {
            return read_sensitive(request, context, sealed);
        },
        {"The case's identifying details, decrypted (every read is audited)", "", {}, "SensitiveDetails", false}, read);
    add(M::put, "/api/v1/reviews/{id}/sensitive-details",
        [vault, sealed](const Request& request, http::Context& context) {
            return write_sensitive(request, context, sealed);
        },
        {"Keep identifying details, encrypted at rest", "", {}, "SensitiveDetailsStored", false}, write);
}

}  // namespace safeboard::reviews
