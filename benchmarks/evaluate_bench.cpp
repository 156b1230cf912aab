// Parse + evaluate throughput on a synthetic 1,000,000-row results table whose cells are
// written the way the seeds write them. Run: build/release/benchmarks/dxkit_bench
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <random>
#include <string>

#include "dxkit/targets/columns.hpp"
#include "dxkit/targets/evaluate.hpp"

namespace {

constexpr std::size_t kRows = 1'000'000;

// A fixed mix of the forms the documents use; targets and results are paired so that every
// row can be compared.
struct Form {
  const char* target;
  const char* actual;
};
constexpr std::array<Form, 12> kForms = {{
    {"80%", "99,21%"},
    {"đạt 50%", "25,94%"},
    {"95% trở lên", "Trên 95%"},
    {"tối thiểu 80%", "trên 85%"},
    {"trên 75%", "trên 54,4%"},
    {"tối đa 5 ngày", "4 ngày"},
    {"6 - 8%", "7,5%"},
    {"Hoàn thành", "78%"},
    {"Hoàn thành", "Hoàn thành"},
    {"60%", "60/90"},
    {"20% GRDP", "ước đạt 5%"},
    {"300 người", "320"},
}};

const std::string& synthetic_csv() {
  static const std::string csv = [] {
    std::mt19937_64 rng(20231220);
    // ';'-separated, as Vietnamese Excel writes CSV (',' is the decimal mark there).
    std::string out = "code;name;target;actual\n";
    out.reserve(kRows * 48);
    for (std::size_t i = 0; i < kRows; ++i) {
      const Form& f = kForms[rng() % kForms.size()];
      out += std::to_string(i + 1);
      out += ";chỉ tiêu ";
      out += std::to_string(i % 97);
      out += ';';
      out += f.target;
      out += ';';
      if (rng() % 50 != 0) out += f.actual;  // 2 % no data
      out += '\n';
    }
    return out;
  }();
  return csv;
}

void BM_ParseAndEvaluateCsv(benchmark::State& state) {
  const std::string& csv = synthetic_csv();
  const dxkit::Scheme scheme = dxkit::Scheme::bands();
  for (auto _ : state) {
    auto table = dxkit::make_indicator_table(dxkit::csv::parse(csv, "synthetic.csv"));
    auto ev = dxkit::evaluate(table, scheme);
    benchmark::DoNotOptimize(ev.ratio.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_ParseAndEvaluateCsv)->Unit(benchmark::kMillisecond)->MinTime(2);

// The same text as columns, as dxkit.evaluate("file.csv") reads it: each distinct target and
// result parsed once (make_coded_table + evaluate_coded), no Target or Result a row.
void BM_ParseAndEvaluateCsvCoded(benchmark::State& state) {
  const std::string& csv = synthetic_csv();
  const dxkit::Scheme scheme = dxkit::Scheme::bands();
  for (auto _ : state) {
    const auto table = dxkit::make_coded_table(dxkit::csv::parse(csv, "synthetic.csv"));
    auto ev = dxkit::evaluate(table, scheme);
    benchmark::DoNotOptimize(ev.evaluation.ratio.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_ParseAndEvaluateCsvCoded)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_EvaluateParsedTable(benchmark::State& state) {
  const auto table = dxkit::make_indicator_table(dxkit::csv::parse(synthetic_csv(), "s.csv"));
  const dxkit::Scheme scheme = dxkit::Scheme::bands();
  for (auto _ : state) {
    auto ev = dxkit::evaluate(table, scheme);
    benchmark::DoNotOptimize(ev.ratio.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_EvaluateParsedTable)->Unit(benchmark::kMillisecond);

void BM_EvaluateNumeric(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> pct(0, 120);
  std::vector<double> target(kRows), actual(kRows);
  std::vector<std::uint8_t> lower(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    target[i] = pct(rng) + 1;
    actual[i] = rng() % 50 == 0 ? std::nan("") : pct(rng);
    lower[i] = rng() % 5 == 0;
  }
  const dxkit::Scheme scheme = dxkit::Scheme::exceed();
  for (auto _ : state) {
    auto ev = dxkit::evaluate(target, actual, lower, scheme);
    benchmark::DoNotOptimize(ev.status.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_EvaluateNumeric)->Unit(benchmark::kMillisecond);

void BM_ParseTargetSentence(benchmark::State& state) {
  const std::string sentence =
      "Tỷ lệ máy tính cài đặt phần mềm phòng chống mã độc theo Chỉ thị số 14/CT-TTg đạt 95% "
      "trở lên.";
  for (auto _ : state) benchmark::DoNotOptimize(dxkit::parse_target(sentence));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseTargetSentence);

}  // namespace

BENCHMARK_MAIN();
