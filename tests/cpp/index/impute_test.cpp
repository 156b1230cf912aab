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
