#pragma once
// A real server on an ephemeral loopback port, and a small blocking client
// that speaks raw HTTP/1.1 over one connection, for tests of the wire.
#include <chrono>
#include <string>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "platform/http/server.hpp"

namespace safeboard::testing {

class TestServer {
public:
    TestServer(const http::Router& router, http::ServerOptions options = {}, db::Pool* pool = nullptr,
               http::ErrorPage error_page = {}, metrics::Registry* metrics = nullptr, http::Gate* gate = nullptr)
        : server_(router, with_test_defaults(options), pool, metrics ? *metrics : metrics_, std::move(error_page),
                  gate) {
        auto status = server_.listen();
        if (!status) throw std::runtime_error(status.error().message);
        thread_ = std::thread([this] {
            server_.run();
            done_ = true;
        });
    }
    ~TestServer() {
        if (!thread_.joinable()) return;
        server_.stop();
        thread_.join();
    }
    std::uint16_t port() const { return server_.port(); }
    http::Server& server() { return server_; }
    metrics::Registry& metrics() { return metrics_; }
    // Waits for run() to return after stop(); false if it did not within the time.
    bool join_within(std::chrono::milliseconds limit) {
        auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            if (done_.load()) {
                thread_.join();
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

private:
    static http::ServerOptions with_test_defaults(http::ServerOptions options) {
        options.host = "127.0.0.1";
        options.port = 0;
        if (options.io_threads == 0) options.io_threads = 2;
        options.access_log = false;
        return options;
    }
    metrics::Registry metrics_;
    http::Server server_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

using RawResponse = boost::beast::http::response<boost::beast::http::string_body>;

// One client connection; requests are sent one after another on it.
class Client {
public:
    explicit Client(std::uint16_t port) : socket_(io_) {
        socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    }
    RawResponse send(boost::beast::http::verb method, const std::string& target, std::string body = {},
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
        boost::beast::http::request<boost::beast::http::string_body> request{method, target, 11};
        request.set(boost::beast::http::field::host, "127.0.0.1");
        for (auto& [k, v] : headers) request.set(k, v);
        request.body() = std::move(body);
        request.prepare_payload();
        boost::beast::http::write(socket_, request);
        return read();
    }
    RawResponse get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
        return send(boost::beast::http::verb::get, target, {}, std::move(headers));
    }
    void write_raw(const std::string& bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }
    RawResponse read() {
        RawResponse response;
        boost::beast::http::response_parser<boost::beast::http::string_body> parser;
        parser.skip(skip_body_);
        boost::beast::http::read(socket_, buffer_, parser);
        return parser.release();
    }
    void expect_head_response() { skip_body_ = true; }
    // True when the server has closed the connection (reads end of stream).
    bool closed_by_server(std::chrono::milliseconds wait = std::chrono::milliseconds(2000)) {
        socket_.non_blocking(false);
        timeval tv{static_cast<long>(wait.count() / 1000), static_cast<long>((wait.count() % 1000) * 1000)};
        setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char byte;
        boost::system::error_code ec;
        std::size_t n = socket_.read_some(boost::asio::buffer(&byte, 1), ec);
        return n == 0 && (ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset);
    }
    boost::asio::ip::tcp::socket& socket() { return socket_; }

private:
    boost::asio::io_context io_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
    bool skip_body_ = false;
};

}  // namespace safeboard::testing
