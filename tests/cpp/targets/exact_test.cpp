// Verdicts on the decimals and fractions as written, not on their binary approximations
// (issue 13 point 4): 58/100 meets ">= 58%", 42/75 is 56 % exactly, 99,21% exceeds 99,2%.
#include "dxkit/targets/detail/exact.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/scoring.hpp"

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
