// Verdicts on the decimals and fractions as written, not on their binary approximations
// (issue 13 point 4): 58/100 meets ">= 58%", 42/75 is 56 % exactly, 99,21% exceeds 99,2%.
#include "dxkit/targets/detail/exact.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>

#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/scoring.hpp"
#include "targets/scorer.hpp"

using namespace dxkit;

namespace {
Evaluation eval(std::string_view target, std::string_view result) {
  return evaluate(parse_target(target), parse_result(result));
}
std::string band(std::string_view target, std::string_view result) {
  const Scheme s = Scheme::bands({90, 50});
  return s.statuses()[s.classify(eval(target, result))].id;
}
}  // namespace

TEST(Exact, FractionsMeetTheirPercentageExactly) {
  // In doubles 58/100 x 100 is 57.99999999999999 (not met) and 42/75 x 100 is
  // 56.00000000000001 (exceeded).
  const Evaluation a = eval("≥ 58%", "58/100");
  EXPECT_TRUE(a.met);
  EXPECT_FALSE(a.exceeded);
  EXPECT_EQ(a.ratio, 1.0);
  const Evaluation b = eval("56%", "42/75");
  EXPECT_TRUE(b.met);
  EXPECT_FALSE(b.exceeded);
  EXPECT_EQ(b.ratio, 1.0);
  EXPECT_TRUE(eval("trên 56%", "43/75").met);
  EXPECT_FALSE(eval("trên 56%", "42/75").met);
  EXPECT_FALSE(eval("≥ 58%", "57/100").met);
}

TEST(Exact, TheSeedsFractionsScoreExactly) {
  // Thái Bình 2023, Phụ lục 01 row 7: "60/90" against "60%" is 66,67 %: met and exceeded, the
  // ratio 10/9 exactly. Đồng Tháp department sheet: "48/50" against "50" (a count) is met.
  const Evaluation e = eval("60%", "60/90");
  EXPECT_TRUE(e.met);
  EXPECT_TRUE(e.exceeded);
  EXPECT_EQ(e.exact_ratio.num, 10);
  EXPECT_EQ(e.exact_ratio.den, 9);
  EXPECT_DOUBLE_EQ(e.ratio, 10.0 / 9);
  // "1.030/1.685 hồ sơ" (Thái Bình 2024 text) is 61,13 %: it meets 61,1% and not 61,2%.
  EXPECT_TRUE(eval("61,1%", "1.030/1.685").exceeded);
  EXPECT_FALSE(eval("61,2%", "1.030/1.685").met);
}

TEST(Exact, DecimalPercentsAreExactRationals) {
  EXPECT_TRUE(eval("99,2%", "99,21%").exceeded);
  const Evaluation same = eval("99,2%", "99,20%");
  EXPECT_TRUE(same.met);
  EXPECT_FALSE(same.exceeded);
  EXPECT_EQ(same.exact_ratio.num, 1);
  EXPECT_EQ(same.exact_ratio.den, 1);
  EXPECT_TRUE(eval("tối đa 0,3 ngày", "0,1 ngày").exceeded);  // 0.1 + 0.2 style sums never enter
  EXPECT_FALSE(eval("dưới 0,3", "0,3").met);
}

TEST(Exact, BandsCompareTheExactRatio) {
  // 63/70 of 100 % is exactly 90 %: "Đạt trên 90% mục tiêu".
  EXPECT_EQ(band("100%", "63/70"), "ge_90");
  // 89,9999999999999 % of the target is below 90 %: the old relative tolerance (1e-12) put it
  // in "≥ 90"; the exact ratio does not.
  EXPECT_EQ(band("100%", "89,9999999999999%"), "ge_50");
  EXPECT_EQ(band("80%", "40%"), "ge_50");  // exactly 50 % of the target
  EXPECT_EQ(band("80%", "39,99%"), "lt_50");
  EXPECT_EQ(band("Hoàn thành", "58/100"), "ge_50");
}

TEST(Exact, OverflowIsALocatedErrorNotAWrongVerdict) {
  // 999999999999999999/0,000000000000000001 is 10^36; x 100 against 99,9999999999999% the
  // cross product needs more than 128 bits.
  const auto path = std::filesystem::temp_directory_path() / "dxkit_exact_overflow.csv";
  {
    std::ofstream f(path);
    f << "code,name,target,actual\n"
      << "A,first,\"60%\",\"60/90\"\n"
      << "B,second,\"99,9999999999999%\",\"999999999999999999/0,000000000000000001\"\n";
  }
  const IndicatorTable t = read_indicator_table(path);
  try {
    (void)evaluate(t, Scheme::exceed());
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column_name, "actual");
    EXPECT_EQ(e.message(),
              "the numbers are too large to compare exactly (more than 38 digits in a cross "
              "product); write them with fewer digits (target '99,9999999999999%', result "
              "'999999999999999999/0,000000000000000001')");
  }
  std::filesystem::remove(path);
}

TEST(Exact, RationalsFromDoublesAreTheDecimalsWritten) {
  using detail::exact;
  EXPECT_EQ(exact(99.21).num, 9921);
  EXPECT_EQ(exact(99.21).den, 100);
  EXPECT_EQ(exact(0.58).num, 29);
  EXPECT_EQ(exact(0.58).den, 50);
  EXPECT_EQ(exact(-1650380).num, -1650380);
  EXPECT_EQ(exact(-1650380).den, 1);
  EXPECT_THROW((void)exact(std::numeric_limits<double>::infinity()), ValidationError);
}

TEST(Exact, ABareShareAgainstAPercentageIsALocatedWarning) {
  // "0,99" against "97% trở lên" (no '%', no percent format): read as 0,99 %, and said where.
  const IndicatorTable t = make_indicator_table(
      csv::parse("code,name,target,actual\nX,Văn bản ký số,97% trở lên,\"0,99\"\n"
                 "Y,Hồ sơ,80%,\"99,21%\"\n",
                 "bare.csv"));
  const EvaluationTable e = evaluate(t, Scheme::exceed());
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_EQ(e.warnings[0].to_string(),
            "bare.csv:2:4 (column 'actual'): warning [bare_share]: the result '0,99' has no '%' "
            "against the percentage target '97% trở lên': read as 0,99% (1,02% of the target); "
            "if it is the share 99%, write '99%' (or format the cell as a percentage)");
  EXPECT_FALSE(e.met[0]);
  EXPECT_TRUE(e.exceeded[1]);
}

// exact() reads the decimals documents write without std::to_chars; the rational must be the
// one the shortest round-trip spelling gives, for those decimals and for every other double
// (more places, huge, tiny, negative, near powers of ten).
TEST(Exact, ShortDecimalsAreReadAsTheirShortestSpelling) {
  const auto same = [](double v) {
    detail::Rational b;
    try {
      b = detail::exact_by_chars(v);
    } catch (const ValidationError&) {  // beyond 38 digits (1e300): exact() refuses it too
      try {
        (void)detail::exact(v);
        return false;
      } catch (const ValidationError&) {
        return true;
      }
    }
    const detail::Rational a = detail::exact(v);
    return a.num == b.num && a.den == b.den;
  };
  std::mt19937_64 rng(13);
  for (int i = 0; i < 200000; ++i) {
    const int places = static_cast<int>(rng() % 12);
    const auto digits = static_cast<std::int64_t>(rng() % 10000000000000000ULL) /
                        static_cast<std::int64_t>(std::pow(10, rng() % 16));
    const double v = static_cast<double>(digits) / std::pow(10.0, places);
    ASSERT_TRUE(same(v)) << v;
    ASSERT_TRUE(same(-v)) << -v;
    double bits_value = 0;
    const std::uint64_t bits = rng();
    std::memcpy(&bits_value, &bits, sizeof bits);
    if (std::isfinite(bits_value)) ASSERT_TRUE(same(bits_value)) << bits_value;
  }
  for (double v : {0.0, -0.0, 1.0, 0.1, 0.9999999999999999, 1e-9, 9.99999999e14, 1e15, 1e15 + 2,
                   99.21, 0.9921, 1e-300, 123456.78901234, 0.3, 1.0 / 3, 2.0 / 3, 1e8, 1e-8})
    EXPECT_TRUE(same(v)) << v;
  const detail::Rational r = detail::exact(99.21);
  EXPECT_TRUE(r.num == 9921 && r.den == 100);
}

// ---- The fast path (src/targets/scoring.cpp): short decimals read once when parsed, compared
// by two 128-bit products of 64-bit terms, ratios left unreduced. It must give exactly what
// the general path (reduced 128-bit rationals) gives, and hand over whatever does not fit.

namespace {

bool same_value(const detail::Rational& a, const detail::Rational& b) {
  if (a.den == 0 || b.den == 0) return a.den == 0 && b.den == 0;
  const detail::Rational x = detail::lowest_terms(a);
  const detail::Rational y = detail::lowest_terms(b);
  return x.num == y.num && x.den == y.den;
}

// Scores with the fast path allowed and with the general path only: the same evaluation, or
// the same error. Returns whether the fast path kept its ratio unreduced (so it ran).
bool agree(const Target& t, const Result& r, const ScoringOptions& o, const std::string& what) {
  std::string fast_error;
  std::string general_error;
  Evaluation fast;
  Evaluation general;
  try {
    fast = targets_detail::Scorer(o).score(t, r);
  } catch (const ValidationError& e) {
    fast_error = e.message();
  }
  try {
    general = targets_detail::Scorer(o, true).score(t, r);
  } catch (const ValidationError& e) {
    general_error = e.message();
  }
  EXPECT_EQ(fast_error, general_error) << what;
  EXPECT_EQ(fast.has_data, general.has_data) << what;
  EXPECT_EQ(fast.met, general.met) << what;
  EXPECT_EQ(fast.exceeded, general.exceeded) << what;
  EXPECT_EQ(fast.estimate, general.estimate) << what;
  // The same double, bit for bit (not within a tolerance).
  EXPECT_EQ(std::memcmp(&fast.ratio, &general.ratio, sizeof(double)), 0)
      << what << ": " << fast.ratio << " vs " << general.ratio;
  EXPECT_TRUE(same_value(fast.exact_ratio, general.exact_ratio)) << what;
  const Scheme bands = Scheme::bands({90, 50});
  EXPECT_EQ(bands.classify(fast), bands.classify(general)) << what;
  return fast.exact_ratio.den != general.exact_ratio.den;
}

struct Case {
  const char* target;
  const char* result;
  NumberFormat format = NumberFormat::vietnamese;
};

}  // namespace

TEST(Exact, TheFastAndTheGeneralPathGiveTheSameVerdictsAtTheBoundaries) {
  constexpr auto plain = NumberFormat::plain;
  const Case cases[] = {
      // The benchmark's forms and the exact cases above.
      {"80%", "99,21%"},
      {"đạt 50%", "25,94%"},
      {"95% trở lên", "Trên 95%"},
      {"trên 75%", "trên 54,4%"},
      {"tối đa 5 ngày", "4 ngày"},
      {"6 - 8%", "7,5%"},
      {"6 - 8%", "8%"},
      {"6 - 8%", "trên 8%"},
      {"6 - 8%", "dưới 6%"},
      {"60%", "60/90"},
      {"≥ 58%", "58/100"},
      {"56%", "42/75"},
      {"trên 56%", "43/75"},
      {"100%", "63/70"},
      {"80%", "40%"},
      {"80%", "39,99%"},
      {"300 người", "320"},
      {"50", "48/50"},
      // Equal values, zero, negative bounds and results.
      {"99,2%", "99,20%"},
      {"99,2%", "99,21%"},
      {"0%", "0%"},
      {"0%", "5%"},
      {"tối đa 0 ngày", "0 ngày"},
      {"tối đa 0 ngày", "2 ngày"},
      {"tối đa 3", "-1"},
      {"tối đa -2", "-1"},
      {"tối đa -2", "-3"},
      {"dưới -2", "-2"},
      {"dưới -2", "dưới -2"},
      {"-5", "-5"},
      {"-5", "trên -5"},
      {"trên -5", "-5"},
      {"-5", "5"},
      {"1", "-1/-2"},
      {"50%", "-1/2"},
      // Milestones.
      {"Hoàn thành", "78%"},
      {"Hoàn thành", "100%"},
      {"Hoàn thành", "trên 100%"},
      {"Hoàn thành", "dưới 100%"},
      {"Hoàn thành", "120%"},
      {"Hoàn thành", "-5%"},
      {"Hoàn thành", "90/90"},
      {"Hoàn thành", "91/90"},
      {"Hoàn thành", "58/100"},
      {"Hoàn thành", "Hoàn thành"},
      // Many places: eight are a short decimal, nine or more are not (the general path).
      {"0.1234567", "0.12345678", plain},
      {"0.1234567", "0.123456789", plain},
      {"99,9999999999999%", "99,99999999999991%"},
      {"100%", "89,9999999999999%"},
      // Near 10^15: 999999999999999 is a short decimal, 10^15 is not.
      {"999999999999999", "999999999999999", plain},
      {"999999999999999", "1000000000000000", plain},
      {"999999999999998", "trên 999999999999999", plain},
      {"99999999999999.9", "99999999999999.8", plain},
      // A fraction's terms just below and just above 2^63 (9 223 372 036 854 775 808):
      // 922337203685477 x 10^4 fits, 922337203685478 x 10^4 does not.
      {"1", "922337203685477/0.0001", plain},
      {"1", "922337203685478/0.0001", plain},
      {"1", "0.0001/922337203685478", plain},
      {"-1", "-922337203685478/0.0001", plain},
      // x 100 against a percentage: 92233720368547 x 10^5 fits 64 bits, x 100 more does not.
      {"50%", "92233720368547/0.00001", plain},
      {"50%", "9223372036854/0.00001", plain},
      // A ratio's terms at 2^53 (9 007 199 254 740 992): 900719925474099 x 10 is below, the
      // ratio exactly the cap (10); 900719925474100 x 10 is above.
      {"90071992547409.9", "900719925474099", plain},
      {"90071992547410.1", "900719925474100", plain},
      {"tối đa 900719925474099", "90071992547409.9", plain},
      {"tối đa 900719925474100", "90071992547410.1", plain},
      // Beyond 38 digits: the same error from both.
      {"99,9999999999999%", "999999999999999999/0,000000000000000001"},
  };
  ScoringOptions capped;
  ScoringOptions uncapped;
  uncapped.ratio_cap = std::numeric_limits<double>::infinity();
  ScoringOptions odd_cap;  // not a short decimal: the fast path hands every ratio over
  odd_cap.ratio_cap = 1.0 / 3;
  ScoringOptions small_cap;
  small_cap.ratio_cap = 1.25;
  int unreduced = 0;
  for (const Case& c : cases) {
    const Target t = parse_target(c.target, {c.format, std::nullopt});
    const Result r = parse_result(c.result, c.format);
    const std::string what = std::string(c.target) + " / " + c.result;
    for (const ScoringOptions& o : {capped, uncapped, odd_cap, small_cap})
      unreduced += agree(t, r, o, what + " cap " + std::to_string(o.ratio_cap));
  }
  // 80% / 40%: the fast path keeps 40/80, the general path 1/2 (so both paths really ran).
  EXPECT_GT(unreduced, 0);
  const Evaluation e =
      targets_detail::Scorer(capped).score(parse_target("80%"), parse_result("40%"));
  EXPECT_EQ(e.exact_ratio.num, 40);
  EXPECT_EQ(e.exact_ratio.den, 80);
  // The public evaluate() gives it in lowest terms.
  const Evaluation reduced = eval("80%", "40%");
  EXPECT_EQ(reduced.exact_ratio.num, 1);
  EXPECT_EQ(reduced.exact_ratio.den, 2);
}

namespace {

// Random target and result parts: decimals of 0 to 10 places with up to 17 digits (either side
// of 10^15 and of eight places), conditions, kinds, fractions, percentages, built by hand, some
// with their decimals read (as parse_target does), some with a stale one (read from another
// number), some with none.
class RandomParts {
 public:
  explicit RandomParts(std::uint64_t seed) : rng_(seed) {}

  std::pair<TargetPart, ResultPart> next() {
    TargetPart tp;
    tp.condition = kConditions[rng_() % 6];
    tp.percent = rng_() % 2 == 0;
    tp.low = number();
    tp.high = tp.condition == Condition::within ? tp.low + std::fabs(number()) : tp.low;
    ResultPart rp;
    rp.kind = kKinds[rng_() % 6];
    rp.percent = tp.percent || rng_() % 3 == 0;
    rp.value = rng_() % 4 == 0 ? tp.low : number();  // equal values are the edge of every verdict
    rp.denominator = rp.kind == ResultKind::fraction ? number() : 1;
    rp.estimate = rng_() % 5 == 0;
    switch (rng_() % 3) {
      case 0:  // read as parse_target / parse_result do
        tp.exact_low = detail::decimal_of(tp.low);
        tp.exact_high = detail::decimal_of(tp.high);
        rp.exact_value = detail::decimal_of(rp.value);
        rp.exact_denominator = detail::decimal_of(rp.denominator);
        break;
      case 1:  // stale: read from another number, then the number changed
        tp.exact_low = detail::decimal_of(tp.low + 1);
        rp.exact_value = detail::decimal_of(rp.value / 2 + 0.5);
        break;
      default:  // built by hand, nothing read
        break;
    }
    return {tp, rp};
  }

  std::uint64_t operator()() { return rng_(); }

 private:
  double number() {
    const int digits = 1 + static_cast<int>(rng_() % 17);
    std::int64_t m =
        static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(std::pow(10, digits)));
    if (rng_() % 8 == 0) m = static_cast<std::int64_t>(rng_() % 5);  // 0 to 4: zero and ties
    const double v = static_cast<double>(m) / std::pow(10.0, static_cast<int>(rng_() % 11));
    return rng_() % 4 == 0 ? -v : v;
  }

  static constexpr Condition kConditions[] = {Condition::at_least, Condition::more_than,
                                              Condition::at_most,  Condition::less_than,
                                              Condition::within,   Condition::milestone};
  // Mostly numbers; done / not done (a milestone's words, an error against a number).
  static constexpr ResultKind kKinds[] = {ResultKind::value, ResultKind::above,
                                          ResultKind::below, ResultKind::fraction,
                                          ResultKind::value, ResultKind::done};
  std::mt19937_64 rng_;
};

}  // namespace

TEST(Exact, TheFastAndTheGeneralPathAgreeOnRandomParts) {
  RandomParts parts(20261201);
  ScoringOptions capped;
  ScoringOptions uncapped;
  uncapped.ratio_cap = std::numeric_limits<double>::infinity();
  int unreduced = 0;
  for (int i = 0; i < 100000; ++i) {
    const auto [tp, rp] = parts.next();
    const Target t{"t", {tp}};
    const Result r{"r", {rp}};
    const std::string what =
        "case " + std::to_string(i) + ": " + tp.describe() + " / " + rp.describe();
    unreduced += agree(t, r, capped, what);
    unreduced += agree(t, r, uncapped, what);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(unreduced, 1000);
}

TEST(Exact, TheTableKernelGivesEachRowWhatTheGeneralPathGives) {
  // evaluate(IndicatorTable) scores the usual row (one part each, short decimals) without an
  // Evaluation and compares the bands on 64-bit terms: every column of every row must be what
  // the general path (128-bit, reduced) and Scheme::classify give that row alone. Rows the
  // general path refuses are left out (the table would stop at the first); a few rows have no
  // data, a few are compounds (the kernel hands them over).
  RandomParts parts(20261202);
  ScoringOptions capped;
  ScoringOptions uncapped;
  uncapped.ratio_cap = std::numeric_limits<double>::infinity();
  ScoringOptions odd_cap;
  odd_cap.ratio_cap = 1.0 / 3;  // not a short decimal: every ratio by the general path
  ScoringOptions half_cap;      // below 1: a ratio within [-1, 1] may be capped
  half_cap.ratio_cap = 0.5;
  const ScoringOptions options[] = {capped, uncapped, odd_cap, half_cap};
  IndicatorTable table;
  table.source = "random.csv";
  while (table.targets.size() < 30000) {
    auto [tp, rp] = parts.next();
    Target t{"t", {tp}};
    Result r{"r", {rp}};
    if (parts() % 50 == 0) r.parts.clear();  // no data
    if (parts() % 40 == 0) {                 // a compound of two labelled parts
      auto [tp2, rp2] = parts.next();
      t.parts[0].label = r.parts.empty() ? "a" : (r.parts[0].label = "a");
      tp2.label = rp2.label = "b";
      t.parts.push_back(tp2);
      if (!r.parts.empty()) r.parts.push_back(rp2);
    }
    try {
      for (const ScoringOptions& o : options) (void)targets_detail::Scorer(o, true).score(t, r);
    } catch (const ValidationError&) {
      continue;
    }
    table.indicators.push_back(Indicator{});
    table.targets.push_back(std::move(t));
    table.results.push_back(std::move(r));
    table.lines.push_back(table.lines.size() + 2);
  }
  const Scheme schemes[] = {Scheme::exceed(), Scheme::bands(),
                            Scheme::bands({99.9999999, 33.3, 0.5}), Scheme::bands({100}),
                            Scheme::bands({1.0 / 3 * 100})};
  std::size_t quick_bands = 0;
  for (const ScoringOptions& o : options) {
    for (const Scheme& scheme : schemes) {
      const EvaluationTable ev = evaluate(table, scheme, o);
      ASSERT_EQ(ev.size(), table.size());
      const targets_detail::Scorer general(o, true);
      for (std::size_t i = 0; i < table.size(); ++i) {
        const Evaluation e = general.score(table.targets[i], table.results[i]);
        const std::string what = "row " + std::to_string(i) + " (" + table.targets[i].describe() +
                                 " / " + table.results[i].describe() + "), scheme " +
                                 scheme.name() + ", cap " + std::to_string(o.ratio_cap);
        ASSERT_EQ(std::memcmp(&ev.ratio[i], &e.ratio, sizeof(double)), 0)
            << what << ": " << ev.ratio[i] << " vs " << e.ratio;
        ASSERT_EQ(ev.has_data[i], e.has_data) << what;
        ASSERT_EQ(ev.met[i], e.met) << what;
        ASSERT_EQ(ev.exceeded[i], e.exceeded) << what;
        ASSERT_EQ(ev.estimate[i], e.estimate) << what;
        ASSERT_EQ(ev.status[i], scheme.classify(e)) << what;
        quick_bands +=
            !scheme.thresholds().empty() && e.has_data && !e.met && e.exact_ratio.den != 0;
      }
    }
  }
  // Enough rows reach the exact bands for the comparison to mean something.
  EXPECT_GT(quick_bands, 10000U);
}

TEST(Exact, ABoundChangedAfterParsingIsReadAgain) {
  // parse_target reads 80 once; a caller that changes the bound afterwards (units/follow.cpp
  // combines bounds this way) is scored on the new bound, not on the decimal read before.
  Target t = parse_target("80%");
  t.parts[0].low = t.parts[0].high = 90;
  const Evaluation e = evaluate(t, parse_result("85%"));
  EXPECT_FALSE(e.met);
  EXPECT_EQ(e.exact_ratio.num, 17);
  EXPECT_EQ(e.exact_ratio.den, 18);
  Result r = parse_result("85%");
  r.parts[0].value = 95;
  EXPECT_TRUE(evaluate(parse_target("80%"), r).exceeded);
}

TEST(Exact, DecimalsAreReadOnceAndReadBackOnlyFromTheirNumber) {
  using detail::decimal_of;
  const detail::Decimal d = decimal_of(99.21);
  EXPECT_EQ(d.digits, 9921);
  EXPECT_EQ(d.places, 2);
  EXPECT_EQ(d.scale(), 100);
  EXPECT_TRUE(d.reads(99.21));
  EXPECT_FALSE(d.reads(99.2));
  EXPECT_FALSE(d.reads(std::nextafter(99.21, 100.0)));
  EXPECT_EQ(decimal_of(-0.5).digits, -5);
  EXPECT_EQ(decimal_of(-0.5).places, 1);
  EXPECT_EQ(decimal_of(0.12345678).places, 8);
  EXPECT_EQ(decimal_of(0.123456789).places, -1);  // nine places: exact() reads it by to_chars
  EXPECT_EQ(decimal_of(999999999999999.0).places, 0);
  EXPECT_EQ(decimal_of(1e15).places, -1);
  EXPECT_EQ(decimal_of(std::numeric_limits<double>::quiet_NaN()).places, -1);
  EXPECT_EQ(decimal_of(std::numeric_limits<double>::infinity()).places, -1);
  // Nothing read, or a places field out of range, reads no number.
  EXPECT_FALSE(detail::Decimal{}.reads(0));
  EXPECT_FALSE((detail::Decimal{5, 9}.reads(5e-9)));
  EXPECT_FALSE((detail::Decimal{5, -2}.reads(500)));
  // parse_target and parse_result read them.
  const Target t = parse_target("6 - 8,5%");
  EXPECT_TRUE(t.parts[0].exact_low.reads(6));
  EXPECT_TRUE(t.parts[0].exact_high.reads(8.5));
  const Result r = parse_result("1.030/1.685");
  EXPECT_TRUE(r.parts[0].exact_value.reads(1030));
  EXPECT_TRUE(r.parts[0].exact_denominator.reads(1685));
}
