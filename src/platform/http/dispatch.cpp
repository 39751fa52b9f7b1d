#include "platform/http/dispatch.hpp"

#include "platform/http/gate.hpp"

#include <random>

#include <boost/url/parse.hpp>

#include "platform/db/database.hpp"
#include "platform/http/problem.hpp"
#include "platform/log/log.hpp"

namespace safeboard::http {

namespace {

bool safe_request_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool wants_html(const Request& request) {
    if (request.path.starts_with("/api/")) return false;
    auto accept = request.header("accept");
    return accept && accept->find("text/html") != std::string::npos;
}

}  // namespace

std::string request_id_for(const std::optional<std::string>& incoming) {
    if (incoming && safe_request_id(*incoming)) return *incoming;
    // Ids need to be unique, not secret: a per-thread generator seeded from the OS.
    thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char hex[] = "0123456789abcdef";
    std::string id(32, '0');
    for (std::size_t i = 0; i < id.size(); i += 16) {
        std::uint64_t bits = generator();
        for (std::size_t j = 0; j < 16; ++j) id[i + j] = hex[(bits >> (j * 4)) & 0xF];
    }
    return id;
}

bool parse_target(Request& request) {
    auto url = boost::urls::parse_origin_form(request.target);
    if (!url) return false;
    request.path = url->path();
    if (request.path.empty()) request.path = "/";
    request.query.clear();
    for (auto param : url->params()) {
        request.query.emplace_back(param.key, param.has_value ? param.value : std::string());
    }
    return true;
}

Response error_response(unsigned status, std::string detail, const Request& request,
                        const ErrorPage& error_page) {
    if (error_page && wants_html(request)) {
        if (auto page = error_page(status, request)) return std::move(*page);
    }
    return problem(status, std::move(detail), request);
}

Response browser_friendly(Response response, const Request& request, const ErrorPage& error_page) {
    if (response.content_type != "application/problem+json" || !error_page || !wants_html(request)) {
        return response;
    }
    if (auto page = error_page(response.status, request)) return std::move(*page);
    return response;
}

namespace {

// What the Gate let through is checked once more here, so a Gate that forgets
// a case still cannot open a route.
std::optional<Response> refuse_by_default(const Route& route, const Request& request, const Context& context) {
    if (route.access.kind == Access::Kind::undeclared) {
        log::error("refused a route that declares no access", {{"request_id", request.request_id},
                                                               {"route", route.pattern}});
        return problem(403, "This address is not open to anyone", request);
    }
    if (route.access.is_open() || context.principal()) return std::nullopt;
    return problem(401, "Sign in to use this", request);
}

}  // namespace

Response invoke(const Route& route, const Request& request, db::Pool* pool, Gate* gate) {
    try {
        Context context(pool, request.request_id);
        if (gate) {
            if (auto refusal = gate->admit(route, request, context)) return std::move(*refusal);
        }
        if (auto refusal = refuse_by_default(route, request, context)) return std::move(*refusal);
        Response response = route.handler(request, context);
        for (auto& header : context.response_headers) response.headers.push_back(std::move(header));
        return response;
    } catch (const db::DatabaseError& e) {
        bool unavailable = e.code() == db::ErrorCode::busy || e.code() == db::ErrorCode::connection;
        log::error("database error", {{"request_id", request.request_id},
                                      {"route", route.pattern},
                                      {"error", e.what()}});
        if (unavailable) {
            return problem(503, "The database is busy or unreachable; try again shortly", request);
        }
        return problem(500, "An unexpected error occurred", request);
    } catch (const std::exception& e) {
        log::error("handler failed", {{"request_id", request.request_id},
                                      {"route", route.pattern},
                                      {"error", e.what()}});
        return problem(500, "An unexpected error occurred", request);
    }
}

}  // namespace safeboard::http
