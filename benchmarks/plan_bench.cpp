// A plan's text checked two ways, on the largest seed (Đồng Tháp's 2023 plan, 100 KB, 763
// lines): check_text (fractions against shares, conflicting targets) and check_tallies (the
// tallies against the evaluated appendix, Phụ lục I of 2022). Issue 12 found check_tallies
// ~20x slower than check_text; the two are run side by side so the ratio stays visible.
// Run: build/release/benchmarks/dxkit_bench --benchmark_filter=Check
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dxkit/plan/consistency.hpp"
#include "dxkit/targets/evaluate.hpp"

namespace {

const std::string& plan_text() {
  static const std::string text = [] {
    std::ifstream in(DXKIT_SEEDS_DIR "/dong_thap_2023_plan.txt", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

void BM_CheckText(benchmark::State& state) {
  const std::string& text = plan_text();
  for (auto _ : state) benchmark::DoNotOptimize(dxkit::check_text(text, "plan.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CheckText)->Unit(benchmark::kMillisecond);

void BM_CheckTallies(benchmark::State& state) {
  const std::string& text = plan_text();
  const auto appendix =
      dxkit::evaluate(dxkit::read_indicator_table(DXKIT_EXAMPLES_DIR "/dong_thap_2022_results.csv"),
                      dxkit::Scheme::exceed());
  for (auto _ : state)
    benchmark::DoNotOptimize(dxkit::check_tallies(text, appendix, "plan.txt", "appendix.csv"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CheckTallies)->Unit(benchmark::kMillisecond);

}  // namespace
