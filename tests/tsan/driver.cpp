// The public C++ API from 8 threads on shared inputs, built with -fsanitize=thread by
// scripts/tsan.sh: every thread evaluates, checks and rolls up budgets, runs the index and its
// uncertainty analysis (itself on 2 threads), scores the DTI, lists what is due and checks a
// plan's text, on the same const objects, and compares each answer with the one computed
// before the threads started. docs/usage.md ("Threads") states what may be shared.
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "dxkit/budget/budget.hpp"
#include "dxkit/dti/dti.hpp"
#include "dxkit/index/run.hpp"
#include "dxkit/index/uncertainty.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/consistency.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/text/csv.hpp"

namespace {

using namespace dxkit;

// Everything shared: read once, then only read (const) by the threads.
struct Inputs {
  IndicatorTable results = read_indicator_table(DXKIT_EXAMPLES "/thai_binh_2023_results.csv");
  budget::Budget budget = budget::read_budget(DXKIT_EXAMPLES "/thai_binh_2023_budget.csv");
  index::Framework asem = index::read_framework(DXKIT_COINR "/ASEM_iMeta.csv");
  index::UnitData asem_data = index::read_unit_data(DXKIT_COINR "/ASEM_iData.csv", asem);
  index::Framework dti = dti::preset_framework("dti_922");
  csv::Table points = csv::read(DXKIT_EXAMPLES "/dti_synthetic_2022_points.csv");
  std::vector<Assignment> assignments =
      read_assignments(std::string(DXKIT_EXAMPLES "/dong_thap_2023_assignments.csv"));
  std::string plan = csv::read_file(DXKIT_SEEDS "/thai_binh_2024_plan.txt");
};

// The bits of each number: the same bits are the claim (NaN marks missing values and would
// never compare equal as a double).
std::vector<std::uint64_t> bits(const auto& values) {
  std::vector<std::uint64_t> out;
  for (const double v : values) out.push_back(std::bit_cast<std::uint64_t>(v));
  return out;
}

// One answer of every call, reduced to what can be compared exactly.
struct Answer {
  std::vector<std::size_t> counts;
  std::vector<std::uint64_t> ratios;
  std::int64_t budget_total = 0;
  std::size_t findings = 0;
  std::vector<std::int64_t> rollup;
  std::vector<std::uint64_t> index;
  std::vector<std::int32_t> replicate_ranks;
  std::vector<std::uint64_t> dti;
  std::vector<int> due;
  std::string ics;
  std::vector<std::string> text_findings;
  bool operator==(const Answer&) const = default;
};

Answer compute(const Inputs& in) {
  Answer a;
  const EvaluationTable e = evaluate(in.results, Scheme::bands());
  a.counts = e.counts();
  a.ratios = bits(e.ratio);
  a.budget_total = in.budget.total().dong;
  a.findings = in.budget.check().size();
  for (const auto& r : in.budget.rollup({budget::Dimension::agency, budget::Dimension::source}))
    a.rollup.push_back(r.amount.dong);
  const index::PipelineResult run = index::run_pipeline(in.asem_data, in.asem);
  a.index = bits(run.aggregated.values);
  index::Assumptions noise;
  noise.weight_noise[2] = 0.25;
  noise.imputation = true;
  a.replicate_ranks =
      index::run_uncertainty(in.asem_data, in.asem, {}, noise, 16, 2024, /*threads=*/2).ranks;
  const index::DataSet d = dti::results(dti::points_table(in.points, in.dti), in.dti);
  a.dti = bits(d.values);
  for (const DueItem& item : due(in.assignments, Date(2023, 7, 1), 30))
    a.due.push_back(static_cast<int>(item.status));
  a.ics = to_ics(in.assignments, "tsan");
  for (const TextFinding& f : check_text(in.plan, "plan.txt"))
    a.text_findings.push_back(f.message());
  return a;
}

}  // namespace

int main() {
  const Inputs inputs;
  const Answer reference = compute(inputs);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 2; ++round)
        if (!(compute(inputs) == reference)) ++mismatches;
    });
  for (std::thread& t : threads) t.join();
  if (mismatches != 0) {
    std::fprintf(stderr, "tsan driver: %d answers differ from the single-threaded one\n",
                 mismatches.load());
    return 1;
  }
  std::printf(
      "tsan driver: 8 threads x 2 rounds, every answer identical (%zu text findings, "
      "%zu replicate ranks)\n",
      reference.text_findings.size(), reference.replicate_ranks.size());
  return 0;
}
