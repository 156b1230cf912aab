// COINr's canonical ASEM pipeline (denominate, impute, screen, treat, normalise, aggregate,
// rank every column). COINr takes about 77 ms for it (tests/data/coinr-asem/README.md).
#include <benchmark/benchmark.h>

#include "dxkit/index/pipeline.hpp"

namespace {

void BM_AsemPipeline(benchmark::State& state) {
  const std::string dir = DXKIT_COINR_DIR;
  const auto framework = dxkit::index::read_framework(dir + "/ASEM_iMeta.csv");
  const auto data = dxkit::index::read_unit_data(dir + "/ASEM_iData.csv", framework);
  for (auto _ : state) {
    auto r = dxkit::index::run_pipeline(data, framework);
    for (std::size_t c = 0; c < r.aggregated.columns.size(); ++c)
      benchmark::DoNotOptimize(dxkit::index::rank_min(r.aggregated.col(c)));
  }
}
BENCHMARK(BM_AsemPipeline)->Unit(benchmark::kMicrosecond);

void BM_AsemPipelineFromFiles(benchmark::State& state) {
  const std::string dir = DXKIT_COINR_DIR;
  for (auto _ : state) {
    const auto framework = dxkit::index::read_framework(dir + "/ASEM_iMeta.csv");
    const auto data = dxkit::index::read_unit_data(dir + "/ASEM_iData.csv", framework);
    benchmark::DoNotOptimize(dxkit::index::run_pipeline(data, framework));
  }
}
BENCHMARK(BM_AsemPipelineFromFiles)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
