// Aggregation methods, Copeland, and methods per level and per parent.
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

TEST(IndexMethods, Aggregations) {
  const Framework f = two_level();
  const DataSet d = sample({4}, {9});
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::arithmetic).col(2)[0], 6.5);
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::geometric).col(2)[0], 6);
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::harmonic).col(2)[0], 2 / (1.0 / 4 + 1.0 / 9));
  EXPECT_THROW_MSG((void)aggregate(sample({0}, {9}), f, Aggregation::geometric), ValidationError,
                   "aggregate 'T': the geometric mean needs positive values; 'a' of unit 'u0' is "
                   "0.000000 (normalise to a positive range, e.g. min-max to [1, 100])");
  PipelineOptions o;
  o.aggregation = parse_agg_spec("generalised(power=2)");
  EXPECT_DOUBLE_EQ(aggregate(d, f, o).col(2)[0], std::sqrt((16.0 + 81) / 2));
  // A positive power takes zeros (the quadratic mean of 0 and 4); a negative one refuses them.
  EXPECT_DOUBLE_EQ(aggregate(sample({0}, {4}), f, o).col(2)[0], std::sqrt(8.0));
  o.aggregation = parse_agg_spec("generalised(power=-1)");  // the harmonic mean
  EXPECT_NEAR(aggregate(d, f, o).col(2)[0], 2 / (1.0 / 4 + 1.0 / 9), 1e-12);
  EXPECT_THROW_MSG((void)aggregate(sample({0}, {4}), f, o), ValidationError,
                   "aggregate 'T': the generalised mean needs positive values; 'a' of unit 'u0' is "
                   "0.000000 (normalise to a positive range, e.g. min-max to [1, 100])");
  EXPECT_THROW_MSG((void)parse_agg_spec("generalised(power=0)"), ValidationError,
                   "generalised: the power must not be 0 (that limit is the geometric mean)");
  // A minimum share of available children.
  const double na = std::nan("");
  const DataSet gap = sample({4, 4}, {na, 8});
  o.aggregation = parse_agg_spec("arithmetic(min_share=0.6)");
  auto m = aggregate(gap, f, o);
  EXPECT_TRUE(std::isnan(m.col(2)[0]));
  EXPECT_DOUBLE_EQ(m.col(2)[1], 6);
  o.aggregation = parse_agg_spec("arithmetic(min_share=0.5)");
  EXPECT_DOUBLE_EQ(aggregate(gap, f, o).col(2)[0], 4);
}

TEST(IndexMethods, Copeland) {
  // Three units, three equally weighted children. u0 beats u1 on 2 of 3, u1 ties u2 on
  // one child and beats it on another (1.5 of 3 for each: a draw), u0 beats u2 on 2 of 3.
  const Framework f = make_framework(
      csv::parse("Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
                 "1,b,B,1,1,T,Indicator\n1,c,C,1,1,T,Indicator\n2,T,Top,1,1,,Aggregate\n",
                 "m.csv"));
  DataSet d;
  d.units = {"u0", "u1", "u2"};
  d.names = {"", "", ""};
  const std::vector<std::vector<double>> cols = {{3, 1, 2}, {3, 2, 1}, {1, 2, 2}};
  for (std::size_t c = 0; c < 3; ++c) {
    const std::size_t k = d.add_column(std::string(1, static_cast<char>('a' + c)));
    std::copy(cols[c].begin(), cols[c].end(), d.col(k).begin());
  }
  const DataSet out = aggregate(d, f, Aggregation::copeland);
  const auto top = out.col(*out.column("T"));
  EXPECT_EQ(top[0], 2);   // two wins
  EXPECT_EQ(top[1], -1);  // a loss and a draw
  EXPECT_EQ(top[2], -1);
}

TEST(IndexMethods, MethodsPerLevelAndPerParent) {
  Asem a;
  PipelineOptions o = coinr_asem();
  set_option(o, "aggregate.level.4", "geometric");
  set_option(o, "aggregate.Conn", "harmonic");
  const PipelineResult r = run_pipeline(a.raw, a.framework, o);
  const PipelineResult plain = run_pipeline(a.raw, a.framework, coinr_asem());
  const DataSet& d = r.aggregated;
  const auto col = [&](const DataSet& s, const char* c) { return s.col(*s.column(c)); };
  for (std::size_t u = 0; u < d.rows(); ++u) {
    EXPECT_NEAR(col(d, "Index")[u], std::sqrt(col(d, "Conn")[u] * col(d, "Sust")[u]), 1e-9);
    EXPECT_EQ(col(d, "Sust")[u], col(plain.aggregated, "Sust")[u]);  // the default elsewhere
    EXPECT_LT(col(d, "Conn")[u],
              col(plain.aggregated, "Conn")[u] + 1e-12);  // harmonic <= arithmetic
  }
  EXPECT_THROW_MSG(set_option(o, "aggregate.level.x", "geometric"), ValidationError,
                   "option 'aggregate.level.x': 'x' is not a number");
  PipelineOptions bad;
  set_option(bad, "aggregate.level.9", "geometric");
  EXPECT_THROW_MSG((void)run_pipeline(a.raw, a.framework, bad), ValidationError,
                   "aggregate: level 9 is not an aggregation level (2..4)");
  PipelineOptions unknown;
  set_option(unknown, "normalise.Nope", "rank");
  EXPECT_THROW_MSG((void)run_pipeline(a.raw, a.framework, unknown), ValidationError,
                   "normalise: 'Nope' is not an indicator of the framework");
}

// The weighted geometric mean: exp(Σ w ln x / Σ w), so unequal weights change the result.
TEST(IndexMethods, GeometricMeanHonoursUnequalWeights) {
  Framework f = two_level();
  f.nodes[0].weight = 1;
  f.nodes[1].weight = 3;
  const DataSet d = sample({4}, {9});
  EXPECT_NEAR(aggregate(d, f, Aggregation::geometric).col(2)[0],
              std::pow(4.0, 0.25) * std::pow(9.0, 0.75), 1e-12);
  EXPECT_NEAR(aggregate(d, f, Aggregation::harmonic).col(2)[0], 4 / (1.0 / 4 + 3.0 / 9), 1e-12);
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::arithmetic).col(2)[0], (4 + 27) / 4.0);
}
