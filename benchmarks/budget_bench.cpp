// Roll-up of 10,000,000 synthetic budget line items by agency × source, exact to the đồng.
#include <benchmark/benchmark.h>

#include <random>

#include "dxkit/budget/budget.hpp"
#include "dxkit/budget/rollup.hpp"

namespace {

constexpr std::size_t kRows = 10'000'000;
constexpr std::size_t kAgencies = 80;  // sở, ngành and huyện of a province
constexpr std::size_t kSources = 5;    // đầu tư, sự nghiệp, xã hội hóa, NSTW, NSĐP

struct Items {
  std::vector<std::int32_t> agency, source;
  std::vector<std::int64_t> amount;  // đồng
  // The same keys as a DataFrame holds them: integer agency and source ids (int64 values,
  // as read from a file), and a categorical's int8 codes.
  std::vector<std::int64_t> agency_id, source_id;
  std::vector<std::int8_t> agency_code, source_code;
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
    d.agency_id.assign(d.agency.begin(), d.agency.end());
    d.source_id.assign(d.source.begin(), d.source.end());
    for (std::size_t i = 0; i < kRows; ++i) {
      d.agency_id[i] = 1'000 + 7 * d.agency_id[i];  // ids, not codes: grouped by value
      d.source_id[i] += 10;
    }
    d.agency_code.assign(d.agency.begin(), d.agency.end());
    d.source_code.assign(d.source.begin(), d.source.end());
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

// What `Budget.rollup` on a DataFrame calls: integer ids grouped by their values (a table over
// their range, in the pass that sums) ...
void BM_SumByKeysIntegerIds(benchmark::State& state) {
  const Items& d = items();
  const std::vector<dxkit::budget::CodeColumn> keys{{d.agency_id.data(), 8, kRows},
                                                    {d.source_id.data(), 8, kRows}};
  for (auto _ : state) {
    auto sums = dxkit::budget::sum_by_keys(keys, {0, 0}, d.amount);
    benchmark::DoNotOptimize(sums.sums.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_SumByKeysIntegerIds)->Unit(benchmark::kMillisecond)->UseRealTime();

// ... and a categorical's int8 codes read at their width.
void BM_SumByKeysCategoricalCodes(benchmark::State& state) {
  const Items& d = items();
  const std::vector<dxkit::budget::CodeColumn> keys{{d.agency_code.data(), 1, kRows},
                                                    {d.source_code.data(), 1, kRows}};
  for (auto _ : state) {
    auto sums = dxkit::budget::sum_by_keys(keys, {kAgencies, kSources}, d.amount);
    benchmark::DoNotOptimize(sums.sums.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_SumByKeysCategoricalCodes)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
