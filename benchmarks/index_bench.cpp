// COINr's canonical ASEM pipeline (denominate, impute, screen, treat, normalise, aggregate,
// rank every column). COINr takes about 77 ms for it (tests/data/coinr-asem/README.md).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/uncertainty.hpp"
#include "dxkit/text/csv.hpp"

namespace {

void BM_AsemPipeline(benchmark::State& state) {
  const std::string dir = DXKIT_COINR_DIR;
  const auto framework = dxkit::index::read_framework(dir + "/ASEM_iMeta.csv");
  const auto data = dxkit::index::read_unit_data(dir + "/ASEM_iData.csv", framework);
  dxkit::index::PipelineOptions asem;
  dxkit::index::apply_preset(asem, dxkit::index::Preset::coinr_asem);
  for (auto _ : state) {
    auto r = dxkit::index::run_pipeline(data, framework, asem);
    for (std::size_t c = 0; c < r.aggregated.columns.size(); ++c)
      benchmark::DoNotOptimize(dxkit::index::rank_min(r.aggregated.col(c)));
  }
}
BENCHMARK(BM_AsemPipeline)->Unit(benchmark::kMicrosecond);

void BM_AsemPipelineFromFiles(benchmark::State& state) {
  const std::string dir = DXKIT_COINR_DIR;
  dxkit::index::PipelineOptions asem;
  dxkit::index::apply_preset(asem, dxkit::index::Preset::coinr_asem);
  for (auto _ : state) {
    const auto framework = dxkit::index::read_framework(dir + "/ASEM_iMeta.csv");
    const auto data = dxkit::index::read_unit_data(dir + "/ASEM_iData.csv", framework);
    benchmark::DoNotOptimize(dxkit::index::run_pipeline(data, framework, asem));
  }
}
BENCHMARK(BM_AsemPipelineFromFiles)->Unit(benchmark::kMicrosecond);

}  // namespace

namespace {

// 10,000 units × 200 indicators → 40 pillars → 8 sub-indices → index: min-max, weighted
// arithmetic means and the ranks of every column, only the aggregated set kept.
struct Large {
  dxkit::index::Framework framework;
  dxkit::index::UnitData data;
  Large() {
    std::string meta = "Level,iCode,iName,Direction,Weight,Parent,Type\n";
    for (int k = 0; k < 200; ++k)
      meta += "1,i" + std::to_string(k) + ",x,1," + std::to_string(1 + k % 3) + ",p" +
              std::to_string(k / 5) + ",Indicator\n";
    for (int k = 0; k < 40; ++k)
      meta += "2,p" + std::to_string(k) + ",x,1,1,s" + std::to_string(k / 5) + ",Aggregate\n";
    for (int k = 0; k < 8; ++k) meta += "3,s" + std::to_string(k) + ",x,1,1,Index,Aggregate\n";
    meta += "4,Index,x,1,1,,Aggregate\n";
    framework = dxkit::index::make_framework(dxkit::csv::parse(meta, "meta"));
    std::uint64_t s = 4;
    for (int u = 0; u < 10000; ++u) {
      data.data.units.push_back("u" + std::to_string(u));
      data.data.names.emplace_back();
    }
    for (int k = 0; k < 200; ++k) {
      auto col = data.data.col(data.data.add_column("i" + std::to_string(k)));
      for (double& v : col) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        v = static_cast<double>(s >> 11) / 9007199254740992.0 * 100;
      }
    }
  }
};

// Min-max and weighted means only (the steps before the normalisation off), only the
// aggregated set kept.
dxkit::index::PipelineOptions large_options() {
  dxkit::index::PipelineOptions o;
  o.denominate = false;
  o.imputation = dxkit::index::Imputation::none;
  o.screen.min_availability = 0;
  o.treat = false;
  o.keep_data_sets = false;
  return o;
}

void BM_Large10kx200(benchmark::State& state) {
  static const Large large;
  const dxkit::index::PipelineOptions o = large_options();
  for (auto _ : state) {
    auto r = dxkit::index::run_pipeline(large.data, large.framework, o);
    benchmark::DoNotOptimize(dxkit::index::rank_columns(r.aggregated, 2));
  }
}
BENCHMARK(BM_Large10kx200)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with the rank of the index only (what the Python comparison times second), on 1
// and 2 threads.
void BM_Large10kx200IndexRank(benchmark::State& state) {
  static const Large large;
  dxkit::index::PipelineOptions o = large_options();
  o.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto r = dxkit::index::run_pipeline(large.data, large.framework, o);
    const std::span<const double> index[] = {r.aggregated.col(*r.aggregated.column("Index"))};
    benchmark::DoNotOptimize(dxkit::index::rank_columns(index, 1));
  }
}
BENCHMARK(BM_Large10kx200IndexRank)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with the aggregates alone (keep_indicators = false: the normalised indicators are
// never written), what the Python comparison's dxkit row runs.
void BM_Large10kx200AggregatesAloneIndexRank(benchmark::State& state) {
  static const Large large;
  dxkit::index::PipelineOptions o = large_options();
  o.keep_indicators = false;
  o.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto r = dxkit::index::run_pipeline(large.data, large.framework, o);
    const std::span<const double> index[] = {r.aggregated.col(*r.aggregated.column("Index"))};
    benchmark::DoNotOptimize(dxkit::index::rank_columns(index, 1));
  }
}
BENCHMARK(BM_Large10kx200AggregatesAloneIndexRank)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

namespace {

// COINr's uncertainty and sensitivity analysis on ASEM with four uncertain assumptions, as
// in its vignette: weights of the pillars (±25 %), the normalisation (min-max or z-score),
// the aggregation (arithmetic or geometric) and imputation (on or off).
struct Analysis {
  dxkit::index::Framework framework;
  dxkit::index::UnitData data;
  dxkit::index::PipelineOptions nominal;
  dxkit::index::Assumptions assumptions;
  Analysis() {
    const std::string dir = DXKIT_COINR_DIR;
    framework = dxkit::index::read_framework(dir + "/ASEM_iMeta.csv");
    data = dxkit::index::read_unit_data(dir + "/ASEM_iData.csv", framework);
    dxkit::index::apply_preset(nominal, dxkit::index::Preset::coinr_asem);
    dxkit::index::set_option(nominal, "normalise", "minmax(lo=1,hi=100)");
    assumptions.weight_noise[2] = 0.25;
    assumptions.normalisations = {dxkit::index::parse_norm_spec("zscore(mean=100,sd=10)")};
    assumptions.aggregations = {dxkit::index::parse_agg_spec("geometric")};
    assumptions.imputation = true;
  }
};

// Per replicate (the engine's set-up, every data set variant, is included once per batch).
void BM_AsemUncertaintyPerReplicate(benchmark::State& state) {
  static const Analysis a;
  const auto n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(
        dxkit::index::run_uncertainty(a.data, a.framework, a.nominal, a.assumptions, n, 1, 2));
  state.counters["per_replicate_us"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_AsemUncertaintyPerReplicate)
    ->Arg(1)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// A 600-run sensitivity analysis: N = 100, k = 4, N (k + 2) = 600 runs, 1000 bootstrap
// resamples.
void BM_AsemSensitivity600(benchmark::State& state) {
  static const Analysis a;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        dxkit::index::run_sensitivity(a.data, a.framework, a.nominal, a.assumptions, 100, 1, 2));
}
BENCHMARK(BM_AsemSensitivity600)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
