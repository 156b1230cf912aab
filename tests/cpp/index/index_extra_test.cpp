// The index pipeline beyond COINr's canonical run: panel data, screening by zeros and forced
// units, the transforms after winsorisation, weight sets, PCA and optimised weights, and
// leaving elements out. Expected values are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <bit>
#include <numeric>

#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/weights.hpp"

using namespace dxkit;
using namespace dxkit::index;

namespace {
const std::string kDir = DXKIT_COINR_DIR;

Framework two(const std::string& extra_header = "", const std::string& a = "",
              const std::string& b = "") {
  return make_framework(csv::parse(
      "Level,iCode,iName,Direction,Weight,Parent,Type" + extra_header +
          "\n1,a,A,1,1,T,Indicator" + a + "\n1,b,B,1,1,T,Indicator" + b +
          "\n2,T,Top,1,1,,Aggregate" + std::string(a.empty() ? "" : ",") + "\n",
      "m.csv"));
}

double at(const DataSet& d, const std::string& unit, const std::string& col) {
  const auto u = static_cast<std::size_t>(std::find(d.units.begin(), d.units.end(), unit) - d.units.begin());
  return d.col(*d.column(col))[u];
}

struct Asem {
  Framework framework = read_framework(kDir + "/ASEM_iMeta.csv");
  UnitData raw = read_unit_data(kDir + "/ASEM_iData.csv", framework);
};
}  // namespace

TEST(IndexPanel, LatestConstantLinear) {
  const Framework f = two();
  const UnitData p = make_unit_data(csv::parse("uCode,Time,a,b\n"
                                               "X,2020,1,NA\nX,2021,NA,NA\nX,2022,3,6\n"
                                               "Y,2020,NA,1\nY,2021,2,NA\nY,2022,NA,NA\n",
                                               "panel.csv"),
                                    f);
  EXPECT_EQ(p.times(), (std::vector<double>{2020, 2021, 2022}));
  const double kX = 0, kY = 3;  // row of each unit's 2020
  auto cell = [](const UnitData& d, double row, const char* col) {
    return d.data.col(*d.data.column(col))[static_cast<std::size_t>(row)];
  };
  std::vector<PanelFill> filled;
  const UnitData latest = impute_panel(p, PanelImputation::latest, 0, &filled);
  EXPECT_EQ(cell(latest, kX + 1, "a"), 1);        // from 2020
  EXPECT_TRUE(std::isnan(cell(latest, kX, "b")));  // nothing earlier
  EXPECT_TRUE(std::isnan(cell(latest, kX + 1, "b")));
  EXPECT_EQ(cell(latest, kY + 2, "a"), 2);  // from 2021
  EXPECT_EQ(cell(latest, kY + 2, "b"), 1);  // from 2020, two back
  EXPECT_TRUE(std::isnan(cell(latest, kY, "a")));
  ASSERT_EQ(filled.size(), 4u);
  const UnitData near = impute_panel(p, PanelImputation::latest, 1);
  EXPECT_TRUE(std::isnan(cell(near, kY + 2, "b")));  // 2020 is two time points back
  EXPECT_EQ(cell(near, kY + 1, "b"), 1);
  const UnitData constant = impute_panel(p, PanelImputation::constant);
  EXPECT_EQ(cell(constant, kX, "b"), 6);  // the nearest later value
  EXPECT_EQ(cell(constant, kY, "a"), 2);
  const UnitData linear = impute_panel(p, PanelImputation::linear);
  EXPECT_EQ(cell(linear, kX + 1, "a"), 2);  // halfway between 1 and 3
  EXPECT_EQ(cell(linear, kY + 2, "a"), 2);  // nothing later: the nearest value
  EXPECT_EQ(cell(linear, kX + 1, "b"), 6);
  // A time is chosen for the pipeline: the latest unless said.
  PipelineOptions o;
  o.denominate = false;
  o.imputation = Imputation::none;
  o.screen.min_availability = 0;
  o.treat = false;
  o.panel_imputation = PanelImputation::linear;
  o.normalisation.method = Normalisation::none;
  const PipelineResult r = run_pipeline(p, f, o);
  ASSERT_TRUE(r.time.has_value());
  EXPECT_EQ(*r.time, 2022);
  EXPECT_EQ(r.denominated.units, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(at(r.denominated, "Y", "b"), 1);
  EXPECT_EQ(r.panel_filled.size(), 2u);  // Y's a and b in 2022
  o.time = 2021;
  EXPECT_EQ(at(run_pipeline(p, f, o).denominated, "X", "a"), 2);
  o.time = 2030;
  try {
    (void)run_pipeline(p, f, o);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("no data for Time 2030; the data has: 2020, 2021, 2022"),
              std::string::npos);
  }
  try {
    (void)make_unit_data(csv::parse("uCode,Time,a,b\nX,2020,1,2\nX,2020,3,4\n", "p.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("p.csv:3 (column 'uCode'): duplicate unit code 'X' at Time 2020"),
              std::string::npos);
  }
  EXPECT_THROW((void)impute_panel(make_unit_data(csv::parse("uCode,a,b\nX,1,2\n", "x"), f),
                                  PanelImputation::latest),
               ValidationError);
}

TEST(IndexPanel, AsemPanelAsInCoinrsExample) {
  // COINr's impute_panel example: New Zealand's LPI of 2022 removed comes back as 2021's.
  const Framework f = read_framework(kDir + "/ASEM_iMeta.csv");
  csv::Table t = csv::read(kDir + "/ASEM_iData_p.csv");
  std::size_t lpi = 0, code = 0, time = 0;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == "LPI") lpi = c;
    if (t.header[c] == "uCode") code = c;
    if (t.header[c] == "Time") time = c;
  }
  std::string lpi_2021;
  for (std::size_t r = 0; r < t.rows(); ++r)
    if (t.columns[code][r] == "NZL") {
      if (t.columns[time][r] == "2021") lpi_2021 = t.columns[lpi][r];
      if (t.columns[time][r] == "2022") t.columns[lpi][r] = "NA";
    }
  const UnitData p = make_unit_data(t, f);
  EXPECT_EQ(p.times().size(), 5u);
  PipelineOptions o;
  set_option(o, "panel_impute", "latest");
  const PipelineResult r = run_pipeline(p, f, o);
  EXPECT_EQ(*r.time, 2022);
  EXPECT_EQ(r.denominated.rows(), 51u);
  EXPECT_DOUBLE_EQ(at(r.denominated, "NZL", "LPI"), std::stod(lpi_2021));
  bool found = false;
  for (const PanelFill& fill : r.panel_filled)
    found = found || (fill.unit == "NZL" && fill.column == "LPI" && fill.from == 2021);
  EXPECT_TRUE(found);
}

TEST(IndexScreen, ZerosAndForcedUnits) {
  DataSet d;
  d.units = {"full", "zeros", "gaps", "fine"};
  d.names.assign(4, "");
  const double na = std::nan("");
  const std::vector<std::vector<double>> cols = {{1, 0, na, 1}, {2, 0, na, 2}, {3, 0, 3, 0}, {4, 5, 4, 4}};
  for (std::size_t c = 0; c < cols.size(); ++c)
    std::copy(cols[c].begin(), cols[c].end(), d.col(d.add_column("c" + std::to_string(c))).begin());
  ScreenOptions o;
  o.min_availability = 0.75;  // "gaps" has 2 of 4
  o.min_nonzero = 0.5;        // "zeros" has 1 of 4 non-zero; "fine" 3 of 4
  std::vector<Screened> gone;
  DataSet kept = screen_units(d, o, &gone);
  EXPECT_EQ(kept.units, (std::vector<std::string>{"full", "fine"}));
  ASSERT_EQ(gone.size(), 2u);
  EXPECT_EQ(gone[0].reason, "zeros");
  EXPECT_DOUBLE_EQ(gone[0].nonzero, 0.25);
  EXPECT_EQ(gone[1].reason, "availability");
  EXPECT_DOUBLE_EQ(gone[1].availability, 0.5);
  o.include = {"gaps"};
  o.exclude = {"full"};
  gone.clear();
  kept = screen_units(d, o, &gone);
  EXPECT_EQ(kept.units, (std::vector<std::string>{"gaps", "fine"}));
  EXPECT_EQ(gone[0].reason, "forced");
  o.include = {"nobody"};
  EXPECT_THROW((void)screen_units(d, o), ValidationError);
}

TEST(IndexTreat, TransformsAfterWinsorisation) {
  DataSet d;
  d.units.assign(10, "u");
  d.names.assign(10, "");
  for (std::size_t i = 0; i < 10; ++i) d.units[i] += std::to_string(i);
  const std::vector<double> up = {1, 1, 1, 1, 1, 1, 1, 1, 2, 100};
  std::vector<double> down(up.size());
  std::transform(up.begin(), up.end(), down.begin(), [](double v) { return -v; });
  std::copy(up.begin(), up.end(), d.col(d.add_column("up")).begin());
  std::copy(down.begin(), down.end(), d.col(d.add_column("down")).begin());
  TreatOptions o;
  o.winsorise = false;  // straight to the transform
  std::vector<Treatment> log;
  const double a = 0.01 * 99;
  DataSet t = treat_outliers(d, o, &log);
  EXPECT_DOUBLE_EQ(t.col(0)[9], std::log(99 + a));
  EXPECT_DOUBLE_EQ(t.col(0)[0], std::log(a));
  EXPECT_EQ(log[0].transform, "log_ct");
  EXPECT_TRUE(log[0].log);
  o.transform = Transform::log_ct_plus;  // skew < 0: -log(max + a - x)
  log.clear();
  t = treat_outliers(d, o, &log);
  EXPECT_DOUBLE_EQ(t.col(1)[9], -std::log(-1 + a + 100));
  EXPECT_EQ(log[1].transform, "log_ct_neg");
  o.transform = Transform::log_ct_orig;
  EXPECT_DOUBLE_EQ(treat_outliers(d, o).col(0)[9], std::log(100.0));
  o.transform = Transform::boxcox;
  o.boxcox_lambda = 0.5;
  EXPECT_DOUBLE_EQ(treat_outliers(d, o).col(0)[9], (std::sqrt(100.0) - 1) / 0.5);
  // Per indicator: "down" left alone.
  std::map<std::string, TreatOptions> per;
  per["down"].enabled = false;
  log.clear();
  t = treat_outliers(d, TreatOptions{}, &log, &per);
  EXPECT_EQ(t.col(1)[9], -100);
  EXPECT_TRUE(log[1].passed_before);
  EXPECT_FALSE(log[1].passed_after.has_value());
}

TEST(IndexWeights, NamedSetsAndOverrides) {
  Asem a;
  Framework f = a.framework;
  EXPECT_THROW(f.add_weight_set("bad", {{"Nope", 1}}), ValidationError);
  EXPECT_THROW(f.add_weight_set("bad", {{"Conn", -1}}), ValidationError);
  f.add_weight_set("conn3", {{"Conn", 3}});
  PipelineOptions o;
  o.weight_set = "conn3";
  const PipelineResult r = run_pipeline(a.raw, f, o);
  for (const std::string u : {"AUT", "CHN", "NZL"})
    EXPECT_NEAR(at(r.aggregated, u, "Index"),
                (3 * at(r.aggregated, u, "Conn") + at(r.aggregated, u, "Sust")) / 4, 1e-9);
  EXPECT_DOUBLE_EQ(r.framework.effective_weights().at("Conn"), 0.75);
  o.weight_set = "nope";
  EXPECT_THROW((void)run_pipeline(a.raw, f, o), ValidationError);
  PipelineOptions single;
  set_option(single, "weight.Sust", "3");
  EXPECT_DOUBLE_EQ(run_pipeline(a.raw, f, single).framework.effective_weights().at("Sust"), 0.75);
  // A weight table: iCode and one column per set.
  const auto path = std::filesystem::temp_directory_path() / "dxkit_weights.csv";
  std::ofstream(path) << "iCode,Alt,Flat\nConn,2,1\nSust,1,\nLPI,x,1\n";
  try {
    (void)read_weight_sets(path, f);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("dxkit_weights.csv:4:2 (column 'Alt')"), std::string::npos);
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
  const PipelineResult res = run_pipeline(a.raw, a.framework);
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
      for (const auto& w : asem.warnings) warned = warned || w.find(g.codes[k]) != std::string::npos;
      EXPECT_TRUE(warned) << g.codes[k];
    }
  }
  EXPECT_THROW((void)pca_weights(res.normalised, a.framework, 7), ValidationError);
}

TEST(IndexWeights, OptimisedWeightsBalanceAndInfomax) {
  Asem a;
  const PipelineOptions o;
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
  for (std::size_t i : a.framework.at_level(2)) start += 1 - r_eq(a.framework.nodes[i].code.c_str());
  EXPECT_LE(info.objective, std::log(start) / 8 + 1e-12);
  EXPECT_EQ(info.weights.size(), 8u);
  EXPECT_THROW((void)optimise_weights(res.normalised, a.framework, o, 4, WeightObjective::balance),
               ValidationError);
}

TEST(IndexAnalysis, LeaveOneOut) {
  Asem a;
  const PipelineResult full = run_pipeline(a.raw, a.framework);
  const auto rank_of = [&](const char* c) { return rank_min(full.aggregated.col(*full.aggregated.column(c))); };
  const auto index = rank_of("Index"), sust = rank_of("Sust");
  // Without Conn the index is Sust: its ranks are Sust's.
  const auto l3 = leave_one_out(a.raw, a.framework, {}, 3);
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
  const auto l1 = leave_one_out(a.raw, a.framework, {}, 1);
  EXPECT_EQ(l1.size(), 49u);
  for (const LeftOut& l : l1) {
    EXPECT_TRUE(l.note.empty()) << l.code;
    EXPECT_GE(l.mean_abs_shift, 0);
  }
  // An only child cannot be left out: reported, not dropped.
  const Framework lone = make_framework(csv::parse(
      "Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,P,Indicator\n"
      "1,b,B,1,1,Q,Indicator\n1,c,C,1,1,Q,Indicator\n2,P,P,1,1,T,Aggregate\n"
      "2,Q,Q,1,1,T,Aggregate\n3,T,T,1,1,,Aggregate\n",
      "m.csv"));
  const UnitData d = make_unit_data(csv::parse("uCode,a,b,c\nX,1,2,3\nY,2,1,1\nZ,3,3,2\n", "d"), lone);
  PipelineOptions o;
  o.imputation = Imputation::none;
  o.treat = false;
  const auto l = leave_one_out(d, lone, o, 1);
  ASSERT_EQ(l.size(), 3u);
  EXPECT_NE(l[0].note.find("would leave 'P' without children"), std::string::npos);
  EXPECT_TRUE(l[1].note.empty());
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

TEST(IndexPipeline, KeepingOnlyTheAggregatedSetGivesTheSameResult) {
  Asem a;
  PipelineOptions o;
  const PipelineResult all = run_pipeline(a.raw, a.framework, o);
  o.keep_data_sets = false;
  const PipelineResult lean = run_pipeline(a.raw, a.framework, o);
  EXPECT_EQ(all.aggregated.values.size(), lean.aggregated.values.size());
  for (std::size_t i = 0; i < all.aggregated.values.size(); ++i)
    ASSERT_EQ(std::bit_cast<std::uint64_t>(all.aggregated.values[i]),
              std::bit_cast<std::uint64_t>(lean.aggregated.values[i]));
  EXPECT_THROW((void)lean.data("normalised"), ValidationError);
  EXPECT_NO_THROW((void)lean.data("aggregated"));
}
