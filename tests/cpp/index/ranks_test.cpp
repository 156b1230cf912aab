// Ranks (ties, groups, many columns), strengths and weaknesses, comparisons of results.
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

TEST(IndexResults, TiesGroupsStrengthsAndComparisons) {
  const std::vector<double> x = {10, 20, 20, std::nan(""), 5};
  auto dense = rank(x, Ties::dense);
  EXPECT_EQ(dense[0], 2.0);
  EXPECT_EQ(dense[4], 3.0);
  auto avg = rank(x, Ties::average);
  EXPECT_EQ(avg[1], 1.5);
  EXPECT_EQ(avg[0], 3.0);
  EXPECT_FALSE(avg[3].has_value());
  EXPECT_EQ(rank(x, Ties::min)[0], 3.0);
  const std::vector<std::string> g = {"A", "B", "A", "B", "A"};
  auto within = rank_within(x, g);
  EXPECT_EQ(within[0], 2.0);  // 10 among A = {10, 20, 5}
  EXPECT_EQ(within[2], 1.0);
  EXPECT_EQ(within[1], 1.0);  // B = {20, NA}

  Asem a;
  const DataSet agg = run_pipeline(a.raw, a.framework, coinr_asem()).aggregated;
  const auto sw = strengths_and_weaknesses(agg, a.framework, "CHE", 3);
  ASSERT_EQ(sw.strengths.size(), 3u);
  EXPECT_LE(sw.strengths[0].second, sw.strengths[1].second);
  EXPECT_GE(sw.weaknesses[0].second, sw.weaknesses[1].second);
  EXPECT_THROW_MSG((void)strengths_and_weaknesses(agg, a.framework, "XXX"), ValidationError,
                   "no unit 'XXX'");

  // Method against method: the index with and without outlier treatment.
  PipelineOptions raw_options = coinr_asem();
  raw_options.treat = false;
  const DataSet untreated = run_pipeline(a.raw, a.framework, raw_options).aggregated;
  const auto changes = compare_results(agg, untreated, "Index");
  ASSERT_EQ(changes.size(), 51u);
  int moved = 0;
  for (const Change& c : changes) {
    ASSERT_TRUE(c.rank_change.has_value());
    EXPECT_EQ(*c.rank_change, *c.rank_before - *c.rank_after);
    moved += *c.rank_change != 0;
  }
  EXPECT_GT(moved, 0);
  EXPECT_EQ(changes[0].unit, agg.units[0]);
}

TEST(IndexResults, UnitsThatEnterOrLeave) {
  DataSet before, after;
  for (const char* u : {"a", "b"}) before.units.push_back(u), before.names.push_back("");
  for (const char* u : {"b", "c"}) after.units.push_back(u), after.names.push_back("");
  before.add_column("Index");
  after.add_column("Index");
  before.col(0)[0] = 1;
  before.col(0)[1] = 2;
  after.col(0)[0] = 3;
  after.col(0)[1] = 1;
  const auto ch = compare_results(before, after, "Index");
  ASSERT_EQ(ch.size(), 3u);
  EXPECT_EQ(ch[0].unit, "a");
  EXPECT_FALSE(ch[0].rank_after.has_value());  // left
  EXPECT_EQ(ch[1].unit, "b");
  EXPECT_EQ(ch[1].rank_change, 0);  // 1st before and after
  EXPECT_EQ(ch[2].unit, "c");
  EXPECT_FALSE(ch[2].rank_before.has_value());  // entered
  EXPECT_THROW_MSG((void)compare_results(before, after, "Sust"), ValidationError,
                   "compare_results: both results need the column 'Sust'");
}

TEST(IndexRanks, RadixRanksEqualCountingRanks) {
  // rank_min sorts by radix on integer keys; check it against counting by definition: a
  // value's rank is 1 + the number of values above it. Ties, 0 and -0, NaN, negatives.
  std::vector<double> x;
  std::uint64_t s = 42;
  for (int i = 0; i < 3000; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    const int r = static_cast<int>(s >> 54);  // 0..1023: many ties
    x.push_back(r % 97 == 0 ? std::nan("") : r % 89 == 0 ? -0.0 : (r - 512) / 8.0);
  }
  x.push_back(0.0);
  x.push_back(-1e300);
  x.push_back(1e-300);
  const auto got = rank_min(x);
  const auto asc = rank(x, Ties::dense);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i])) {
      EXPECT_FALSE(got[i].has_value());
      continue;
    }
    int above = 0;
    for (double v : x) above += v > x[i];
    ASSERT_EQ(got[i], above + 1) << i;
    ASSERT_TRUE(asc[i].has_value());
  }
}
