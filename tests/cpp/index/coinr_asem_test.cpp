// COINr's canonical ASEM pipeline, step by step, against COINr's own exported data sets
// (tests/data/coinr-asem, from shared/reference/coinr-asem): relative 1e-9, ranks exact.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"

using namespace dxkit;
using namespace dxkit::index;

namespace {
const std::string kDir = DXKIT_COINR_DIR;

// An expected file: uCode -> column -> value (NaN for NA).
using Expected = std::map<std::string, std::map<std::string, double>>;

Expected load(const std::string& name) {
  csv::Table t = csv::read(kDir + "/" + name);
  Expected out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& unit = t.columns[0][r];
    for (std::size_t c = 1; c < t.header.size(); ++c) {
      const std::string& s = t.columns[c][r];
      double v = std::nan("");
      if (s != "NA" && !s.empty()) std::from_chars(s.data(), s.data() + s.size(), v);
      out[unit][t.header[c]] = v;
    }
  }
  return out;
}

void expect_matches(const DataSet& got, const Expected& want, const std::string& step) {
  std::size_t compared = 0;
  for (std::size_t c = 0; c < got.columns.size(); ++c) {
    for (std::size_t u = 0; u < got.rows(); ++u) {
      auto unit = want.find(got.units[u]);
      ASSERT_NE(unit, want.end()) << step << ": unit " << got.units[u];
      auto cell = unit->second.find(got.columns[c]);
      if (cell == unit->second.end()) continue;
      const double a = got.col(c)[u], b = cell->second;
      if (std::isnan(b)) {
        EXPECT_TRUE(std::isnan(a)) << step << " " << got.units[u] << " " << got.columns[c];
      } else {
        EXPECT_NEAR(a, b, 1e-9 * std::max(1.0, std::fabs(b)))
            << step << " " << got.units[u] << " " << got.columns[c];
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, want.size() * want.begin()->second.size()) << step;
}

struct Asem {
  Framework framework = read_framework(kDir + "/ASEM_iMeta.csv");
  UnitData raw = read_unit_data(kDir + "/ASEM_iData.csv", framework);
};
}  // namespace

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
  EXPECT_NE(error_of(head + "1,a,A,1,1,P,Indicator\n").find("iMeta.csv:2 (column 'Parent'): parent 'P' of 'a' does not exist"),
            std::string::npos);
  EXPECT_NE(error_of(head + "1,a,A,1,x,P,Indicator\n2,P,P,1,1,,Aggregate\n").find("iMeta.csv:2:5 (column 'Weight'): not a number"),
            std::string::npos);
  EXPECT_NE(error_of(head + "2,P,P,1,1,Q,Aggregate\n2,Q,Q,1,1,P,Aggregate\n1,a,A,1,1,P,Indicator\n")
                .find("is not at a higher level (a cycle"),
            std::string::npos);
  EXPECT_NE(error_of(head + "1,a,A,1,1,P,Indicator\n1,a,B,1,1,P,Indicator\n2,P,P,1,1,,Aggregate\n")
                .find("duplicate iCode 'a'"),
            std::string::npos);
  Framework f = make_framework(csv::parse(head + "1,a,A,1,1,P,Indicator\n2,P,P,1,1,,Aggregate\n", "m"));
  try {
    (void)make_unit_data(csv::parse("uCode,b\nX,1\n", "iData.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("indicator 'a' of iMeta has no column in iData"), std::string::npos);
  }
  try {
    (void)make_unit_data(csv::parse("uCode,a\nX,1\nX,2\n", "iData.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("iData.csv:3 (column 'uCode'): duplicate unit code 'X'"), std::string::npos);
  }
}

namespace {
Framework two_level() {
  return make_framework(csv::parse(
      "Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
      "1,b,B,-1,1,T,Indicator\n2,T,Top,1,1,,Aggregate\n",
      "m.csv"));
}
DataSet sample(std::vector<double> a, std::vector<double> b) {
  DataSet d;
  for (std::size_t i = 0; i < a.size(); ++i) {
    d.units.push_back("u" + std::to_string(i));
    d.names.push_back("");
  }
  std::copy(a.begin(), a.end(), d.col(d.add_column("a")).begin());
  std::copy(b.begin(), b.end(), d.col(d.add_column("b")).begin());
  return d;
}
}  // namespace

TEST(IndexMethods, Imputation) {
  const double na = std::nan("");
  DataSet d = sample({1, na, 3, 10}, {2, 2, na, 4});
  EXPECT_DOUBLE_EQ(impute(d, Imputation::mean).col(0)[1], 14.0 / 3);
  EXPECT_DOUBLE_EQ(impute(d, Imputation::median).col(0)[1], 3);
  const std::vector<std::string> g = {"x", "x", "y", "y"};
  EXPECT_DOUBLE_EQ(impute(d, Imputation::group_median, g).col(0)[1], 1);
  EXPECT_DOUBLE_EQ(impute(d, Imputation::group_mean, g).col(1)[2], 4);
  EXPECT_TRUE(std::isnan(impute(d, Imputation::none).col(0)[1]));
}

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
  EXPECT_THROW((void)with(d, "fraction_of_max"), ValidationError);  // b's maximum is 0
  // Goalposts in the indicator's units; a negative indicator runs from the upper post down.
  auto g = with(d, "goalposts(lo=0,hi=2)");
  EXPECT_DOUBLE_EQ(g.col(0)[0], 50);
  EXPECT_DOUBLE_EQ(g.col(0)[2], 100);  // truncated
  EXPECT_DOUBLE_EQ(g.col(1)[0], 100);  // b = 0: at the good end
  EXPECT_DOUBLE_EQ(g.col(1)[1], 0);    // b = 5: beyond the bad end, truncated
  EXPECT_DOUBLE_EQ(with(d, "goalposts(lo=0,hi=2,scale=1,truncate=false)").col(0)[2], 1.5);
  EXPECT_DOUBLE_EQ(with(d, "scaled(lo=0,hi=10)").col(0)[0], 10);
  // Distance to target: up from the minimum, or down from the maximum for a negative one.
  auto t = with(d, "distance_to_target(target=2.5)");
  EXPECT_DOUBLE_EQ(t.col(0)[2], 2.0 / 1.5);
  EXPECT_DOUBLE_EQ(t.col(1)[1], (10.0 - 5) / (10 - 2.5));
  EXPECT_DOUBLE_EQ(with(d, "distance_to_target(target=2.5,cap=true)").col(0)[2], 1);
  EXPECT_THROW((void)with(d, "distance_to_target"), ValidationError);  // no iMeta Target either
  auto r = with(d, "distance_to_reference(reference=u1)");
  EXPECT_DOUBLE_EQ(r.col(0)[0], 0);
  EXPECT_DOUBLE_EQ(r.col(0)[2], 2);
  EXPECT_DOUBLE_EQ(with(d, "distance_to_reference(reference=u1,cap=true)").col(0)[2], 1);
  EXPECT_THROW((void)with(d, "distance_to_reference(reference=nobody)"), ValidationError);
  EXPECT_THROW((void)parse_norm_spec("distance_to_reference"), ValidationError);
  // Ranks as R's rank(ties = "min"), as COINr's n_rank / n_prank / n_borda.
  const DataSet tie = sample({10, 20, 20}, {1, 2, 3});
  EXPECT_EQ(with(tie, "rank").col(0)[1], 2);
  EXPECT_DOUBLE_EQ(with(tie, "percentile_rank").col(0)[2], 0.5);
  EXPECT_EQ(with(tie, "borda").col(0)[2], 1);
  EXPECT_EQ(with(tie, "borda").col(0)[0], 0);
  EXPECT_EQ(with(tie, "none").col(1)[0], -1);  // only the direction
  EXPECT_THROW((void)with(sample({1, 1}, {1, 2}), "zscore"), ValidationError);
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
  EXPECT_DOUBLE_EQ(t.col(0)[2], 1);                 // capped
  EXPECT_DOUBLE_EQ(t.col(1)[0], 12.0 / 11);         // (12 - 0) / (12 - 1), not capped
  o.normalisation = parse_norm_spec("minmax(meta=true)");
  try {
    (void)normalise(d, f, o);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("indicator 'a' has no 'minmax_lower'"), std::string::npos);
  }
}

TEST(IndexMethods, Aggregations) {
  const Framework f = two_level();
  const DataSet d = sample({4}, {9});
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::arithmetic).col(2)[0], 6.5);
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::geometric).col(2)[0], 6);
  EXPECT_DOUBLE_EQ(aggregate(d, f, Aggregation::harmonic).col(2)[0], 2 / (1.0 / 4 + 1.0 / 9));
  EXPECT_THROW((void)aggregate(sample({0}, {9}), f, Aggregation::geometric), ValidationError);
  PipelineOptions o;
  o.aggregation = parse_agg_spec("generalised(power=2)");
  EXPECT_DOUBLE_EQ(aggregate(d, f, o).col(2)[0], std::sqrt((16.0 + 81) / 2));
  o.aggregation = parse_agg_spec("generalised(power=-1)");  // the harmonic mean
  EXPECT_NEAR(aggregate(d, f, o).col(2)[0], 2 / (1.0 / 4 + 1.0 / 9), 1e-12);
  EXPECT_THROW((void)parse_agg_spec("generalised(power=0)"), ValidationError);
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
  const Framework f = make_framework(csv::parse(
      "Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
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
  PipelineOptions o;
  set_option(o, "aggregate.level.4", "geometric");
  set_option(o, "aggregate.Conn", "harmonic");
  const PipelineResult r = run_pipeline(a.raw, a.framework, o);
  const PipelineResult plain = run_pipeline(a.raw, a.framework);
  const DataSet& d = r.aggregated;
  const auto col = [&](const DataSet& s, const char* c) { return s.col(*s.column(c)); };
  for (std::size_t u = 0; u < d.rows(); ++u) {
    EXPECT_NEAR(col(d, "Index")[u], std::sqrt(col(d, "Conn")[u] * col(d, "Sust")[u]), 1e-9);
    EXPECT_EQ(col(d, "Sust")[u], col(plain.aggregated, "Sust")[u]);  // the default elsewhere
    EXPECT_LT(col(d, "Conn")[u], col(plain.aggregated, "Conn")[u] + 1e-12);  // harmonic <= arithmetic
  }
  EXPECT_THROW(set_option(o, "aggregate.level.x", "geometric"), ValidationError);
  PipelineOptions bad;
  set_option(bad, "aggregate.level.9", "geometric");
  EXPECT_THROW((void)run_pipeline(a.raw, a.framework, bad), ValidationError);
  PipelineOptions unknown;
  set_option(unknown, "normalise.Nope", "rank");
  EXPECT_THROW((void)run_pipeline(a.raw, a.framework, unknown), ValidationError);
}

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
  EXPECT_NE(message("normalise", "minmax(low=1)").find("'minmax' has no parameter 'low'"), std::string::npos);
  EXPECT_NE(message("normalise", "minmax(lo=x)").find("'x' is not a number"), std::string::npos);
  EXPECT_NE(message("normalise", "softmax").find("unknown normalisation 'softmax'; accepted: none, minmax"),
            std::string::npos);
  EXPECT_NE(message("screen", "1.5").find("shares between 0 and 1"), std::string::npos);
  EXPECT_NE(message("colour", "red").find("unknown option 'colour'"), std::string::npos);
  EXPECT_NE(message("normalise", "minmax(lo=1").find("name(key=value"), std::string::npos);
}

TEST(CoinrAsem, RunPipelineEqualsTheStepsExactly) {
  Asem a;
  const PipelineResult r = run_pipeline(a.raw, a.framework);
  const DataSet steps = aggregate_mean(
      normalise_minmax(treat_outliers(screen_by_availability(
                                          impute_group_mean(denominate(a.raw.data, a.framework),
                                                            a.raw.groups.at("EurAsia_group")),
                                          0.9)),
                       a.framework),
      a.framework);
  EXPECT_EQ(r.aggregated.values.size(), steps.values.size());
  EXPECT_TRUE(std::equal(r.aggregated.values.begin(), r.aggregated.values.end(),
                         steps.values.begin(), [](double x, double y) {
                           return (std::isnan(x) && std::isnan(y)) || x == y;
                         }));
  EXPECT_EQ(r.treatment.size(), 49u);
}

TEST(CoinrAsem, RankColumnsDoesNotDependOnThreads) {
  Asem a;
  const DataSet agg = run_pipeline(a.raw, a.framework).aggregated;
  const auto one = rank_columns(agg, 1);
  EXPECT_EQ(one, rank_columns(agg, 2));
  EXPECT_EQ(one, rank_columns(agg, 7));
  const auto idx = *agg.column("Index");
  const auto u = static_cast<std::size_t>(std::find(agg.units.begin(), agg.units.end(), "CHE") - agg.units.begin());
  EXPECT_EQ(one[idx * agg.rows() + u], 1);
}

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
  const DataSet agg = run_pipeline(a.raw, a.framework).aggregated;
  const auto sw = strengths_and_weaknesses(agg, a.framework, "CHE", 3);
  ASSERT_EQ(sw.strengths.size(), 3u);
  EXPECT_LE(sw.strengths[0].second, sw.strengths[1].second);
  EXPECT_GE(sw.weaknesses[0].second, sw.weaknesses[1].second);
  EXPECT_THROW((void)strengths_and_weaknesses(agg, a.framework, "XXX"), ValidationError);

  // Method against method: the index with and without outlier treatment.
  PipelineOptions raw_options;
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
  EXPECT_THROW((void)compare_results(before, after, "Sust"), ValidationError);
}

#include "dxkit/index/analysis.hpp"

TEST(IndexAnalysis, DescribeAvailabilityCorrelationAlpha) {
  const Framework f = two_level();
  const double na = std::nan("");
  DataSet d = sample({1, 2, 3, 4, na}, {2, 4, 6, 8, 10});
  const auto s = describe(d);
  EXPECT_EQ(s[0].n, 4u);
  EXPECT_EQ(s[0].missing, 1u);
  EXPECT_DOUBLE_EQ(s[0].mean, 2.5);
  EXPECT_DOUBLE_EQ(s[0].sd, std::sqrt(5.0 / 3));
  EXPECT_DOUBLE_EQ(s[0].median, 2.5);
  EXPECT_FALSE(s[0].outliers);
  const auto av = availability(d);
  EXPECT_DOUBLE_EQ(av.by_unit[4], 0.5);
  EXPECT_DOUBLE_EQ(av.by_column[0], 0.8);
  EXPECT_DOUBLE_EQ(*correlation(d.col(0), d.col(1)), 1.0);  // over the 4 complete units
  EXPECT_FALSE(correlation(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3}).has_value());
  // Two perfectly parallel items: alpha = 2/1 × (1 - (v + 4v) / 9v) = 8/9.
  EXPECT_NEAR(*cronbach_alpha(d, f, "T"), 8.0 / 9, 1e-12);
  EXPECT_FALSE(cronbach_alpha(d, f, "a").has_value());
}

TEST(IndexAnalysis, AsemOutlierFlagsAgreeWithTreatment) {
  Asem a;
  const PipelineResult r = run_pipeline(a.raw, a.framework);
  const auto stats = describe(r.screened);
  std::size_t flagged = 0;
  for (std::size_t i = 0; i < stats.size(); ++i) {
    EXPECT_EQ(stats[i].code, r.treatment[i].code);
    EXPECT_EQ(stats[i].outliers, !r.treatment[i].passed_before) << stats[i].code;
    flagged += stats[i].outliers;
  }
  EXPECT_EQ(flagged, 15u);  // the 15 indicators COINr winsorised
  const auto flags = flag_correlations(r.aggregated, a.framework);
  for (const auto& fl : flags) EXPECT_TRUE(fl.r < 0.2) << fl.a << " " << fl.b;
}
