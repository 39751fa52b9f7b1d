#pragma once
// The web shell: the start page, /assets/, and the pages the server shows a
// browser when a page is missing or a request failed.
#include <memory>
#include <span>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "platform/embed/embedded.hpp"
#include "platform/http/response.hpp"
#include "platform/http/router.hpp"
#include "platform/http/server.hpp"
#include "platform/web/assets.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::web {

// The assets and templates compiled into the binary, wired together: the
// layout's stylesheet, script and icons are linked by their hashed URLs.
// Routes keep references into it, so it neither copies nor moves.
struct WebShell {
    Assets assets;
    Templates templates;

    WebShell(std::span<const embed::File> asset_files, std::span<const embed::File> template_files);
    WebShell(const WebShell&) = delete;
    WebShell& operator=(const WebShell&) = delete;

    // With the form partials every module's pages share ("web/pages/input"
    // and the rest: form_values.hpp). Throws if a file the layout links is
    // missing or a template is broken.
    static std::unique_ptr<WebShell> from_embedded();
};

// What every template sees as {{assets.*}}: the hashed URLs the layout links.
// Throws std::out_of_range if one of those files is not among the assets.
kainjow::mustache::data layout_globals(const Assets& assets);

// GET / (the start page) and GET /assets/{path*}. Both never block, so they
// run on the I/O threads. `assets` and `templates` must outlive `router`.
void add_web_routes(http::Router& router, const Assets& assets, const Templates& templates);
void add_web_routes(http::Router& router, const WebShell& shell);

// The pages a browser gets for 404 and for a failure (500, or 503 when the
// database is busy: the status is kept so clients know to retry). They never
// throw: if a template cannot render, the answer is plain text with the same words.
http::Response not_found_page(const Templates& templates);
http::Response error_page(const Templates& templates, std::string_view request_id, unsigned status = 500);

// A refused request (401, 403): what happened and what to do next.
http::Response refused_page(const Templates& templates, std::string_view request_id, unsigned status);

// For http::Server: the 401, 403, 404 and 5xx pages above; other statuses
// stay problem+json. `shell` must outlive the server.
http::ErrorPage error_page_hook(const WebShell& shell);

}  // namespace safeboard::web
