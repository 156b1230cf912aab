// COINr's canonical ASEM pipeline, step by step, against COINr's own exported data sets
// (tests/data/coinr-asem, from shared/reference/coinr-asem): relative 1e-9, ranks exact.
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

TEST(CoinrAsem, FrameworkAndData) {
  Asem a;
  EXPECT_EQ(a.framework.of_type(NodeType::indicator).size(), 49u);
  EXPECT_EQ(a.framework.of_type(NodeType::aggregate).size(), 11u);
  EXPECT_EQ(a.framework.max_level(), 4);
  EXPECT_EQ(a.raw.data.rows(), 51u);
  std::size_t missing = 0;
  for (std::size_t i : a.framework.of_type(NodeType::indicator))
    for (double v : a.raw.data.col(*a.raw.data.column(a.framework.nodes[i].code)))
      missing += std::isnan(v);
  EXPECT_EQ(missing, 63u);  // the file's NA cells (the reference README says 64)
}

TEST(CoinrAsem, EveryStepMatchesCoinr) {
  Asem a;
  const DataSet den = denominate(a.raw.data, a.framework);
  expect_matches(den, load("expected_coin_Denominated.csv"), "denominated");
  const DataSet imp = impute_group_mean(den, a.raw.groups.at("EurAsia_group"));
  expect_matches(imp, load("expected_coin_Imputed.csv"), "imputed");
  std::vector<std::string> removed;
  const DataSet scr = screen_by_availability(imp, 0.9, &removed);
  EXPECT_TRUE(removed.empty());
  expect_matches(scr, load("expected_coin_Screened.csv"), "screened");
  std::vector<Treatment> details;
  const DataSet tre = treat_outliers(scr, {}, &details);
  expect_matches(tre, load("expected_coin_Treated.csv"), "treated");
  const DataSet nor = normalise_minmax(tre, a.framework);
  expect_matches(nor, load("expected_coin_Normalised.csv"), "normalised");
  const DataSet agg = aggregate_mean(nor, a.framework);
  EXPECT_EQ(agg.columns.size(), 60u);
  expect_matches(agg, load("expected_coin_Aggregated.csv"), "aggregated");

  // Treatment details: skew and kurtosis before and after, and the points winsorised.
  csv::Table t = csv::read(kDir + "/expected_treat_details.csv");
  ASSERT_EQ(t.rows(), details.size());
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const Treatment& d = details[r];
    EXPECT_EQ(d.code, t.columns[0][r]);
    EXPECT_EQ(d.passed_before, t.columns[1][r] == "TRUE") << d.code;
    EXPECT_NEAR(d.skew_before, std::stod(t.columns[2][r]), 1e-9) << d.code;
    EXPECT_NEAR(d.kurt_before, std::stod(t.columns[3][r]), 1e-9) << d.code;
    if (t.columns[4][r] != "NA") {
      EXPECT_EQ(d.points, std::stoi(t.columns[4][r])) << d.code;
      EXPECT_EQ(d.passed_after, t.columns[5][r] == "TRUE") << d.code;
      EXPECT_NEAR(d.skew_after, std::stod(t.columns[6][r]), 1e-9) << d.code;
      EXPECT_NEAR(d.kurt_after, std::stod(t.columns[7][r]), 1e-9) << d.code;
      EXPECT_FALSE(d.log) << d.code;
    }
  }

  // Ranks of every column, exactly.
  csv::Table ranks = csv::read(kDir + "/expected_ranks_full.csv");
  std::size_t checked = 0;
  for (std::size_t c = 2; c < ranks.header.size(); ++c) {
    auto col = agg.column(ranks.header[c]);
    ASSERT_TRUE(col.has_value()) << ranks.header[c];
    const auto r = rank_min(agg.col(*col));
    for (std::size_t row = 0; row < ranks.rows(); ++row) {
      const std::string& unit = ranks.columns[0][row];
      const std::size_t u = static_cast<std::size_t>(
          std::find(agg.units.begin(), agg.units.end(), unit) - agg.units.begin());
      ASSERT_LT(u, agg.rows()) << unit;
      const std::string& want = ranks.columns[c][row];
      if (want == "NA") {
        EXPECT_FALSE(r[u].has_value());
      } else {
        ASSERT_TRUE(r[u].has_value()) << unit << " " << ranks.header[c];
        EXPECT_EQ(*r[u], std::stoi(want)) << unit << " " << ranks.header[c];
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 51u * 60u);
}

TEST(CoinrAsem, EffectiveWeights) {
  Asem a;
  const auto w = a.framework.effective_weights();
  csv::Table t = csv::read(kDir + "/expected_eff_weights.csv");
  for (std::size_t r = 0; r < t.rows(); ++r)
    EXPECT_NEAR(w.at(t.columns[0][r]), std::stod(t.columns[3][r]), 1e-12) << t.columns[0][r];
}

TEST(CoinrAsem, RanksShareTheLowestRankOnTies) {
  const std::vector<double> x = {10, 20, 20, std::nan(""), 5};
  const auto r = rank_min(x);
  EXPECT_EQ(r[1], 1);
  EXPECT_EQ(r[2], 1);
  EXPECT_EQ(r[0], 3);
  EXPECT_FALSE(r[3].has_value());
  EXPECT_EQ(r[4], 4);
}

TEST(CoinrAsemBadInput, ValidationNamesTheRow) {
  auto error_of = [](const std::string& meta) {
    try {
      (void)make_framework(csv::parse(meta, "iMeta.csv"));
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string head = "Level,iCode,iName,Direction,Weight,Parent,Type\n";
  EXPECT_NE(error_of(head + "1,a,A,1,1,P,Indicator\n")
                .find("iMeta.csv:2 (column 'Parent'): parent 'P' of 'a' does not exist"),
            std::string::npos);
  EXPECT_NE(error_of(head + "1,a,A,1,x,P,Indicator\n2,P,P,1,1,,Aggregate\n")
                .find("iMeta.csv:2:5 (column 'Weight'): not a number"),
            std::string::npos);
  EXPECT_NE(error_of(head + "2,P,P,1,1,Q,Aggregate\n2,Q,Q,1,1,P,Aggregate\n1,a,A,1,1,P,Indicator\n")
                .find("is not at a higher level (a cycle"),
            std::string::npos);
  EXPECT_NE(error_of(head + "1,a,A,1,1,P,Indicator\n1,a,B,1,1,P,Indicator\n2,P,P,1,1,,Aggregate\n")
                .find("duplicate iCode 'a'"),
            std::string::npos);
  Framework f =
      make_framework(csv::parse(head + "1,a,A,1,1,P,Indicator\n2,P,P,1,1,,Aggregate\n", "m"));
  try {
    (void)make_unit_data(csv::parse("uCode,b\nX,1\n", "iData.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("indicator 'a' of iMeta has no column in iData"),
              std::string::npos);
  }
  try {
    (void)make_unit_data(csv::parse("uCode,a\nX,1\n,2\n", "iData.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()), "iData.csv:3 (column 'uCode'): missing unit code (uCode)");
  }
  try {
    (void)make_unit_data(csv::parse("uCode,a\nX,1\nX,2\n", "iData.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("iData.csv:3 (column 'uCode'): duplicate unit code 'X'"),
              std::string::npos);
  }
}

TEST(CoinrAsem, RunPipelineEqualsTheStepsExactly) {
  Asem a;
  const PipelineResult r = run_pipeline(a.raw, a.framework, coinr_asem());
  const DataSet steps =
      aggregate_mean(normalise_minmax(treat_outliers(screen_by_availability(
                                          impute_group_mean(denominate(a.raw.data, a.framework),
                                                            a.raw.groups.at("EurAsia_group")),
                                          0.9)),
                                      a.framework),
                     a.framework);
  EXPECT_EQ(r.aggregated.values.size(), steps.values.size());
  EXPECT_TRUE(
      std::equal(r.aggregated.values.begin(), r.aggregated.values.end(), steps.values.begin(),
                 [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; }));
  EXPECT_EQ(r.treatment.size(), 49u);
}

TEST(CoinrAsem, RankColumnsDoesNotDependOnThreads) {
  Asem a;
  const DataSet agg = run_pipeline(a.raw, a.framework, coinr_asem()).aggregated;
  const auto one = rank_columns(agg, 1);
  EXPECT_EQ(one, rank_columns(agg, 2));
  EXPECT_EQ(one, rank_columns(agg, 7));
  const auto idx = *agg.column("Index");
  const auto u = static_cast<std::size_t>(std::find(agg.units.begin(), agg.units.end(), "CHE") -
                                          agg.units.begin());
  EXPECT_EQ(one[idx * agg.rows() + u], 1);
}
