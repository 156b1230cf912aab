// Each aggregation rule pinned from both sides: weighted means worked out by hand with
// weights that are neither 0 nor 1 nor equal, at unit counts that run the four-wide vector
// body, its scalar tail and a second block of 512 units; missing and zero-weighted children;
// the positive-values rule of each mean; min_share exactly at its bound; Copeland's exact
// half share.
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

struct Kids {
  std::vector<std::vector<double>> values;
  std::vector<double> weights;
  std::vector<Child> list() const {
    std::vector<Child> out;
    for (std::size_t k = 0; k < values.size(); ++k) out.push_back({"c", values[k], weights[k]});
    return out;
  }
};

std::vector<double> aggregate_of(const Kids& kids, const AggSpec& spec,
                                 const std::vector<std::string>& units = {}) {
  std::vector<double> out(kids.values.front().size(), -999);
  AggregateScratch scratch;
  aggregate_children(kids.list(), spec, out, scratch, "T", units);
  return out;
}

AggSpec spec_of(Aggregation m, double power = 2, double min_share = 0) {
  AggSpec s;
  s.method = m;
  s.power = power;
  s.min_share = min_share;
  return s;
}

}  // namespace

TEST(AggregateBounds, WeightedMeanInEveryLaneAndBlock) {
  // Three children weighted 0,5, 2 and 3,5; one value in five missing, at positions that move
  // through the lanes; sizes 1 to 17 and 515 (a block of 512 and a tail of 3).
  for (std::size_t n : {1, 3, 4, 5, 7, 8, 9, 17, 515}) {
    Kids kids{{}, {0.5, 2, 3.5}};
    for (std::size_t k = 0; k < 3; ++k) {
      std::vector<double> x(n);
      for (std::size_t u = 0; u < n; ++u)
        x[u] = (u + k) % 5 == 1 ? kNaN : 3 + static_cast<double>((u * 7 + k * 3) % 11);
      kids.values.push_back(x);
    }
    std::vector<double> want(n);
    for (std::size_t u = 0; u < n; ++u) {
      double acc = 0, w = 0;
      for (std::size_t k = 0; k < 3; ++k)
        if (!std::isnan(kids.values[k][u])) {
          acc += kids.weights[k] * kids.values[k][u];
          w += kids.weights[k];
        }
      want[u] = acc / w;
    }
    expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic)), want,
                 "size " + std::to_string(n));
  }
  // Exact: weights 1 and 3 over 2 and 8 -> (2 + 24) / 4 = 6,5; one missing -> the other.
  Kids two{{{2, kNaN, 2, kNaN, 2}, {8, 8, kNaN, kNaN, 8}}, {1, 3}};
  expect_cells(aggregate_of(two, spec_of(Aggregation::arithmetic)), {6.5, 8, 2, kNaN, 6.5},
               "exact");
}

TEST(AggregateBounds, ZeroWeightsAndAllMissing) {
  // A child of weight 0 takes no part; with every weight 0 the mean is undefined (missing).
  Kids kids{{{2, 4, 6, 8, 10}, {100, 100, 100, 100, 100}}, {2, 0}};
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic)), {2, 4, 6, 8, 10}, "a 0");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::geometric)), {2, 4, 6, 8, 10}, "geo 0");
  Kids none{{{2, 4, 6, 8, 10}}, {0}};
  for (Aggregation m : {Aggregation::arithmetic, Aggregation::geometric, Aggregation::harmonic,
                        Aggregation::generalised})
    expect_cells(aggregate_of(none, spec_of(m)), {kNaN, kNaN, kNaN, kNaN, kNaN}, "all 0");
  Kids missing{{{kNaN, 3}, {kNaN, 5}}, {1, 1}};
  for (Aggregation m : {Aggregation::arithmetic, Aggregation::geometric, Aggregation::harmonic,
                        Aggregation::generalised, Aggregation::copeland})
    EXPECT_TRUE(std::isnan(aggregate_of(missing, spec_of(m))[0]));
}

TEST(AggregateBounds, GeometricHarmonicAndGeneralisedMeans) {
  // Weights 1 and 3 over 2 and 8 (and a unit where the second is missing):
  //   geometric (2 * 8^3)^(1/4) = 2^2,5; harmonic 4 / (1/2 + 3/8) = 32/7;
  //   power 2: sqrt((4 + 192) / 4) = 7; power 3: cbrt((8 + 1536) / 4) = cbrt(386);
  //   power -1: the harmonic mean; power 0,5: ((1,414.. + 3 * 2,828..) / 4)^2.
  Kids kids{{{2, 2}, {8, kNaN}}, {1, 3}};
  expect_cells(aggregate_of(kids, spec_of(Aggregation::geometric)), {std::pow(2, 2.5), 2}, "geo");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::harmonic)), {32.0 / 7, 2}, "harmonic");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::generalised, 2)), {7, 2}, "p 2");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::generalised, 3)), {std::cbrt(386.0), 2},
               "p 3");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::generalised, -1)), {32.0 / 7, 2}, "p -1");
  const double half = (std::sqrt(2.0) + 3 * std::sqrt(8.0)) / 4;
  expect_cells(aggregate_of(kids, spec_of(Aggregation::generalised, 0.5)), {half * half, 2},
               "p 0,5");
  // The power 0 is the geometric mean's limit, not a generalised mean.
  EXPECT_THROW_MSG((void)aggregate_of(kids, spec_of(Aggregation::generalised, 0)), ValidationError,
                   "aggregate 'T': the generalised mean needs a power other than 0 (use the "
                   "geometric mean)");
  // Arithmetic and Copeland ignore the power field, 0 included.
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic, 0)), {6.5, 2}, "arith p 0");
}

TEST(AggregateBounds, PositiveValuesWhereTheMeanNeedsThem) {
  // Geometric, harmonic and a negative power need values above 0; a positive power, even
  // below 1, takes a 0; the arithmetic mean takes anything.
  Kids zero{{{0, 2}, {4, 2}}, {1, 3}};
  const std::vector<std::string> units = {"VN01", "VN02"};
  EXPECT_THROW_MSG((void)aggregate_of(zero, spec_of(Aggregation::geometric), units),
                   ValidationError,
                   "aggregate 'T': the geometric mean needs positive values; 'c' of unit 'VN01' "
                   "is 0.000000 (normalise to a positive range, e.g. min-max to [1, 100])");
  for (Aggregation m : {Aggregation::harmonic})
    EXPECT_THROW((void)aggregate_of(zero, spec_of(m), units), ValidationError);
  for (double p : {-1.0, -0.5, -2.0})
    EXPECT_THROW((void)aggregate_of(zero, spec_of(Aggregation::generalised, p), units),
                 ValidationError)
        << p;
  // Without unit codes the message names the unit's position.
  Kids later{{{2, -1}, {4, 2}}, {1, 3}};
  EXPECT_THROW_MSG((void)aggregate_of(later, spec_of(Aggregation::harmonic)), ValidationError,
                   "aggregate 'T': the harmonic mean needs positive values; 'c' of unit '1' is "
                   "-1.000000 (normalise to a positive range, e.g. min-max to [1, 100])");
  // Power 0,5 over 0 and 4 (weights 1 and 3): ((0 + 3 * 2) / 4)^2 = 2,25; power 1 is the
  // arithmetic mean, 3.
  expect_cells(aggregate_of(zero, spec_of(Aggregation::generalised, 0.5)), {2.25, 2}, "p 0,5");
  expect_cells(aggregate_of(zero, spec_of(Aggregation::generalised, 1)), {3, 2}, "p 1");
  expect_cells(aggregate_of(zero, spec_of(Aggregation::arithmetic)), {3, 2}, "arith");
  // Just above 0 is positive.
  Kids tiny{{{1e-300, 2}, {1, 2}}, {1, 1}};
  EXPECT_NO_THROW((void)aggregate_of(tiny, spec_of(Aggregation::geometric)));
}

TEST(AggregateBounds, MinShareExactlyAtItsBound) {
  // Four children; units with 4, 3, 2 and 1 of them present. A unit whose share is below
  // min_share is missing; a share exactly at it is kept.
  Kids kids{{{2, 2, 2, 2}, {4, 4, 4, kNaN}, {6, 6, kNaN, kNaN}, {8, kNaN, kNaN, kNaN}},
            {1, 1, 1, 1}};
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic, 2, 0.5)), {5, 4, 3, kNaN},
               "0,5");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic, 2, 0.75)), {5, 4, kNaN, kNaN},
               "0,75");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic, 2, 1)), {5, kNaN, kNaN, kNaN},
               "1");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic, 2, 0.25)), {5, 4, 3, 2}, "0,25");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::arithmetic, 2, 0)), {5, 4, 3, 2}, "0");
  expect_cells(aggregate_of(kids, spec_of(Aggregation::geometric, 2, 0.6)),
               {std::pow(2.0 * 4 * 6 * 8, 0.25), std::cbrt(48.0), kNaN, kNaN}, "geometric 0,6");
}

TEST(AggregateBounds, CopelandWinsLossesAndTheExactHalf) {
  // Children weighted 1, 1 and 2 (total 4); five units, U3 with no value.
  //   U0-U1: 5 > 3 (1/4), 1 < 4, 7 = 7 (half of 2/4): share exactly 1/2, no score;
  //   U0-U2: 5 = 5 (half of 1/4), 1 < 2, 7 < 8: 1/8, U2 wins;
  //   U1-U2: 3 < 5, 4 > 2 (1/4), 7 < 8: 1/4, U2 wins;  U4 loses to everyone.
  Kids kids{{{5, 3, 5, kNaN, 0}, {1, 4, 2, kNaN, 0}, {7, 7, 8, kNaN, 0}}, {1, 1, 2}};
  expect_cells(aggregate_of(kids, spec_of(Aggregation::copeland)), {0, 0, 3, kNaN, -3}, "five");
  // Two units and two children of equal weight, one each: a tie; with weights 1 and 3 the
  // heavier child's winner wins.
  Kids even{{{1, 2}, {2, 1}}, {1, 1}};
  expect_cells(aggregate_of(even, spec_of(Aggregation::copeland)), {0, 0}, "even");
  even.weights = {1, 3};
  expect_cells(aggregate_of(even, spec_of(Aggregation::copeland)), {1, -1}, "1 and 3");
  even.weights = {3, 1};
  expect_cells(aggregate_of(even, spec_of(Aggregation::copeland)), {-1, 1}, "3 and 1");
  // Weights 1, 1, 1: two of three children is a win; a missing value leaves that child out
  // of the pair but not the total.
  Kids three{{{3, 1, 2}, {3, 1, kNaN}, {1, 2, 3}}, {1, 1, 1}};
  //   U0-U1: 3>1, 3>1, 1<2: 2/3 win;  U0-U2: 3>2, -, 1<3: 1/3 loss;  U1-U2: 1<2, -, 2<3: 0.
  expect_cells(aggregate_of(three, spec_of(Aggregation::copeland)), {0, -2, 2}, "three");
}

TEST(AggregateBounds, MethodForAnAggregate) {
  // Its own, else its level's, else the default.
  const Framework f = fixtures::two_level();
  PipelineOptions o;
  o.aggregation = spec_of(Aggregation::harmonic);
  const Node& top = f.nodes[*f.find("T")];
  EXPECT_EQ(aggregation_for(o, top).method, Aggregation::harmonic);
  o.aggregate_by_level[2] = spec_of(Aggregation::geometric);
  o.aggregate_by_level[3] = spec_of(Aggregation::copeland);
  EXPECT_EQ(aggregation_for(o, top).method, Aggregation::geometric);
  o.aggregate_by_parent["T"] = spec_of(Aggregation::generalised, 3);
  o.aggregate_by_parent["U"] = spec_of(Aggregation::copeland);
  EXPECT_EQ(aggregation_for(o, top).method, Aggregation::generalised);
  o.aggregate_by_parent.erase("T");
  o.aggregate_by_level.erase(2);
  EXPECT_EQ(aggregation_for(o, top).method, Aggregation::harmonic);
}
