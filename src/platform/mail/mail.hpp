#pragma once
// E-mail over SMTP (RFC 5321) for the jobs that tell people things (daily
// reminders): one plain-text UTF-8 message at a time, sent synchronously.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::mail {

struct SmtpSettings {
    std::string host;
    std::uint16_t port = 25;
    std::string from;  // "Safeboard <noreply@example.org>" or a bare address
    std::string helo_name = "safeboard";
    // AUTH PLAIN when username is set; the password is only ever sent over
    // TLS (starttls) or to a server on a loopback address.
    std::string username, password;
    // Upgrade with STARTTLS, verifying the server's certificate against the
    // system's trusted roots and `host`; refused when the server does not offer it.
    bool starttls = false;
    // Each step (connecting, the TLS handshake, a command and its reply,
    // the message text) must finish within this.
    std::chrono::milliseconds timeout{10'000};
};

struct Message {
    std::vector<std::string> to;  // "Asha Patel <asha@example.org>" or a bare address
    std::string subject;
    std::string text;  // UTF-8; any line ends
};

// Every problem with the settings and the message that can be seen before
// connecting, as ErrorKind::validation naming the field ("subject", "to", ...):
// line breaks or other control characters in a header (header injection),
// an address that is not one, text that is not UTF-8, no recipients.
Status check(const SmtpSettings& settings, const Message& message);

// The DATA payload before dot-stuffing: headers (From, To, Subject as RFC
// 2047 encoded-words when not ASCII, Date, Message-ID, MIME-Version,
// Content-Type text/plain; charset=UTF-8, quoted-printable) and the body,
// CRLF line ends, no line longer than 78 characters (body lines at most 76).
// `date` is an RFC 5322 date ("Sun, 22 Nov 2026 10:15:00 +0000") and
// `message_id` the header's value with its angle brackets. Throws
// std::invalid_argument when check() refuses the input, or when date or
// message_id hold a line break: send() checks first.
std::string format_message(const SmtpSettings& settings, const Message& message, std::string_view date,
                           std::string_view message_id);

// Connects, greets (EHLO, else HELO), upgrades with STARTTLS and
// authenticates when the settings say so, and sends the message to every
// recipient, or to none: when the server refuses any recipient the message
// is not sent, and the error names each refused one. Errors: validation
// (see check()), otherwise ErrorKind::unavailable naming the step and the
// server's reply ("RCPT TO <x@example.org>: 550 5.1.1 No such user").
Status send(const SmtpSettings& settings, const Message& message);

}  // namespace safeboard::mail
