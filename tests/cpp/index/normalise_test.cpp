// Normalisation methods and their parameters from iMeta.
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

TEST(IndexMethods, Normalisations) {
  const Framework f = two_level();  // a: direction 1, b: direction -1
  PipelineOptions o;
  const DataSet d = sample({1, 2, 3}, {0, 5, 10});
  auto with = [&](const DataSet& data, const std::string& spec) {
    o.normalisation = parse_norm_spec(spec);
    return normalise(data, f, o);
  };
  auto z = with(d, "zscore");
  EXPECT_DOUBLE_EQ(z.col(0)[0], -1);
  EXPECT_DOUBLE_EQ(z.col(0)[2], 1);
  EXPECT_DOUBLE_EQ(z.col(1)[0], 1);  // direction -1 applied first
  EXPECT_DOUBLE_EQ(with(d, "zscore(mean=10,sd=2)").col(0)[2], 12);
  EXPECT_DOUBLE_EQ(with(d, "distance_to_max").col(1)[1], 0.5);
  const DataSet pos = sample({1, 2, 3}, {-1, -2, -4});
  EXPECT_DOUBLE_EQ(with(pos, "fraction_of_max").col(0)[0], 1.0 / 3);
  EXPECT_DOUBLE_EQ(with(pos, "fraction_of_max").col(1)[0], 0.25);
  EXPECT_THROW_MSG((void)with(d, "fraction_of_max"), ValidationError,
                   "indicator 'b': its maximum (after the direction) is not positive, so a "
                   "fraction of it is undefined");  // b's maximum is 0
  // Goalposts in the indicator's units; a negative indicator runs from the upper post down.
  auto g = with(d, "goalposts(lo=0,hi=2)");
  EXPECT_DOUBLE_EQ(g.col(0)[0], 50);
  EXPECT_DOUBLE_EQ(g.col(0)[2], 100);  // truncated
  EXPECT_DOUBLE_EQ(g.col(1)[0], 100);  // b = 0: at the good end
  EXPECT_DOUBLE_EQ(g.col(1)[1], 0);    // b = 5: beyond the bad end, truncated
  EXPECT_DOUBLE_EQ(with(d, "goalposts(lo=0,hi=2,scale=1,truncate=false)").col(0)[2], 1.5);
  // A lower post that is not zero: the span is hi - lo for both directions.
  auto g13 = with(d, "goalposts(lo=1,hi=3,scale=1,truncate=false)");
  EXPECT_DOUBLE_EQ(g13.col(0)[0], 0);           // a = 1: at the lower post
  EXPECT_DOUBLE_EQ(g13.col(0)[1], 0.5);         // (2 - 1) / (3 - 1)
  EXPECT_DOUBLE_EQ(g13.col(0)[2], 1);           // a = 3: at the upper post
  EXPECT_DOUBLE_EQ(g13.col(1)[0], 1.5);         // b = 0: (3 - 0) / 2, beyond the good end
  EXPECT_DOUBLE_EQ(g13.col(1)[1], -1);          // b = 5: (3 - 5) / 2
  EXPECT_DOUBLE_EQ(g13.col(1)[2], -3.5);        // b = 10
  auto g13t = with(d, "goalposts(lo=1,hi=3)");  // truncated, scale 100
  EXPECT_DOUBLE_EQ(g13t.col(0)[1], 50);
  EXPECT_DOUBLE_EQ(g13t.col(1)[0], 100);
  EXPECT_DOUBLE_EQ(g13t.col(1)[1], 0);
  EXPECT_DOUBLE_EQ(with(d, "scaled(lo=0,hi=10)").col(0)[0], 10);
  // Distance to target: up from the minimum, or down from the maximum for a negative one.
  auto t = with(d, "distance_to_target(target=2.5)");
  EXPECT_DOUBLE_EQ(t.col(0)[2], 2.0 / 1.5);
  EXPECT_DOUBLE_EQ(t.col(1)[1], (10.0 - 5) / (10 - 2.5));
  EXPECT_DOUBLE_EQ(with(d, "distance_to_target(target=2.5,cap=true)").col(0)[2], 1);
  EXPECT_THROW_MSG(
      (void)with(d, "distance_to_target"), ValidationError,
      "indicator 'a': distance to target needs a target (iMeta's Target or target=)");  // no iMeta
                                                                                        // Target
                                                                                        // either
  auto r = with(d, "distance_to_reference(reference=u1)");
  EXPECT_DOUBLE_EQ(r.col(0)[0], 0);
  EXPECT_DOUBLE_EQ(r.col(0)[2], 2);
  EXPECT_DOUBLE_EQ(with(d, "distance_to_reference(reference=u1,cap=true)").col(0)[2], 1);
  EXPECT_THROW_MSG((void)with(d, "distance_to_reference(reference=nobody)"), ValidationError,
                   "indicator 'a': distance to reference: unit 'nobody' is not in the data");
  EXPECT_THROW_MSG(
      (void)parse_norm_spec("distance_to_reference"), ValidationError,
      "distance_to_reference needs a reference unit: distance_to_reference(reference=CODE)");
  // Ranks as R's rank(ties = "min"), as COINr's n_rank / n_prank / n_borda.
  const DataSet tie = sample({10, 20, 20}, {1, 2, 3});
  EXPECT_EQ(with(tie, "rank").col(0)[1], 2);
  EXPECT_DOUBLE_EQ(with(tie, "percentile_rank").col(0)[2], 0.5);
  EXPECT_EQ(with(tie, "borda").col(0)[2], 1);
  EXPECT_EQ(with(tie, "borda").col(0)[0], 0);
  EXPECT_EQ(with(tie, "none").col(1)[0], -1);  // only the direction
  EXPECT_THROW_MSG((void)with(sample({1, 1}, {1, 2}), "zscore"), ValidationError,
                   "indicator 'a': it is constant (or empty): the z-score is undefined");
  // Per indicator.
  o.normalisation = NormSpec{};
  o.normalise_by_indicator["b"] = parse_norm_spec("rank");
  auto mixed = normalise(d, f, o);
  EXPECT_DOUBLE_EQ(mixed.col(0)[2], 100);
  EXPECT_DOUBLE_EQ(mixed.col(1)[0], 3);  // b = 0 is the best of a negative indicator
}

TEST(IndexMethods, NormalisationParametersFromIMeta) {
  const Framework f = make_framework(csv::parse(
      "Level,iCode,iName,Direction,Weight,Parent,Type,Target,goalpost_lower,goalpost_upper,"
      "goalpost_scale,goalpost_trunc2posts,dist2targ_cap_max\n"
      "1,a,A,1,1,T,Indicator,2,0,4,1,TRUE,TRUE\n1,b,B,-1,1,T,Indicator,1,0,10,100,FALSE,FALSE\n"
      "2,T,Top,1,1,,Aggregate,,,,,,\n",
      "m.csv"));
  EXPECT_EQ(f.nodes[0].extra.at("goalpost_upper"), "4");
  const DataSet d = sample({1, 2, 3}, {0, 5, 12});
  PipelineOptions o;
  o.normalisation = parse_norm_spec("goalposts(meta=true)");
  auto g = normalise(d, f, o);
  EXPECT_DOUBLE_EQ(g.col(0)[0], 0.25);
  EXPECT_DOUBLE_EQ(g.col(1)[1], 50);   // (10 - 5) / 10 * 100
  EXPECT_DOUBLE_EQ(g.col(1)[2], -20);  // not truncated for b
  o.normalisation = parse_norm_spec("distance_to_target(meta=true)");
  auto t = normalise(d, f, o);
  EXPECT_DOUBLE_EQ(t.col(0)[2], 1);          // capped
  EXPECT_DOUBLE_EQ(t.col(1)[0], 12.0 / 11);  // (12 - 0) / (12 - 1), not capped
  o.normalisation = parse_norm_spec("minmax(meta=true)");
  try {
    (void)normalise(d, f, o);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("indicator 'a' has no 'minmax_lower'"), std::string::npos);
  }
}

TEST(IndexMethods, IMetaFlagsAreTrueFalseOneOrZero) {
  // goalpost_trunc2posts written 1 / 0 / true / false as spreadsheets export them; anything
  // else is an error naming the column and the indicator.
  auto framework = [](const std::string& a_flag, const std::string& b_flag) {
    return make_framework(csv::parse(
        "Level,iCode,iName,Direction,Weight,Parent,Type,goalpost_lower,goalpost_upper,"
        "goalpost_scale,goalpost_trunc2posts\n"
        "1,a,A,1,1,T,Indicator,0,2,1," +
            a_flag + "\n1,b,B,1,1,T,Indicator,0,2,1," + b_flag + "\n2,T,Top,1,1,,Aggregate,,,,\n",
        "m.csv"));
  };
  const DataSet d = sample({1, 2, 3}, {1, 2, 3});
  PipelineOptions o;
  o.normalisation = parse_norm_spec("goalposts(meta=true)");
  for (const auto& [yes, no] : {std::pair<std::string, std::string>{"1", "0"}, {"true", "false"}}) {
    const auto g = normalise(d, framework(yes, no), o);
    EXPECT_DOUBLE_EQ(g.col(0)[2], 1) << yes;   // 3 truncated at the upper post
    EXPECT_DOUBLE_EQ(g.col(1)[2], 1.5) << no;  // not truncated
  }
  EXPECT_THROW_MSG((void)normalise(d, framework("yes", "0"), o), ValidationError,
                   "iMeta: 'goalpost_trunc2posts' of 'a' must be TRUE or FALSE, not 'yes'");
  EXPECT_THROW_MSG((void)normalise(d, framework("1", "no"), o), ValidationError,
                   "iMeta: 'goalpost_trunc2posts' of 'b' must be TRUE or FALSE, not 'no'");
}

TEST(IndexMethods, PercentileRankOfTwoAndOneUnits) {
  // (rank - 1) / (n - 1): two units are 0 and 1; a single unit is 1.
  const Framework f = two_level();
  PipelineOptions o;
  o.normalisation = parse_norm_spec("percentile_rank");
  const auto two = normalise(sample({5, 7, NAN}, {2, 1, NAN}), f, o);
  EXPECT_DOUBLE_EQ(two.col(0)[0], 0);
  EXPECT_DOUBLE_EQ(two.col(0)[1], 1);
  EXPECT_TRUE(std::isnan(two.col(0)[2]));
  EXPECT_DOUBLE_EQ(two.col(1)[0], 0);  // b is negative: 2 is the worse
  const auto one = normalise(sample({NAN, 4, NAN}, {NAN, NAN, 9}), f, o);
  EXPECT_DOUBLE_EQ(one.col(0)[1], 1);
  EXPECT_DOUBLE_EQ(one.col(1)[2], 1);
}
