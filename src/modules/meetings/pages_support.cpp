#include "modules/meetings/pages_support.hpp"

#include <chrono>

#include "modules/meetings/policy.hpp"
#include "modules/register/store.hpp"
#include "platform/calendar/date.hpp"
#include "platform/http/form.hpp"

namespace safeboard::meetings::pages {

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "meetings", pages, handler);
}

std::string meeting_href(std::int64_t id) { return "/meetings/" + std::to_string(id); }

Errors renamed(Errors errors, const std::map<std::string, std::string>& names) {
    for (auto& e : errors) {
        if (auto found = names.find(e.field); found != names.end()) e.field = found->second;
    }
    return errors;
}

std::variant<Changing, http::Response> changing(const http::Request& request, http::Context& context) {
    auto& db = context.db();
    auto meeting = readable_meeting(db, context.user(), auth::path_id(request));
    if (!meeting) return auth::missing(request, "meeting");
    if (!may_change(db, context.user(), *meeting)) {
        return auth::refuse(request, context, "You cannot change meeting " + std::to_string(meeting->id));
    }
    return Changing{*meeting, *register_::find_body(db, meeting->body_id)};
}

std::variant<register_::Body, http::Response> changeable_body(const http::Request& request, http::Context& context,
                                                              std::optional<std::int64_t> body_id) {
    auto& db = context.db();
    auto body = readable_body(db, context.user(), body_id);
    if (!body) return auth::missing(request, "body");
    if (!body_in(db, writable(context.user()), body->id)) {
        return auth::refuse(request, context, "meetings.write is not held for a partnership of body " +
                                                  std::to_string(body->id));
    }
    return *body;
}

std::vector<web::Choice> select_choices(const std::vector<Choice>& choices, const std::string& none_label) {
    std::vector<web::Choice> options{{"", none_label, {}}};
    for (const auto& choice : choices) options.push_back({std::to_string(choice.id), choice.name, {}});
    return options;
}

http::Response confirm_page(const Pages& pages, http::Context& context, const Removal& removal, unsigned status) {
    data values;
    values.set("heading", removal.title);
    values.set("what", removal.what);
    values.set("action", removal.action);
    values.set("back", removal.back);
    values.set("reason", web::text(removal.reason.value_or("")));
    return render(pages, context, "meetings/pages/confirm_remove", std::move(values), removal.title, status,
                  removal.back);
}

std::string when_text(const Meeting& meeting) {
    const auto& s = meeting.starts_at;
    if (s.size() < 16 || !calendar::parse_date(s.substr(0, 10))) return s;
    auto text = calendar::day_and_date_in_words(s.substr(0, 10)) + ", " + s.substr(11, 5);
    if (meeting.ends_at.size() >= 16) text += " to " + meeting.ends_at.substr(11, 5);
    return text;
}

std::string status_tag(MeetingStatus status) {
    switch (status) {
        case MeetingStatus::planned: return "govuk-tag--grey";
        case MeetingStatus::confirmed: return "govuk-tag--blue";
        case MeetingStatus::held: return "govuk-tag--green";
        case MeetingStatus::cancelled: return "govuk-tag--red";
    }
    return "govuk-tag--grey";
}

data body_field(db::Connection& db, const access::ScopeFilter& reach, const std::string& chosen,
                  const std::string& any_label, const Errors& errors) {
    std::vector<web::Choice> choices{{"", any_label, {}}};
    for (const auto& partnership : register_::list_partnerships(db, 500, std::nullopt, reach)) {
        for (const auto& body : register_::bodies_of(db, partnership.id)) {
            auto value = std::to_string(body.id);
            if (std::ranges::none_of(choices, [&](const web::Choice& c) { return c.value == value; })) {
                choices.push_back({value, body.name, {}});
            }
        }
    }
    return web::choice_field("body", "Body", choices, {chosen}, errors);
}

}  // namespace safeboard::meetings::pages
