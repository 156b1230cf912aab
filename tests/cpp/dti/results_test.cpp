// DTI results as published, and their ranks.
#include <gtest/gtest.h>

#include <cmath>

#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::dti::fixtures;

TEST(Dti, PublishedResultsAndRanks) {
  const index::Framework f = dti::preset_framework("dti_922");
  const index::UnitData pts = dti::points_table(csv::parse(kPoints, "points.csv"), f);
  const index::DataSet r = dti::results(pts, f);
  EXPECT_DOUBLE_EQ(at(r, "P1", "DTI"), 0.715);
  EXPECT_DOUBLE_EQ(at(r, "P5", "DTI"), 0.71504);
  EXPECT_DOUBLE_EQ(dti::published(at(r, "P5", "DTI")), 0.715);
  EXPECT_DOUBLE_EQ(at(r, "P1", "NT"), 0.8);
  EXPECT_DOUBLE_EQ(at(r, "P1", "CQS"), 0.75);
  EXPECT_DOUBLE_EQ(dti::published(at(r, "P1", "XHS")), 0.6667);  // 100 / 150
  EXPECT_DOUBLE_EQ(at(r, "P1", "NenTang"), 0.75);                // 375 / 500
  EXPECT_TRUE(std::isnan(at(r, "P1", "DTTM")));                  // not scored
  const auto ranks = index::rank(r.col(*r.column("DTI")), index::Ties::min);
  EXPECT_EQ(ranks, (std::vector<std::optional<double>>{3.0, 3.0, 1.0, 5.0, 2.0}));
  const auto by_region = index::rank_within(r.col(*r.column("DTI")), pts.groups.at("Group"));
  EXPECT_EQ(by_region[0], 2.0);  // P1 behind P3 in Bắc
  EXPECT_EQ(by_region[4], 1.0);  // P5 first in Nam
  // Against last year: P4 did not take part, P6 has left.
  index::DataSet before;
  before.units = {"P1", "P2", "P3", "P6"};
  before.names.assign(4, "");
  const std::vector<double> dti = {0.7, 0.6, 0.65, 0.5};
  std::copy(dti.begin(), dti.end(), before.col(before.add_column("DTI")).begin());
  const auto changes = index::compare_results(before, r, "DTI");
  ASSERT_EQ(changes.size(), 6u);
  EXPECT_EQ(changes[0].unit, "P1");
  EXPECT_EQ(changes[0].rank_before, 1);
  EXPECT_EQ(changes[0].rank_after, 3);
  EXPECT_EQ(changes[0].rank_change, -2);
  EXPECT_EQ(changes[3].unit, "P6");
  EXPECT_FALSE(changes[3].rank_after.has_value());   // left
  EXPECT_FALSE(changes[4].rank_before.has_value());  // P4 entered
}
