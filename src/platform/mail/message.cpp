// Checking and writing the message: everything about an e-mail that is
// decided before a connection is opened.
#include <stdexcept>

#include "platform/core/text.hpp"
#include "platform/mail/address.hpp"
#include "platform/mail/encoding.hpp"
#include "platform/mail/mail.hpp"

namespace safeboard::mail {
namespace {

// Why text cannot go into a header, if it cannot: a line break would let
// it add headers of its own (header injection).
std::optional<std::string> header_problem(std::string_view text) {
    if (text.find_first_of("\r\n") != std::string_view::npos) return "must not contain a line break";
    if (!is_utf8(text)) return "must be UTF-8 text";
    if (has_control_characters(text, true)) return "must not contain control characters";
    return std::nullopt;
}

void check_mailbox(std::vector<FieldError>& errors, std::string field, const std::string& label,
                   std::string_view text) {
    if (auto problem = header_problem(text))
        errors.push_back({std::move(field), label + " " + *problem});
    else if (!parse_mailbox(text))
        errors.push_back({std::move(field), label + " is not an e-mail address"});
}

void check_settings(std::vector<FieldError>& errors, const SmtpSettings& settings) {
    auto is_name = [](std::string_view text) {
        return !text.empty() && !has_control_characters(text) && text.find(' ') == std::string_view::npos;
    };
    if (!is_name(settings.host)) errors.push_back({"host", "Host must be a host name or address"});
    if (settings.port == 0) errors.push_back({"port", "Port must be between 1 and 65535"});
    if (!is_name(settings.helo_name)) errors.push_back({"helo_name", "HELO name must be one word"});
    if (settings.timeout.count() <= 0) errors.push_back({"timeout", "Timeout must be more than zero"});
    if (settings.username.find('\0') != std::string::npos || settings.password.find('\0') != std::string::npos)
        errors.push_back({"username", "User name and password must not contain NUL"});
    check_mailbox(errors, "from", "From", settings.from);
}

void check_message(std::vector<FieldError>& errors, const Message& message) {
    if (message.to.empty()) errors.push_back({"to", "The message needs at least one recipient"});
    for (std::size_t i = 0; i < message.to.size(); ++i)
        check_mailbox(errors, "to", "Recipient " + std::to_string(i + 1), message.to[i]);
    if (auto problem = header_problem(message.subject)) errors.push_back({"subject", "Subject " + *problem});
    if (!is_utf8(message.text)) errors.push_back({"text", "Text must be UTF-8"});
}

std::string joined_messages(const std::vector<FieldError>& errors) {
    std::string out;
    for (const auto& error : errors) out += (out.empty() ? "" : "; ") + error.message;
    return out;
}

std::string recipients(const std::vector<std::string>& to) {
    std::string out;
    for (const auto& text : to) out += (out.empty() ? "" : ", ") + header_form(*parse_mailbox(text));
    return out;
}

}  // namespace

Status check(const SmtpSettings& settings, const Message& message) {
    std::vector<FieldError> errors;
    check_settings(errors, settings);
    check_message(errors, message);
    if (errors.empty()) return {};
    return invalid(errors, joined_messages(errors));
}

std::string format_message(const SmtpSettings& settings, const Message& message, std::string_view date,
                           std::string_view message_id) {
    if (auto checked = check(settings, message); !checked) throw std::invalid_argument(checked.error().message);
    if (header_problem(date) || header_problem(message_id))
        throw std::invalid_argument("date and message id must be one line of text");
    std::string out = header_line("From", header_form(*parse_mailbox(settings.from)));
    out += header_line("To", recipients(message.to));
    out += header_line("Subject", header_text(message.subject));
    out += header_line("Date", date);
    out += header_line("Message-ID", message_id);
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n";
    return out + "\r\n" + quoted_printable(message.text);
}

}  // namespace safeboard::mail
