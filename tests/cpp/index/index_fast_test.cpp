// The large-data paths of the index pipeline give the same numbers as the step-by-step one:
// the direct path (normalisation read straight from the source and done inside the level-2
// aggregation), several threads, and numbers borrowed from someone else's memory. "The same"
// means the same bits, and the same error whatever the number of threads.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <memory>
#include <string>

#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"

using namespace dxkit;
using namespace dxkit::index;

namespace {
const std::string kDir = DXKIT_COINR_DIR;

// 5,000 units × 64 indicators (320,000 numbers: enough for the threaded steps) under
// 16 pillars → 4 sub-indices → the index, plus two indicators hanging straight from a
// sub-index (so that not every indicator is read at level 2). Directions and weights vary;
// about one value in 40 is missing.
struct Large {
  Framework framework;
  UnitData data;
  explicit Large(int constant_at = -1, int second_constant_at = -1) {
    std::string meta = "Level,iCode,iName,Direction,Weight,Parent,Type\n";
    for (int k = 0; k < 64; ++k)
      meta += "1,i" + std::to_string(k) + ",x," + (k % 7 == 3 ? "-1" : "1") + "," +
              std::to_string(1 + k % 4) + ",p" + std::to_string(k / 4) + ",Indicator\n";
    meta += "1,j0,x,1,2,s1,Indicator\n1,j1,x,-1,1,s3,Indicator\n";
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

PipelineOptions direct_options() {
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

void expect_same_bits(const DataSet& a, const DataSet& b) {
  ASSERT_EQ(a.columns, b.columns);
  ASSERT_EQ(a.units, b.units);
  ASSERT_EQ(a.values.size(), b.values.size());
  for (std::size_t i = 0; i < a.values.size(); ++i)
    ASSERT_EQ(std::bit_cast<std::uint64_t>(a.values[i]), std::bit_cast<std::uint64_t>(b.values[i]))
        << a.columns[i / a.rows()] << " of " << a.units[i % a.rows()];
}

std::string error_of(const UnitData& d, const Framework& f, const PipelineOptions& o) {
  try {
    (void)run_pipeline(d, f, o);
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(IndexDirectPath, SameBitsAsStepByStepOnAnyNumberOfThreads) {
  const Large big;
  PipelineOptions o = direct_options();
  o.threads = 1;
  const PipelineResult reference = run_pipeline(big.data, big.framework, o);  // every set kept
  ASSERT_EQ(reference.aggregated.columns.size(), 66u + 21u);
  EXPECT_EQ(reference.aggregated.columns[66], "p0");
  EXPECT_EQ(reference.aggregated.columns.back(), "Index");
  // A missing value stays missing through the normalisation; the index has a value for all.
  const auto i0 = reference.normalised.col(*reference.normalised.column("i0"));
  const auto raw0 = big.data.col(*big.data.data.column("i0"));
  for (std::size_t u = 0; u < i0.size(); ++u) ASSERT_EQ(std::isnan(i0[u]), std::isnan(raw0[u]));
  for (double v : reference.aggregated.col(*reference.aggregated.column("Index")))
    ASSERT_TRUE(std::isfinite(v));
  o.keep_data_sets = false;
  for (unsigned threads : {1u, 2u, 3u}) {
    o.threads = threads;
    SCOPED_TRACE("threads " + std::to_string(threads));
    expect_same_bits(reference.aggregated, run_pipeline(big.data, big.framework, o).aggregated);
  }
  // The step-by-step path on several threads too.
  o.keep_data_sets = true;
  o.threads = 2;
  expect_same_bits(reference.aggregated, run_pipeline(big.data, big.framework, o).aggregated);
}

TEST(IndexDirectPath, ErrorsDoNotDependOnThreadsOrPath) {
  // Two constant indicators: min-max is undefined for both; the first (i7) is reported.
  const Large big(7, 30);
  PipelineOptions o = direct_options();
  for (bool keep : {true, false})
    for (unsigned threads : {1u, 2u, 4u}) {
      o.keep_data_sets = keep;
      o.threads = threads;
      EXPECT_EQ(error_of(big.data, big.framework, o),
                "indicator 'i7': it is constant (or empty): min-max normalisation is undefined")
          << keep << " " << threads;
    }
  // A geometric mean over a non-positive value names the aggregate, child and unit.
  const Large ok;
  o = direct_options();
  o.keep_data_sets = false;
  o.normalisation = parse_norm_spec("minmax(lo=0,hi=100)");
  o.aggregate_by_parent["p1"] = parse_agg_spec("geometric");
  const std::string one = error_of(ok.data, ok.framework, o);
  EXPECT_NE(one.find("aggregate 'p1': the geometric mean needs positive values"), std::string::npos) << one;
  o.threads = 1;
  EXPECT_EQ(error_of(ok.data, ok.framework, o), one);
}

TEST(IndexBorrowed, NumbersAreReadWhereTheyAre) {
  const Framework f = read_framework(kDir + "/ASEM_iMeta.csv");
  const UnitData owned = read_unit_data(kDir + "/ASEM_iData.csv", f);
  auto memory = std::make_shared<std::vector<double>>(owned.data.values.begin(), owned.data.values.end());
  UnitData lent = owned;
  lent.borrow(*memory, memory);
  EXPECT_TRUE(lent.borrowed());
  EXPECT_TRUE(lent.data.values.empty());
  ASSERT_EQ(lent.col(3).data(), memory->data() + 3 * owned.data.rows());  // no copy
  // COINr's whole pipeline (denominate, group imputation, screening, treatment) and the
  // direct path give the same bits from borrowed numbers as from owned ones.
  PipelineOptions o;
  expect_same_bits(run_pipeline(owned, f, o).aggregated, run_pipeline(lent, f, o).aggregated);
  o = PipelineOptions{};
  o.denominate = false;
  o.imputation = Imputation::none;
  o.screen.min_availability = 0;
  o.treat = false;
  o.keep_data_sets = false;
  expect_same_bits(run_pipeline(owned, f, o).aggregated, run_pipeline(lent, f, o).aggregated);
  // Read, not copied: a change to the lender's memory is seen...
  const double before = (*memory)[5];
  (*memory)[5] = before + 1;
  EXPECT_EQ(lent.col(0)[5], before + 1);
  // ...until the numbers are owned.
  lent.own();
  EXPECT_FALSE(lent.borrowed());
  (*memory)[5] = before + 2;
  EXPECT_EQ(lent.col(0)[5], before + 1);
  EXPECT_EQ(lent.data.values.size(), owned.data.values.size());
  // The wrong number of values, or no owner, is refused.
  UnitData bad = owned;
  EXPECT_THROW(bad.borrow(std::span<const double>(memory->data(), memory->size() - 1), memory),
               ValidationError);
  EXPECT_THROW(bad.borrow(*memory, nullptr), ValidationError);
  EXPECT_FALSE(bad.borrowed());
}

TEST(IndexBorrowed, PanelsFromBorrowedNumbers) {
  const Framework f = make_framework(csv::parse(
      "Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,T,Indicator\n"
      "1,b,B,1,1,T,Indicator\n2,T,Top,1,1,,Aggregate\n",
      "m.csv"));
  const UnitData p = make_unit_data(
      csv::parse("uCode,Time,a,b\nX,2020,1,NA\nX,2021,NA,4\nY,2020,NA,1\nY,2021,2,NA\n", "p.csv"), f);
  auto memory = std::make_shared<std::vector<double>>(p.data.values.begin(), p.data.values.end());
  UnitData lent = p;
  lent.borrow(*memory, memory);
  const UnitData filled = impute_panel(lent, PanelImputation::latest);
  EXPECT_FALSE(filled.borrowed());  // filled in its own memory; the lender's is untouched
  EXPECT_EQ(filled.col(*filled.data.column("a"))[1], 1);  // X 2021 from 2020
  EXPECT_TRUE(std::isnan((*memory)[1]));
  const UnitData y2021 = select_time(lent, 2021);
  ASSERT_EQ(y2021.data.units, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(y2021.col(*y2021.data.column("b"))[0], 4);
  EXPECT_EQ(y2021.col(*y2021.data.column("a"))[1], 2);
}

TEST(IndexOptions, Threads) {
  PipelineOptions o;
  set_option(o, "threads", "3");
  EXPECT_EQ(o.threads, 3u);
  for (const char* bad : {"0", "1.5", "x", "1000"}) EXPECT_THROW(set_option(o, "threads", bad), ValidationError) << bad;
}

TEST(IndexKernels, SameBitsAsThePlainFormula) {
  // The min-max and weighted-mean kernels run on vectors (AVX2 where the processor has it);
  // this file is built for the baseline and computes the same numbers one by one, in R's
  // order of operations: they must agree to the bit, missing values and odd lengths included.
  const Large big;
  const DataSet& d = big.data.data;
  const std::size_t n = 1003;  // not a multiple of the vector width
  DataSet units;
  units.units.assign(d.units.begin(), d.units.begin() + n);
  std::vector<double> out(n);
  for (std::size_t c : {0u, 3u, 17u}) {
    const std::span<const double> x(d.col(c).data(), n);
    const double dir = c == 3 ? -1.0 : 1.0;
    normalise_column(x, out, dir, parse_norm_spec("minmax(lo=1,hi=100)"), nullptr, units, "x");
    double mn = INFINITY, mx = -INFINITY;
    for (double v : x)
      if (!std::isnan(v)) {
        mn = std::min(mn, v * dir);
        mx = std::max(mx, v * dir);
      }
    for (std::size_t u = 0; u < n; ++u) {
      const double want = (x[u] * dir - mn) / (mx - mn) * (100.0 - 1.0) + 1.0;
      ASSERT_EQ(std::bit_cast<std::uint64_t>(out[u]), std::bit_cast<std::uint64_t>(want)) << c << " " << u;
    }
  }
  std::vector<Child> kids;
  for (std::size_t c = 0; c < 7; ++c)
    kids.push_back({d.columns[c], std::span<const double>(d.col(c).data(), n), 0.5 + static_cast<double>(c)});
  AggregateScratch scratch;
  aggregate_children(kids, AggSpec{}, out, scratch, "T", units.units);
  for (std::size_t u = 0; u < n; ++u) {
    double acc = 0, w = 0;
    for (const Child& k : kids)
      if (!std::isnan(k.values[u])) {
        acc += k.weight * k.values[u];
        w += k.weight;
      }
    const double want = w > 0 ? acc / w : std::nan("");
    if (std::isnan(want)) ASSERT_TRUE(std::isnan(out[u]));
    else ASSERT_EQ(std::bit_cast<std::uint64_t>(out[u]), std::bit_cast<std::uint64_t>(want)) << u;
  }
}

TEST(IndexUnits, FirstRepeatedUnit) {
  std::vector<std::string> codes;
  for (int i = 0; i < 50000; ++i) codes.push_back("VN-" + std::to_string(i * 7919 % 50000));
  EXPECT_FALSE(first_repeated_unit(codes).has_value());
  codes.push_back("VN-123");
  codes.push_back("VN-9");
  EXPECT_EQ(first_repeated_unit(codes), 50000u);  // the first row that repeats, not the second
  // With times a code may repeat, a (code, time) pair may not; 0 and -0 are one time.
  const std::vector<std::string> panel = {"HN", "HN", "HP", "HP"};
  EXPECT_FALSE(first_repeated_unit(panel, std::vector<double>{2022, 2023, 2022, 0.0}).has_value());
  EXPECT_EQ(first_repeated_unit(panel, std::vector<double>{2022, 2023, 0.0, -0.0}), 3u);
  EXPECT_EQ(first_repeated_unit(panel), 1u);
  EXPECT_FALSE(first_repeated_unit(std::vector<std::string>{}).has_value());
}
