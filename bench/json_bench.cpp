// Encoding the list envelope every /api/v1 list answers with.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>

#include "platform/api/pagination.hpp"

namespace {

using namespace safeboard;

boost::json::array items(std::int64_t count) {
    boost::json::array out;
    for (std::int64_t i = 0; i < count; ++i) {
        out.push_back(boost::json::object{{"id", std::to_string(i)},
                                          {"code", "partnership-" + std::to_string(i)},
                                          {"name", "Local Safeguarding Children Partnership number " + std::to_string(i)}});
    }
    return out;
}

void BM_EncodeList(benchmark::State& state) {
    api::PageRequest page;
    auto rows = items(state.range(0));
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto body = api::list_body(rows, page, std::string("41"));
        std::string text = boost::json::serialize(body);
        bytes += text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_EncodeList)->Arg(1)->Arg(50)->Arg(1000);

void BM_CursorRoundTrip(benchmark::State& state) {
    for (auto _ : state) {
        auto cursor = api::encode_cursor("1234567890");
        auto key = api::decode_cursor(cursor);
        benchmark::DoNotOptimize(key);
    }
}
BENCHMARK(BM_CursorRoundTrip);

}  // namespace
