// The recommendations register on the web: the list by partnership, source,
// owner and rolled-up status, one recommendation with its response,
// acceptance and actions, and the register as CSV or XLSX.
#include "modules/plans/homes.hpp"
#include "modules/plans/import.hpp"
#include "modules/plans/pages_support.hpp"
#include "modules/plans/policy.hpp"
#include "modules/plans/vocabulary.hpp"
#include "modules/register/choices.hpp"
#include "platform/core/time.hpp"
#include "platform/web/downloads.hpp"

namespace safeboard::plans::pages {

namespace {

using access::Permission;
using http::Access;

std::string recommendation_href(std::int64_t id) { return "/recommendations/" + std::to_string(id); }

data choices_with_any(std::string_view id, std::string_view label, std::string any, std::vector<Choice> terms,
                      const std::string& chosen, const Errors& errors) {
    std::vector<Choice> choices{{"", std::move(any), {}}};
    choices.insert(choices.end(), terms.begin(), terms.end());
    return choice_field(id, label, choices, {chosen}, errors);
}

http::Response recommendation_list(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    RecommendationQuery query;
    query.reach = readable(db, context.user());
    query.limit = per_page + 1;
    auto start = list_start(request, query.reach);
    if (start.bad) return missing(request, "list of recommendations");
    query.partnership = start.partnership;
    query.after = start.after;
    Errors errors;
    auto source = query_text(request, "source");
    if (!source.empty()) {
        query.source = parse_term<Source>(source);
        if (!query.source) errors.push_back({"source", "Choose a source from the list"});
    }
    auto status = query_text(request, "status");
    if (!status.empty()) {
        query.status = parse_term<Status>(status);
        if (!query.status) errors.push_back({"status", "Choose a status from the list"});
    }
    // ?owner= comes from the owner links in the table: one owner's recommendations.
    auto owner = query_text(request, "owner");
    if (!owner.empty()) {
        query.owner = party_named(db, owner);
        if (!query.owner) return missing(request, "owner");
    }
    std::vector<Recommendation> rows;
    if (errors.empty()) rows = list_recommendations(db, query);
    QueryParams given{{"partnership", query_text(request, "partnership")}, {"source", source}, {"status", status},
                      {"owner", owner}};
    std::string next;
    if (rows.size() > static_cast<std::size_t>(per_page)) {
        rows.resize(per_page);
        auto more = given;
        more.emplace_back("after", std::to_string(rows.back().id));
        next = link("/recommendations", more);
    }
    data list{data::type::list};
    for (const auto& r : rows) {
        data row;
        row.set("href", recommendation_href(r.id));
        row.set("source", std::string(label_of(r.source)));
        row.set("reference", r.source_reference);
        row.set("number", r.number);
        row.set("text", r.text);
        row.set("owner", r.owner ? r.owner->name : r.owner_wording);
        if (r.owner) row.set("owner_href", link("/recommendations", {{"owner", party_code(*r.owner)}}));
        row.set("acceptance", r.acceptance ? std::string(label_of(*r.acceptance)) : std::string("Not recorded"));
        row.set("status", std::string(label_of(r.status)));
        row.set("status_tag", status_tag(r.status));
        list.push_back(row);
    }
    data values;
    values.set("partnership_field", register_::partnership_filter(db, query.reach, start.partnership));
    values.set("source_field", choices_with_any("source", "Source", "Any source", vocabulary_choices<Source>(), source, errors));
    values.set("status_field", choices_with_any("status", "Status", "Any status", vocabulary_choices<Status>(), status, errors));
    values.set("rows", list);
    values.set("has_rows", !rows.empty());
    if (query.owner) {
        values.set("owner_name", query.owner->name);
        values.set("owner_code", party_code(*query.owner));
    }
    values.set("not_first", start.after.has_value());
    values.set("what", std::string("recommendations"));
    if (!next.empty()) values.set("next_link", next);
    if (start.partnership) {
        auto base = "/recommendations/export?partnership=" + std::to_string(*start.partnership);
        values.set("csv", base + "&format=csv");
        values.set("xlsx", base + "&format=xlsx");
    }
    bool invalid = !errors.empty();
    if (invalid) set_form_errors(values, std::move(errors), {"partnership", "source", "status"});
    return render(pages, context, "plans/pages/recommendations", std::move(values), "Recommendations",
                  invalid ? 422 : 200);
}

http::Response show_recommendation(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto r = readable_recommendation(db, context.user(), path_id(request));
    if (!r) return missing(request, "recommendation");
    data details{data::type::list};
    details.push_back(detail_row("Partnership", Homes(db).partnership(r->partnership_id)));
    details.push_back(detail_row("Source", std::string(label_of(r->source))));
    details.push_back(detail_row("Reference", r->source_reference));
    details.push_back(detail_row("Title of the source", r->source_title));
    details.push_back(detail_row("Date of the source", r->source_date.value_or("")));
    details.push_back(detail_row("Owner", r->owner ? r->owner->name : r->owner_wording,
                                 r->owner ? party_href(*r->owner) : std::string()));
    details.push_back(detail_row("Acceptance", r->acceptance ? std::string(label_of(*r->acceptance)) : ""));
    ActionQuery query;
    query.reach.everything = true;
    query.recommendation = r->id;
    auto actions = all_actions(db, query, plan_action_cap);
    data values;
    values.set("number", r->number);
    values.set("reference", r->source_reference);
    values.set("text", paragraphs(r->text));
    values.set("details", details);
    values.set("response", paragraphs(r->response));
    values.set("reasons", paragraphs(r->acceptance_reasons));
    values.set("resources", paragraphs(r->resource_implications));
    values.set("status", std::string(label_of(r->status)));
    values.set("status_tag", status_tag(r->status));
    values.set("rows", action_rows(db, actions, today_utc(), false));
    values.set("has_rows", !actions.empty());
    values.set("caption", "Actions answering recommendation " + r->number);
    values.set("caption_hidden", true);
    return render(pages, context, "plans/pages/recommendation", std::move(values),
                  "Recommendation " + r->number + " of " + r->source_reference, 200,
                  link("/recommendations", {{"partnership", std::to_string(r->partnership_id)}}));
}

// ?partnership=&format=csv|xlsx: the register in the import's columns.
http::Response recommendations_download(const Pages&, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto partnership = query_id(request, "partnership");
    auto format = query_text(request, "format");
    if (!partnership.id || !readable(db, context.user()).allows(*partnership.id) ||
        (format != "csv" && format != "xlsx")) {
        return missing(request, "download");
    }
    auto sheet = export_recommendations(db, *partnership.id);
    auto name = "recommendations-" + std::to_string(*partnership.id) + "." + format;
    return web::sheet_download(format, name, {"Recommendations", sheet.header, sheet.rows}, request);
}

}  // namespace

void add_recommendation_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::plans_read);
    using M = http::Method;
    router.add(route(M::get, "/recommendations", readers, "The recommendations register", pages, recommendation_list));
    router.add(route(M::get, "/recommendations/export", readers,
                     "Download a partnership's recommendations as CSV or XLSX (the import's columns)", pages,
                     recommendations_download));
    router.add(route(M::get, "/recommendations/{id}", readers, "A recommendation with its response and actions",
                     pages, show_recommendation));
}

}  // namespace safeboard::plans::pages
