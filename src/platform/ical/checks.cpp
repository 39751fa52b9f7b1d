#include "platform/ical/checks.hpp"

#include <map>

#include "platform/core/text.hpp"
#include "platform/core/time.hpp"
#include "platform/ical/wall_clock.hpp"

namespace safeboard::ical {

namespace {

using Errors = std::vector<FieldError>;

constexpr std::size_t kMaxUid = 255;
constexpr std::size_t kMaxLine = 1000;

// Text a calendar shows (a title, a description): line breaks and tabs are
// fine, other control characters are not allowed in iCalendar TEXT.
void check_text(Errors& errors, const std::string& field, std::string_view label, std::string_view value) {
    if (!is_utf8(value)) {
        errors.push_back({field, std::string(label) + " must be text (it has bytes that are not UTF-8)"});
        return;
    }
    std::string flat = with_newlines(value);
    for (char& c : flat) {
        if (c == '\n') c = ' ';
    }
    if (has_control_characters(flat, true)) {
        errors.push_back({field, std::string(label) + " must not contain control characters"});
    }
}

void check_line_field(Errors& errors, const std::string& field, std::string_view label, std::string_view value,
                      std::size_t min, std::size_t max) {
    if (auto error = check_line(field, label, value, min, max)) errors.push_back(std::move(*error));
}

// An absolute address ("https://...", "tel:..."): a scheme, then no spaces.
bool is_address(std::string_view url) {
    auto colon = url.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = url[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) return false;
    }
    return is_utf8(url) && !has_control_characters(url) && url.find(' ') == std::string_view::npos;
}

// `name` is "start" or "end".
bool check_time(Errors& errors, const std::string& field, const std::string& name, std::string_view value) {
    if (parse_wall_clock(value)) return true;
    if (value.empty()) {
        errors.push_back({field, "Enter the " + name + " time"});
    } else {
        errors.push_back({field, "The " + name + " must be a UK date and time like 2026-11-22T10:15"});
    }
    return false;
}

void check_times(Errors& errors, const std::string& prefix, const Event& event) {
    bool starts = check_time(errors, prefix + "starts_at", "start", event.starts_at);
    if (event.ends_at.empty()) return;
    bool ends = check_time(errors, prefix + "ends_at", "end", event.ends_at);
    // The one fixed form sorts as the times do.
    if (starts && ends && event.ends_at < event.starts_at) {
        errors.push_back({prefix + "ends_at", "The end must not be before the start"});
    }
}

void check_event(Errors& errors, const std::string& prefix, const Event& event) {
    check_line_field(errors, prefix + "uid", "UID", event.uid, 1, kMaxUid);
    if (event.sequence < 0) errors.push_back({prefix + "sequence", "Sequence must be 0 or more"});
    check_text(errors, prefix + "summary", "Summary", event.summary);
    check_text(errors, prefix + "description", "Description", event.description);
    check_text(errors, prefix + "location", "Location", event.location);
    if (!event.url.empty() && !is_address(event.url)) {
        errors.push_back({prefix + "url", "URL must be a full address without spaces, like https://example.org/"});
    }
    check_times(errors, prefix, event);
    if (!parse_iso_utc(event.updated_at)) {
        errors.push_back({prefix + "updated_at", "Updated at must be a UTC time like 2026-11-22T10:15:00Z"});
    }
}

}  // namespace

std::string with_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else if (i + 1 == text.size() || text[i + 1] != '\n') {
            out += '\n';
        }
    }
    return out;
}

std::vector<FieldError> check_calendar(const Calendar& calendar) {
    Errors errors;
    check_line_field(errors, "product_id", "Product id", calendar.product_id, 1, kMaxLine);
    check_line_field(errors, "name", "Calendar name", calendar.name, 0, kMaxLine);
    // Two events with one UID are one event to a calendar program: one would vanish.
    std::map<std::string, std::size_t> first_with_uid;
    for (std::size_t i = 0; i < calendar.events.size(); ++i) {
        const auto& event = calendar.events[i];
        auto prefix = "events[" + std::to_string(i) + "].";
        check_event(errors, prefix, event);
        auto [seen, added] = first_with_uid.emplace(event.uid, i);
        if (!added && !event.uid.empty()) {
            errors.push_back({prefix + "uid", "UID is also the UID of events[" + std::to_string(seen->second) + "]"});
        }
    }
    return errors;
}

}  // namespace safeboard::ical
