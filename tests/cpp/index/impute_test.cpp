// Imputation of missing values (none, mean, median, group mean and median).
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

TEST(IndexMethods, Imputation) {
  const double na = std::nan("");
  DataSet d = sample({1, na, 3, 10}, {2, 2, na, 4});
  EXPECT_DOUBLE_EQ(impute(d, Imputation::mean).col(0)[1], 14.0 / 3);
  EXPECT_DOUBLE_EQ(impute(d, Imputation::median).col(0)[1], 3);
  const std::vector<std::string> g = {"x", "x", "y", "y"};
  EXPECT_DOUBLE_EQ(impute(d, Imputation::group_median, g).col(0)[1], 1);
  EXPECT_DOUBLE_EQ(impute(d, Imputation::group_mean, g).col(1)[2], 4);
  EXPECT_TRUE(std::isnan(impute(d, Imputation::none).col(0)[1]));
}

// Groups interleaved among the units, a group with no value at all (its gaps stay NA), an even
// median, and per-indicator methods that mix group and whole-column fills in one call.
TEST(IndexMethods, ImputationByGroupsInAnyOrder) {
  const double na = std::nan("");
  // a: b 4, a -, b 1, z -, a 7, a -, b 2        b: b -, a 5, b -, z 3, a 9, a 1, b 6
  const DataSet d = sample({4, na, 1, na, 7, na, 2}, {na, 5, na, 3, 9, 1, 6});
  const std::vector<std::string> g = {"b", "a", "b", "z", "a", "a", "b"};
  const DataSet mean = impute(d, Imputation::group_mean, g);
  EXPECT_EQ(mean.col(0)[1], 7);
  EXPECT_EQ(mean.col(0)[5], 7);
  EXPECT_TRUE(std::isnan(mean.col(0)[3]));  // z has no value in column a
  EXPECT_EQ(mean.col(1)[0], 6);
  EXPECT_EQ(mean.col(1)[2], 6);
  EXPECT_EQ(mean.col(0)[0], 4);  // values are never changed
  const DataSet median = impute(d, Imputation::group_median, g);
  EXPECT_EQ(median.col(0)[1], 7);
  EXPECT_TRUE(std::isnan(median.col(0)[3]));
  EXPECT_EQ(median.col(1)[2], 6);
  // Column a by the whole column's median (4, 1, 7, 2: an even count, 3), b by group mean.
  const DataSet mixed = impute(d, Imputation::median, {{"b", Imputation::group_mean}}, g);
  EXPECT_EQ(mixed.col(0)[1], 3);
  EXPECT_EQ(mixed.col(0)[3], 3);
  EXPECT_EQ(mixed.col(0)[5], 3);
  EXPECT_EQ(mixed.col(1)[0], 6);
  // A group's mean is its values summed in unit order: exactly the plain expression.
  const DataSet fine = sample({0.1, na, 0.7, 0.2, 0.3}, {1, 1, 1, 1, 1});
  const std::vector<std::string> xy = {"x", "x", "y", "x", "x"};
  const DataSet m = impute(fine, Imputation::group_mean, xy);
  EXPECT_EQ(m.col(0)[1], (0.1 + 0.2 + 0.3) / 3);
}
