// Pipeline options from text, and the name tables of the choices.
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

TEST(IndexMethods, OptionsFromText) {
  PipelineOptions o;
  set_option(o, "normalise", "goalposts(lo=1,hi=5,scale=1,truncate=false)");
  EXPECT_EQ(o.normalisation.method, Normalisation::goalposts);
  EXPECT_EQ(o.normalisation.lo, 1);
  EXPECT_EQ(o.normalisation.hi, 5);
  EXPECT_EQ(o.normalisation.scale, 1);
  EXPECT_FALSE(o.normalisation.truncate);
  set_option(o, "impute.LPI", "median");
  EXPECT_EQ(o.impute_by_indicator.at("LPI"), Imputation::median);
  set_option(o, "treat.Flights", "none");
  EXPECT_FALSE(o.treat_by_indicator.at("Flights").enabled);
  set_option(o, "transform", "boxcox(lambda=0.5)");
  EXPECT_EQ(o.treatment.transform, Transform::boxcox);
  EXPECT_EQ(o.treatment.boxcox_lambda, 0.5);
  set_option(o, "exclude", "AUT, BEL");
  EXPECT_EQ(o.screen.exclude, (std::vector<std::string>{"AUT", "BEL"}));
  set_option(o, "weight.Conn", "2");
  EXPECT_EQ(o.weights.at("Conn"), 2);
  auto message = [&](const char* k, const char* v) {
    try {
      set_option(o, k, v);
    } catch (const ValidationError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("normalise", "minmax(low=1)").find("'minmax' has no parameter 'low'"),
            std::string::npos);
  EXPECT_NE(message("normalise", "minmax(lo=x)").find("'x' is not a number"), std::string::npos);
  EXPECT_NE(message("normalise", "softmax")
                .find("unknown normalisation 'softmax'; accepted: none, minmax"),
            std::string::npos);
  EXPECT_NE(message("screen", "1.5").find("shares between 0 and 1"), std::string::npos);
  EXPECT_NE(message("colour", "red").find("unknown option 'colour'"), std::string::npos);
  EXPECT_NE(message("normalise", "minmax(lo=1").find("name(key=value"), std::string::npos);
}

TEST(IndexOptions, Threads) {
  PipelineOptions o;
  set_option(o, "threads", "3");
  EXPECT_EQ(o.threads, 3u);
  EXPECT_THROW_MSG(set_option(o, "threads", "0"), ValidationError,
                   "option 'threads': a whole number from 1 to 256, not '0'");
  EXPECT_THROW_MSG(set_option(o, "threads", "1.5"), ValidationError,
                   "option 'threads': a whole number from 1 to 256, not '1.5'");
  EXPECT_THROW_MSG(set_option(o, "threads", "x"), ValidationError,
                   "option 'threads': 'x' is not a number");
  EXPECT_THROW_MSG(set_option(o, "threads", "1000"), ValidationError,
                   "option 'threads': a whole number from 1 to 256, not '1000'");
}

TEST(IndexNames, EveryChoiceParsesThroughItsTable) {
  EXPECT_EQ(kImputations.joined(), "none, mean, median, group_mean, group_median");
  EXPECT_EQ(kPanelImputations.joined(), "none, latest, constant, linear");
  EXPECT_EQ(kNormalisations.joined(),
            "none, minmax, zscore, scaled, goalposts, distance_to_target, distance_to_reference, "
            "distance_to_max, fraction_of_max, rank, percentile_rank, borda");
  EXPECT_EQ(kAggregations.joined(), "arithmetic, geometric, harmonic, generalised, copeland");
  EXPECT_EQ(kTransforms.joined(), "log_ct, log_ct_plus, log_ct_orig, boxcox, none");
  EXPECT_EQ(kTies.joined(), "min, dense, average");
  EXPECT_EQ(kWeightObjectives.joined(), "balance, infomax");
  EXPECT_EQ(kDataSets.joined(), "denominated, imputed, screened, treated, normalised, aggregated");
  // Every name parses back to its own value, and the parse_* functions agree with the tables.
  for (const auto& e : kNormalisations.entries) {
    EXPECT_EQ(parse_normalisation(e.name), e.value);
    EXPECT_EQ(kNormalisations.name(e.value), e.name);
    EXPECT_FALSE(e.meaning.empty()) << e.name;
  }
  for (const auto& e : kAggregations.entries) EXPECT_EQ(parse_aggregation(e.name), e.value);
  for (const auto& e : kImputations.entries) EXPECT_EQ(parse_imputation(e.name), e.value);
  for (const auto& e : kPanelImputations.entries)
    EXPECT_EQ(parse_panel_imputation(e.name), e.value);
  for (const auto& e : kTransforms.entries) EXPECT_EQ(parse_transform(e.name), e.value);
  EXPECT_EQ(kTies.parse("average"), Ties::average);
  EXPECT_EQ(kWeightObjectives.parse("infomax"), WeightObjective::infomax);
}

TEST(IndexNames, UnknownNamesListTheTable) {
  auto message = [](auto f) {
    try {
      f();
    } catch (const ValidationError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message([] { (void)parse_aggregation("median"); }),
            "unknown aggregation 'median'; accepted: arithmetic, geometric, harmonic, generalised, "
            "copeland");
  EXPECT_EQ(message([] { (void)kWeightObjectives.parse("max"); }),
            "unknown objective 'max'; accepted: balance, infomax");
  EXPECT_EQ(message([] { (void)PipelineResult{}.data("raw"); }),
            "unknown data set 'raw'; accepted: denominated, imputed, screened, treated, "
            "normalised, aggregated");
  PipelineResult dropped;
  dropped.kept = false;
  EXPECT_EQ(message([&] { (void)dropped.data("treated"); }),
            "data set 'treated' was not kept (the run had keep_data_sets = false)");
  EXPECT_EQ(message([] { (void)choices("colour"); }),
            "unknown kind of choice 'colour'; accepted: imputation, panel_imputation, "
            "normalisation, aggregation, transform, ties, objective, data_set");
  const auto ties = choices("ties");
  ASSERT_EQ(ties.size(), 3u);
  EXPECT_EQ(ties[1].first, "dense");
  EXPECT_EQ(ties[1].second, kTies.entries[1].meaning);
}
