#include "modules/register/pages_support.hpp"

#include <cctype>

#include "modules/register/policy.hpp"

namespace safeboard::register_::pages {

// ---- answering -------------------------------------------------------------------

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages,
                  http::Response (*handler)(const Pages&, const http::Request&, http::Context&)) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "register", pages, handler);
}

// ---- reading the request --------------------------------------------------------------

ListRequest list_request(const http::Request& request, http::Context& context) {
    ListRequest list;
    list.query.reach = readable(context.db(), context.user());
    auto partnership = query_id(request, "partnership");
    if (partnership.bad || (partnership.id && !list.query.reach.allows(*partnership.id))) list.bad = true;
    list.query.partnership = partnership.id;
    list.query.text = query_text(request, "q");
    if (auto after = query_text(request, "after"); !after.empty()) {
        list.query.after = decode_key(after);
        if (!list.query.after) list.bad = true;
    }
    list.query.limit = per_page + 1;
    if (partnership.id) list.given.emplace_back("partnership", std::to_string(*partnership.id));
    list.given.emplace_back("q", list.query.text);
    return list;
}

void set_list_values(data& values, const ListRequest& list, const std::string& next, std::string_view path,
                     ImportKind kind) {
    values.set("not_first", list.query.after.has_value());
    values.set("what", std::string(to_string(kind)));
    if (!next.empty()) {
        auto given = list.given;
        given.emplace_back("after", next);
        values.set("next_link", link(path, given));
    }
    values.set("has_downloads", list.query.partnership.has_value());
    if (list.query.partnership) values.set("downloads", export_links(*list.query.partnership, {kind}));
}

// ---- template values ---------------------------------------------------------------------

data export_links(std::int64_t partnership_id, const std::vector<ImportKind>& kinds) {
    data list{data::type::list};
    for (auto kind : kinds) {
        std::string name(to_string(kind));
        auto base = "/partnerships/" + std::to_string(partnership_id) + "/export/" + name;
        data item;
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        item.set("label", name);
        item.set("csv", base + ".csv");
        item.set("xlsx", base + ".xlsx");
        list.push_back(item);
    }
    return list;
}

// ---- what forms offer --------------------------------------------------------------------

std::optional<Partnership> partnership_in(db::Connection& db, const access::ScopeFilter& reach,
                                          std::optional<std::int64_t> id) {
    if (!id || !reach.allows(*id)) return std::nullopt;
    return find_partnership(db, *id);
}

std::string named(const std::string& name, const std::string& short_name) {
    return short_name.empty() ? name : name + " (" + short_name + ")";
}

}  // namespace safeboard::register_::pages
