// The attendance report on the web.
#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/report_query.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/core/time.hpp"

namespace safeboard::meetings::pages {

namespace {

using access::Permission;
using auth::query_text;
using http::Access;
using web::choice_field;
using web::Choice;
using web::field;

data tally_values(const Tally& t) {
    data row;
    row.set("expected", std::to_string(t.expected));
    row.set("attended", std::to_string(t.attended));
    row.set("apologies", std::to_string(t.apologies));
    row.set("substitutes", std::to_string(t.substitutes));
    row.set("absent", std::to_string(t.absent + t.not_recorded));
    row.set("percentage", std::to_string(t.percentage) + "%");
    row.set("meets", t.meets_standard);
    return row;
}

http::Response attendance_page(const Pages& pages, const http::Request& request, http::Context& context) {
    auto& db = context.db();
    data values;
    Errors errors;
    bool asked = request.query_param("from").has_value() || request.query_param("to").has_value();
    if (asked) {
        auto report = attendance_report_for(request, context);
        if (!report) {
            errors = report.error().fields;
        } else {
            data people{data::type::list};
            for (const auto& row : report->members) {
                auto values_of = tally_values(row.tally);
                values_of.set("name", row.name);
                values_of.set("seat", row.seat_title);
                values_of.set("organisation", row.organisation_name);
                people.push_back(values_of);
            }
            data organisations{data::type::list};
            for (const auto& row : report->organisations) {
                auto values_of = tally_values(row.tally);
                values_of.set("name", row.name);
                organisations.push_back(values_of);
            }
            values.set("report", true);
            values.set("headline", report->headline);
            values.set("meetings", std::to_string(report->meetings));
            values.set("standard", std::to_string(report->settings.good_standard) + "%");
            values.set("substitute_rule", report->substitute_rule);
            values.set("rule_applied", report->rule_applied);
            values.set("people", people);
            values.set("organisations", organisations);
        }
    }
    std::vector<Choice> settings{{"", "As the partnership's attendance settings say", {}}};
    for (const auto& choice : web::vocabulary_choices<SubstituteSetting>()) settings.push_back(choice);
    auto substitutes = query_text(request, "substitutes");
    values.set("body_field", body_field(db, readable(db, context.user()), query_text(request, "body"),
                                          "Every body", errors));
    auto from = field("from", "From", query_text(request, "from"), errors, "For example, 2011-10-01");
    from.set("width", std::string("govuk-input--width-10"));
    auto to = field("to", "To", query_text(request, "to"), errors, "For example, 2012-09-30");
    to.set("width", std::string("govuk-input--width-10"));
    auto standard = field("standard", "Good standard (%)", query_text(request, "standard"), errors,
                          "Leave empty to use the partnership's attendance settings");
    standard.set("width", std::string("govuk-input--width-3"));
    values.set("f_from", from);
    values.set("f_to", to);
    values.set("f_standard", standard);
    values.set("f_substitutes", choice_field("substitutes", "A substitute's attendance counts for", settings,
                                             {substitutes}, errors));
    values.set("may_set", !writable(context.user()).empty());
    bool invalid = !errors.empty();
    if (invalid) web::set_form_errors(values, std::move(errors), {"body", "from", "to", "standard", "substitutes"});
    return render(pages, context, "meetings/pages/attendance_report", std::move(values), "Attendance report",
                  invalid ? 422 : 200);
}

}  // namespace

void add_report_pages(http::Router& router, const PagesPtr& pages) {
    const auto readers = Access::needs(Permission::meetings_read);
    using M = http::Method;
    router.add(route(M::get, "/reports/attendance", readers,
                     "Attendance per person and per organisation over a period, against the good standard", pages,
                     attendance_page));
}

}  // namespace safeboard::meetings::pages
