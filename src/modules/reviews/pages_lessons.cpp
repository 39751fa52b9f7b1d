// The yearly summary of lessons for member agencies (lessons.hpp): a page
// to read and print, and the same summary as a PDF to send.
#include <variant>

#include "modules/plans/vocabulary.hpp"
#include "modules/register/choices.hpp"
#include "modules/reviews/lessons.hpp"
#include "modules/reviews/pages_support.hpp"
#include "modules/reviews/policy.hpp"
#include "modules/reviews/vocabulary.hpp"
#include "platform/pdf/write.hpp"

namespace safeboard::reviews::pages {

namespace {

using access::Permission;
using auth::missing;
using auth::query_text;
using http::Access;

// The partnership of ?partnership= within the user's reach, or the only
// one they reach; none when they reach several and chose none; 404 for one
// outside their reach.
std::variant<std::optional<register_::Partnership>, http::Response> chosen_partnership(
    const http::Request& request, http::Context& context, std::vector<register_::Partnership>& reached) {
    auto& db = context.db();
    reached = register_::partnerships_in(db, readable(db, context.user()));
    auto chosen = auth::query_id(request, "partnership");
    if (chosen.bad) return missing(request, "partnership");
    if (!chosen.id) {
        if (reached.size() == 1) return std::optional(reached.front());
        return std::optional<register_::Partnership>{};
    }
    auto found = std::ranges::find(reached, *chosen.id, &register_::Partnership::id);
    if (found == reached.end()) return missing(request, "partnership");
    return std::optional(*found);
}

data summary_values(const LessonsSummary& summary) {
    data cases{data::type::list};
    for (const auto& c : summary.cases) {
        data recommendations{data::type::list};
        for (const auto& r : c.recommendations) {
            data row;
            row.set("number", r.number);
            row.set("text", r.text);
            row.set("owner", r.owner);
            row.set("status", std::string(label_of(r.status)));
            recommendations.push_back(row);
        }
        data item;
        item.set("reference", c.reference);
        item.set("decision", c.decision ? std::string(label_of(*c.decision)) : std::string("Not yet decided"));
        item.set("milestone", c.milestone.what + " " + calendar::date_in_words(c.milestone.on));
        item.set("lessons", web::paragraphs(c.lessons));
        item.set("recommendations", recommendations);
        item.set("has_recommendations", !recommendations.is_empty_list());
        cases.push_back(item);
    }
    data values;
    values.set("title", lessons_title(summary));
    values.set("introduction", lessons_introduction(summary));
    values.set("cases", cases);
    values.set("has_cases", !cases.is_empty_list());
    return values;
}

http::Response lessons_page(const Pages& pages, const http::Request& request, http::Context& context) {
    std::vector<register_::Partnership> reached;
    auto found = chosen_partnership(request, context, reached);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    const auto& partnership = std::get<std::optional<register_::Partnership>>(found);
    auto fallback = last_twelve_months(today());
    auto from = query_text(request, "from");
    auto to = query_text(request, "to");
    auto period = period_from(from, to, fallback);
    Errors errors = period ? Errors{} : period.error().fields;
    std::vector<web::Choice> choices{{"", "Choose a partnership", {}}};
    for (const auto& p : reached) choices.push_back({std::to_string(p.id), p.name, {}});
    data values;
    values.set("partnership_field", web::choice_field("partnership", "Partnership", choices,
                                                      {partnership ? std::to_string(partnership->id) : ""}, errors));
    values.set("f_from", date_field("from", "From", period ? period->from : from, errors, fallback.from));
    values.set("f_to", date_field("to", "To", period ? period->to : to, errors, fallback.to));
    if (partnership && period) {
        values.set("summary", summary_values(lessons_summary(context.db(), *partnership, *period)));
        values.set("partnership_name", partnership->name);
        values.set("pdf_href", web::link("/reviews/lessons.pdf", {{"partnership", std::to_string(partnership->id)},
                                                                  {"from", period->from},
                                                                  {"to", period->to}}));
    }
    bool invalid = !errors.empty();
    if (invalid) web::set_form_errors(values, std::move(errors), {"partnership", "from", "to"});
    return render(pages, context, "reviews/pages/lessons", std::move(values), "Yearly summary of lessons",
                  invalid ? 422 : 200,
                  partnership ? "/reviews?partnership=" + std::to_string(partnership->id) : "/reviews");
}

http::Response lessons_pdf(const Pages&, const http::Request& request, http::Context& context) {
    std::vector<register_::Partnership> reached;
    auto found = chosen_partnership(request, context, reached);
    if (auto* answer = std::get_if<http::Response>(&found)) return std::move(*answer);
    const auto& partnership = std::get<std::optional<register_::Partnership>>(found);
    if (!partnership) return missing(request, "partnership");
    auto period = period_from(query_text(request, "from"), query_text(request, "to"), last_twelve_months(today()));
    if (!period) return http::problem(period.error(), request);
    auto bytes = pdf::write_pdf(lessons_document(lessons_summary(context.db(), *partnership, *period)));
    if (!bytes) return http::problem(bytes.error(), request);
    http::Response response;
    response.content_type = "application/pdf";
    response.body = std::move(*bytes);
    response.header("Content-Disposition", "inline; filename=\"lessons-" + partnership->code + "-" + period->from +
                                               "-to-" + period->to + ".pdf\"");
    return response;
}

}  // namespace

void add_lessons_pages(http::Router& router, const PagesPtr& pages) {
    // The summary holds no sensitive detail, but reviews are need-to-know:
    // only those who read a partnership's reviews read its summary.
    const auto readers = Access::needs(Permission::case_reviews_read);
    using M = http::Method;
    router.add(route(M::get, "/reviews/lessons", readers,
                     "The yearly summary of lessons from learning reviews for member agencies, to read and print",
                     pages, lessons_page));
    router.add(route(M::get, "/reviews/lessons.pdf", readers,
                     "The yearly summary of lessons from learning reviews for member agencies, as PDF", pages,
                     lessons_pdf));
}

}  // namespace safeboard::reviews::pages
