// The driver: the direct path, kept or dropped data sets, errors whatever the path.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/weights.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexPipeline, KeepingOnlyTheAggregatedSetGivesTheSameResult) {
  Asem a;
  PipelineOptions o = coinr_asem();
  const PipelineResult all = run_pipeline(a.raw, a.framework, o);
  o.keep_data_sets = false;
  const PipelineResult lean = run_pipeline(a.raw, a.framework, o);
  EXPECT_EQ(all.aggregated.values.size(), lean.aggregated.values.size());
  for (std::size_t i = 0; i < all.aggregated.values.size(); ++i)
    ASSERT_EQ(std::bit_cast<std::uint64_t>(all.aggregated.values[i]),
              std::bit_cast<std::uint64_t>(lean.aggregated.values[i]));
  EXPECT_THROW_MSG((void)lean.data("normalised"), ValidationError,
                   "data set 'normalised' was not kept (the run had keep_data_sets = false)");
  EXPECT_NO_THROW((void)lean.data("aggregated"));
}

TEST(IndexDirectPath, SameBitsAsStepByStepOnAnyNumberOfThreads) {
  const Large big;
  PipelineOptions o = direct_options();
  o.threads = 1;
  const PipelineResult reference = run_pipeline(big.data, big.framework, o);  // every set kept
  ASSERT_EQ(reference.aggregated.columns.size(), 66u + 21u);
  EXPECT_EQ(reference.aggregated.columns[66], "p0");
  EXPECT_EQ(reference.aggregated.columns.back(), "Index");
  // A missing value stays missing through the normalisation; the index has a value for all.
  const auto i0 = reference.normalised.col(*reference.normalised.column("i0"));
  const auto raw0 = big.data.col(*big.data.data.column("i0"));
  for (std::size_t u = 0; u < i0.size(); ++u) ASSERT_EQ(std::isnan(i0[u]), std::isnan(raw0[u]));
  for (double v : reference.aggregated.col(*reference.aggregated.column("Index")))
    ASSERT_TRUE(std::isfinite(v));
  o.keep_data_sets = false;
  for (unsigned threads : {1u, 2u, 3u}) {
    o.threads = threads;
    SCOPED_TRACE("threads " + std::to_string(threads));
    expect_same_bits(reference.aggregated, run_pipeline(big.data, big.framework, o).aggregated);
  }
  // The step-by-step path on several threads too.
  o.keep_data_sets = true;
  o.threads = 2;
  expect_same_bits(reference.aggregated, run_pipeline(big.data, big.framework, o).aggregated);
}

// A full run's aggregated set without its first `indicators` columns: the aggregates alone.
DataSet aggregates_of(const DataSet& full, std::size_t indicators) {
  DataSet out;
  out.units = full.units;
  out.names = full.names;
  out.columns.assign(full.columns.begin() + static_cast<std::ptrdiff_t>(indicators),
                     full.columns.end());
  out.values.assign(full.values.begin() + static_cast<std::ptrdiff_t>(indicators * full.rows()),
                    full.values.end());
  return out;
}

TEST(IndexDirectPath, AggregatesAloneHaveTheSameBits) {
  // With the two indicators read at level 3 (the run keeps the indicator columns while it
  // runs, then drops them) and without them (every indicator normalised into a job's scratch
  // column, never stored); on the direct path and, with imputation, on the step-by-step one.
  for (bool hanging : {true, false})
    for (bool direct : {true, false}) {
      SCOPED_TRACE(std::string(hanging ? "hanging" : "level 2 only") +
                   (direct ? ", direct" : ", step by step"));
      const Large big(-1, -1, hanging);
      PipelineOptions o = direct_options();
      if (!hanging) o.normalise_by_indicator.erase("j1");
      if (!direct) o.imputation = Imputation::mean;
      o.threads = 1;
      const PipelineResult full = run_pipeline(big.data, big.framework, o);
      const std::size_t indicators = hanging ? 66u : 64u;
      ASSERT_EQ(full.aggregated.columns[indicators], "p0");
      const DataSet want = aggregates_of(full.aggregated, indicators);
      o.keep_data_sets = false;
      o.keep_indicators = false;
      for (unsigned threads : {1u, 2u, 3u}) {
        o.threads = threads;
        SCOPED_TRACE("threads " + std::to_string(threads));
        const PipelineResult lean = run_pipeline(big.data, big.framework, o);
        expect_same_bits(want, lean.aggregated);
        EXPECT_EQ(lean.aggregated.columns.front(), "p0");
        EXPECT_EQ(lean.aggregated.columns.back(), "Index");
      }
    }
}

TEST(IndexDirectPath, AggregatesAloneNeedALeanRunAndKeepTheErrors) {
  const Large big(-1, -1, false);
  PipelineOptions o = direct_options();
  o.normalise_by_indicator.erase("j1");
  o.keep_indicators = false;
  EXPECT_EQ(error_of(big.data, big.framework, o),
            "keep_indicators = false needs keep_data_sets = false (a run that keeps every data "
            "set keeps the normalised indicators)");
  o.keep_data_sets = false;
  const PipelineResult lean = run_pipeline(big.data, big.framework, o);
  EXPECT_FALSE(lean.indicators);
  EXPECT_THROW_MSG((void)lean.aggregated_with_indicators("correlations"), ValidationError,
                   "correlations needs the normalised indicators, which a run with "
                   "keep_indicators = false does not keep");
  o.keep_indicators = true;
  const PipelineResult kept = run_pipeline(big.data, big.framework, o);
  EXPECT_TRUE(kept.indicators);
  EXPECT_EQ(&kept.aggregated_with_indicators("correlations"), &kept.aggregated);
  o.keep_indicators = false;
  PipelineOptions parsed;
  set_option(parsed, "keep_indicators", "false");
  EXPECT_FALSE(parsed.keep_indicators);
  // A constant indicator read at level 2 (never stored) and one read at level 3: the same
  // error as a run that keeps the indicators, on any number of threads.
  const Large constant(5, -1, false);
  const Large hanging_constant(64, -1, true);
  for (unsigned threads : {1u, 2u}) {
    o.threads = threads;
    EXPECT_EQ(error_of(constant.data, constant.framework, o),
              "indicator 'i5': it is constant (or empty): the z-score is undefined");
  }
  PipelineOptions h = direct_options();
  h.keep_data_sets = false;
  h.keep_indicators = false;
  EXPECT_EQ(error_of(hanging_constant.data, hanging_constant.framework, h),
            "indicator 'j0': it is constant (or empty): min-max normalisation is undefined");
}

TEST(IndexDirectPath, ErrorsDoNotDependOnThreadsOrPath) {
  // Two constant indicators: min-max is undefined for both; the first (i7) is reported.
  const Large big(7, 30);
  PipelineOptions o = direct_options();
  for (bool keep : {true, false})
    for (unsigned threads : {1u, 2u, 4u}) {
      o.keep_data_sets = keep;
      o.threads = threads;
      EXPECT_EQ(error_of(big.data, big.framework, o),
                "indicator 'i7': it is constant (or empty): min-max normalisation is undefined")
          << keep << " " << threads;
    }
  // A geometric mean over a non-positive value names the aggregate, child and unit.
  const Large ok;
  o = direct_options();
  o.keep_data_sets = false;
  o.normalisation = parse_norm_spec("minmax(lo=0,hi=100)");
  o.aggregate_by_parent["p1"] = parse_agg_spec("geometric");
  const std::string one = error_of(ok.data, ok.framework, o);
  EXPECT_NE(one.find("aggregate 'p1': the geometric mean needs positive values"), std::string::npos)
      << one;
  o.threads = 1;
  EXPECT_EQ(error_of(ok.data, ok.framework, o), one);
}
