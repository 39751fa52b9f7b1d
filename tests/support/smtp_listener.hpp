#pragma once
// A small SMTP server on 127.0.0.1 and an ephemeral port, for tests of code
// that sends mail. One thread serves one connection at a time and records
// every message it accepts; the destructor stops it. Each read waits at most
// a few seconds, so a test never hangs on a client that stopped talking.
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace safeboard::testing {

struct SmtpListenerOptions {
    std::set<std::string> reject_recipients{};  // RCPT TO for these addresses gets 550
    // The command ("DATA", "RCPT", ...) at which the connection is dropped
    // without a reply; empty for never.
    std::string close_at{};
    bool refuse_ehlo = false;  // 502 to EHLO, so the client must say HELO
    // Offer STARTTLS, with a new self-signed certificate for "localhost"
    // (certificate_pem()).
    bool starttls = false;
    bool auth = false;  // offer AUTH PLAIN, accepting any user name and password
};

struct ReceivedMail {
    std::string from;             // the envelope sender, without <>
    std::vector<std::string> to;  // the accepted recipients, without <>
    std::string data;             // dot-stuffing undone, CRLF line ends, without the final "."
    std::string username, password;  // from AUTH PLAIN on this connection
    bool encrypted = false;       // the message came over TLS
};

class SmtpListener {
public:
    explicit SmtpListener(SmtpListenerOptions options = {});
    ~SmtpListener();
    SmtpListener(const SmtpListener&) = delete;
    SmtpListener& operator=(const SmtpListener&) = delete;

    std::uint16_t port() const;
    std::vector<ReceivedMail> messages() const;
    // Every command line received, in order ("EHLO safeboard", "STARTTLS", ...).
    std::vector<std::string> commands() const;
    const std::string& certificate_pem() const;

    struct State;

private:
    std::unique_ptr<State> state_;
};

// RFC 4648 base64 with padding; characters outside the alphabet are skipped.
std::string decode_base64(std::string_view text);

}  // namespace safeboard::testing
