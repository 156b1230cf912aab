// Uncertainty and sensitivity analysis on COINr's ASEM index: the nominal replicate is the
// plain pipeline, zero noise changes nothing, and a seed gives the same bits on any number of
// threads.
#include "dxkit/index/uncertainty.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <span>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::index;

namespace {
const std::string kDir = DXKIT_COINR_DIR;
struct Asem {
  Framework framework = read_framework(kDir + "/ASEM_iMeta.csv");
  UnitData raw = read_unit_data(kDir + "/ASEM_iData.csv", framework);
};

Assumptions varied() {
  Assumptions a;
  a.weight_noise[2] = 0.25;
  a.weight_noise[3] = 0.25;
  a.normalisations = {parse_norm_spec("zscore(mean=10,sd=2)"), parse_norm_spec("rank")};
  a.aggregations = {parse_agg_spec("geometric")};
  a.imputation = true;
  a.treatment = true;
  a.leave_out = {"Physical", "Environ"};
  return a;
}
}  // namespace

TEST(IndexUncertainty, NominalReplicateIsThePlainPipeline) {
  Asem s;
  PipelineOptions o;
  apply_preset(o, Preset::coinr_asem);
  set_option(o, "normalise", "minmax(lo=1,hi=100)");  // the geometric mean needs values > 0
  const PipelineResult plain = run_pipeline(s.raw, s.framework, o);
  const auto want = rank_min(plain.aggregated.col(*plain.aggregated.column("Index")));
  Assumptions a = varied();
  a.normalisations = {parse_norm_spec("zscore(mean=10,sd=1)")};
  const UncertaintyResult r = run_uncertainty(s.raw, s.framework, o, a, 50, 7);
  EXPECT_EQ(r.column, "Index");
  ASSERT_EQ(r.nominal.size(), 51u);
  for (std::size_t u = 0; u < 51; ++u) EXPECT_EQ(r.nominal[u], *want[u]) << r.units[u];
}

TEST(IndexUncertainty, ZeroNoiseChangesNothing) {
  Asem s;
  Assumptions a;
  a.weight_noise[2] = 0;
  a.weight_noise[4] = 0;
  const UncertaintyResult r = run_uncertainty(s.raw, s.framework, {}, a, 40, 1);
  for (std::size_t rep = 0; rep < 40; ++rep)
    for (std::size_t u = 0; u < 51; ++u) ASSERT_EQ(r.ranks[rep * 51 + u], r.nominal[u]);
  for (std::size_t u = 0; u < 51; ++u) {
    EXPECT_EQ(r.p5[u], r.nominal[u]);
    EXPECT_EQ(r.p95[u], r.nominal[u]);
  }
}

TEST(IndexUncertainty, SeedsGiveTheSameBitsOnAnyNumberOfThreads) {
  Asem s;
  PipelineOptions o;
  apply_preset(o, Preset::coinr_asem);
  set_option(o, "normalise", "minmax(lo=1,hi=100)");
  Assumptions a = varied();
  a.aggregations = {parse_agg_spec("harmonic")};
  a.normalisations = {parse_norm_spec("zscore(mean=100,sd=10)"), parse_norm_spec("rank")};
  const UncertaintyResult one = run_uncertainty(s.raw, s.framework, o, a, 120, 2024, 1);
  const UncertaintyResult two = run_uncertainty(s.raw, s.framework, o, a, 120, 2024, 2);
  const UncertaintyResult three = run_uncertainty(s.raw, s.framework, o, a, 120, 2024, 3);
  EXPECT_EQ(one.ranks, two.ranks);
  EXPECT_EQ(one.ranks, three.ranks);
  EXPECT_NE(one.ranks, run_uncertainty(s.raw, s.framework, o, a, 120, 2025, 2).ranks);
  // The replicates vary, and their choices are there to inspect.
  bool moved = false, left = false, other_norm = false;
  for (std::size_t r = 0; r < 120; ++r) {
    const Replicate& p = one.replicates[r];
    left = left || !p.left_out.empty();
    other_norm = other_norm || p.normalisation > 0;
    for (std::size_t i : s.framework.at_level(2)) {
      if (s.framework.nodes[i].code == p.left_out) {
        EXPECT_EQ(p.weights[i], 0);
        continue;
      }
      EXPECT_GE(p.weights[i], 0.75 - 1e-12);
      EXPECT_LE(p.weights[i], 1.25 + 1e-12);
    }
    for (std::size_t u = 0; u < 51; ++u) moved = moved || one.ranks[r * 51 + u] != one.nominal[u];
  }
  EXPECT_TRUE(moved && left && other_norm);
  for (std::size_t u = 0; u < 51; ++u) {
    EXPECT_LE(one.p5[u], one.median[u]);
    EXPECT_LE(one.median[u], one.p95[u]);
    EXPECT_GE(one.mean[u], 1);
    EXPECT_LE(one.mean[u], 51);
  }
}

TEST(IndexUncertainty, BlocksFromTheirFirstReplicateAreOneRun) {
  // Replicates [0, 45) and [45, 120) run apart (as on two machines) are the 120 replicates
  // of one run, and summarise_ranks of their ranks put together is its summary, bit for bit.
  Asem s;
  PipelineOptions o;
  apply_preset(o, Preset::coinr_asem);
  set_option(o, "normalise", "minmax(lo=1,hi=100)");
  Assumptions a = varied();
  a.normalisations = {parse_norm_spec("zscore(mean=100,sd=10)"), parse_norm_spec("rank")};
  const UncertaintyResult whole = run_uncertainty(s.raw, s.framework, o, a, 120, 11, 2);
  const UncertaintyResult head = run_uncertainty(s.raw, s.framework, o, a, 45, 11, 1, {}, 0);
  const UncertaintyResult tail = run_uncertainty(s.raw, s.framework, o, a, 75, 11, 2, {}, 45);
  const auto bits = [](const std::vector<double>& v) {  // NaN (no weight, no rank) compares too
    std::vector<std::uint64_t> out;
    for (double x : v) out.push_back(std::bit_cast<std::uint64_t>(x));
    return out;
  };
  std::vector<std::int32_t> ranks = head.ranks;
  ranks.insert(ranks.end(), tail.ranks.begin(), tail.ranks.end());
  EXPECT_EQ(ranks, whole.ranks);
  EXPECT_NE(head.ranks, std::vector<std::int32_t>(whole.ranks.begin() + 45 * 51,
                                                  whole.ranks.begin() + 90 * 51));
  for (std::size_t r = 0; r < 120; ++r) {
    const Replicate& p = r < 45 ? head.replicates[r] : tail.replicates[r - 45];
    EXPECT_EQ(bits(p.weights), bits(whole.replicates[r].weights)) << r;
    EXPECT_EQ(p.normalisation, whole.replicates[r].normalisation) << r;
    EXPECT_EQ(p.left_out, whole.replicates[r].left_out) << r;
  }
  const RankSummary sum = summarise_ranks(ranks, 51);
  EXPECT_EQ(bits(sum.mean), bits(whole.mean));
  EXPECT_EQ(bits(sum.median), bits(whole.median));
  EXPECT_EQ(bits(sum.p5), bits(whole.p5));
  EXPECT_EQ(bits(sum.p95), bits(whole.p95));
  EXPECT_THROW_MSG((void)summarise_ranks(std::span(ranks).first(100), 51), ValidationError,
                   "summarise_ranks: 100 ranks are not whole replicates of 51 units");
}

TEST(IndexUncertainty, AFailingReplicateIsNamed) {
  Asem s;
  Assumptions a;
  a.aggregations = {parse_agg_spec("geometric")};  // min-max 0..100 has zeros
  try {
    (void)run_uncertainty(s.raw, s.framework, {}, a, 30, 3);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("replicate "), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("geometric mean needs positive values"),
              std::string::npos);
  }
}

TEST(IndexSensitivity, IndicesOfWhatMattersAndWhatDoesNot) {
  Asem s;
  Assumptions a;
  a.weight_noise[4] = 0;  // no effect at all: its total index is exactly 0
  a.normalisations = {parse_norm_spec("rank")};
  const SensitivityResult r = run_sensitivity(s.raw, s.framework, {}, a, 100, 11, 2, 200);
  EXPECT_EQ(r.runs, 100u * 4);
  ASSERT_EQ(r.indices.size(), 2u);
  EXPECT_EQ(r.indices[0].parameter, "weights.L4");
  EXPECT_EQ(r.indices[0].total, 0);
  EXPECT_EQ(r.indices[0].first, 0);
  EXPECT_EQ(r.indices[1].parameter, "normalisation");
  // The only thing that varies: its total index is 1 up to the variance estimate's
  // 2N / (2N - 1).
  EXPECT_NEAR(r.indices[1].total, 1, 0.01);
  EXPECT_GT(r.indices[1].first, 0.7);
  EXPECT_LE(r.indices[1].total_lo, r.indices[1].total);
  EXPECT_GE(r.indices[1].total_hi, r.indices[1].total);
  EXPECT_GT(r.variance, 0);
  const SensitivityResult again = run_sensitivity(s.raw, s.framework, {}, a, 100, 11, 1, 200);
  EXPECT_EQ(again.output, r.output);
  EXPECT_EQ(again.indices[1].first_lo, r.indices[1].first_lo);
  Assumptions none;
  EXPECT_THROW_MSG((void)run_sensitivity(s.raw, s.framework, {}, none, 10, 1), ValidationError,
                   "sensitivity analysis: no assumption varies (set weight noise, alternative "
                   "methods, toggles or elements to leave out)");
}

TEST(IndexSensitivity, BlocksOfRunsAreOneRun) {
  // Runs [0, 7), [7, 100) and [100, 180) computed apart (as on three machines, each on its own
  // number of threads), put together in run order, give run_sensitivity's result to the bit.
  Asem s;
  PipelineOptions o;
  apply_preset(o, Preset::coinr_asem);
  set_option(o, "normalise", "minmax(lo=1,hi=100)");  // the geometric mean needs values > 0
  Assumptions a = varied();                           // k = 7
  a.normalisations = {parse_norm_spec("zscore(mean=100,sd=10)"), parse_norm_spec("rank")};
  const SensitivityResult whole = run_sensitivity(s.raw, s.framework, o, a, 20, 9, 2, 300);
  ASSERT_EQ(whole.runs, 20u * 9);
  std::vector<double> output;
  const std::size_t edges[] = {0, 7, 100, 180};
  for (std::size_t b = 0; b < 3; ++b) {
    const SensitivityRuns part = sensitivity_runs(s.raw, s.framework, o, a, 20, 9, edges[b],
                                                  edges[b + 1] - edges[b], b == 1 ? 1 : 2);
    EXPECT_EQ(part.parameters, a.parameters());
    EXPECT_EQ(part.n, 20u);
    EXPECT_EQ(part.runs, 180u);
    EXPECT_EQ(part.first, edges[b]);
    ASSERT_EQ(part.output.size(), edges[b + 1] - edges[b]);
    output.insert(output.end(), part.output.begin(), part.output.end());
  }
  EXPECT_EQ(output, whole.output);
  // The runs really differ (the test could tell a block repeated from another).
  EXPECT_NE(std::vector<double>(output.begin(), output.begin() + 7),
            std::vector<double>(output.begin() + 100, output.begin() + 107));
  const SensitivityResult joined = sensitivity_indices(output, 20, a.parameters(), 9, 300);
  EXPECT_EQ(joined.runs, whole.runs);
  EXPECT_EQ(joined.variance, whole.variance);
  EXPECT_GT(joined.variance, 0);
  EXPECT_EQ(joined.output, whole.output);
  ASSERT_EQ(joined.indices.size(), 7u);
  ASSERT_EQ(whole.indices.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) {
    const SensitivityIndex &x = joined.indices[i], &y = whole.indices[i];
    EXPECT_EQ(x.parameter, y.parameter);
    EXPECT_EQ(x.first, y.first) << x.parameter;
    EXPECT_EQ(x.first_lo, y.first_lo) << x.parameter;
    EXPECT_EQ(x.first_hi, y.first_hi) << x.parameter;
    EXPECT_EQ(x.total, y.total) << x.parameter;
    EXPECT_EQ(x.total_lo, y.total_lo) << x.parameter;
    EXPECT_EQ(x.total_hi, y.total_hi) << x.parameter;
  }
  // Another bootstrap seed gives other intervals from the same outputs.
  EXPECT_NE(sensitivity_indices(output, 20, a.parameters(), 10, 300).indices[0].total_lo,
            whole.indices[0].total_lo);
  // No runs: the checks and the design's size only.
  const SensitivityRuns none = sensitivity_runs(s.raw, s.framework, o, a, 20, 9, 180, 0);
  EXPECT_EQ(none.runs, 180u);
  EXPECT_TRUE(none.output.empty());
}

TEST(IndexSensitivity, BlocksAndOutputsAreChecked) {
  Asem s;
  PipelineOptions o;
  apply_preset(o, Preset::coinr_asem);
  set_option(o, "normalise", "minmax(lo=1,hi=100)");
  const Assumptions a = varied();
  const std::vector<std::string> k7 = a.parameters();
  EXPECT_THROW_MSG((void)sensitivity_runs(s.raw, s.framework, o, a, 20, 9, 170, 20),
                   ValidationError,
                   "sensitivity analysis: the 20 runs from run 170 are not all among the "
                   "design's 180 runs (N = 20, k = 7)");
  EXPECT_THROW_MSG((void)sensitivity_runs(s.raw, s.framework, o, a, 20, 9, 181, 0), ValidationError,
                   "sensitivity analysis: the 0 runs from run 181 are not all among the "
                   "design's 180 runs (N = 20, k = 7)");
  EXPECT_THROW_MSG((void)sensitivity_runs(s.raw, s.framework, o, a, 1, 9, 0, 1), ValidationError,
                   "sensitivity analysis: N must be at least 2");
  EXPECT_THROW_MSG((void)sensitivity_runs(s.raw, s.framework, o, Assumptions{}, 20, 9, 0, 1),
                   ValidationError,
                   "sensitivity analysis: no assumption varies (set weight noise, alternative "
                   "methods, toggles or elements to leave out)");
  std::vector<double> output(180, 1.0);
  output[5] = 2.0;
  EXPECT_THROW_MSG((void)sensitivity_indices(std::vector<double>(179, 1.0), 20, k7, 9),
                   ValidationError,
                   "sensitivity analysis: 179 outputs for a design of 180 runs (N = 20, k = 7)");
  EXPECT_THROW_MSG((void)sensitivity_indices(output, 1, k7, 9), ValidationError,
                   "sensitivity analysis: N must be at least 2");
  EXPECT_THROW_MSG((void)sensitivity_indices(output, 20, {}, 9), ValidationError,
                   "sensitivity analysis: no assumption varies (set weight noise, alternative "
                   "methods, toggles or elements to leave out)");
  EXPECT_THROW_MSG(
      (void)sensitivity_indices({}, std::numeric_limits<std::size_t>::max() / 2, k7, 9),
      ValidationError,
      "sensitivity analysis: N = " + std::to_string(std::numeric_limits<std::size_t>::max() / 2) +
          " with 7 parameters is more runs than can be counted");
  output[17] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW_MSG((void)sensitivity_indices(output, 20, k7, 9), ValidationError,
                   "sensitivity analysis: the output of run 17 is not a finite number");
  output[17] = 1.0;
  const SensitivityResult flat = sensitivity_indices(output, 20, k7, 9, 0);
  EXPECT_EQ(flat.runs, 180u);
  EXPECT_GT(flat.variance, 0);
}
