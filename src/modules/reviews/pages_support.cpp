#include "modules/reviews/pages_support.hpp"

#include <algorithm>

#include "modules/register/store.hpp"
#include "modules/reviews/policy.hpp"
#include "platform/calendar/uk_time.hpp"
#include "platform/core/time.hpp"
#include "platform/http/form.hpp"

namespace safeboard::reviews::pages {

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "reviews", pages, handler);
}

std::string review_href(std::int64_t id) { return "/reviews/" + std::to_string(id); }

std::string today() { return calendar::uk_today(system_now()); }

std::variant<Case, http::Response> changing(const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto c = readable_case(db, context.user(), auth::path_id(request));
    if (!c) return auth::missing(request, "review");
    if (!may_change(db, context.user(), *c)) {
        return auth::refuse(request, context, "case_reviews.write is not held for review " + std::to_string(c->id));
    }
    return *c;
}

// ---- what forms offer ----------------------------------------------------------------------

namespace {

register_::ListQuery in_partnership(std::int64_t partnership_id) {
    register_::ListQuery query;
    query.reach.everything = true;  // the caller may see the partnership: the page checked
    query.partnership = partnership_id;
    query.limit = 500;
    return query;
}

}  // namespace

std::vector<web::Choice> organisation_choices(db::Connection& db, std::int64_t partnership_id) {
    std::vector<web::Choice> choices;
    for (const auto& o : register_::all_organisations(db, in_partnership(partnership_id))) {
        choices.push_back({std::to_string(o.id), o.name, {}});
    }
    return choices;
}

std::vector<web::Choice> people_choices(db::Connection& db, std::int64_t partnership_id,
                                        std::optional<std::int64_t> organisation, bool by_name) {
    auto query = in_partnership(partnership_id);
    query.organisation = organisation;
    std::vector<web::Choice> choices;
    for (const auto& p : register_::all_people(db, query)) {
        auto label = p.name;
        if (!p.job_title.empty()) label += ", " + p.job_title;
        if (!p.organisation_name.empty()) label += " (" + p.organisation_name + ")";
        choices.push_back({by_name ? p.name : std::to_string(p.id), label, {}});
    }
    return choices;
}

std::vector<web::Choice> with_none(std::string none_label, std::vector<web::Choice> choices) {
    choices.insert(choices.begin(), web::Choice{"", std::move(none_label), {}});
    return choices;
}

data date_field(std::string_view id, std::string_view label, std::string value, const Errors& errors,
                std::string_view example) {
    auto made = web::field(id, label, std::move(value), errors, "For example, " + std::string(example));
    made.set("width", std::string("govuk-input--width-10"));
    return made;
}

// ---- the form every record is made with ------------------------------------------------------

RecordForm::RecordForm(std::string title, std::string caption, std::string action, std::string button)
    : title_(std::move(title)), caption_(std::move(caption)), action_(std::move(action)), button_(std::move(button)) {}

RecordForm& RecordForm::intro(std::string words) {
    intro_ = std::move(words);
    return *this;
}

RecordForm& RecordForm::add(Kind kind, data field) {
    if (const auto* id = field.get("id"); id && id->is_string()) order_.push_back(id->string_value());
    fields_.emplace_back(kind, std::move(field));
    return *this;
}

http::Response RecordForm::render(const Pages& pages, const http::Context& context, Errors errors, unsigned status,
                                  std::string back_link) const {
    static constexpr const char* partials[] = {"input", "textarea", "select", "radios", "checkboxes"};
    auto fields = fields_;
    std::string foreign;  // the first message about a field the form does not show
    for (auto& e : errors) {
        if (order_.empty() || std::ranges::find(order_, e.field) != order_.end()) continue;
        if (foreign.empty()) foreign = e.message;
        e.field = order_.front();
    }
    if (!foreign.empty()) {
        auto& first = fields.front().second;
        if (const auto* shown = first.get("error"); shown && shown->is_false()) {
            bool hinted = first.get("hint") && !first.get("hint")->is_false();
            first.set("error", foreign);
            first.set("described", (hinted ? order_.front() + "-hint " : std::string()) + order_.front() + "-error");
        }
    }
    data list{data::type::list};
    for (const auto& [kind, field] : fields) {
        data item;
        item.set(partials[static_cast<int>(kind)], field);
        list.push_back(item);
    }
    data values;
    values.set("heading", title_);
    values.set("caption", caption_);
    values.set("action", action_);
    values.set("button", button_);
    values.set("intro", web::text(intro_));
    values.set("fields", list);
    if (!errors.empty()) web::set_form_errors(values, std::move(errors), order_);
    return pages::render(pages, context, "reviews/pages/record_form", std::move(values), title_ + ": " + caption_,
                         status, std::move(back_link));
}

}  // namespace safeboard::reviews::pages
