#include "platform/api/openapi.hpp"

#include <boost/json.hpp>

#include "platform/api/pagination.hpp"

namespace safeboard::api {

namespace json = boost::json;

namespace {

bool is_api(const http::Route& route) { return route.pattern.starts_with(api_prefix); }

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

json::object problem_schema() {
    json::object field_error{{"type", "object"},
                             {"required", json::array{"field", "message"}},
                             {"properties", json::object{{"field", {{"type", "string"}}},
                                                         {"message", {{"type", "string"}}}}}};
    return {{"type", "object"},
            {"description", "RFC 9457 problem details"},
            {"required", json::array{"type", "title", "status"}},
            {"properties", json::object{{"type", {{"type", "string"}}},
                                        {"title", {{"type", "string"}}},
                                        {"status", {{"type", "integer"}}},
                                        {"detail", {{"type", "string"}}},
                                        {"instance", {{"type", "string"}}},
                                        {"request_id", {{"type", "string"}}},
                                        {"errors", {{"type", "array"}, {"items", field_error}}}}}};
}

json::array parameters(const http::Route& route) {
    json::array params;
    std::string_view pattern = route.pattern;
    for (std::size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
        auto close = pattern.find('}', open);
        std::string name(pattern.substr(open + 1, close - open - 1));
        if (name.ends_with('*')) name.pop_back();
        params.push_back(json::object{{"name", name}, {"in", "path"}, {"required", true},
                                      {"schema", {{"type", "string"}}}});
    }
    if (route.doc.list) {
        params.push_back(json::object{{"name", "limit"}, {"in", "query"},
                                      {"description", "Items per page, 1 to " + std::to_string(max_limit)},
                                      {"schema", {{"type", "integer"}, {"default", default_limit},
                                                  {"minimum", 1}, {"maximum", max_limit}}}});
        params.push_back(json::object{{"name", "cursor"}, {"in", "query"},
                                      {"description", "The `next` value of the previous page"},
                                      {"schema", {{"type", "string"}}}});
    }
    for (const auto& q : route.doc.query) {
        params.push_back(json::object{{"name", q.name}, {"in", "query"}, {"required", q.required},
                                      {"description", q.description}, {"schema", {{"type", q.type}}}});
    }
    return params;
}

json::object success_schema(const http::Route& route) {
    json::object item = route.doc.response_schema.empty()
                            ? json::object{{"type", "object"}}
                            : json::object{{"$ref", "#/components/schemas/" + route.doc.response_schema}};
    if (!route.doc.list) return item;
    return {{"type", "object"},
            {"required", json::array{"items", "next"}},
            {"properties", json::object{{"items", {{"type", "array"}, {"items", item}}},
                                        {"next", {{"type", json::array{"string", "null"}}}}}}};
}

json::object operation(const http::Route& route) {
    json::object problem_ref{{"$ref", "#/components/schemas/Problem"}};
    json::object problem_response{{"description", "Problem"},
                                  {"content", {{"application/problem+json", {{"schema", problem_ref}}}}}};
    json::object ok{{"description", "OK"},
                    {"content", {{"application/json", {{"schema", success_schema(route)}}}}}};
    std::string id = lower(http::to_string(route.method));
    for (char c : route.pattern.substr(api_prefix.size() - 1)) {
        id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    json::object op{{"operationId", id},
                    {"summary", route.doc.summary},
                    {"parameters", parameters(route)},
                    {"responses", {{"200", ok}, {"default", problem_response}}}};
    if (!route.doc.tag.empty()) op["tags"] = json::array{route.doc.tag};
    return op;
}

}  // namespace

json::value openapi_document(const http::Router& router, const ApiInfo& info) {
    json::object paths;
    for (const http::Route* route : router.routes()) {
        if (!is_api(*route)) continue;
        std::string path = route->pattern;
        if (auto star = path.find("*}"); star != std::string::npos) path.erase(star, 1);
        json::value& item = paths[path];
        if (!item.is_object()) item.emplace_object();
        item.as_object()[lower(http::to_string(route->method))] = operation(*route);
    }
    json::object schemas;
    schemas["Problem"] = problem_schema();
    for (const auto& [name, schema] : info.schemas) schemas[name] = schema;
    return json::object{{"openapi", "3.1.0"},
                        {"info", {{"title", info.title}, {"version", info.version}}},
                        {"paths", std::move(paths)},
                        {"components", {{"schemas", std::move(schemas)}}}};
}

std::vector<std::string> undescribed_routes(const http::Router& router, const ApiInfo& info) {
    std::vector<std::string> missing;
    for (const http::Route* route : router.routes()) {
        if (!is_api(*route)) continue;
        std::string name = std::string(http::to_string(route->method)) + " " + route->pattern;
        if (route->doc.summary.empty()) missing.push_back(name + ": no summary");
        const auto& schema = route->doc.response_schema;
        if (!schema.empty() && !info.schemas.contains(schema)) {
            missing.push_back(name + ": unknown schema " + schema);
        }
    }
    return missing;
}

void add_openapi_route(http::Router& router, const ApiInfo& info) {
    http::Route route;
    route.method = http::Method::get;
    route.pattern = std::string(api_prefix) + "openapi.json";
    route.execution = http::Execution::io;
    route.access = http::Access::anyone();  // describes the API; holds no data
    route.doc = {"This document: the OpenAPI 3.1 description of the API", "meta", {}, "", false};
    // Built on each request from the final table: cheap, and never stale.
    route.handler = [&router, info](const http::Request&, http::Context&) {
        return http::Response::json(openapi_document(router, info));
    };
    router.add(std::move(route));
}

}  // namespace safeboard::api
