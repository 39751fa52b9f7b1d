// Route matching over the real route table, and a whole dispatch (match +
// handler + response) without sockets.
#include <benchmark/benchmark.h>

#include "app/application.hpp"
#include "platform/http/server.hpp"

namespace {

using namespace safeboard;

void BM_MatchLiteral(benchmark::State& state) {
    auto service = app::make_service(nullptr);
    for (auto _ : state) {
        auto match = service->router.match(http::Method::get, "/healthz");
        benchmark::DoNotOptimize(match);
    }
}
BENCHMARK(BM_MatchLiteral);

void BM_MatchWithParameter(benchmark::State& state) {
    auto service = app::make_service(nullptr);
    for (auto _ : state) {
        auto match = service->router.match(http::Method::get, "/api/v1/partnerships/12345");
        benchmark::DoNotOptimize(match);
    }
}
BENCHMARK(BM_MatchWithParameter);

void BM_MatchNotFound(benchmark::State& state) {
    auto service = app::make_service(nullptr);
    for (auto _ : state) {
        auto match = service->router.match(http::Method::get, "/api/v1/nothing/here/at/all");
        benchmark::DoNotOptimize(match);
    }
}
BENCHMARK(BM_MatchNotFound);

void BM_DispatchHealthz(benchmark::State& state) {
    auto service = app::make_service(nullptr);
    http::Request request;
    request.path = "/healthz";
    request.request_id = "bench";
    for (auto _ : state) {
        auto match = service->router.match(http::Method::get, request.path);
        auto response = http::invoke(*match.route, request, nullptr);
        benchmark::DoNotOptimize(response);
    }
}
BENCHMARK(BM_DispatchHealthz);

}  // namespace
