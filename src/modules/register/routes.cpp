#include <charconv>

#include <boost/json.hpp>

#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/api/pagination.hpp"
#include "platform/http/problem.hpp"

SAFEBOARD_EMBEDDED_TABLE(register_migrations)

namespace safeboard::register_ {

namespace json = boost::json;

namespace {

json::object to_json(const Partnership& p) {
    return {{"id", std::to_string(p.id)}, {"code", p.code}, {"name", p.name}};
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

http::Response list(const http::Request& request, http::Context& context) {
    auto page = api::page_request(request);
    if (!page) return http::problem(page.error(), request);
    std::optional<std::int64_t> after;
    if (page->after) {
        after = parse_id(*page->after);
        if (!after) return http::problem(422, "The cursor is not valid", request, {{"cursor", "is not a cursor this list issued"}});
    }
    auto reach = context.user().reach(access::Permission::register_read, access::ScopeKind::partnership);
    auto rows = list_partnerships(context.db(), page->limit + 1, after, reach);
    std::optional<std::string> more;
    if (rows.size() > static_cast<std::size_t>(page->limit)) {
        rows.pop_back();
        more = std::to_string(rows.back().id);
    }
    json::array items;
    for (const auto& p : rows) items.push_back(to_json(p));
    return http::Response::json(api::list_body(std::move(items), *page, more));
}

http::Response show(const http::Request& request, http::Context& context) {
    auto id = parse_id(request.path_param("id"));
    // A partnership outside the user's grants answers as a missing one does.
    bool allowed = id && context.user().can(access::Permission::register_read, {access::ScopeKind::partnership, *id});
    auto found = allowed ? find_partnership(context.db(), *id) : std::nullopt;
    if (!found) return http::problem(404, "There is no partnership " + request.path_param("id"), request);
    return http::Response::json(to_json(*found));
}

}  // namespace

std::span<const embed::File> migrations() { return embed::tables::register_migrations(); }

void add_routes(http::Router& router, api::ApiInfo& api) {
    const auto read = http::Access::needs(access::Permission::register_read);
    api.schemas["Partnership"] = json::object{
        {"type", "object"},
        {"required", json::array{"id", "code", "name"}},
        {"properties", json::object{{"id", {{"type", "string"}, {"description", "Opaque identifier"}}},
                                    {"code", {{"type", "string"}}},
                                    {"name", {{"type", "string"}}}}}};
    router.add({http::Method::get, "/api/v1/partnerships", list, http::Execution::worker,
                {"List the partnerships this instance hosts", "register", {}, "Partnership", true}, read});
    router.add({http::Method::get, "/api/v1/partnerships/{id}", show, http::Execution::worker,
                {"One partnership", "register", {}, "Partnership", false}, read});
}

}  // namespace safeboard::register_
