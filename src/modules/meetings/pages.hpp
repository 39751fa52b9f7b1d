#pragma once
// The meetings module's web pages: a body's meetings, a meeting with its
// agenda (items added, changed, moved and removed), papers (uploaded,
// confidential to members, downloads audited) and attendance, the form to
// record attendance, the attendance report and each partnership's
// attendance settings, and a body's forward plan with its items' forms.
#include <filesystem>
#include <span>

#include "platform/embed/embedded.hpp"
#include "platform/http/router.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::meetings {

// The page templates, named "meetings/pages/<name>".
std::span<const embed::File> page_templates();

// `templates` must outlive `router`. Papers are kept in `files_dir`.
void add_pages(http::Router& router, const web::Templates& templates, const std::filesystem::path& files_dir);

}  // namespace safeboard::meetings
