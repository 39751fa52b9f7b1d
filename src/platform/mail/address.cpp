#include "platform/mail/address.hpp"

#include <algorithm>

#include "platform/core/text.hpp"
#include "platform/mail/encoding.hpp"

namespace safeboard::mail {
namespace {

constexpr std::size_t kMaxAddress = 254;  // RFC 5321's path limit, less the <>

bool is_atext(char c) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return alnum || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// One or more runs of atext joined by single dots.
bool is_dot_atom(std::string_view text) {
    if (text.empty() || text.front() == '.' || text.back() == '.') return false;
    if (text.find("..") != std::string_view::npos) return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || is_atext(c); });
}

bool is_address(std::string_view text) {
    std::size_t at = text.find('@');
    if (at == std::string_view::npos || text.size() > kMaxAddress) return false;
    return is_dot_atom(text.substr(0, at)) && is_dot_atom(text.substr(at + 1));
}

// "Patel, Asha" from "\"Patel, Asha\"": quotes removed, \x read as x.
std::string unquoted(std::string_view name) {
    if (name.size() < 2 || name.front() != '"' || name.back() != '"') return std::string(name);
    std::string out;
    for (std::size_t i = 1; i + 1 < name.size(); ++i) {
        if (name[i] == '\\' && i + 2 < name.size()) ++i;
        out += name[i];
    }
    return out;
}

bool is_plain_phrase(std::string_view name) {
    return std::all_of(name.begin(), name.end(), [](char c) { return c == ' ' || is_atext(c); });
}

std::string quoted(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
}

}  // namespace

std::optional<Mailbox> parse_mailbox(std::string_view text) {
    std::string whole = trim(text);
    std::string_view view = whole;
    Mailbox mailbox;
    if (!view.empty() && view.back() == '>') {
        std::size_t open = view.rfind('<');
        if (open == std::string_view::npos) return std::nullopt;
        mailbox.name = unquoted(trim(view.substr(0, open)));
        view = view.substr(open + 1, view.size() - open - 2);
    }
    if (!is_address(view)) return std::nullopt;
    mailbox.address = std::string(view);
    return mailbox;
}

std::string header_form(const Mailbox& mailbox) {
    if (mailbox.name.empty()) return mailbox.address;
    std::string name = mailbox.name;
    if (!is_ascii(name) || name.find("=?") != std::string::npos)
        name = header_text(name);
    else if (!is_plain_phrase(name))
        name = quoted(name);
    return name + " <" + mailbox.address + ">";
}

}  // namespace safeboard::mail
