#pragma once
// What the index tests share: COINr's ASEM example, small two-indicator frameworks, a large
// synthetic framework with its data, and comparisons to the bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"

namespace dxkit::index::fixtures {

inline const std::string kDir = DXKIT_COINR_DIR;

// An expected file: uCode -> column -> value (NaN for NA).
using Expected = std::map<std::string, std::map<std::string, double>>;

inline Expected load(const std::string& name) {
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

inline void expect_matches(const DataSet& got, const Expected& want, const std::string& step) {
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

// COINr's ASEM choices (denominate, group-mean imputation, screening, treatment), which the
// tests of COINr's example ask for explicitly.
inline PipelineOptions coinr_asem() {
  PipelineOptions o;
  apply_preset(o, Preset::coinr_asem);
  return o;
}

struct Asem {
  Framework framework = read_framework(kDir + "/ASEM_iMeta.csv");
  UnitData raw = read_unit_data(kDir + "/ASEM_iData.csv", framework);
};

inline Framework two_level() {
  return make_framework(
      csv::parse("Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
                 "1,b,B,-1,1,T,Indicator\n2,T,Top,1,1,,Aggregate\n",
                 "m.csv"));
}
inline DataSet sample(std::vector<double> a, std::vector<double> b) {
  DataSet d;
  for (std::size_t i = 0; i < a.size(); ++i) {
    d.units.push_back("u" + std::to_string(i));
    d.names.push_back("");
  }
  std::copy(a.begin(), a.end(), d.col(d.add_column("a")).begin());
  std::copy(b.begin(), b.end(), d.col(d.add_column("b")).begin());
  return d;
}

inline Framework two(const std::string& extra_header = "", const std::string& a = "",
                     const std::string& b = "") {
  return make_framework(csv::parse("Level,iCode,iName,Direction,Weight,Parent,Type" + extra_header +
                                       "\n1,a,A,1,1,T,Indicator" + a + "\n1,b,B,1,1,T,Indicator" +
                                       b + "\n2,T,Top,1,1,,Aggregate" +
                                       std::string(a.empty() ? "" : ",") + "\n",
                                   "m.csv"));
}

inline double at(const DataSet& d, const std::string& unit, const std::string& col) {
  const auto u =
      static_cast<std::size_t>(std::find(d.units.begin(), d.units.end(), unit) - d.units.begin());
  return d.col(*d.column(col))[u];
}

// 5,000 units × 64 indicators (320,000 numbers: enough for the threaded steps) under
// 16 pillars → 4 sub-indices → the index, plus two indicators hanging straight from a
// sub-index (so that not every indicator is read at level 2; `hanging` false leaves them out
// of the framework, the data keeps their columns). Directions and weights vary; about one
// value in 40 is missing.
struct Large {
  Framework framework;
  UnitData data;
  explicit Large(int constant_at = -1, int second_constant_at = -1, bool hanging = true) {
    std::string meta = "Level,iCode,iName,Direction,Weight,Parent,Type\n";
    for (int k = 0; k < 64; ++k)
      meta += "1,i" + std::to_string(k) + ",x," + (k % 7 == 3 ? "-1" : "1") + "," +
              std::to_string(1 + k % 4) + ",p" + std::to_string(k / 4) + ",Indicator\n";
    if (hanging) meta += "1,j0,x,1,2,s1,Indicator\n1,j1,x,-1,1,s3,Indicator\n";
    for (int k = 0; k < 16; ++k)
      meta += "2,p" + std::to_string(k) + ",x,1," + std::to_string(1 + k % 3) + ",s" +
              std::to_string(k / 4) + ",Aggregate\n";
    for (int k = 0; k < 4; ++k) meta += "3,s" + std::to_string(k) + ",x,1,1,Index,Aggregate\n";
    meta += "4,Index,x,1,1,,Aggregate\n";
    framework = make_framework(csv::parse(meta, "large_meta.csv"));
    std::uint64_t s = 11;
    for (int u = 0; u < 5000; ++u) {
      data.data.units.push_back("u" + std::to_string(u));
      data.data.names.emplace_back();
    }
    std::vector<std::string> codes;
    for (int k = 0; k < 64; ++k) codes.push_back("i" + std::to_string(k));
    codes.emplace_back("j0");
    codes.emplace_back("j1");
    for (std::size_t k = 0; k < codes.size(); ++k) {
      auto col = data.data.col(data.data.add_column(codes[k]));
      for (double& v : col) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto r = s >> 11;
        v = r % 40 == 0 ? std::nan("") : static_cast<double>(r % 100000) / 1000.0 - 20.0;
        if (static_cast<int>(k) == constant_at || static_cast<int>(k) == second_constant_at) v = 5;
      }
    }
  }
};

inline PipelineOptions direct_options() {
  PipelineOptions o;
  o.denominate = false;
  o.imputation = Imputation::none;
  o.screen.min_availability = 0;
  o.treat = false;
  o.normalisation = parse_norm_spec("minmax(lo=1,hi=100)");
  o.normalise_by_indicator["i5"] = parse_norm_spec("zscore(mean=50,sd=10)");
  o.normalise_by_indicator["i9"] = parse_norm_spec("rank");
  o.normalise_by_indicator["i13"] = parse_norm_spec("distance_to_max");
  o.normalise_by_indicator["j1"] = parse_norm_spec("rank");
  o.aggregate_by_parent["p2"] = parse_agg_spec("geometric");
  o.aggregate_by_level[3] = parse_agg_spec("harmonic");
  return o;
}

inline void expect_same_bits(const DataSet& a, const DataSet& b) {
  ASSERT_EQ(a.columns, b.columns);
  ASSERT_EQ(a.units, b.units);
  ASSERT_EQ(a.values.size(), b.values.size());
  for (std::size_t i = 0; i < a.values.size(); ++i)
    ASSERT_EQ(std::bit_cast<std::uint64_t>(a.values[i]), std::bit_cast<std::uint64_t>(b.values[i]))
        << a.columns[i / a.rows()] << " of " << a.units[i % a.rows()];
}

inline std::string error_of(const UnitData& d, const Framework& f, const PipelineOptions& o) {
  try {
    (void)run_pipeline(d, f, o);
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "";
}

// Cell by cell: NaN where `want` has NaN, else within 1e-12 (relative beyond 1).
inline void expect_cells(const std::vector<double>& got, const std::vector<double>& want,
                         const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(want[i]))
      EXPECT_TRUE(std::isnan(got[i])) << what << " at " << i << ": " << got[i];
    else
      EXPECT_NEAR(got[i], want[i], 1e-12 * std::max(1.0, std::fabs(want[i])))
          << what << " at " << i;
  }
}

}  // namespace dxkit::index::fixtures
