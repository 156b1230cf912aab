// Descriptive statistics, availability, correlations, Cronbach's alpha.
#include "dxkit/index/analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>

#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/weights.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexAnalysis, DescribeAvailabilityCorrelationAlpha) {
  const Framework f = two_level();
  const double na = std::nan("");
  DataSet d = sample({1, 2, 3, 4, na}, {2, 4, 6, 8, 10});
  const auto s = describe(d);
  EXPECT_EQ(s[0].n, 4u);
  EXPECT_EQ(s[0].missing, 1u);
  EXPECT_DOUBLE_EQ(s[0].mean, 2.5);
  EXPECT_DOUBLE_EQ(s[0].sd, std::sqrt(5.0 / 3));
  EXPECT_DOUBLE_EQ(s[0].median, 2.5);
  EXPECT_FALSE(s[0].outliers);
  const auto av = availability(d);
  EXPECT_DOUBLE_EQ(av.by_unit[4], 0.5);
  EXPECT_DOUBLE_EQ(av.by_column[0], 0.8);
  EXPECT_DOUBLE_EQ(*correlation(d.col(0), d.col(1)), 1.0);  // over the 4 complete units
  EXPECT_FALSE(correlation(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3}).has_value());
  // Two perfectly parallel items: alpha = 2/1 × (1 - (v + 4v) / 9v) = 8/9.
  EXPECT_NEAR(*cronbach_alpha(d, f, "T"), 8.0 / 9, 1e-12);
  EXPECT_FALSE(cronbach_alpha(d, f, "a").has_value());
}

TEST(IndexAnalysis, AsemOutlierFlagsAgreeWithTreatment) {
  Asem a;
  const PipelineResult r = run_pipeline(a.raw, a.framework, coinr_asem());
  const auto stats = describe(r.screened);
  std::size_t flagged = 0;
  for (std::size_t i = 0; i < stats.size(); ++i) {
    EXPECT_EQ(stats[i].code, r.treatment[i].code);
    EXPECT_EQ(stats[i].outliers, !r.treatment[i].passed_before) << stats[i].code;
    flagged += stats[i].outliers;
  }
  EXPECT_EQ(flagged, 15u);  // the 15 indicators COINr winsorised
  const auto flags = flag_correlations(r.aggregated, a.framework);
  for (const auto& fl : flags) EXPECT_TRUE(fl.r < 0.2) << fl.a << " " << fl.b;
}
