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
