// The register's start page and each partnership's overview; the route
// table of every register page.
#include "modules/register/pages.hpp"

#include "modules/register/import.hpp"
#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"

SAFEBOARD_EMBEDDED_TABLE(register_pages)

namespace safeboard::register_ {

namespace pages {

namespace {

using access::Permission;
using http::Access;

http::Response register_home(const Pages& pages, const http::Request&, http::Context& context) {
    data list{data::type::list};
    for (const auto& partnership : partnerships_in(context.db(), readable(context.db(), context.user()))) {
        data item;
        item.set("id", std::to_string(partnership.id));
        item.set("name", partnership.name);
        list.push_back(item);
    }
    data values;
    values.set("has_partnerships", !list.is_empty_list());
    values.set("partnerships", list);
    return render(pages, context, "register/pages/home", std::move(values), "Partnership register");
}

http::Response show_partnership(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto partnership = readable_partnership(db, context.user(), path_id(request));
    if (!partnership) return missing(request, "partnership");
    data values;
    values.set("id", std::to_string(partnership->id));
    values.set("name", partnership->name);
    values.set("writable", writable(context.user()).allows(partnership->id));
    values.set("downloads", export_links(partnership->id, import_kinds()));
    return render(pages, context, "register/pages/partnership", std::move(values), partnership->name, 200,
                  "/register");
}

}  // namespace

void add_home_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::register_read);
    router.add(route(http::Method::get, "/register", readers, "The partnerships the user can see", pages,
                     register_home));
    router.add(route(http::Method::get, "/partnerships/{id}", readers, "A partnership's overview", pages,
                     show_partnership));
}

}  // namespace pages

std::span<const embed::File> templates() { return embed::tables::register_pages(); }

void add_pages(http::Router& router, const web::Templates& templates) {
    auto shared = std::make_shared<const pages::Pages>(pages::Pages{templates});
    pages::add_home_pages(router, shared);
    pages::add_organisation_pages(router, shared);
    pages::add_people_pages(router, shared);
    pages::add_body_pages(router, shared);
    pages::add_member_pages(router, shared);
    pages::add_report_pages(router, shared);
    pages::add_file_pages(router, shared);
}

}  // namespace safeboard::register_
