#include "platform/mail/connection.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <optional>
#include <utility>

#include "platform/core/text.hpp"

namespace safeboard::mail {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using boost::system::error_code;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kMaxLine = 4096;  // RFC 5321 allows a reply line 512 bytes
constexpr std::size_t kMaxReplyLines = 100;
constexpr std::size_t kMaxDescribed = 300;

std::unexpected<Error> broken(std::string message) { return fail(ErrorKind::unavailable, std::move(message)); }

ssl::context client_context() {
    ssl::context context(ssl::context::tls_client);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    context.set_verify_mode(ssl::verify_peer);
    error_code ignored;  // with no roots to load every handshake fails, and says why
    context.set_default_verify_paths(ignored);
    return context;
}

std::string printable(std::string_view text) {
    std::string out;
    for (char c : replace_invalid_utf8(text))
        if (static_cast<unsigned char>(c) >= 32 && c != 127) out += c;
    return shortened(out, kMaxDescribed);
}

// "250" from "250-SIZE 1000" or "250 OK"; nullopt when the line is not a reply.
std::optional<int> reply_code(std::string_view line) {
    if (line.size() < 3 || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) return std::nullopt;
    if (line[0] < '2' || line[0] > '5') return std::nullopt;
    int code = 0;
    for (char c : line.substr(0, 3)) {
        if (c < '0' || c > '9') return std::nullopt;
        code = code * 10 + (c - '0');
    }
    return code;
}

// The name the certificate must carry: a DNS name (also sent as SNI) or an IP address.
Status expect_name(SSL* ssl, const std::string& host) {
    error_code not_address;
    asio::ip::make_address(host, not_address);
    bool set = not_address ? SSL_set_tlsext_host_name(ssl, host.c_str()) == 1 && SSL_set1_host(ssl, host.c_str()) == 1
                           : X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str()) == 1;
    if (!set) return broken("cannot check the certificate against " + host);
    return {};
}

}  // namespace

std::string describe(const Reply& reply) {
    std::string text = std::to_string(reply.code);
    for (const auto& line : reply.lines) text += " " + line;
    return printable(text);
}

struct Connection::State {
    explicit State(std::chrono::milliseconds limit) : timeout(limit) {}

    // Starts an operation and runs it to its end or the timeout; then closes
    // the socket, which ends the operation, and reports timed_out.
    template <typename Start>
    error_code run(Start start) {
        error_code result = asio::error::would_block;
        start([&result](error_code ec, auto&&...) { result = ec; });
        io.restart();
        io.run_for(timeout);
        if (result != asio::error::would_block) return result;
        error_code ignored;
        resolver.cancel();
        socket.close(ignored);
        io.run();  // the cancelled operation finishes before `result` is gone
        return asio::error::timed_out;
    }

    template <typename Operation>
    error_code on_stream(Operation operation) {
        return encrypted ? operation(*tls) : operation(socket);
    }

    std::string problem(const error_code& ec) const {
        if (ec == asio::error::timed_out) return "no answer within " + std::to_string(timeout.count()) + " ms";
        if (ec == asio::error::eof || ec == ssl::error::stream_truncated) return "the server closed the connection";
        return ec.message();
    }

    std::chrono::milliseconds timeout;
    asio::io_context io;
    tcp::resolver resolver{io};
    tcp::socket socket{io};
    // Made at STARTTLS, so a plain connection never loads the trusted roots.
    std::optional<ssl::context> tls_context;
    std::optional<ssl::stream<tcp::socket&>> tls;
    std::string buffer;  // read but not yet taken
    bool encrypted = false;
};

Connection::Connection(std::chrono::milliseconds timeout) : state_(std::make_unique<State>(timeout)) {}
Connection::~Connection() = default;

Status Connection::open(const std::string& host, std::uint16_t port) {
    auto& s = *state_;
    tcp::resolver::results_type endpoints;
    auto resolved = s.run([&](auto done) {
        s.resolver.async_resolve(host, std::to_string(port), [&endpoints, done](error_code ec, auto found) {
            endpoints = std::move(found);
            done(ec);
        });
    });
    if (resolved) return broken("the host name does not resolve: " + s.problem(resolved));
    auto connected = s.run([&](auto done) { asio::async_connect(s.socket, endpoints, done); });
    if (connected) return broken(s.problem(connected));
    return {};
}

Status Connection::write(std::string_view bytes) {
    auto& s = *state_;
    auto ec = s.on_stream([&](auto& stream) {
        return s.run([&](auto done) { asio::async_write(stream, asio::buffer(bytes.data(), bytes.size()), done); });
    });
    if (ec) return broken(s.problem(ec));
    return {};
}

Result<std::string> Connection::read_line() {
    auto& s = *state_;
    auto ec = s.on_stream([&](auto& stream) {
        return s.run([&](auto done) { asio::async_read_until(stream, asio::dynamic_buffer(s.buffer, kMaxLine), '\n', done); });
    });
    if (ec == asio::error::not_found) return broken("the server sent a line longer than " + std::to_string(kMaxLine) + " bytes");
    if (ec) return broken(s.problem(ec));
    std::size_t end = s.buffer.find('\n');
    std::string line = s.buffer.substr(0, end);
    s.buffer.erase(0, end + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

Result<Reply> Connection::read_reply() {
    Reply reply;
    for (std::size_t count = 0; count < kMaxReplyLines; ++count) {
        auto line = read_line();
        if (!line) return std::unexpected(std::move(line.error()));
        auto code = reply_code(*line);
        if (!code || (reply.code != 0 && *code != reply.code))
            return broken("the server's reply is not SMTP: " + printable(*line));
        reply.code = *code;
        reply.lines.push_back(line->size() > 4 ? line->substr(4) : "");
        if (line->size() == 3 || (*line)[3] == ' ') return reply;
    }
    return broken("the server's reply has more than " + std::to_string(kMaxReplyLines) + " lines");
}

Status Connection::start_tls(const std::string& host) {
    auto& s = *state_;
    // Bytes that arrived before the handshake are not protected by it; a
    // man in the middle could have put them there (CVE-2011-0411).
    if (!s.buffer.empty()) return broken("the server sent data before the TLS handshake");
    s.tls_context.emplace(client_context());
    s.tls.emplace(s.socket, *s.tls_context);
    if (auto named = expect_name(s.tls->native_handle(), host); !named) return named;
    auto ec = s.run([&](auto done) { s.tls->async_handshake(ssl::stream_base::client, done); });
    long verified = SSL_get_verify_result(s.tls->native_handle());
    if (ec && verified != X509_V_OK)
        return broken(std::string("the server's certificate is refused: ") + X509_verify_cert_error_string(verified));
    if (ec) return broken("the TLS handshake failed: " + s.problem(ec));
    s.encrypted = true;
    return {};
}

bool Connection::encrypted() const { return state_->encrypted; }

bool Connection::loopback() const {
    error_code ec;
    auto endpoint = state_->socket.remote_endpoint(ec);
    return !ec && endpoint.address().is_loopback();
}

}  // namespace safeboard::mail
