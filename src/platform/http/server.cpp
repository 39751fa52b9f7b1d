#include "platform/http/server.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "platform/http/dispatch.hpp"
#include "platform/http/problem.hpp"
#include "platform/log/log.hpp"

namespace safeboard::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
constexpr auto tuple_awaitable = asio::experimental::as_tuple(asio::use_awaitable);

namespace {

// What shutdown needs to know of a connection: whether it is between requests
// (then it is closed at once) and how to reach its socket. Touched only on the
// connection's strand.
struct Connection {
    beast::tcp_stream* stream = nullptr;
    bool busy = false;
};

// Runs `work` on the worker pool and resumes the coroutine on its own executor.
template <typename Work>
auto on_workers(asio::thread_pool& pool, Work work) {
    return asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        [&pool](auto handler, Work w) {
            // A tracked executor keeps the io_context running while the work is
            // away, even when shutting down with nothing else pending.
            auto resume = asio::prefer(asio::get_associated_executor(handler),
                                       asio::execution::outstanding_work.tracked);
            asio::post(pool, [handler = std::move(handler), w = std::move(w), resume]() mutable {
                Response response = w();
                asio::post(resume, [handler = std::move(handler), r = std::move(response)]() mutable {
                    std::move(handler)(std::move(r));
                });
            });
        },
        asio::use_awaitable, std::move(work));
}

Request to_request(bhttp::request<bhttp::string_body>& raw, const std::string& remote) {
    Request request;
    request.target = std::string(raw.target());
    request.headers.reserve(16);
    for (const auto& field : raw) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(raw.body());
    request.remote_address = remote;
    request.request_id = request_id_for(request.header("x-request-id"));
    return request;
}

bhttp::response<bhttp::string_body> to_beast(Response&& response, const std::string& request_id,
                                             unsigned version, bool keep_alive) {
    bhttp::response<bhttp::string_body> raw{static_cast<bhttp::status>(response.status), version};
    raw.set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) raw.insert(name, value);
    raw.set("X-Request-Id", request_id);
    raw.body() = std::move(response.body);
    raw.keep_alive(keep_alive);
    raw.prepare_payload();
    return raw;
}

}  // namespace

struct Server::Impl {
    const Router& router;
    ServerOptions options;
    db::Pool* pool;
    metrics::Registry& metrics;
    ErrorPage error_page;
    Gate* gate;

    asio::io_context io;
    asio::thread_pool workers;
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io};
    asio::steady_timer grace{io};
    std::atomic<bool> stopping{false};

    std::mutex connections_mutex;
    std::unordered_map<std::uint64_t, std::pair<asio::any_io_executor, std::shared_ptr<Connection>>> connections;
    std::uint64_t next_connection = 0;

    Impl(const Router& r, ServerOptions o, db::Pool* p, metrics::Registry& m, ErrorPage e, Gate* g)
        : router(r), options(std::move(o)), pool(p), metrics(m), error_page(std::move(e)), gate(g),
          workers(std::max(1u, options.workers)) {}

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> session(tcp::socket socket);
    asio::awaitable<void> serve_connection(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                           Connection& state, const std::string& remote);
    asio::awaitable<Response> handle(Request& request, const std::string& method_text,
                                     std::string& route_label);
    // Takes the response by reference: by-value coroutine parameters of class
    // type have been miscompiled by GCC 12.
    asio::awaitable<void> reply(beast::tcp_stream& stream, Response& response, const Request& request,
                                unsigned version, bool keep_alive, bool head,
                                std::chrono::steady_clock::time_point start, const std::string& route_label);
    // The route's larger body limit, for a request to a route that takes
    // files; the server's otherwise.
    std::size_t body_limit_for(const bhttp::request<bhttp::string_body>& header) const;
    void begin_shutdown();
    std::uint64_t track(const asio::any_io_executor& executor, std::shared_ptr<Connection> c);
    void forget(std::uint64_t id);
};

Server::Server(const Router& router, ServerOptions options, db::Pool* pool,
               metrics::Registry& metrics, ErrorPage error_page, Gate* gate)
    : impl_(std::make_unique<Impl>(router, std::move(options), pool, metrics, std::move(error_page), gate)) {}

Server::~Server() {
    impl_->workers.join();
}

Status Server::listen() {
    auto& acceptor = impl_->acceptor;
    boost::system::error_code ec;
    auto address = asio::ip::make_address(impl_->options.host, ec);
    std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
    if (ec) return fail(ErrorKind::validation, "cannot listen on " + where + ": not an IP address");
    tcp::endpoint endpoint{address, impl_->options.port};
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        acceptor.close();
        return fail(ErrorKind::unavailable, "cannot listen on " + where + ": " + ec.message());
    }
    return {};
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::handle_signals() {
    auto& signals = impl_->signals;
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        log::info("shutting down", {{"signal", signal}});
        stop();
    });
}

void Server::run() {
    asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
    unsigned count = impl_->options.io_threads ? impl_->options.io_threads
                                               : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < count; ++i) threads.emplace_back([this] { impl_->io.run(); });
    impl_->io.run();
    for (auto& t : threads) t.join();
}

void Server::stop() {
    asio::post(impl_->io, [impl = impl_.get()] { impl->begin_shutdown(); });
}

void Server::Impl::begin_shutdown() {
    if (stopping.exchange(true)) return;
    boost::system::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    std::lock_guard lock(connections_mutex);
    for (auto& [id, entry] : connections) {
        asio::post(entry.first, [c = entry.second] {
            if (c->stream && !c->busy) c->stream->socket().cancel();
        });
    }
    if (connections.empty()) return;
    grace.expires_after(options.shutdown_grace);
    grace.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        log::warn("shutdown grace period over; closing open connections");
        std::lock_guard guard(connections_mutex);
        for (auto& [id, entry] : connections) {
            asio::post(entry.first, [c = entry.second] {
                if (c->stream) c->stream->socket().close();
            });
        }
    });
}

std::uint64_t Server::Impl::track(const asio::any_io_executor& executor, std::shared_ptr<Connection> c) {
    std::lock_guard lock(connections_mutex);
    std::uint64_t id = next_connection++;
    connections.emplace(id, std::make_pair(executor, std::move(c)));
    return id;
}

void Server::Impl::forget(std::uint64_t id) {
    std::lock_guard lock(connections_mutex);
    connections.erase(id);
    if (connections.empty() && stopping) grace.cancel();
}

asio::awaitable<void> Server::Impl::accept_loop() {
    while (!stopping) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), tuple_awaitable);
        if (ec) {
            if (stopping || ec == asio::error::operation_aborted) break;
            log::warn("accept failed", {{"error", ec.message()}});
            continue;
        }
        auto executor = socket.get_executor();
        asio::co_spawn(executor, session(std::move(socket)), [](std::exception_ptr failure) {
            if (!failure) return;
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& e) {
                log::error("connection failed", {{"error", e.what()}});
            }
        });
    }
}

asio::awaitable<void> Server::Impl::session(tcp::socket socket) {
    boost::system::error_code endpoint_error;
    auto peer = socket.remote_endpoint(endpoint_error);
    std::string remote = endpoint_error ? std::string() : peer.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    auto state = std::make_shared<Connection>();
    state->stream = &stream;
    std::uint64_t id = track(stream.get_executor(), state);
    beast::flat_buffer buffer;
    try {
        co_await serve_connection(stream, buffer, *state, remote);
    } catch (...) {
        state->stream = nullptr;
        forget(id);
        throw;
    }
    state->stream = nullptr;
    forget(id);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Server::Impl::serve_connection(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                     Connection& state, const std::string& remote) {
    while (!stopping) {
        state.busy = false;
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
        std::size_t limit = options.body_limit;
        parser.body_limit(limit);
        stream.expires_after(options.idle_timeout);
        auto [ec, bytes] = co_await bhttp::async_read_header(stream, buffer, parser, tuple_awaitable);
        state.busy = true;
        auto start = std::chrono::steady_clock::now();
        if (!ec && !parser.is_done()) {
            limit = body_limit_for(parser.get());
            parser.body_limit(limit);
            stream.expires_after(options.read_timeout);
            auto body_read = co_await bhttp::async_read(stream, buffer, parser, tuple_awaitable);
            ec = std::get<0>(body_read);
        }
        if (ec) {
            unsigned status = ec == bhttp::error::header_limit ? 431
                              : ec == bhttp::error::body_limit ? 413
                              : (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
                                 ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
                                 ec == asio::error::eof || buffer.size() == 0)
                                  ? 0
                                  : 400;
            if (status == 0) co_return;
            Request bare;
            bare.request_id = request_id_for(std::nullopt);
            bare.path = "/";
            std::string detail = status == 431 ? "The request headers are too large"
                                 : status == 413 ? "The request body is larger than " +
                                                       std::to_string(limit) + " bytes"
                                                 : "The request could not be read: " + ec.message();
            Response failure = problem(status, detail, bare);
            co_await reply(stream, failure, bare, 11, false, false, start, "unmatched");
            co_return;
        }
        auto raw = parser.release();
        bool head = raw.method() == bhttp::verb::head;
        bool keep_alive = raw.keep_alive();
        unsigned version = raw.version();
        std::string method_text(raw.method_string());
        Request request = to_request(raw, remote);
        std::string route_label = "unmatched";
        Response response = co_await handle(request, method_text, route_label);
        co_await reply(stream, response, request, version, keep_alive && !stopping, head, start, route_label);
        if (!keep_alive) co_return;
    }
}

std::size_t Server::Impl::body_limit_for(const bhttp::request<bhttp::string_body>& header) const {
    auto method = parse_method(std::string(header.method_string()));
    std::string_view target = header.target();
    if (!method) return options.body_limit;
    Match match = router.match(*method, target.substr(0, target.find('?')));
    if (match.kind != Match::Kind::found) return options.body_limit;
    return std::max(options.body_limit, match.route->body_limit);
}

asio::awaitable<Response> Server::Impl::handle(Request& request, const std::string& method_text,
                                               std::string& route_label) {
    auto method = parse_method(method_text);
    if (!parse_target(request)) {
        request.path = "/";
        co_return problem(400, "The request target is not a valid URL path", request);
    }
    if (!method) co_return problem(501, "The method " + method_text + " is not supported", request);
    request.method = *method;
    Match match = router.match(*method, request.path);
    if (match.kind == Match::Kind::not_found) {
        co_return error_response(404, "There is nothing at " + request.path, request, error_page);
    }
    if (match.kind == Match::Kind::method_not_allowed) {
        std::string allow;
        for (Method m : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(to_string(m));
        Response response = problem(405, "The method " + method_text + " is not allowed here", request);
        response.header("Allow", allow);
        co_return response;
    }
    route_label = match.route->pattern;
    request.path_params = std::move(match.params);
    const Route& route = *match.route;
    Response response;
    if (route.execution == Execution::io) {
        response = invoke(route, request, pool, gate);
    } else {
        response = co_await on_workers(workers, [&route, &request, this] { return invoke(route, request, pool, gate); });
    }
    co_return browser_friendly(std::move(response), request, error_page);
}

asio::awaitable<void> Server::Impl::reply(beast::tcp_stream& stream, Response& response, const Request& request,
                                          unsigned version, bool keep_alive, bool head,
                                          std::chrono::steady_clock::time_point start,
                                          const std::string& route_label) {
    unsigned status = response.status;
    // Recorded before writing, so the figures are complete when the client has its answer.
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics.record_request(to_string(request.method), route_label, status, seconds);
    apply_security_headers(response, options.tls);
    auto raw = to_beast(std::move(response), request.request_id, version, keep_alive);
    std::size_t bytes = raw.body().size();
    if (head) {
        // A HEAD answer states the length of the body it leaves out.
        raw.body().clear();
        raw.content_length(bytes);
    }
    stream.expires_after(options.write_timeout);
    auto written = co_await bhttp::async_write(stream, raw, tuple_awaitable);
    boost::system::error_code ec = std::get<0>(written);
    if (options.access_log) {
        log::info("request", {{"request_id", request.request_id},
                              {"method", to_string(request.method)},
                              {"path", request.path},
                              {"route", route_label},
                              {"status", status},
                              {"bytes", bytes},
                              {"duration_ms", seconds * 1000.0},
                              {"remote", request.remote_address},
                              {"error", ec ? ec.message() : ""}});
    }
}

}  // namespace safeboard::http
