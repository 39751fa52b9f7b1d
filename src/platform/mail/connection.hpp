#pragma once
// One SMTP connection: command lines out, replies in, the STARTTLS upgrade.
// Blocking for the caller, bounded for the server: each operation runs Asio
// until it completes or the timeout passes, when the socket is closed. Errors
// are ErrorKind::unavailable with what went wrong; the caller names the step.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/error.hpp"

namespace safeboard::mail {

struct Reply {
    int code = 0;
    std::vector<std::string> lines;  // the text after "250-" or "250 ", one per line
};

// "550 5.1.1 No such user" for an error message: the lines joined, control
// characters dropped, shortened, so a hostile server cannot fill the log.
std::string describe(const Reply& reply);

class Connection {
public:
    explicit Connection(std::chrono::milliseconds timeout);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Status open(const std::string& host, std::uint16_t port);
    Status write(std::string_view bytes);
    Result<Reply> read_reply();
    // Verifies the certificate against the system's roots and `host`.
    Status start_tls(const std::string& host);
    bool encrypted() const;
    // The server is on this machine, so nothing we send crosses a network.
    bool loopback() const;

private:
    struct State;
    Result<std::string> read_line();
    std::unique_ptr<State> state_;
};

}  // namespace safeboard::mail
