// A partnership's attendance settings on the web: the good standard and
// whom a substitute counts for, which its attendance reports read.
#include <variant>

#include "modules/meetings/pages_support.hpp"
#include "modules/meetings/policy.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/meetings/vocabulary.hpp"
#include "modules/register/choices.hpp"

namespace safeboard::meetings::pages {

namespace {

using access::Permission;
using http::Access;
using web::choice_field;
using web::field;

const std::vector<std::string>& form_names() {
    static const std::vector<std::string> names{"good_standard", "substitutes"};
    return names;
}

std::string settings_href(std::int64_t partnership_id) {
    return "/meetings/attendance-settings?partnership=" + std::to_string(partnership_id);
}

http::Response chooser(const Pages& pages, http::Context& context) {
    auto& db = context.db();
    data values;
    values.set("choose", true);
    std::vector<web::Choice> choices{{"", "Choose a partnership", {}}};
    for (const auto& partnership : register_::partnerships_in(db, writable(context.user()))) {
        choices.push_back({std::to_string(partnership.id), partnership.name, {}});
    }
    values.set("partnership_field", choice_field("partnership", "Partnership", choices, {""}, {}));
    return render(pages, context, "meetings/pages/attendance_settings", std::move(values), "Attendance settings");
}

http::Response settings_form(const Pages& pages, http::Context& context, const register_::Partnership& partnership,
                             const AttendanceSettings& stored, Fields f, Errors errors, unsigned status,
                             bool saved = false) {
    std::vector<web::Choice> rules;
    for (const auto& term : terms<SubstituteSetting>()) {
        rules.push_back({std::string(term.code), std::string(term.label), substitute_rule(term.value)});
    }
    data values;
    values.set("partnership_name", partnership.name);
    values.set("action", settings_href(partnership.id));
    values.set("saved", saved);
    values.set("defaults", !stored.stored);
    auto standard = field("good_standard", "Good standard (%)", f["good_standard"], errors,
                          "A member or agency that attends this share of meetings or more meets the standard");
    standard.set("width", std::string("govuk-input--width-3"));
    values.set("f_good_standard", standard);
    values.set("f_substitutes",
               choice_field("substitutes", "A substitute's attendance counts", rules, {f["substitutes"]}, errors));
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), form_names());
    return render(pages, context, "meetings/pages/attendance_settings", std::move(values),
                  "Attendance settings: " + partnership.name, status, "/reports/attendance");
}

Fields fields_of(const AttendanceSettings& s) {
    return {{"good_standard", std::to_string(s.good_standard)}, {"substitutes", std::string(code_of(s.substitutes))}};
}

// The partnership of ?partnership=, when the user may change its settings;
// the one they may change when there is only one; or the answer to give
// (nullopt: let them choose).
using Chosen = std::variant<std::monostate, register_::Partnership, http::Response>;
Chosen chosen_partnership(const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto asked = auth::query_id(request, "partnership");
    if (asked.bad) return auth::missing(request, "partnership");
    if (!asked.id) {
        auto mine = register_::partnerships_in(db, writable(context.user()));
        if (mine.size() != 1) return std::monostate{};
        return mine.front();
    }
    auto partnership = readable_partnership(db, context.user(), asked.id);
    if (!partnership) return auth::missing(request, "partnership");
    if (!may_change_settings(context.user(), partnership->id)) {
        return auth::refuse(request, context,
                            "meetings.write is not held for partnership " + std::to_string(partnership->id));
    }
    return *partnership;
}

http::Response show_settings(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = chosen_partnership(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    if (std::holds_alternative<std::monostate>(found)) return chooser(pages, context);
    const auto& partnership = std::get<register_::Partnership>(found);
    auto stored = attendance_settings_of(context.db(), partnership.id);
    bool saved = auth::query_text(request, "saved") == "yes";
    return settings_form(pages, context, partnership, stored, fields_of(stored), {}, 200, saved);
}

http::Response save_settings(const Pages& pages, const http::Request& request, http::Context& context) {
    auto found = chosen_partnership(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    if (std::holds_alternative<std::monostate>(found)) return chooser(pages, context);
    const auto& partnership = std::get<register_::Partnership>(found);
    auto& db = context.db();
    auto stored = attendance_settings_of(db, partnership.id);
    auto fields = posted_fields(request, form_names());
    auto settings = attendance_settings_from(fields, stored);
    if (!settings) return settings_form(pages, context, partnership, stored, fields, settings.error().fields, 422);
    {
        db::Transaction transaction(db);
        save_attendance_settings(db, *settings, auth::actor_of(request, context.user()));
        transaction.commit();
    }
    return auth::see_other(settings_href(partnership.id) + "&saved=yes");
}

}  // namespace

void add_settings_pages(http::Router& router, const PagesPtr& pages) {
    const auto writers = Access::needs(Permission::meetings_write);
    using M = http::Method;
    router.add(route(M::get, "/meetings/attendance-settings", writers,
                     "A partnership's attendance settings: the good standard and whom a substitute counts for", pages,
                     show_settings));
    router.add(route(M::post, "/meetings/attendance-settings", writers, "Change a partnership's attendance settings",
                     pages, save_settings));
}

}  // namespace safeboard::meetings::pages
