// Each normalisation rule and the statistics kernel under it, pinned from both sides: the
// formulas of docs/index.md worked out here value by value, at column sizes that run the
// four-wide vector body, the scalar tail or both (1, 3, 4, 5, 7, 8, 9, 17), with the minimum,
// the maximum and a missing value at every position (every lane of the body and of the tail).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using fixtures::expect_cells;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<std::size_t> kSizes = {1, 3, 4, 5, 7, 8, 9, 17};

DataSet units_of(std::size_t n) {
  DataSet d;
  for (std::size_t i = 0; i < n; ++i) d.units.push_back("u" + std::to_string(i));
  d.names.assign(n, "");
  return d;
}

std::vector<double> run(const std::vector<double>& x, double dir, const std::string& spec,
                        const Node* node = nullptr) {
  std::vector<double> out(x.size(), -999);
  normalise_column(x, out, dir, parse_norm_spec(spec), node, units_of(x.size()), "x");
  return out;
}

// Distinct values, none 0 or 1, rising and falling through the lanes so that each lane's
// minimum, maximum and sum differ from the others'.
std::vector<double> base(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = 10 + static_cast<double>((i * 5) % 17) + 0.25 * i;
  return x;
}

// The rules written out one value at a time.
std::vector<double> want_minmax(const std::vector<double>& x, double dir, double lo, double hi) {
  double mn = INFINITY, mx = -INFINITY;
  for (double v : x)
    if (!std::isnan(v)) mn = std::min(mn, v * dir), mx = std::max(mx, v * dir);
  std::vector<double> y;
  for (double v : x) y.push_back((v * dir - mn) / (mx - mn) * (hi - lo) + lo);
  return y;
}

std::vector<double> want_zscore(const std::vector<double>& x, double dir, double m, double s) {
  double sum = 0, n = 0;
  for (double v : x)
    if (!std::isnan(v)) sum += v * dir, n += 1;
  const double mean = sum / n;
  double ss = 0;
  for (double v : x)
    if (!std::isnan(v)) ss += (v * dir - mean) * (v * dir - mean);
  const double sd = std::sqrt(ss / (n - 1));
  std::vector<double> y;
  for (double v : x) y.push_back((v * dir - mean) / sd * s + m);
  return y;
}

}  // namespace

TEST(NormaliseBounds, MinMaxFindsTheExtremesInEveryLane) {
  // min-max onto [2, 7]: lo is not 0 and the span 5 is not 1, so each operation of
  // (x - min) / (max - min) * (hi - lo) + lo shows; both directions.
  for (std::size_t n : kSizes) {
    if (n < 2) continue;
    for (std::size_t p = 0; p < n; ++p)
      for (double dir : {1.0, -1.0}) {
        auto lowest = base(n);
        lowest[p] = -7.5;  // the one minimum (the maximum after direction -1)
        expect_cells(run(lowest, dir, "minmax(lo=2,hi=7)"), want_minmax(lowest, dir, 2, 7),
                     "min at " + std::to_string(p) + " of " + std::to_string(n));
        auto highest = base(n);
        highest[p] = 95.5;
        expect_cells(run(highest, dir, "minmax(lo=2,hi=7)"), want_minmax(highest, dir, 2, 7),
                     "max at " + std::to_string(p) + " of " + std::to_string(n));
      }
  }
  // Exact values: 4, 2, 12, 6, 10 onto [2, 7]: the minimum maps to 2, the maximum to 7.
  expect_cells(run({4, 2, 12, 6, 10}, 1, "minmax(lo=2,hi=7)"), {3, 2, 7, 4, 6}, "exact");
  expect_cells(run({4, 2, 12, 6, 10}, -1, "minmax(lo=2,hi=7)"), {6, 7, 2, 5, 3}, "exact -1");
}

TEST(NormaliseBounds, AMissingValueInAnyLaneIsLeftOut) {
  // A missing value changes neither the minimum, the maximum, the sum nor the count, and
  // stays missing; its lane's other values still count.
  for (std::size_t n : kSizes) {
    if (n < 3) continue;
    for (std::size_t p = 0; p < n; ++p) {
      auto x = base(n);
      x[p] = kNaN;
      const std::string at = std::to_string(p) + " of " + std::to_string(n);
      expect_cells(run(x, 1, "minmax(lo=2,hi=7)"), want_minmax(x, 1, 2, 7), "minmax " + at);
      expect_cells(run(x, -1, "zscore(mean=10,sd=2)"), want_zscore(x, -1, 10, 2), "z " + at);
    }
  }
}

TEST(NormaliseBounds, ZScoreSumsAndCountsEveryLane) {
  // The mean is the sum over all lanes divided by the count, the standard deviation the
  // sample one (n - 1); mean 10 and sd 2 so that scaling and shifting both show.
  for (std::size_t n : kSizes) {
    if (n < 2) continue;
    for (double dir : {1.0, -1.0})
      expect_cells(run(base(n), dir, "zscore(mean=10,sd=2)"), want_zscore(base(n), dir, 10, 2),
                   "z of " + std::to_string(n));
  }
  // 2, 4, 6: mean 4, sample sd 2 -> -1, 0, 1 -> 8, 10, 12.
  expect_cells(run({2, 4, 6}, 1, "zscore(mean=10,sd=2)"), {8, 10, 12}, "exact");
  expect_cells(run({2, 4, 6, kNaN}, -1, "zscore(mean=10,sd=2)"), {12, 10, 8, kNaN}, "exact -1");
  // 1, 2, 3, 4, 10 (mean 4, ss 50, sd sqrt(12,5)): each lane's sum needed.
  const double sd = std::sqrt(12.5);
  expect_cells(run({1, 2, 3, 4, 10}, 1, "zscore"), {-3 / sd, -2 / sd, -1 / sd, 0, 6 / sd}, "five");
  // Constant (two or more equal values) or a single value: undefined.
  for (const std::vector<double>& c :
       std::vector<std::vector<double>>{{5, 5}, {5, 5, 5, 5, 5}, {3}, {kNaN, 3, kNaN}})
    EXPECT_THROW_MSG((void)run(c, 1, "zscore"), ValidationError,
                     "indicator 'x': it is constant (or empty): the z-score is undefined");
  // Two values just apart are not constant.
  expect_cells(run({5, 5.5}, 1, "zscore"), {-std::sqrt(0.5), std::sqrt(0.5)}, "two");
}

TEST(NormaliseBounds, ConstantColumnsAreRefusedWhereTheRuleDividesByTheRange) {
  for (const char* spec : {"minmax", "distance_to_max"}) {
    EXPECT_THROW((void)run({4, 4, 4, 4, 4}, 1, spec), ValidationError) << spec;
    EXPECT_THROW((void)run({kNaN, kNaN}, 1, spec), ValidationError) << spec;
    EXPECT_NO_THROW((void)run({4, 4.001}, 1, spec)) << spec;
  }
  // distance_to_max: 1 - (max - x) / (max - min).
  expect_cells(run({2, 4, 10, kNaN, 8}, 1, "distance_to_max"), {0, 0.25, 1, kNaN, 0.75}, "+1");
  expect_cells(run({2, 4, 10, kNaN, 8}, -1, "distance_to_max"), {1, 0.75, 0, kNaN, 0.25}, "-1");
}

TEST(NormaliseBounds, FractionOfMaxNeedsAPositiveMaximum) {
  expect_cells(run({0.25, 0.5, 1}, 1, "fraction_of_max"), {0.25, 0.5, 1}, "max exactly 1");
  expect_cells(run({0.25, 0.5}, 1, "fraction_of_max"), {0.5, 1}, "max 0,5");
  expect_cells(run({-2, 3, 6}, 1, "fraction_of_max"), {-1.0 / 3, 0.5, 1}, "max 6");
  expect_cells(run({-4, -2, -8}, -1, "fraction_of_max"), {0.5, 0.25, 1}, "direction -1");
  for (const std::vector<double>& x : std::vector<std::vector<double>>{{-3, 0}, {-3, -1}})
    EXPECT_THROW_MSG((void)run(x, 1, "fraction_of_max"), ValidationError,
                     "indicator 'x': its maximum (after the direction) is not positive, so a "
                     "fraction of it is undefined");
}

TEST(NormaliseBounds, ScaledDividesByItsBounds) {
  // (x - lo) / (hi - lo) * 100 with lo 2 and hi 12.
  expect_cells(run({2, 7, 12, 17, 0}, 1, "scaled(lo=2,hi=12)"), {0, 50, 100, 150, -20}, "scaled");
  EXPECT_THROW_MSG((void)run({1, 2}, 1, "scaled(lo=3,hi=3)"), ValidationError,
                   "indicator 'x': scaled: the upper and lower bounds are equal");
  expect_cells(run({3, 4}, 1, "scaled(lo=3,hi=3.5)"), {0, 200}, "half apart");
}

TEST(NormaliseBounds, GoalpostsFromBothPosts) {
  // Positive: (x - lo) / (hi - lo) * scale; negative: (hi - x) / (hi - lo) * scale; scale 10.
  const std::vector<double> x = {1, 2, 3, 5, 6};
  expect_cells(run(x, 1, "goalposts(lo=2,hi=6,scale=10,truncate=false)"), {-2.5, 0, 2.5, 7.5, 10},
               "+1");
  expect_cells(run(x, -1, "goalposts(lo=2,hi=6,scale=10,truncate=false)"), {12.5, 10, 7.5, 2.5, 0},
               "-1");
  expect_cells(run(x, 1, "goalposts(lo=2,hi=6,scale=10)"), {0, 0, 2.5, 7.5, 10}, "+1 cut");
  expect_cells(run(x, -1, "goalposts(lo=2,hi=6,scale=10)"), {10, 10, 7.5, 2.5, 0}, "-1 cut");
  expect_cells(run({8}, 1, "goalposts(lo=2,hi=6,scale=10)"), {10}, "above the upper post");
  for (const char* spec : {"goalposts(lo=3,hi=3)", "goalposts(lo=4,hi=3)"})
    EXPECT_THROW_MSG((void)run(x, 1, spec), ValidationError,
                     "indicator 'x': goalposts: the upper goalpost must be above the lower one");
  expect_cells(run({3, 3.5}, 1, "goalposts(lo=3,hi=3.5,scale=1)"), {0, 1}, "posts just apart");
}

TEST(NormaliseBounds, DistanceToTargetFromTheWorstValue) {
  // Positive: (x - min) / (target - min); negative (a low target): (max - x) / (max - target).
  const std::vector<double> x = {4, 2, 10, kNaN, 6};
  expect_cells(run(x, 1, "distance_to_target(target=8)"), {1.0 / 3, 0, 4.0 / 3, kNaN, 2.0 / 3},
               "+1");
  expect_cells(run(x, 1, "distance_to_target(target=8,cap=true)"), {1.0 / 3, 0, 1, kNaN, 2.0 / 3},
               "+1 capped");
  expect_cells(run(x, -1, "distance_to_target(target=3)"), {6.0 / 7, 8.0 / 7, 0, kNaN, 4.0 / 7},
               "-1");
  expect_cells(run(x, -1, "distance_to_target(target=3,cap=true)"), {6.0 / 7, 1, 0, kNaN, 4.0 / 7},
               "-1 capped");
  // The target at the worst value divides by zero: refused; one just beside it is not.
  EXPECT_THROW_MSG((void)run(x, 1, "distance_to_target(target=2)"), ValidationError,
                   "indicator 'x': distance to target: the target equals the worst value");
  EXPECT_THROW_MSG((void)run(x, -1, "distance_to_target(target=10)"), ValidationError,
                   "indicator 'x': distance to target: the target equals the worst value");
  expect_cells(run({2, 3}, 1, "distance_to_target(target=2.5)"), {0, 2}, "just above");
  // The target from iMeta's Target column when the spec gives none; the spec's wins.
  Node node;
  node.target = 6;
  expect_cells(run({2, 4}, 1, "distance_to_target", &node), {0, 0.5}, "iMeta target");
  expect_cells(run({2, 4}, 1, "distance_to_target(target=4)", &node), {0, 1}, "spec target");
}

TEST(NormaliseBounds, DistanceToReferenceFromTheMinimum) {
  // 1 - (ref - x) / (ref - min), the reference unit the fourth of five.
  const std::vector<double> x = {4, 2, 8, 6, 12};
  expect_cells(run(x, 1, "distance_to_reference(reference=u3)"), {0.5, 0, 1.5, 1, 2.5}, "+1");
  expect_cells(run(x, 1, "distance_to_reference(reference=u3,cap=true)"), {0.5, 0, 1, 1, 1},
               "capped");
  // Direction -1: the directed values -4, -2, -8, -6, -12 (minimum -12), reference -6.
  expect_cells(run(x, -1, "distance_to_reference(reference=u3)"), {4.0 / 3, 5.0 / 3, 2.0 / 3, 1, 0},
               "-1");
  EXPECT_THROW_MSG((void)run(x, 1, "distance_to_reference(reference=u1)"), ValidationError,
                   "indicator 'x': distance to reference: the reference is the minimum");
  EXPECT_THROW_MSG((void)run({4, kNaN, 2}, 1, "distance_to_reference(reference=u1)"),
                   ValidationError, "indicator 'x': distance to reference: unit 'u1' has no value");
}

TEST(NormaliseBounds, RanksWithTiesAtBothEndsAndMissingValues) {
  // Ascending min ranks (1 = lowest, ties share the lowest rank), borda = rank - 1,
  // percentile = (rank - 1) / (n - 1) with n the values present.
  const std::vector<double> x = {3, 1, 3, kNaN, 2, 1, 5, 5};
  expect_cells(run(x, 1, "rank"), {4, 1, 4, kNaN, 3, 1, 6, 6}, "rank");
  expect_cells(run(x, 1, "borda"), {3, 0, 3, kNaN, 2, 0, 5, 5}, "borda");
  expect_cells(run(x, 1, "percentile_rank"), {0.5, 0, 0.5, kNaN, 2.0 / 6, 0, 5.0 / 6, 5.0 / 6},
               "percentile");
  // Direction -1: -3, -1, -3, NA, -2, -1, -5, -5.
  expect_cells(run(x, -1, "rank"), {3, 6, 3, kNaN, 5, 6, 1, 1}, "rank -1");
  // No ties: 1..n in value order.
  expect_cells(run({30, 10, 20, 40}, 1, "rank"), {3, 1, 2, 4}, "distinct");
  // Two units: 0 and 1; one unit: 1 (n - 1 is 0).
  expect_cells(run({7, 3}, 1, "percentile_rank"), {1, 0}, "two");
  expect_cells(run({7}, 1, "percentile_rank"), {1}, "one");
  expect_cells(run({kNaN, 7, kNaN}, 1, "percentile_rank"), {kNaN, 1, kNaN}, "one present");
  expect_cells(run({7, 3, 5}, 1, "percentile_rank"), {1, 0, 0.5}, "three");
}

TEST(NormaliseBounds, IMetaNumbersMustBeWholeNumbers) {
  Node node;
  node.code = "x";
  node.extra["minmax_lower"] = "2";
  node.extra["minmax_upper"] = "7";
  expect_cells(run({2, 4, 12}, 1, "minmax(meta=true)", &node), {2, 3, 7}, "from iMeta");
  node.extra["scaled_lower"] = "2";
  node.extra["scaled_upper"] = "12";
  expect_cells(run({2, 7}, 1, "scaled(meta=true)", &node), {0, 50}, "scaled from iMeta");
  node.extra["zscore_mean"] = "10";
  node.extra["zscore_sd"] = "2";
  expect_cells(run({2, 4, 6}, 1, "zscore(meta=true)", &node), {8, 10, 12}, "zscore from iMeta");
  // Distance to target: not capped unless iMeta says so.
  node.target = 4;
  expect_cells(run({2, 8}, 1, "distance_to_target(meta=true)", &node), {0, 3}, "no cap column");
  node.extra["dist2targ_cap_max"] = "1";
  expect_cells(run({2, 8}, 1, "distance_to_target(meta=true)", &node), {0, 1}, "capped");
  for (const char* bad : {"7x", "abc", ""}) {
    node.extra["minmax_upper"] = bad;
    EXPECT_THROW_MSG((void)run({2, 4, 12}, 1, "minmax(meta=true)", &node), ValidationError,
                     std::string("iMeta: 'minmax_upper' of 'x' is not a number: '") + bad + "'");
  }
  node.extra.erase("minmax_upper");
  EXPECT_THROW_MSG((void)run({2, 4, 12}, 1, "minmax(meta=true)", &node), ValidationError,
                   "normalisation parameters from iMeta: indicator 'x' has no 'minmax_upper'");
}

TEST(NormaliseBounds, PerIndicatorSpecsAndNormaliseMinmax) {
  const Framework f = fixtures::two_level();  // a: direction 1, b: direction -1
  const DataSet d = fixtures::sample({2, 4, 12}, {0, 5, 10});
  const DataSet m = normalise_minmax(d, f, 2, 7);
  expect_cells({m.col(0).begin(), m.col(0).end()}, {2, 3, 7}, "a");
  expect_cells({m.col(1).begin(), m.col(1).end()}, {7, 4.5, 2}, "b");
  PipelineOptions o;
  o.normalise_by_indicator["b"] = parse_norm_spec("rank");
  const DataSet r = normalise(d, f, o);
  expect_cells({r.col(0).begin(), r.col(0).end()}, {0, 20, 100}, "a by the default");
  expect_cells({r.col(1).begin(), r.col(1).end()}, {3, 2, 1}, "b by its own");
}
