#include "platform/web/routes.hpp"

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "platform/log/log.hpp"

SAFEBOARD_EMBEDDED_TABLE(web_assets)
SAFEBOARD_EMBEDDED_TABLE(web_templates)
SAFEBOARD_EMBEDDED_TABLE(web_partials)

namespace safeboard::web {

namespace {

using kainjow::mustache::data;

constexpr std::string_view start_title = "Run your safeguarding children partnership";
constexpr std::string_view not_found_title = "Page not found";
constexpr std::string_view error_title = "Sorry, there is a problem with the service";

PageOptions titled(std::string_view title) {
    PageOptions options;
    options.title = std::string(title);
    return options;
}

http::Response start_page(const Templates& templates) {
    return http::Response::html(templates.page("start", data{}, titled(start_title)));
}

http::Route io_get(std::string pattern, http::Handler handler, std::string summary) {
    http::Route route;
    route.method = http::Method::get;
    route.pattern = std::move(pattern);
    route.handler = std::move(handler);
    route.execution = http::Execution::io;
    route.access = http::Access::anyone();
    route.doc.summary = std::move(summary);
    route.doc.tag = "web";
    return route;
}

}  // namespace

WebShell::WebShell(std::span<const embed::File> asset_files, std::span<const embed::File> template_files)
    : assets(asset_files), templates(template_files, layout_globals(assets)) {}

std::unique_ptr<WebShell> WebShell::from_embedded() {
    auto shell = std::make_unique<WebShell>(embed::tables::web_assets(), embed::tables::web_templates());
    shell->templates.add(embed::tables::web_partials());
    return shell;
}

data layout_globals(const Assets& assets) {
    data urls;
    urls.set("stylesheet", assets.url("govuk-frontend.min.css"));
    urls.set("script", assets.url("safeboard/init.mjs"));
    urls.set("own_stylesheet", assets.url("safeboard/safeboard.css"));
    urls.set("favicon_ico", assets.url("images/favicon.ico"));
    urls.set("favicon_svg", assets.url("images/favicon.svg"));
    urls.set("mask_icon", assets.url("images/govuk-icon-mask.svg"));
    urls.set("apple_touch_icon", assets.url("images/govuk-icon-180.png"));
    urls.set("manifest", assets.url("manifest.json"));
    data globals;
    globals.set("assets", urls);
    return globals;
}

void add_web_routes(http::Router& router, const Assets& assets, const Templates& templates) {
    router.add(io_get(
        "/", [&templates](const http::Request&, http::Context&) { return start_page(templates); },
        "The start page"));
    router.add(io_get(
        "/assets/{path*}",
        [&assets](const http::Request& request, http::Context&) { return assets.serve(request); },
        "Stylesheets, scripts, fonts and images"));
}

void add_web_routes(http::Router& router, const WebShell& shell) {
    add_web_routes(router, shell.assets, shell.templates);
}

http::Response not_found_page(const Templates& templates) {
    try {
        return http::Response::html(
            templates.page("not_found", data{}, titled(not_found_title)), 404);
    } catch (const std::exception& e) {
        log::error("the not found page failed to render", {{"error", e.what()}});
        return http::Response::text(std::string(not_found_title), 404);
    }
}

http::Response error_page(const Templates& templates, std::string_view request_id, unsigned status) {
    try {
        data values;
        if (!request_id.empty()) values.set("request_id", std::string(request_id));
        return http::Response::html(
            templates.page("error", values, titled(error_title)), status);
    } catch (const std::exception& e) {
        log::error("the error page failed to render", {{"request_id", request_id}, {"error", e.what()}});
        std::string text(error_title);
        text += ". Try again later.";
        if (!request_id.empty()) text += " Reference: " + std::string(request_id);
        return http::Response::text(std::move(text), status);
    }
}

http::Response refused_page(const Templates& templates, std::string_view request_id, unsigned status) {
    std::string heading = status == 401 ? "You need to sign in" : "Sorry, you cannot do that";
    try {
        data values;
        values.set("heading", heading);
        if (status == 401) values.set("signed_out", true);
        if (!request_id.empty()) values.set("request_id", std::string(request_id));
        return http::Response::html(templates.page("refused", values, titled(heading)), status);
    } catch (const std::exception& e) {
        log::error("the refusal page failed to render", {{"request_id", request_id}, {"error", e.what()}});
        return http::Response::text(heading, status);
    }
}

http::ErrorPage error_page_hook(const WebShell& shell) {
    return [&shell](unsigned status, const http::Request& request) -> std::optional<http::Response> {
        if (status == 404) return not_found_page(shell.templates);
        if (status == 401 || status == 403) return refused_page(shell.templates, request.request_id, status);
        if (status >= 500) return error_page(shell.templates, request.request_id, status);
        return std::nullopt;
    };
}

}  // namespace safeboard::web
