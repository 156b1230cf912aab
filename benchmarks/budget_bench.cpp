// Roll-up of 10,000,000 synthetic budget line items by agency × source, exact to the đồng.
#include <benchmark/benchmark.h>

#include <random>

#include "dxkit/budget/budget.hpp"

namespace {

constexpr std::size_t kRows = 10'000'000;
constexpr std::size_t kAgencies = 80;  // sở, ngành and huyện of a province
constexpr std::size_t kSources = 5;    // đầu tư, sự nghiệp, xã hội hóa, NSTW, NSĐP

struct Items {
  std::vector<std::int32_t> agency, source;
  std::vector<std::int64_t> amount;  // đồng
};

const Items& items() {
  static const Items data = [] {
    Items d;
    std::mt19937_64 rng(2023);
    d.agency.resize(kRows);
    d.source.resize(kRows);
    d.amount.resize(kRows);
    for (std::size_t i = 0; i < kRows; ++i) {
      d.agency[i] = static_cast<std::int32_t>(rng() % kAgencies);
      d.source[i] = static_cast<std::int32_t>(rng() % kSources);
      d.amount[i] = static_cast<std::int64_t>(rng() % 20'000) * 1'000'000;  // up to 20 tỷ
    }
    return d;
  }();
  return data;
}

void BM_RollupAgencyBySource(benchmark::State& state) {
  const Items& d = items();
  for (auto _ : state) {
    auto sums = dxkit::budget::sum_by_codes({d.agency, d.source}, {kAgencies, kSources}, d.amount);
    benchmark::DoNotOptimize(sums.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_RollupAgencyBySource)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
