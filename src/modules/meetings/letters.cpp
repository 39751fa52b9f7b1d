#include "modules/meetings/letters.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "modules/meetings/rules.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/text.hpp"

namespace safeboard::meetings {

namespace {

using register_::Membership;
using register_::SeatRole;

template <typename T>
void add_once(std::vector<T>& items, const T& item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

bool answers_for_agency(SeatRole role) {
    return role == SeatRole::chair || role == SeatRole::vice_chair || role == SeatRole::member;
}

std::string who_sits(const Membership& seat) {
    return seat.person_id && !seat.person_name.empty() ? seat.person_name : seat.seat_title;
}

std::optional<std::chrono::year_month_day> calendar_day(std::string_view date) {
    auto day = parse_day(date);
    if (!day) return std::nullopt;
    return std::chrono::year{std::stoi(day->substr(0, 4))} /
           std::chrono::month{static_cast<unsigned>(std::stoi(day->substr(5, 2)))} /
           std::chrono::day{static_cast<unsigned>(std::stoi(day->substr(8, 2)))};
}

// Line breaks, tabs and runs of spaces as one space: an item of a list is one line of the text.
std::string one_line(std::string_view text) {
    std::string line;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (!space) line += c;
        else if (!line.empty() && line.back() != ' ') line += ' ';
    }
    return trim(line);
}

// The letter's text, block by block, in the form letter_blocks reads back.
class LetterText {
public:
    void paragraph(std::string_view lines) { add(std::string(lines)); }
    void heading(std::string_view title, char rule) {
        auto line = one_line(title);
        add(line + "\n" + std::string(std::max<std::size_t>(3, utf8_length(line).value_or(line.size())), rule));
    }
    void list(const std::vector<std::string>& items, std::string_view when_empty) {
        if (items.empty()) return paragraph(when_empty);
        std::string lines;
        for (const auto& item : items) lines += (lines.empty() ? "- " : "\n- ") + one_line(item);
        add(std::move(lines));
    }
    std::string text() const { return text_ + "\n"; }

private:
    void add(std::string block) { text_ += (text_.empty() ? "" : "\n\n") + block; }
    std::string text_;
};

std::vector<std::string> key_issues(const std::vector<AgendaItem>& agenda) {
    std::vector<std::string> items;
    for (const auto& item : agenda) {
        if (item.taken) items.push_back(item.title);
    }
    return items;
}

std::vector<std::string> decisions(const std::vector<AgendaItem>& agenda) {
    std::vector<std::string> items;
    for (const auto& item : agenda) {
        if (!trim(item.decision).empty()) items.push_back(item.title + ": " + item.decision);
    }
    return items;
}

std::vector<std::string> agency_actions(const LetterFacts& facts, const MemberAgency& agency) {
    std::vector<std::string> items;
    for (const auto& action : facts.actions) {
        if (!falls_to(action, agency.organisation_id, facts.people)) continue;
        auto item = action.number + ". " + action.title;
        if (!action.responsibility.empty()) item += " (" + action.responsibility + ")";
        if (action.target_date) item += ", by " + calendar::day_and_date_in_words(*action.target_date);
        items.push_back(std::move(item));
    }
    return items;
}

std::string address(const Membership& seat, const MemberAgency& agency) {
    std::string lines = who_sits(seat);
    if (lines != seat.seat_title) lines += "\n" + seat.seat_title;
    return lines + "\n" + agency.name;
}

std::string signature(const LetterFacts& facts) {
    if (!facts.chair) return "Chair\n" + facts.meeting.body_name;
    const auto& chair = *facts.chair;
    auto lines = who_sits(chair) == chair.seat_title ? std::string() : who_sits(chair) + "\n";
    return lines + chair.seat_title + ", " + facts.meeting.body_name;
}

std::string copies(const MemberAgency& agency, const Membership& recipient) {
    std::string names;
    for (const auto& seat : agency.seats) {
        if (seat.id != recipient.id) names += (names.empty() ? "" : "; ") + who_sits(seat);
    }
    return names.empty() ? names : "Copy to: " + names;
}

std::string response_request(const MemberAgency& agency, std::string_view due_on, bool has_actions) {
    auto by = "Please reply by " + calendar::day_and_date_in_words(due_on);
    if (!has_actions) return by + ", confirming that " + agency.name + " has noted the decisions above.";
    return by + ", saying how " + agency.name + " will take forward the actions above, with any comments on the decisions.";
}

}  // namespace

// ---- who gets a letter ------------------------------------------------------------------

std::vector<MemberAgency> member_agencies(const std::vector<Membership>& seats, std::string_view date) {
    std::vector<MemberAgency> agencies;
    const std::string on(date);
    for (const auto& seat : seats) {
        if (!seat.organisation_id || !seat.current_on(on) || !answers_for_agency(seat.role)) continue;
        auto found = std::find_if(agencies.begin(), agencies.end(),
                                  [&](const MemberAgency& a) { return a.organisation_id == *seat.organisation_id; });
        if (found == agencies.end()) {
            agencies.push_back({*seat.organisation_id, seat.organisation_name, {}});
            found = std::prev(agencies.end());
        }
        found->seats.push_back(seat);
    }
    std::sort(agencies.begin(), agencies.end(), [](const MemberAgency& a, const MemberAgency& b) {
        auto left = lower_ascii(a.name), right = lower_ascii(b.name);
        return left != right ? left < right : a.organisation_id < b.organisation_id;
    });
    return agencies;
}

const Membership& recipient_seat(const MemberAgency& agency) {
    auto named = std::find_if(agency.seats.begin(), agency.seats.end(),
                              [](const Membership& seat) { return seat.person_id.has_value(); });
    return named != agency.seats.end() ? *named : agency.seats.front();
}

PersonOrganisations person_organisations(const std::vector<register_::Person>& people,
                                         const std::vector<Membership>& seats, std::string_view date) {
    PersonOrganisations found;
    for (const auto& person : people) {
        auto& own = found[person.id];
        if (person.organisation_id) add_once(own, *person.organisation_id);
    }
    const std::string on(date);
    for (const auto& seat : seats) {
        if (seat.person_id && seat.organisation_id && seat.current_on(on)) {
            add_once(found[*seat.person_id], *seat.organisation_id);
        }
    }
    return found;
}

bool falls_to(const plans::Action& action, std::int64_t organisation_id, const PersonOrganisations& people) {
    return std::any_of(action.responsible.begin(), action.responsible.end(), [&](const plans::Party& party) {
        if (party.kind == plans::PartyKind::organisation) return party.id == organisation_id;
        if (party.kind != plans::PartyKind::person) return false;
        auto found = people.find(party.id);
        return found != people.end() &&
               std::find(found->second.begin(), found->second.end(), organisation_id) != found->second.end();
    });
}

// ---- what the letter says -----------------------------------------------------------------

std::string days_after(std::string_view date, int days) {
    auto day = calendar_day(date);
    if (!day) return std::string(date);
    std::chrono::year_month_day moved{std::chrono::sys_days{*day} + std::chrono::days{days}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(moved.year()),
                  static_cast<unsigned>(moved.month()), static_cast<unsigned>(moved.day()));
    return text;
}

Letter draft_letter(const LetterFacts& facts, const MemberAgency& agency, std::string_view due_on) {
    const auto& seat = recipient_seat(agency);
    const auto& meeting = facts.meeting;
    auto held_on = calendar::day_and_date_in_words(meeting.date());
    auto actions = agency_actions(facts, agency);
    LetterText text;
    text.paragraph(address(seat, agency));
    text.paragraph("Dear " + who_sits(seat) + ",");
    text.heading(meeting.shown_title() + ", " + held_on, '=');
    text.paragraph("This letter follows the meeting of the " + meeting.body_name + " on " + held_on +
                   ". It sets out the key issues the meeting took, the decisions it made and the actions that fall "
                   "to " + agency.name + ".");
    text.heading("Key issues", '-');
    text.list(key_issues(facts.agenda), "No items were taken.");
    text.heading("Decisions", '-');
    text.list(decisions(facts.agenda), "No decisions were recorded.");
    text.heading("Actions for " + agency.name, '-');
    text.list(actions, "No actions arising fall to " + agency.name + ".");
    text.heading("Your response", '-');
    text.paragraph(response_request(agency, due_on, !actions.empty()));
    if (auto copy = copies(agency, seat); !copy.empty()) text.paragraph(copy);
    text.paragraph("Yours sincerely,");
    text.paragraph(signature(facts));

    Letter letter;
    letter.meeting_id = meeting.id;
    letter.organisation_id = agency.organisation_id;
    letter.organisation_name = agency.name;
    letter.recipient_membership_id = seat.id;
    letter.recipient_person_id = seat.person_id;
    letter.recipient_name = who_sits(seat);
    letter.text = text.text();
    letter.response_due_on = std::string(due_on);
    return letter;
}

// ---- recording what happened to it -----------------------------------------------------------

Result<Letter> letter_changes(const Fields& f, const Letter& base, std::string_view meeting_date,
                              std::string_view today) {
    FieldErrors errors;
    Letter l = base;
    auto date = [&](const char* field, const char* label, std::optional<std::string>& into) {
        if (f.contains(field)) into = fields::day(errors, f, field, label);
    };
    date("sent_on", "Sent on", l.sent_on);
    date("response_due_on", "Response due on", l.response_due_on);
    date("response_received_on", "Response received on", l.response_received_on);
    if (f.contains("response")) l.response = fields::block(errors, f, "response", "Response", 20000);
    // Checks between fields only once each field reads, so that every message is about a real mistake.
    if (!errors.empty()) return invalid(std::move(errors));
    if (l.sent_on && *l.sent_on < meeting_date) {
        errors.push_back({"sent_on", "Sent on must be on or after the day of the meeting, " + std::string(meeting_date)});
    }
    if (l.sent_on && *l.sent_on > today) errors.push_back({"sent_on", "Sent on must be today or in the past"});
    if (l.sent_on && l.response_due_on && *l.response_due_on < *l.sent_on) {
        errors.push_back({"response_due_on", "Response due on must be on or after the day the letter was sent"});
    }
    if (l.response_received_on && !l.sent_on) {
        errors.push_back({"response_received_on", "A response can be received only once the letter is sent: "
                                                  "enter the day it was sent"});
    }
    if (l.response_received_on && l.sent_on && *l.response_received_on < *l.sent_on) {
        errors.push_back({"response_received_on", "Response received on must be on or after the day the letter was sent"});
    }
    if (l.response_received_on && *l.response_received_on > today) {
        errors.push_back({"response_received_on", "Response received on must be today or in the past"});
    }
    if (!trim(l.response).empty() && !l.response_received_on) {
        errors.push_back({"response_received_on", "Enter the day the response was received"});
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return l;
}

bool response_overdue(const Letter& letter, std::string_view on) {
    return letter.sent_on && !letter.response_received_on && letter.response_due_on && *letter.response_due_on < on;
}

// ---- the letter as a document ------------------------------------------------------------------

namespace {

std::vector<std::vector<std::string>> text_blocks(std::string_view text) {
    std::vector<std::vector<std::string>> blocks(1);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = std::string(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty()) {
            if (!blocks.back().empty()) blocks.emplace_back();
        } else {
            blocks.back().push_back(std::move(line));
        }
        start = end + 1;
    }
    if (blocks.back().empty()) blocks.pop_back();
    return blocks;
}

bool is_rule(const std::string& line, char c) {
    return line.size() >= 3 && std::all_of(line.begin(), line.end(), [c](char x) { return x == c; });
}

std::string sent_line(const Letter& letter) {
    return letter.sent_on ? "Sent on " + calendar::day_and_date_in_words(*letter.sent_on) : "Draft: not yet sent";
}

std::string title_of(const Letter& letter, const Meeting& meeting) {
    return "Letter to " + letter.organisation_name + " after the " + meeting.shown_title() + " of " +
           calendar::day_and_date_in_words(meeting.date());
}

std::string html_block(const pdf::Block& block) {
    if (const auto* heading = std::get_if<pdf::Heading>(&block)) {
        auto tag = "h" + std::to_string(std::max(1, heading->level - 1));
        return "<" + tag + ">" + xml_escaped(heading->text) + "</" + tag + ">\n";
    }
    if (const auto* list = std::get_if<pdf::BulletList>(&block)) {
        std::string html = "<ul>\n";
        for (const auto& item : list->items) html += "<li>" + xml_escaped(item) + "</li>\n";
        return html + "</ul>\n";
    }
    std::string html = "<p>";
    const auto& text = std::get<pdf::Paragraph>(block).text;
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start)) {
        html += xml_escaped(text.substr(start, end - start)) + "<br>\n";
    }
    return html + xml_escaped(text.substr(start)) + "</p>\n";
}

}  // namespace

std::vector<pdf::Block> letter_blocks(std::string_view text) {
    std::vector<pdf::Block> blocks;
    for (const auto& lines : text_blocks(text)) {
        if (lines.size() == 2 && (is_rule(lines[1], '=') || is_rule(lines[1], '-'))) {
            blocks.push_back(pdf::Heading{lines[1].front() == '=' ? 2 : 3, trim(lines[0])});
        } else if (std::all_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("- "); })) {
            pdf::BulletList list;
            for (const auto& line : lines) list.items.push_back(trim(line.substr(2)));
            blocks.push_back(std::move(list));
        } else {
            std::string paragraph;
            for (const auto& line : lines) paragraph += (paragraph.empty() ? "" : "\n") + line;
            blocks.push_back(pdf::Paragraph{std::move(paragraph)});
        }
    }
    return blocks;
}

pdf::Document letter_document(const Letter& letter, const Meeting& meeting) {
    pdf::Document document;
    document.title = title_of(letter, meeting);
    document.author = meeting.body_name;
    document.subject = "Key issues, decisions and actions for " + letter.organisation_name;
    document.letterhead = meeting.body_name;
    document.blocks.push_back(pdf::Paragraph{sent_line(letter)});
    for (auto& block : letter_blocks(letter.text)) document.blocks.push_back(std::move(block));
    return document;
}

std::string letter_html(const Letter& letter, const Meeting& meeting) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                       xml_escaped(title_of(letter, meeting)) + "</title>\n</head>\n<body>\n<header><p><strong>" +
                       xml_escaped(meeting.body_name) + "</strong></p></header>\n<main>\n<p>" +
                       xml_escaped(sent_line(letter)) + "</p>\n";
    for (const auto& block : letter_blocks(letter.text)) html += html_block(block);
    return html + "</main>\n</body>\n</html>\n";
}

}  // namespace safeboard::meetings
