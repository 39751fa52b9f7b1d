// What a partnership's register says as a whole: the governance diagram with
// its text alternative, and the reports (vacancies, membership by
// organisation, statutory partner coverage) as on a day.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "modules/register/diagram.hpp"
#include "modules/register/pages_support.hpp"
#include "modules/register/policy.hpp"
#include "platform/core/time.hpp"

namespace safeboard::register_::pages {

namespace {

using access::Permission;
using http::Access;

// ---- the governance diagram --------------------------------------------------------------

LineKind line_kind(RelationKind kind) {
    switch (kind) {
        case RelationKind::reports_to: return LineKind::reports_to;
        case RelationKind::scrutinises: return LineKind::scrutinises;
        case RelationKind::escalates_to: return LineKind::escalates_to;
        case RelationKind::links_with: return LineKind::links_with;
    }
    return LineKind::links_with;
}

Structure structure_of(db::Connection& db, const Partnership& partnership) {
    Structure structure;
    structure.title = partnership.name + " governance structure";
    for (const auto& body : bodies_of(db, partnership.id)) {
        structure.bodies.push_back({body.id, body.name, std::string(label_of(body.kind))});
    }
    for (const auto& relation : relations_in(db, partnership.id)) {
        structure.lines.push_back({relation.from_body_id, relation.to_body_id, line_kind(relation.kind)});
    }
    return structure;
}

data tree_data(const std::vector<TreeNode>& nodes) {
    data list{data::type::list};
    for (const auto& node : nodes) {
        // Every key is set on every node: a missing "children" would be
        // looked up in the parent node and recurse for ever.
        data item;
        item.set("id", std::to_string(node.id));
        item.set("name", node.name);
        item.set("kind", node.kind);
        data lines{data::type::list};
        for (const auto& line : node.other_lines) lines.push_back(data(line));
        item.set("has_lines", !node.other_lines.empty());
        item.set("other_lines", lines);
        item.set("has_children", !node.children.empty());
        item.set("children", tree_data(node.children));
        list.push_back(item);
    }
    return list;
}

// The size the picture is shown at: its own, narrowed to the page's column
// (930px) keeping its shape, so a wide structure does not run off the page.
// Read from the SVG's width and height; none when they are not there.
void set_image_size(data& values, const std::string& svg) {
    constexpr double column = 930;
    auto number_after = [&](std::string_view name) -> double {
        auto open_end = svg.find('>');
        auto at = svg.find(std::string(" ") + std::string(name) + "=\"");
        if (at == std::string::npos || at > open_end) return 0;
        return std::atof(svg.c_str() + at + name.size() + 3);
    };
    auto width = number_after("width");
    auto height = number_after("height");
    if (width <= 0 || height <= 0) return;
    auto scale = std::min(1.0, column / width);
    values.set("width", std::to_string(static_cast<long>(width * scale + 0.5)));
    values.set("height", std::to_string(static_cast<long>(height * scale + 0.5)));
}

http::Response show_structure(const Pages& pages, const http::Request& request, http::Context& context) {
    auto partnership = readable_partnership(context.db(), context.user(), path_id(request));
    if (!partnership) return missing(request, "partnership");
    auto structure = structure_of(context.db(), *partnership);
    data values;
    values.set("id", std::to_string(partnership->id));
    values.set("partnership_name", partnership->name);
    values.set("has_bodies", !structure.bodies.empty());
    values.set("alt", "Diagram of the " + structure.title + ": " + std::to_string(structure.bodies.size()) +
                          " bodies and the lines between them. The same structure is written out as a list below.");
    values.set("tree", tree_data(governance_tree(structure)));
    values.set("width", false);
    values.set("height", false);
    if (!structure.bodies.empty()) set_image_size(values, governance_svg(structure));
    return render(pages, context, "register/pages/structure", std::move(values), "Governance structure", 200,
                  "/partnerships/" + std::to_string(partnership->id));
}

http::Response structure_svg(const Pages&, const http::Request& request, http::Context& context) {
    auto partnership = readable_partnership(context.db(), context.user(), path_id(request));
    if (!partnership) return missing(request, "partnership");
    auto response = http::Response::text(governance_svg(structure_of(context.db(), *partnership)));
    response.content_type = "image/svg+xml";
    if (request.query_param("download") == "1") {
        response.header("Content-Disposition", "attachment; filename=\"" + partnership->code + "-governance.svg\"");
    }
    return response;
}

// ---- reports -------------------------------------------------------------------------------

// The day a report is as on (?on=, today when absent), or an error for the form.
struct AsOn {
    std::string day;
    Errors errors;
};

AsOn as_on(const http::Request& request) {
    auto asked = query_text(request, "on");
    if (asked.empty()) return {today_utc(), {}};
    auto day = parse_day(asked);
    if (!day) return {asked, {{"on", "Enter a real date, like 2020-06-29 or 29/06/2020"}}};
    return {*day, {}};
}

// What every report page shows around its table: the partnership and the day.
data report_values(const Partnership& partnership, const std::string& path, const AsOn& on) {
    data values;
    values.set("partnership_name", partnership.name);
    values.set("report_path", path);
    values.set("on", on.day);
    auto input = field("on", "As on", on.day, on.errors, "For example, 2020-06-29 or 29/06/2020");
    input.set("width", "govuk-input--width-10");
    values.set("f_on", input);
    values.set("shown", on.errors.empty());
    if (!on.errors.empty()) set_form_errors(values, on.errors, {"on"});
    return values;
}

using Report = void (*)(db::Connection&, const Partnership&, const std::string&, data&);

http::Response report_page(const Pages& pages, const http::Request& request, http::Context& context,
                           std::string_view name, std::string_view title, Report fill) {
    auto partnership = readable_partnership(context.db(), context.user(), path_id(request));
    if (!partnership) return missing(request, "partnership");
    auto on = as_on(request);
    auto values = report_values(*partnership, request.path, on);
    if (on.errors.empty()) fill(context.db(), *partnership, on.day, values);
    return render(pages, context, "register/pages/" + std::string(name), std::move(values), title,
                  on.errors.empty() ? 200 : 422, "/partnerships/" + std::to_string(partnership->id));
}

data seat_row(const Membership& seat) {
    data row;
    row.set("body_id", std::to_string(seat.body_id));
    row.set("body", seat.body_name);
    row.set("seat_title", seat.seat_title);
    row.set("role", std::string(label_of(seat.role)));
    row.set("organisation", seat.organisation_name);
    row.set("person", seat.person_name);
    row.set("wording", seat.vacancy.empty() ? std::string("(none given)") : seat.vacancy);
    return row;
}

void fill_vacancies(db::Connection& db, const Partnership& partnership, const std::string& on, data& values) {
    data vacant{data::type::list}, unnamed{data::type::list};
    for (const auto& seat : vacancies(db, partnership.id, on)) {
        (seat.vacant() ? vacant : unnamed).push_back(seat_row(seat));
    }
    values.set("has_vacant", !vacant.is_empty_list());
    values.set("vacant", vacant);
    values.set("has_unnamed", !unnamed.is_empty_list());
    values.set("unnamed", unnamed);
}

void fill_membership(db::Connection& db, const Partnership& partnership, const std::string& on, data& values) {
    data groups{data::type::list};
    data seats{data::type::list};
    std::optional<std::int64_t> current;
    std::string current_name;
    auto flush = [&] {
        if (!current) return;
        data group;
        group.set("organisation_id", std::to_string(*current));
        group.set("organisation", current_name);
        group.set("seats", seats);
        groups.push_back(group);
        seats = data{data::type::list};
    };
    for (const auto& seat : seats_by_organisation(db, partnership.id, on)) {
        if (seat.organisation_id != current) {
            flush();
            current = seat.organisation_id;
            current_name = seat.organisation_name;
        }
        auto row = seat_row(seat);
        row.set("person", seat.person_name.empty() ? std::string("No person named") : seat.person_name);
        seats.push_back(row);
    }
    flush();
    values.set("has_groups", !groups.is_empty_list());
    values.set("groups", groups);
}

// An organisation and every organisation it is part of, nearest first.
std::vector<std::int64_t> with_parents(db::Connection& db, std::int64_t id,
                                       std::map<std::int64_t, std::optional<std::int64_t>>& parents) {
    std::vector<std::int64_t> chain;
    std::optional<std::int64_t> step = id;
    while (step && chain.size() < 100 && std::find(chain.begin(), chain.end(), *step) == chain.end()) {
        chain.push_back(*step);
        auto known = parents.find(*step);
        if (known == parents.end()) {
            auto organisation = find_organisation(db, *step);
            known = parents.emplace(*step, organisation ? organisation->parent_id : std::nullopt).first;
        }
        step = known->second;
    }
    return chain;
}

void fill_coverage(db::Connection& db, const Partnership& partnership, const std::string& on, data& values) {
    auto partners = statutory_partners(db, partnership.id);
    data headers{data::type::list};
    // Short names keep the table narrow enough to read; the full names are on each organisation's page.
    for (const auto& partner : partners) headers.push_back(data(partner.short_name.empty() ? partner.name : partner.short_name));
    std::map<std::int64_t, std::optional<std::int64_t>> parents;
    // Every current seat an organisation holds, in one query, by body. A seat
    // held by a part of a partner (a trust of the health partner) counts for the partner.
    std::map<std::int64_t, std::set<std::int64_t>> present_on;
    for (const auto& seat : seats_by_organisation(db, partnership.id, on)) {
        for (auto id : with_parents(db, *seat.organisation_id, parents)) present_on[seat.body_id].insert(id);
    }
    data rows{data::type::list};
    for (const auto& body : bodies_of(db, partnership.id)) {
        const auto& present = present_on[body.id];
        data cells{data::type::list};
        std::size_t count = 0;
        for (const auto& partner : partners) {
            data cell;
            bool yes = present.contains(partner.id);
            count += yes ? 1 : 0;
            cell.set("yes", yes);
            cells.push_back(cell);
        }
        data row;
        row.set("body_id", std::to_string(body.id));
        row.set("body", body.name);
        row.set("cells", cells);
        row.set("count", std::to_string(count));
        row.set("total", std::to_string(partners.size()));
        rows.push_back(row);
    }
    values.set("has_partners", !partners.empty());
    values.set("partners", headers);
    values.set("rows", rows);
}

http::Response vacancies_report(const Pages& pages, const http::Request& request, http::Context& context) {
    return report_page(pages, request, context, "report_vacancies", "Vacancies", fill_vacancies);
}

http::Response membership_report(const Pages& pages, const http::Request& request, http::Context& context) {
    return report_page(pages, request, context, "report_membership", "Membership by organisation", fill_membership);
}

http::Response coverage_report(const Pages& pages, const http::Request& request, http::Context& context) {
    return report_page(pages, request, context, "report_coverage", "Statutory partner coverage", fill_coverage);
}

}  // namespace

void add_report_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::register_read);
    using M = http::Method;
    router.add(route(M::get, "/partnerships/{id}/structure", readers, "The governance diagram and its text", pages,
                     show_structure));
    router.add(route(M::get, "/partnerships/{id}/structure.svg", readers, "The governance diagram as SVG", pages,
                     structure_svg));
    router.add(route(M::get, "/partnerships/{id}/reports/vacancies", readers, "Vacant seats as on a day", pages,
                     vacancies_report));
    router.add(route(M::get, "/partnerships/{id}/reports/membership-by-organisation", readers,
                     "The seats each organisation holds as on a day", pages, membership_report));
    router.add(route(M::get, "/partnerships/{id}/reports/coverage", readers,
                     "Which statutory partners sit on each body as on a day", pages, coverage_report));
}

}  // namespace safeboard::register_::pages
