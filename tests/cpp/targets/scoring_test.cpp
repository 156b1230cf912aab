#include "dxkit/targets/scoring.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

namespace {
Evaluation eval(std::string_view target, std::string_view result) {
  return evaluate(parse_target(target), parse_result(result));
}
}  // namespace

TEST(Scoring, MetMeansTheConditionHoldsForAllTheResultIsKnownToBe) {
  EXPECT_TRUE(eval("≥ 95%", "trên 95%").met);
  EXPECT_TRUE(eval("trên 95%", "trên 95%").met);
  EXPECT_FALSE(eval("trên 50%", "50%").met);
  EXPECT_TRUE(eval("trên 50%", "50,1%").met);
  EXPECT_FALSE(eval("≥ 75%", "trên 54,4%").met);
  EXPECT_TRUE(eval("tối đa 5 ngày", "dưới 5 ngày").met);
  EXPECT_FALSE(eval("dưới 5", "5").met);
  EXPECT_TRUE(eval("dưới 5", "dưới 5").met);
  EXPECT_FALSE(eval("tối đa 5", "trên 3").met);
}

TEST(Scoring, ExceededMeansStrictlyBetterThanTheBound) {
  EXPECT_TRUE(eval("95% trở lên", "Trên 95%").exceeded);  // Đồng Tháp row 11: Vượt
  EXPECT_FALSE(eval("100%", "100%").exceeded);            // Đạt
  EXPECT_TRUE(eval("80%", "99,21%").exceeded);
  EXPECT_TRUE(eval("tối đa 5 ngày", "4 ngày").exceeded);
  EXPECT_FALSE(eval("tối đa 5 ngày", "5 ngày").exceeded);
  // A range: met inside it, exceeded above its upper end.
  Evaluation in = eval("6 - 8%", "7%");
  EXPECT_TRUE(in.met);
  EXPECT_FALSE(in.exceeded);
  EXPECT_DOUBLE_EQ(in.ratio, 7.0 / 6.0);
  EXPECT_TRUE(eval("6 - 8%", "9%").exceeded);
  EXPECT_FALSE(eval("6 - 8%", "5%").met);
  // A milestone is never exceeded.
  EXPECT_FALSE(eval("Hoàn thành", "Hoàn thành").exceeded);
}

TEST(Scoring, Ratios) {
  EXPECT_DOUBLE_EQ(eval("80%", "100%").ratio, 1.25);
  EXPECT_DOUBLE_EQ(eval("tối đa 5 ngày", "10 ngày").ratio, 0.5);
  EXPECT_DOUBLE_EQ(eval("trên 75%", "trên 54,4%").ratio, 54.4 / 75);
  // A fraction against a percentage target counts as a percentage (Thái Bình row 7: 60/90).
  EXPECT_DOUBLE_EQ(eval("60%", "60/90").ratio, (60.0 / 90 * 100) / 60);
  EXPECT_TRUE(eval("60%", "60/90").met);
  // ... and as a plain ratio against a count.
  EXPECT_DOUBLE_EQ(eval("2", "3/4").ratio, 0.375);
}

TEST(Scoring, ZeroValuesNeverGiveNanOrInfinity) {
  ScoringOptions o;
  // Lower is better and nothing happened: the best possible, the cap.
  Evaluation e = eval("tối đa 5 sự cố", "0 sự cố");
  EXPECT_EQ(e.ratio, o.ratio_cap);
  EXPECT_TRUE(e.met);
  EXPECT_TRUE(e.exceeded);
  EXPECT_EQ(eval("tối đa 0", "0").ratio, 1.0);
  EXPECT_EQ(eval("0%", "0%").ratio, 1.0);
  EXPECT_EQ(eval("0%", "5%").ratio, o.ratio_cap);
  EXPECT_EQ(eval("80%", "0%").ratio, 0.0);
  EXPECT_TRUE(std::isfinite(eval("1", "1.000.000.000").ratio));
  EXPECT_EQ(eval("1", "1.000.000.000").ratio, o.ratio_cap);
}

TEST(Scoring, Milestones) {
  EXPECT_EQ(eval("Hoàn thành", "Hoàn thành").ratio, 1.0);
  EXPECT_TRUE(eval("Hoàn thành", "Hoàn thành").met);
  EXPECT_EQ(eval("Hoàn thành", "Chưa hoàn thành").ratio, 0.0);
  EXPECT_DOUBLE_EQ(eval("Hoàn thành", "78%").ratio, 0.78);  // progress
  EXPECT_FALSE(eval("Hoàn thành", "78%").met);
  EXPECT_TRUE(eval("Hoàn thành", "100%").met);
  try {
    (void)eval("Hoàn thành", "5");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("milestone"), std::string::npos);
  }
  EXPECT_THROW_MSG((void)eval("80%", "Hoàn thành"), ValidationError,
                   "the target is numeric (≥ 80%); its result must be a number, not 'hoàn thành'");
  EXPECT_THROW_MSG((void)eval("300 người", "50%"), ValidationError,
                   "the result is a percentage (50%) but the target is a count (≥ 300 người)");
}

TEST(Scoring, CompoundsTakeTheSmallestPart) {
  Evaluation e = eval("tỉnh: 90%; huyện: 80%; xã: 60%", "xã: 30%; tỉnh: 90%; huyện: 80%");
  EXPECT_DOUBLE_EQ(e.ratio, 0.5);
  EXPECT_FALSE(e.met);
  Evaluation all = eval("tỉnh: 90%; huyện: 80%", "tỉnh: 95%; huyện: 85%");
  EXPECT_TRUE(all.met);
  EXPECT_TRUE(all.exceeded);
  EXPECT_FALSE(eval("tỉnh: 90%; huyện: 80%", "tỉnh: 95%; huyện: 80%").exceeded);
  // By position when unlabelled.
  EXPECT_TRUE(eval("a: 97% trở lên; b: 50% trở lên", "99,6%; 82,2%").met);
  // Labels matched without regard to case.
  EXPECT_TRUE(eval("Tỉnh: 90%; Huyện: 80%", "TỈNH: 90%; huyện: 80%").met);
}

TEST(Scoring, CompoundMismatchesAreErrorsThatNameTheLabels) {
  try {
    (void)eval("tỉnh: 90%; huyện: 80%; xã: 60%", "tỉnh: 90%; quận: 80%; xã: 60%");
    FAIL();
  } catch (const ValidationError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'quận' matches none of the target's parts (tỉnh, huyện, xã)"),
              std::string::npos)
        << what;
  }
  EXPECT_THROW_MSG((void)eval("tỉnh: 90%; huyện: 80%", "90%"), ValidationError,
                   "the target has 2 parts (tỉnh, huyện) but the result has 1; give one value per "
                   "part, 'label: X; label: Y'");
  EXPECT_THROW_MSG(
      (void)eval("tỉnh: 90%; huyện: 80%", "tỉnh: 90%"), ValidationError,
      "the result has no value for the target's part 'huyện' (target parts: tỉnh, huyện)");
}

TEST(Scoring, NoDataIsNotAnError) {
  Evaluation e = eval("80%", "");
  EXPECT_FALSE(e.has_data);
  EXPECT_EQ(e.ratio, 0.0);
  EXPECT_EQ(Scheme::exceed().statuses()[Scheme::exceed().classify(e)].id, "no_data");
}

TEST(Scoring, ExceedScheme) {
  Scheme s = Scheme::exceed();
  auto id = [&](std::string_view t, std::string_view r) {
    return s.statuses()[s.classify(eval(t, r))].id;
  };
  EXPECT_EQ(id("80%", "99,21%"), "exceeded");
  EXPECT_EQ(id("100%", "100%"), "met");
  EXPECT_EQ(id("50%", "25,94%"), "not_met");
  EXPECT_EQ(s.statuses()[0].label, "Vượt");
  EXPECT_EQ(s.statuses()[2].label, "Chưa đạt");
}

TEST(Scoring, BandsScheme) {
  Scheme s = Scheme::bands({90, 50});
  ASSERT_EQ(s.statuses().size(), 5u);
  EXPECT_EQ(s.statuses()[1].id, "ge_90");
  EXPECT_EQ(s.statuses()[1].label, "Đạt trên 90% mục tiêu");
  EXPECT_EQ(s.statuses()[3].id, "lt_50");
  EXPECT_EQ(s.statuses()[3].label, "Đạt dưới 50% mục tiêu");
  auto id = [&](std::string_view t, std::string_view r) {
    return s.statuses()[s.classify(eval(t, r))].id;
  };
  EXPECT_EQ(id("100%", "92,56%"), "ge_90");
  EXPECT_EQ(id("100%", "90%"), "ge_90");  // exactly on the threshold
  EXPECT_EQ(id("Hoàn thành", "50%"), "ge_50");
  EXPECT_EQ(id("20%", "5%"), "lt_50");
  EXPECT_EQ(id("80%", "100%"), "met");
  // 0.9 is not exact in binary; 63/70 must still count as 90 %.
  EXPECT_EQ(id("70", "63"), "ge_90");
  // Thresholds print with up to 4 decimals in the labels and ids, Vietnamese in the label
  // and plain in the id (a mutation pass found no test with more than whole numbers).
  Scheme thirds = Scheme::bands({66.666666, 33.33333});
  EXPECT_EQ(thirds.statuses()[1].id, "ge_66.6667");
  EXPECT_EQ(thirds.statuses()[1].label, "Đạt trên 66,6667% mục tiêu");
  EXPECT_EQ(thirds.statuses()[2].label, "Đạt trên 33,3333% mục tiêu");
  EXPECT_EQ(thirds.statuses()[3].id, "lt_33.3333");
  EXPECT_EQ(thirds.statuses()[3].label, "Đạt dưới 33,3333% mục tiêu");
  Scheme three = Scheme::bands({75, 50, 25});
  EXPECT_EQ(three.statuses().back().id, "no_data");
  EXPECT_EQ(three.statuses()[4].id, "lt_25");
  EXPECT_THROW_MSG((void)Scheme::bands({50, 90}), ValidationError,
                   "band thresholds must be strictly decreasing (e.g. 90,50)");
  EXPECT_THROW_MSG((void)Scheme::bands({}), ValidationError,
                   "the bands scheme needs at least one threshold");
  EXPECT_THROW_MSG((void)Scheme::bands({150}), ValidationError,
                   "band thresholds must lie in (0, 100]; got 150");
  EXPECT_THROW_MSG((void)Scheme::from_name("ranks"), ValidationError,
                   "unknown scheme 'ranks'; accepted: exceed, bands");
}

TEST(Scoring, NumericKernelAgreesWithTheExpressionPath) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> target = {80, 50, 5, 5, 100, 0};
  std::vector<double> actual = {99.21, 25.94, 4, 0, nan, 0};
  std::vector<std::uint8_t> lower = {0, 0, 1, 1, 0, 0};
  std::vector<double> ratio(6);
  std::vector<std::uint8_t> met(6), exc(6), has(6);
  evaluate_numeric(target, actual, lower, ratio, met, exc, has);
  EXPECT_DOUBLE_EQ(ratio[0], eval("80%", "99,21%").ratio);
  EXPECT_EQ(exc[0], 1);
  EXPECT_EQ(met[1], 0);
  EXPECT_DOUBLE_EQ(ratio[2], 1.25);
  EXPECT_EQ(ratio[3], ScoringOptions{}.ratio_cap);
  EXPECT_EQ(has[4], 0);
  EXPECT_EQ(ratio[5], 1.0);
  std::vector<double> bad_target = {nan};
  std::vector<double> one_actual = {1};
  std::vector<double> r1(1);
  std::vector<std::uint8_t> m1(1), e1(1), h1(1);
  try {
    evaluate_numeric(bad_target, one_actual, {}, r1, m1, e1, h1);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("row 1"), std::string::npos);
  }
}

// Point 3 of the layout: the schemes are one name table; parsing, printing and the list of
// choices (help, docstrings, docs) all come from it.
TEST(Scoring, SchemesComeFromOneNameTable) {
  EXPECT_EQ(kSchemes.joined(), "exceed, bands");
  EXPECT_EQ(Scheme::from_name("exceed").name(), kSchemes.name(SchemeKind::exceed));
  EXPECT_EQ(Scheme::from_name("bands", {75, 50, 25}).name(), kSchemes.name(SchemeKind::bands));
  EXPECT_EQ(Scheme::from_name("bands", {75, 50, 25}).thresholds(),
            (std::vector<double>{75, 50, 25}));
  const auto pairs = target_choices("scheme");
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].first, "exceed");
  EXPECT_EQ(pairs[1].first, "bands");
  EXPECT_NE(pairs[0].second.find("Vượt"), std::string_view::npos);
  try {
    (void)Scheme::from_name("ranks");
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown scheme 'ranks'; accepted: exceed, bands");
  }
  try {
    (void)target_choices("colour");
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown kind of choice 'colour'; accepted: scheme");
  }
}

TEST(Scoring, AMilestoneNotDoneIsInTheLowestBand) {
  // "Chưa hoàn thành": ratio 0 exactly (0/1), so the bands scheme gives the lowest band, not
  // "Hoàn thành" nor a "trên T%" band.
  const Evaluation e = eval("Hoàn thành", "Chưa hoàn thành");
  EXPECT_TRUE(e.has_data);
  EXPECT_FALSE(e.met);
  EXPECT_EQ(e.exact_ratio.num, 0);
  EXPECT_EQ(e.exact_ratio.den, 1);
  const Scheme bands = Scheme::bands({90, 50});
  EXPECT_EQ(bands.statuses().at(bands.classify(e)).label, "Đạt dưới 50% mục tiêu");
  const Evaluation done = eval("Hoàn thành", "Hoàn thành");
  EXPECT_EQ(done.exact_ratio.num, 1);
  EXPECT_EQ(done.exact_ratio.den, 1);
  EXPECT_EQ(bands.statuses().at(bands.classify(done)).label, "Hoàn thành");
  // 78% done: 78/100 exactly, in the "trên 50%" band.
  const Evaluation part = eval("Hoàn thành", "78%");
  EXPECT_EQ(bands.statuses().at(bands.classify(part)).label, "Đạt trên 50% mục tiêu");
}

TEST(Scoring, NumericKernelNamesTheRowOfAnInfiniteValue) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> target = {80, 50, 5};
  std::vector<double> actual = {99.21, 25.94, -inf};
  std::vector<double> ratio(3);
  std::vector<std::uint8_t> met(3), exc(3), has(3);
  EXPECT_THROW_MSG(evaluate_numeric(target, actual, {}, ratio, met, exc, has), ValidationError,
                   "row 3: the result is infinite");
  actual = {1, 2, 3};
  target = {1, inf, 3};
  EXPECT_THROW_MSG(evaluate_numeric(target, actual, {}, ratio, met, exc, has), ValidationError,
                   "row 2: the target is not a number");
}

TEST(Scoring, NumericKernelRefusesArraysOfDifferentLengths) {
  const std::vector<double> two = {1, 2};
  const std::vector<double> one = {1};
  std::vector<double> r2(2), r1(1);
  std::vector<std::uint8_t> b2(2), b1(1), m2(2), e2(2), h2(2);
  const std::vector<std::uint8_t> lower2 = {0, 1}, lower1 = {0};
  const char* const msg = "evaluate_numeric: the arrays differ in length";
  EXPECT_THROW_MSG(evaluate_numeric(two, one, {}, r2, m2, e2, h2), ValidationError, msg);
  EXPECT_THROW_MSG(evaluate_numeric(two, two, {}, r1, m2, e2, h2), ValidationError, msg);
  EXPECT_THROW_MSG(evaluate_numeric(two, two, {}, r2, b1, e2, h2), ValidationError, msg);
  EXPECT_THROW_MSG(evaluate_numeric(two, two, {}, r2, m2, b1, h2), ValidationError, msg);
  EXPECT_THROW_MSG(evaluate_numeric(two, two, {}, r2, m2, e2, b1), ValidationError, msg);
  EXPECT_THROW_MSG(evaluate_numeric(two, two, lower1, r2, m2, e2, h2), ValidationError, msg);
  // The same lengths (lower_is_better empty or of the same length) are scored.
  evaluate_numeric(two, two, lower2, r2, m2, e2, h2);
  EXPECT_EQ(r2, (std::vector<double>{1, 1}));
  EXPECT_EQ(m2, (std::vector<std::uint8_t>{1, 1}));
  EXPECT_EQ(e2, (std::vector<std::uint8_t>{0, 0}));
  EXPECT_EQ(h2, (std::vector<std::uint8_t>{1, 1}));
  // A NaN result is no data: ratio 0 and no verdict, whatever was in the arrays before.
  const std::vector<double> gap = {1, std::numeric_limits<double>::quiet_NaN()};
  std::fill(m2.begin(), m2.end(), 7);
  std::fill(e2.begin(), e2.end(), 7);
  evaluate_numeric(two, gap, {}, r2, m2, e2, h2);
  EXPECT_EQ(r2[1], 0.0);
  EXPECT_EQ(m2[1], 0);
  EXPECT_EQ(e2[1], 0);
  EXPECT_EQ(h2[1], 0);
  EXPECT_EQ(h2[0], 1);
  EXPECT_EQ(e2[0], 0);
}
