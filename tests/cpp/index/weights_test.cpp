// Weight sets, PCA and optimised weights, leaving elements out.
#include "dxkit/index/weights.hpp"

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
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexWeights, NamedSetsAndOverrides) {
  Asem a;
  Framework f = a.framework;
  EXPECT_THROW_MSG(f.add_weight_set("bad", {{"Nope", 1}}), ValidationError,
                   "weight set 'bad': 'Nope' is not an indicator or aggregate of the framework");
  EXPECT_THROW_MSG(f.add_weight_set("bad", {{"Conn", -1}}), ValidationError,
                   "weight set 'bad': the weight of 'Conn' must be a number >= 0");
  f.add_weight_set("conn3", {{"Conn", 3}});
  PipelineOptions o = coinr_asem();
  o.weight_set = "conn3";
  const PipelineResult r = run_pipeline(a.raw, f, o);
  for (const std::string u : {"AUT", "CHN", "NZL"})
    EXPECT_NEAR(at(r.aggregated, u, "Index"),
                (3 * at(r.aggregated, u, "Conn") + at(r.aggregated, u, "Sust")) / 4, 1e-9);
  EXPECT_DOUBLE_EQ(r.framework.effective_weights().at("Conn"), 0.75);
  o.weight_set = "nope";
  EXPECT_THROW_MSG((void)run_pipeline(a.raw, f, o), ValidationError,
                   "unknown weight set 'nope'; the framework has: Original, conn3");
  PipelineOptions single = coinr_asem();
  set_option(single, "weight.Sust", "3");
  EXPECT_DOUBLE_EQ(run_pipeline(a.raw, f, single).framework.effective_weights().at("Sust"), 0.75);
  // A weight table: iCode and one column per set.
  const auto path = std::filesystem::temp_directory_path() / "dxkit_weights.csv";
  std::ofstream(path) << "iCode,Alt,Flat\nConn,2,1\nSust,1,\nLPI,x,1\n";
  try {
    (void)read_weight_sets(path, f);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("dxkit_weights.csv:4:2 (column 'Alt')"),
              std::string::npos);
  }
  std::ofstream(path) << "iCode,Alt,Flat\nConn,2,1\nSust,1,\n";
  const auto sets = read_weight_sets(path, f);
  EXPECT_EQ(sets.at("Alt").at("Conn"), 2);
  EXPECT_EQ(sets.at("Flat").count("Sust"), 0u);  // blank: the iMeta weight
  std::filesystem::remove(path);
}

TEST(IndexWeights, PcaLoadings) {
  // Two columns: the correlation matrix [[1, r], [r, 1]] has the leading eigenvector
  // (1, 1)/sqrt(2) with eigenvalue 1 + r, so the first component explains (1 + r) / 2.
  DataSet d;
  d.units = {"p", "q", "r", "s", "t"};
  d.names.assign(5, "");
  const std::vector<double> x = {1, 2, 3, 4, 5}, y = {2, 1, 4, 3, 6};
  std::copy(x.begin(), x.end(), d.col(d.add_column("a")).begin());
  std::copy(y.begin(), y.end(), d.col(d.add_column("b")).begin());
  const double r = *correlation(x, y);
  const PcaWeights p = pca_weights(d, two(), 1);
  ASSERT_EQ(p.groups.size(), 1u);
  EXPECT_EQ(p.groups[0].parent, "T");
  EXPECT_NEAR(p.weights.at("a"), 1 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(p.weights.at("b"), 1 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(p.groups[0].explained, (1 + r) / 2, 1e-12);
  EXPECT_TRUE(p.warnings.empty());
  // A child that runs against the others gets a negative loading and a warning.
  Asem a;
  const PipelineResult res = run_pipeline(a.raw, a.framework, coinr_asem());
  const PcaWeights asem = pca_weights(res.normalised, a.framework, 1);
  EXPECT_EQ(asem.groups.size(), 8u);
  EXPECT_EQ(asem.weights.size(), 49u);
  for (const PcaGroup& g : asem.groups) {
    double norm = 0, sum = 0;
    for (double l : g.loadings) {
      norm += l * l;
      sum += l;
    }
    EXPECT_NEAR(norm, 1, 1e-12) << g.parent;
    EXPECT_GT(sum, 0) << g.parent;
    EXPECT_GT(g.explained, 1.0 / static_cast<double>(g.codes.size())) << g.parent;
    EXPECT_EQ(g.units_used, 51u);
    for (std::size_t k = 0; k < g.codes.size(); ++k) {
      if (g.loadings[k] >= 0) continue;
      bool warned = false;
      for (const auto& w : asem.warnings)
        warned = warned || w.message.find(g.codes[k]) != std::string::npos;
      EXPECT_TRUE(warned) << g.codes[k];
    }
  }
  EXPECT_THROW_MSG((void)pca_weights(res.normalised, a.framework, 7), ValidationError,
                   "PCA: the framework has no level 7");
}

TEST(IndexWeights, PcaFindingsAreDiagnostics) {
  // b runs against a and c under T; d is U's only child; the unit with a gap is left out.
  const Framework f = make_framework(
      csv::parse("Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
                 "1,b,B,1,1,T,Indicator\n1,c,C,1,1,T,Indicator\n1,d,D,1,1,U,Indicator\n"
                 "2,T,T,1,1,Top,Aggregate\n2,U,U,1,1,Top,Aggregate\n3,Top,Top,1,1,,Aggregate\n",
                 "m.csv"));
  DataSet d;
  d.units = {"p", "q", "r", "s", "t"};
  d.names.assign(5, "");
  const std::vector<std::vector<double>> cols = {
      {1, 2, 3, 4, 5}, {5, 4, 3, 2, 1.5}, {1, 2.5, 3, 4.5, std::nan("")}, {1, 2, 3, 4, 5}};
  for (std::size_t k = 0; k < cols.size(); ++k)
    std::copy(cols[k].begin(), cols[k].end(),
              d.col(d.add_column(std::string(1, char('a' + k)))).begin());
  const PcaWeights p = pca_weights(d, f, 1);
  ASSERT_EQ(p.warnings.size(), 3u);
  EXPECT_EQ(p.warnings[0].to_string(), "note [only_child]: 'U' has one child: its weight is 1");
  EXPECT_EQ(p.warnings[1].severity, Severity::warning);
  EXPECT_EQ(p.warnings[1].code, "negative_loadings");
  EXPECT_EQ(p.warnings[1].message,
            "PCA of 'T': negative loadings for b (as weights they would lower the score of a unit "
            "that does better)");
  EXPECT_EQ(p.warnings[2].to_string(),
            "warning [units_dropped]: PCA of 'T': 1 units with missing values left out (impute "
            "first to keep them)");
}

TEST(IndexWeights, OptimisedWeightsBalanceAndInfomax) {
  Asem a;
  const PipelineOptions o = coinr_asem();
  const PipelineResult res = run_pipeline(a.raw, a.framework, o);
  // Balance the two sub-indices' correlations with the index.
  const OptimisedWeights b =
      optimise_weights(res.normalised, a.framework, o, 3, WeightObjective::balance);
  EXPECT_TRUE(b.converged);
  const double rc = b.correlations.at("Conn"), rs = b.correlations.at("Sust");
  EXPECT_NEAR(rc / (rc + rs), 0.5, 1e-3);
  EXPECT_NEAR(b.weights.at("Conn") + b.weights.at("Sust"), 1, 1e-12);
  // Equal weights are not balanced here: the optimum moves away from them.
  const auto r_eq = [&](const char* c) {
    return *correlation(res.aggregated.col(*res.aggregated.column(c)),
                        res.aggregated.col(*res.aggregated.column("Index")));
  };
  const double eq_share = r_eq("Conn") / (r_eq("Conn") + r_eq("Sust"));
  EXPECT_GT(std::fabs(eq_share - 0.5), std::fabs(rc / (rc + rs) - 0.5));
  const OptimisedWeights info =
      optimise_weights(res.normalised, a.framework, o, 2, WeightObjective::infomax);
  double start = 0;
  for (std::size_t i : a.framework.at_level(2))
    start += 1 - r_eq(a.framework.nodes[i].code.c_str());
  EXPECT_LE(info.objective, std::log(start) / 8 + 1e-12);
  EXPECT_EQ(info.weights.size(), 8u);
  EXPECT_THROW_MSG(
      (void)optimise_weights(res.normalised, a.framework, o, 4, WeightObjective::balance),
      ValidationError, "optimised weights: level 4 has no nodes below the top");
}

TEST(IndexAnalysis, LeaveOneOut) {
  Asem a;
  const PipelineResult full = run_pipeline(a.raw, a.framework, coinr_asem());
  const auto rank_of = [&](const char* c) {
    return rank_min(full.aggregated.col(*full.aggregated.column(c)));
  };
  const auto index = rank_of("Index"), sust = rank_of("Sust");
  // Without Conn the index is Sust: its ranks are Sust's.
  const auto l3 = leave_one_out(a.raw, a.framework, coinr_asem(), 3);
  ASSERT_EQ(l3.size(), 2u);
  EXPECT_EQ(l3[0].code, "Conn");
  double sum = 0;
  int most = 0;
  for (std::size_t u = 0; u < index.size(); ++u) {
    EXPECT_EQ(l3[0].ranks[u], sust[u]);
    sum += std::abs(*index[u] - *sust[u]);
    most = std::max(most, std::abs(*index[u] - *sust[u]));
  }
  EXPECT_DOUBLE_EQ(l3[0].mean_abs_shift, sum / 51);
  EXPECT_EQ(l3[0].max_abs_shift, most);
  const auto l1 = leave_one_out(a.raw, a.framework, coinr_asem(), 1);
  EXPECT_EQ(l1.size(), 49u);
  for (const LeftOut& l : l1) {
    EXPECT_TRUE(l.note.empty()) << l.code;
    EXPECT_GE(l.mean_abs_shift, 0);
  }
  // An only child cannot be left out: reported, not dropped.
  const Framework lone = make_framework(
      csv::parse("Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,P,Indicator\n"
                 "1,b,B,1,1,Q,Indicator\n1,c,C,1,1,Q,Indicator\n2,P,P,1,1,T,Aggregate\n"
                 "2,Q,Q,1,1,T,Aggregate\n3,T,T,1,1,,Aggregate\n",
                 "m.csv"));
  const UnitData d =
      make_unit_data(csv::parse("uCode,a,b,c\nX,1,2,3\nY,2,1,1\nZ,3,3,2\n", "d"), lone);
  PipelineOptions o = coinr_asem();
  o.imputation = Imputation::none;
  o.treat = false;
  const auto l = leave_one_out(d, lone, o, 1);
  ASSERT_EQ(l.size(), 3u);
  EXPECT_NE(l[0].note.find("would leave 'P' without children"), std::string::npos);
  EXPECT_TRUE(l[1].note.empty());
}
