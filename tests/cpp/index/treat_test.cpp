// Outlier treatment: the transforms after winsorisation.
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
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/weights.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexTreat, TransformsAfterWinsorisation) {
  DataSet d;
  d.units.assign(10, "u");
  d.names.assign(10, "");
  for (std::size_t i = 0; i < 10; ++i) d.units[i] += std::to_string(i);
  const std::vector<double> up = {1, 1, 1, 1, 1, 1, 1, 1, 2, 100};
  std::vector<double> down(up.size());
  std::transform(up.begin(), up.end(), down.begin(), [](double v) { return -v; });
  std::copy(up.begin(), up.end(), d.col(d.add_column("up")).begin());
  std::copy(down.begin(), down.end(), d.col(d.add_column("down")).begin());
  TreatOptions o;
  o.winsorise = false;  // straight to the transform
  std::vector<Treatment> log;
  const double a = 0.01 * 99;
  DataSet t = treat_outliers(d, o, &log);
  EXPECT_DOUBLE_EQ(t.col(0)[9], std::log(99 + a));
  EXPECT_DOUBLE_EQ(t.col(0)[0], std::log(a));
  EXPECT_EQ(log[0].transform, "log_ct");
  EXPECT_TRUE(log[0].log);
  o.transform = Transform::log_ct_plus;  // skew < 0: -log(max + a - x)
  log.clear();
  t = treat_outliers(d, o, &log);
  EXPECT_DOUBLE_EQ(t.col(1)[9], -std::log(-1 + a + 100));
  EXPECT_EQ(log[1].transform, "log_ct_neg");
  o.transform = Transform::log_ct_orig;
  EXPECT_DOUBLE_EQ(treat_outliers(d, o).col(0)[9], std::log(100.0));
  o.transform = Transform::boxcox;
  o.boxcox_lambda = 0.5;
  EXPECT_DOUBLE_EQ(treat_outliers(d, o).col(0)[9], (std::sqrt(100.0) - 1) / 0.5);
  // Per indicator: "down" left alone.
  std::map<std::string, TreatOptions> per;
  per["down"].enabled = false;
  log.clear();
  t = treat_outliers(d, TreatOptions{}, &log, &per);
  EXPECT_EQ(t.col(1)[9], -100);
  EXPECT_TRUE(log[1].passed_before);
  EXPECT_FALSE(log[1].passed_after.has_value());
}
