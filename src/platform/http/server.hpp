#pragma once
// The HTTP server: Boost.Beast over Asio with C++20 coroutines.
//
// Threading: `io_threads` threads run one io_context; each connection is a
// coroutine on its own strand. Handlers marked Execution::worker (anything
// that touches the database or files) run on a separate worker pool whose
// size equals the database pool, so a slow query never stalls an I/O thread
// and a worker never waits for a connection. See ARCHITECTURE.md.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "platform/core/error.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/gate.hpp"
#include "platform/http/router.hpp"
#include "platform/metrics/metrics.hpp"

namespace safeboard::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port (tests)
    unsigned io_threads = 0;    // 0: one per core
    unsigned workers = 4;       // threads for Execution::worker handlers
    std::size_t header_limit = 16 * 1024;        // larger headers: 431
    std::size_t body_limit = 1024 * 1024;        // larger bodies: 413
    std::chrono::milliseconds idle_timeout{30'000};  // keep-alive wait and whole header read
    std::chrono::milliseconds read_timeout{30'000};  // the body of one request
    std::chrono::milliseconds write_timeout{30'000};
    std::chrono::milliseconds shutdown_grace{30'000};  // then open connections are closed
    bool access_log = true;
    // Served to browsers over https (directly or behind a TLS proxy): adds HSTS.
    bool tls = false;
};

// Browser-facing pages for errors the server itself raises (no route, an
// exception). Returns nothing to fall back to problem+json.
using ErrorPage = std::function<std::optional<Response>(unsigned status, const Request&)>;

class Server {
public:
    Server(const Router& router, ServerOptions options, db::Pool* pool,
           metrics::Registry& metrics, ErrorPage error_page = {}, Gate* gate = nullptr);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; an error names the address (e.g. port in use).
    Status listen();
    std::uint16_t port() const;
    // Serves until stop() or SIGINT/SIGTERM (when handle_signals() was called);
    // returns once in-flight requests have finished.
    void run();
    // Stops accepting, closes idle connections, lets requests in flight finish.
    // Safe to call from any thread, more than once.
    void stop();
    void handle_signals();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Runs a matched route: the Gate first (who is asking, may they), then the
// handler, turning anything either throws into a problem response (503 when
// the database is busy or unreachable, else 500). Deny by default: a route
// that declares no access is refused, and without a Gate only routes open to
// anyone are served. Pure: no sockets, so tests and benchmarks call it directly.
Response invoke(const Route& route, const Request& request, db::Pool* pool, Gate* gate = nullptr);

}  // namespace safeboard::http
