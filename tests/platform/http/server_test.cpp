#include <future>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "platform/db/database.hpp"
#include "platform/http/test_server.hpp"

namespace safeboard::http {
namespace {

namespace bhttp = boost::beast::http;
using testing::Client;
using testing::TestServer;

boost::json::value body_json(const testing::RawResponse& response) {
    return boost::json::parse(response.body());
}

Router wire_router() {
    Router router;
    router.add({Method::get, "/hello", [](const Request&, Context&) { return Response::text("hello"); },
                Execution::io, {}, Access::anyone()});
    router.add({Method::get, "/echo/{name}",
                [](const Request& request, Context&) {
                    return Response::json(boost::json::object{
                        {"name", request.path_param("name")},
                        {"q", request.query_param("q").value_or("")}});
                },
                Execution::worker, {}, Access::anyone()});
    router.add({Method::post, "/echo", [](const Request& request, Context&) { return Response::text(request.body); },
                Execution::worker, {}, Access::anyone()});
    router.add({Method::get, "/boom", [](const Request&, Context&) -> Response { throw std::runtime_error("secret internal detail"); },
                Execution::worker, {}, Access::anyone()});
    router.add({Method::get, "/busy",
                [](const Request&, Context&) -> Response {
                    throw db::DatabaseError(db::ErrorCode::busy, "no connection free");
                },
                Execution::worker, {}, Access::anyone()});
    return router;
}

TEST(HttpServer, AnswersWithARequestIdOnEveryResponse) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    auto response = client.get("/hello");
    EXPECT_EQ(response.result_int(), 200u);
    EXPECT_EQ(response.body(), "hello");
    EXPECT_EQ(response["X-Request-Id"].size(), 32u);
    auto missing = client.get("/nothing-here");
    EXPECT_EQ(missing["X-Request-Id"].size(), 32u);
    EXPECT_NE(missing["X-Request-Id"], response["X-Request-Id"]);
}

TEST(HttpServer, KeepsACallersSafeRequestIdAndReplacesAnUnsafeOne) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    EXPECT_EQ(client.get("/hello", {{"X-Request-Id", "abc-123"}})["X-Request-Id"], "abc-123");
    auto replaced = client.get("/hello", {{"X-Request-Id", "bad id\"<>"}});
    EXPECT_EQ(replaced["X-Request-Id"].size(), 32u);
}

TEST(HttpServer, ServesManyRequestsOnOneKeptAliveConnection) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    for (int i = 0; i < 20; ++i) {
        auto response = client.get("/echo/n" + std::to_string(i) + "?q=x%20y");
        ASSERT_EQ(response.result_int(), 200u);
        EXPECT_TRUE(response.keep_alive());
        auto json = body_json(response);
        EXPECT_EQ(json.at("name").as_string(), "n" + std::to_string(i));
        EXPECT_EQ(json.at("q").as_string(), "x y");
    }
}

TEST(HttpServer, UnknownPathIsAProblem) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    auto response = client.get("/api/v1/nowhere");
    EXPECT_EQ(response.result_int(), 404u);
    EXPECT_EQ(response[bhttp::field::content_type], "application/problem+json");
    auto json = body_json(response);
    EXPECT_EQ(json.at("status").as_int64(), 404);
    EXPECT_EQ(json.at("title").as_string(), "Not Found");
    EXPECT_EQ(json.at("instance").as_string(), "/api/v1/nowhere");
    EXPECT_EQ(json.at("request_id").as_string(), response["X-Request-Id"]);
}

TEST(HttpServer, WrongMethodIs405WithAllow) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    auto response = client.send(bhttp::verb::delete_, "/hello");
    EXPECT_EQ(response.result_int(), 405u);
    EXPECT_EQ(response[bhttp::field::allow], "GET, HEAD");
    EXPECT_EQ(response[bhttp::field::content_type], "application/problem+json");
}

TEST(HttpServer, UnsupportedMethodIs501) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    client.write_raw("BREW /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(client.read().result_int(), 501u);
}

TEST(HttpServer, MalformedRequestIs400AndClosed) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    client.write_raw("GET /hello HTTP/1.1\r\nHost x\r\n\r\n");
    EXPECT_EQ(client.read().result_int(), 400u);
    EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, HeadAnswersHeadersOnly) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    client.expect_head_response();
    auto response = client.send(bhttp::verb::head, "/hello");
    EXPECT_EQ(response.result_int(), 200u);
    EXPECT_EQ(response[bhttp::field::content_length], "5");
    EXPECT_TRUE(response.body().empty());
}

TEST(HttpServer, OversizedHeadersAre431) {
    Router router = wire_router();
    ServerOptions options;
    options.header_limit = 2048;
    TestServer server(router, options);
    Client client(server.port());
    auto response = client.get("/hello", {{"X-Filler", std::string(4096, 'a')}});
    EXPECT_EQ(response.result_int(), 431u);
    EXPECT_EQ(response[bhttp::field::content_type], "application/problem+json");
}

TEST(HttpServer, OversizedBodyIs413) {
    Router router = wire_router();
    ServerOptions options;
    options.body_limit = 1024;
    TestServer server(router, options);
    Client client(server.port());
    EXPECT_EQ(client.send(bhttp::verb::post, "/echo", std::string(1000, 'b')).result_int(), 200u);
    auto response = client.send(bhttp::verb::post, "/echo", std::string(5000, 'b'));
    EXPECT_EQ(response.result_int(), 413u);
}

TEST(HttpServer, ClosesIdleConnections) {
    Router router = wire_router();
    ServerOptions options;
    options.idle_timeout = std::chrono::milliseconds(200);
    TestServer server(router, options);
    Client client(server.port());
    EXPECT_EQ(client.get("/hello").result_int(), 200u);
    EXPECT_TRUE(client.closed_by_server(std::chrono::milliseconds(3000)));
}

TEST(HttpServer, SlowClientCannotHoldAConnection) {
    Router router = wire_router();
    ServerOptions options;
    options.idle_timeout = std::chrono::milliseconds(300);
    TestServer server(router, options);
    Client client(server.port());
    // Half a request line, then nothing: the header read times out.
    client.write_raw("GET /hel");
    EXPECT_TRUE(client.closed_by_server(std::chrono::milliseconds(3000)));
}

TEST(HttpServer, HandlerFailureIs500WithoutDetailsLeaking) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    auto response = client.get("/boom");
    EXPECT_EQ(response.result_int(), 500u);
    EXPECT_EQ(response.body().find("secret internal detail"), std::string::npos);
    EXPECT_EQ(body_json(response).at("request_id").as_string(), response["X-Request-Id"]);
    EXPECT_EQ(client.get("/hello").result_int(), 200u);  // the connection survives
}

TEST(HttpServer, DatabaseBusyIs503) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    EXPECT_EQ(client.get("/busy").result_int(), 503u);
}

TEST(HttpServer, BrowsersGetTheErrorPageOutsideTheApi) {
    Router router = wire_router();
    ErrorPage page = [](unsigned status, const Request&) -> std::optional<Response> {
        return Response::html("<h1>page " + std::to_string(status) + "</h1>", status);
    };
    TestServer server(router, {}, nullptr, page);
    Client client(server.port());
    auto html = client.get("/missing", {{"Accept", "text/html"}});
    EXPECT_EQ(html.result_int(), 404u);
    EXPECT_EQ(html.body(), "<h1>page 404</h1>");
    auto failed = client.get("/boom", {{"Accept", "text/html"}});
    EXPECT_EQ(failed.body(), "<h1>page 500</h1>");
    auto api = client.get("/api/v1/missing", {{"Accept", "text/html"}});
    EXPECT_EQ(api[bhttp::field::content_type], "application/problem+json");
}

TEST(HttpServer, BlockingHandlersDoNotStallOtherConnections) {
    std::promise<void> release;
    auto released = release.get_future().share();
    Router router;
    router.add({Method::get, "/slow",
                [released](const Request&, Context&) {
                    bool ok = released.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
                    return Response::text(ok ? "released" : "timed out");
                },
                Execution::worker, {}, Access::anyone()});
    router.add({Method::get, "/fast", [](const Request&, Context&) { return Response::text("fast"); },
                Execution::io, {}, Access::anyone()});
    ServerOptions options;
    options.io_threads = 1;
    options.workers = 1;
    TestServer server(router, options);
    Client slow(server.port());
    boost::beast::http::request<boost::beast::http::empty_body> request{bhttp::verb::get, "/slow", 11};
    request.set(bhttp::field::host, "x");
    bhttp::write(slow.socket(), request);
    // With one I/O thread, /fast can only answer if /slow is not on it.
    Client fast(server.port());
    EXPECT_EQ(fast.get("/fast").body(), "fast");
    release.set_value();
    EXPECT_EQ(slow.read().body(), "released");
}

TEST(HttpServer, ShutdownLetsInFlightRequestsFinishAndRefusesNewOnes) {
    std::promise<void> started;
    std::promise<void> release;
    auto released = release.get_future().share();
    Router router;
    router.add({Method::get, "/slow",
                [&started, released](const Request&, Context&) {
                    started.set_value();
                    released.wait_for(std::chrono::seconds(10));
                    return Response::text("finished");
                },
                Execution::worker, {}, Access::anyone()});
    router.add({Method::get, "/fast", [](const Request&, Context&) { return Response::text("fast"); },
                Execution::io, {}, Access::anyone()});
    TestServer server(router);
    auto port = server.port();
    Client idle(port);
    EXPECT_EQ(idle.get("/fast").result_int(), 200u);
    Client busy(port);
    boost::beast::http::request<boost::beast::http::empty_body> request{bhttp::verb::get, "/slow", 11};
    request.set(bhttp::field::host, "x");
    bhttp::write(busy.socket(), request);
    started.get_future().wait();

    server.server().stop();
    EXPECT_TRUE(idle.closed_by_server());  // idle keep-alive connections close at once
    boost::system::error_code refused;
    {
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket socket(io);
        for (int i = 0; i < 250 && !refused; ++i) {
            socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, refused);
            if (!refused) {
                socket.close();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
    }
    EXPECT_EQ(refused, boost::asio::error::connection_refused);
    release.set_value();
    auto response = busy.read();
    EXPECT_EQ(response.body(), "finished");
    EXPECT_FALSE(response.keep_alive());
    EXPECT_TRUE(server.join_within(std::chrono::seconds(5)));
}

TEST(HttpServer, RecordsMetricsByRouteAndStatus) {
    Router router = wire_router();
    TestServer server(router);
    Client client(server.port());
    client.get("/echo/a");
    client.get("/echo/b");
    client.get("/nothing");
    std::string text = server.metrics().render();
    EXPECT_NE(text.find("safeboard_http_requests_total{method=\"GET\",route=\"/echo/{name}\",status=\"200\"} 2"),
              std::string::npos);
    EXPECT_NE(text.find("route=\"unmatched\",status=\"404\"} 1"), std::string::npos);
    EXPECT_NE(text.find("safeboard_http_request_duration_seconds_bucket{method=\"GET\",route=\"/echo/{name}\","
                        "status=\"200\",le=\"+Inf\"} 2"),
              std::string::npos);
}

}  // namespace
}  // namespace safeboard::http
