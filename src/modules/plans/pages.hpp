#pragma once
// The plans module's web pages: plans and their progress report, yearly
// review and roll-forward; actions by priority, responsible body, owner and
// overdue date, with progress updates and their evidence; the
// recommendations register; a person's reminders.
#include <filesystem>
#include <memory>
#include <span>

#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::plans {

// The page templates, named "plans/pages/<name>"; they use the web shell's
// form partials and the auth templates' error summary.
std::span<const embed::File> page_templates();

// `templates` must outlive `router`. Evidence uploaded with progress updates
// is kept in `evidence_dir` (created when missing).
void add_pages(http::Router& router, const web::Templates& templates, const std::filesystem::path& evidence_dir);

}  // namespace safeboard::plans
