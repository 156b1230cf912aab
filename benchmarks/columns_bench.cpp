// The C++ side of scoring a DataFrame's text columns (evaluate_coded): 1,000,000 rows coded
// into their distinct values, as pandas hands them over, with the mix of benchmarks/peers.py
// (41 target forms; 9,091 percentages written "99,21%", 15 day counts; 2 % no data).
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "dxkit/targets/columns.hpp"

namespace {

constexpr std::size_t kRows = 1'000'000;

struct CodedTable {
  std::vector<std::int64_t> target_codes, actual_codes;
  dxkit::CodedColumn target, actual;
};

const CodedTable& coded_table() {
  static const CodedTable table = [] {
    CodedTable t;
    t.target.name = "target";
    t.target.position = 2;
    t.actual.name = "actual";
    t.actual.position = 3;
    for (int b = 50; b <= 100; b += 5) t.target.values.push_back(std::to_string(b) + "%");
    for (int b = 50; b <= 100; b += 5) t.target.values.push_back(std::to_string(b) + "% trở lên");
    for (int b = 50; b <= 100; b += 5) t.target.values.push_back("Trên " + std::to_string(b) + "%");
    const std::size_t percent_targets = t.target.values.size();
    for (int d = 3; d <= 10; ++d)
      t.target.values.push_back("tối đa " + std::to_string(d) + " ngày");
    for (int v = 3000; v <= 12000; ++v) {
      std::string s = std::to_string(v / 100) + "," + std::to_string(v % 100 / 10) +
                      std::to_string(v % 10) + "%";
      t.actual.values.push_back(s);
    }
    const std::size_t percents = t.actual.values.size();
    for (int d = 1; d <= 15; ++d) t.actual.values.push_back(std::to_string(d) + " ngày");
    std::mt19937_64 rng(20231220);
    for (std::size_t i = 0; i < kRows; ++i) {
      const std::size_t k = rng() % t.target.values.size();
      t.target_codes.push_back(static_cast<std::int64_t>(k));
      const std::size_t a = k < percent_targets ? rng() % percents : percents + rng() % 15;
      t.actual_codes.push_back(rng() % 50 == 0 ? -1 : static_cast<std::int64_t>(a));
    }
    return t;
  }();
  return table;
}

void BM_EvaluateCoded(benchmark::State& state) {
  const CodedTable& t = coded_table();
  dxkit::CodedColumn target = t.target, actual = t.actual;
  target.codes = t.target_codes;
  actual.codes = t.actual_codes;
  const dxkit::Scheme scheme = dxkit::Scheme::exceed();
  for (auto _ : state) {
    auto ev = dxkit::evaluate_coded(target, actual, nullptr, nullptr, scheme,
                                    dxkit::NumberFormat::vietnamese);
    benchmark::DoNotOptimize(ev.evaluation.ratio.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_EvaluateCoded)->Unit(benchmark::kMillisecond);

}  // namespace
