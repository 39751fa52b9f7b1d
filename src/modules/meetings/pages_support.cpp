#include "modules/meetings/pages_support.hpp"

#include <array>
#include <chrono>

#include "modules/register/store.hpp"

namespace safeboard::meetings::pages {

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "meetings", pages, handler);
}

std::string when_text(const Meeting& meeting) {
    static const std::array<const char*, 7> days{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
    static const std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                    "July",    "August",   "September", "October", "November", "December"};
    const auto& s = meeting.starts_at;
    if (s.size() < 16) return s;
    int year = std::stoi(s.substr(0, 4));
    unsigned month = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
    unsigned day = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
    std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok()) return s;
    auto weekday = std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding();
    auto text = std::string(days[weekday]) + " " + std::to_string(day) + " " + months[month - 1] + " " +
                std::to_string(year) + ", " + s.substr(11, 5);
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
