// The SMTP conversation (RFC 5321): greet, secure, authenticate, envelope,
// message, quit. Every reply is checked; an error names the step and what
// the server said.
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "platform/mail/address.hpp"
#include "platform/mail/connection.hpp"
#include "platform/mail/encoding.hpp"
#include "platform/mail/mail.hpp"
#include "platform/mail/stamps.hpp"

namespace safeboard::mail {
namespace {

struct Envelope {
    std::string from;
    std::vector<std::string> to;
};

Envelope envelope_of(const SmtpSettings& settings, const Message& message) {
    Envelope envelope{parse_mailbox(settings.from)->address, {}};
    for (const auto& text : message.to) envelope.to.push_back(parse_mailbox(text)->address);
    return envelope;
}

std::unexpected<Error> at_step(std::string_view step, const Error& error) {
    return std::unexpected(Error{error.kind, std::string(step) + ": " + error.message, error.fields});
}

// A line that begins with "." gets another, so none ends the text early (RFC 5321 4.5.2).
std::string dot_stuffed(std::string_view payload) {
    std::string out;
    bool line_start = true;
    for (char c : payload) {
        if (line_start && c == '.') out += '.';
        out += c;
        line_start = c == '\n';
    }
    return out;
}

// The extension keywords of an EHLO reply, upper case, with AUTH's mechanisms
// as "AUTH PLAIN", "AUTH LOGIN".
std::set<std::string> extensions_of(const Reply& reply) {
    std::set<std::string> keywords;
    for (std::size_t i = 1; i < reply.lines.size(); ++i) {
        std::string line = reply.lines[i];
        for (char& c : line) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        std::string keyword = line.substr(0, line.find(' '));
        keywords.insert(keyword);
        if (keyword != "AUTH") continue;
        for (std::size_t at = line.find(' '); at != std::string::npos; at = line.find(' ', at + 1))
            keywords.insert("AUTH " + line.substr(at + 1, line.find(' ', at + 1) - at - 1));
    }
    return keywords;
}

class Session {
public:
    explicit Session(const SmtpSettings& settings) : settings_(settings), connection_(settings.timeout) {}
    Status deliver(const Envelope& envelope, std::string_view payload);

private:
    Status open();
    Status greet();
    Status secure();
    Status authenticate();
    Status address(const Envelope& envelope);
    Status transfer(std::string_view payload);
    void quit();
    Result<Reply> exchange(std::string_view step, std::string_view line);
    Status expect(std::string_view step, std::string_view line, int code, int other = 0);

    const SmtpSettings& settings_;
    Connection connection_;
    std::set<std::string> extensions_;
};

Result<Reply> Session::exchange(std::string_view step, std::string_view line) {
    if (auto written = connection_.write(std::string(line) + "\r\n"); !written) return at_step(step, written.error());
    auto reply = connection_.read_reply();
    if (!reply) return at_step(step, reply.error());
    return reply;
}

Status Session::expect(std::string_view step, std::string_view line, int code, int other) {
    auto reply = exchange(step, line);
    if (!reply) return std::unexpected(std::move(reply.error()));
    if (reply->code != code && reply->code != other)
        return fail(ErrorKind::unavailable, std::string(step) + ": " + describe(*reply));
    return {};
}

Status Session::open() {
    std::string where = settings_.host + ":" + std::to_string(settings_.port);
    if (auto opened = connection_.open(settings_.host, settings_.port); !opened)
        return at_step("connect to " + where, opened.error());
    auto greeting = connection_.read_reply();
    if (!greeting) return at_step("greeting from " + where, greeting.error());
    if (greeting->code != 220) return fail(ErrorKind::unavailable, "greeting from " + where + ": " + describe(*greeting));
    return {};
}

// EHLO, or HELO for a server that does not know it (RFC 5321 3.2).
Status Session::greet() {
    auto reply = exchange("EHLO", "EHLO " + settings_.helo_name);
    if (!reply) return std::unexpected(std::move(reply.error()));
    if (reply->code == 250) {
        extensions_ = extensions_of(*reply);
        return {};
    }
    extensions_.clear();
    return expect("HELO (after EHLO was refused: " + describe(*reply) + ")", "HELO " + settings_.helo_name, 250);
}

Status Session::secure() {
    if (!extensions_.contains("STARTTLS"))
        return fail(ErrorKind::unavailable, "STARTTLS: the server does not offer it, so the mail is not sent in clear");
    if (auto ready = expect("STARTTLS", "STARTTLS", 220); !ready) return ready;
    if (auto secured = connection_.start_tls(settings_.host); !secured) return at_step("STARTTLS", secured.error());
    return greet();  // what the server offers may differ once encrypted (RFC 3207 4.2)
}

Status Session::authenticate() {
    if (!connection_.encrypted() && !connection_.loopback())
        return invalid({{"starttls", "Set starttls to send the password encrypted"}},
                       "AUTH: the password would cross the network in clear; set starttls");
    if (!extensions_.contains("AUTH PLAIN"))
        return fail(ErrorKind::unavailable, "AUTH: the server does not offer AUTH PLAIN");
    std::string credentials = std::string(1, '\0') + settings_.username + '\0' + settings_.password;
    return expect("AUTH PLAIN", "AUTH PLAIN " + base64(credentials), 235);
}

// Every recipient is tried so the error names each refused one; the
// message then goes to none of them.
Status Session::address(const Envelope& envelope) {
    if (auto sender = expect("MAIL FROM <" + envelope.from + ">", "MAIL FROM:<" + envelope.from + ">", 250); !sender)
        return sender;
    std::string refused;
    for (const auto& to : envelope.to) {
        std::string step = "RCPT TO <" + to + ">";
        auto reply = exchange(step, "RCPT TO:<" + to + ">");
        if (!reply) return std::unexpected(std::move(reply.error()));
        if (reply->code != 250 && reply->code != 251) refused += (refused.empty() ? "" : "; ") + step + ": " + describe(*reply);
    }
    if (!refused.empty()) return fail(ErrorKind::unavailable, refused);
    return {};
}

Status Session::transfer(std::string_view payload) {
    if (auto ready = expect("DATA", "DATA", 354); !ready) return ready;
    return expect("end of DATA", dot_stuffed(payload) + ".", 250);  // the text ends in CRLF
}

// The message is accepted by now: a failed QUIT must not make the caller
// send it again, so its reply is read but not judged.
void Session::quit() { (void)exchange("QUIT", "QUIT"); }

Status Session::deliver(const Envelope& envelope, std::string_view payload) {
    if (auto opened = open(); !opened) return opened;
    if (auto greeted = greet(); !greeted) return greeted;
    if (settings_.starttls)
        if (auto secured = secure(); !secured) return secured;
    if (!settings_.username.empty())
        if (auto authenticated = authenticate(); !authenticated) return authenticated;
    if (auto addressed = address(envelope); !addressed) {
        quit();
        return addressed;
    }
    if (auto sent = transfer(payload); !sent) return sent;
    quit();
    return {};
}

std::string domain_of(const std::string& address) { return address.substr(address.find('@') + 1); }

}  // namespace

Status send(const SmtpSettings& settings, const Message& message) {
    if (auto checked = check(settings, message); !checked) return checked;
    Envelope envelope = envelope_of(settings, message);
    std::string payload =
        format_message(settings, message, rfc5322_date(system_now()), new_message_id(domain_of(envelope.from)));
    return Session(settings).deliver(envelope, payload);
}

}  // namespace safeboard::mail
