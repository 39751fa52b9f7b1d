// The plans module's page table: the templates and every page route.
#include "modules/plans/pages.hpp"

#include "modules/plans/pages_support.hpp"

SAFEBOARD_EMBEDDED_TABLE(plans_pages)

namespace safeboard::plans {

std::span<const embed::File> page_templates() { return embed::tables::plans_pages(); }

void add_pages(http::Router& router, const web::Templates& templates, const std::filesystem::path& evidence_dir) {
    auto shared = std::make_shared<const pages::Pages>(pages::Pages{templates, files::FileStore(evidence_dir)});
    pages::add_plan_pages(router, shared);
    pages::add_action_pages(router, shared);
    pages::add_recommendation_pages(router, shared);
}

}  // namespace safeboard::plans
