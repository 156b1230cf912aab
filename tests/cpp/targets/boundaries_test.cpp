// Scoring at its boundaries: each case is a wrong answer a user would see that a mutation
// audit of the core showed no other test noticed.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"

using namespace dxkit;

namespace {

Evaluation score(const char* target, const char* result) {
  return evaluate(parse_target(target), parse_result(result));
}

std::string message_of(const char* target, const char* result) {
  try {
    (void)score(target, result);
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(ScoringBoundaries, DoneAgainstANumericTargetIsAnError) {
  const Target t = parse_target("dưới 100%");
  EXPECT_EQ(message_of("dưới 100%", "Hoàn thành"),
            "the target is numeric (" + t.parts[0].describe() +
                "); its result must be a number, not '" +
                parse_result("Hoàn thành").parts[0].describe() + "'");
}

TEST(ScoringBoundaries, RangeReachedAtItsUpperEndIsMetNotExceeded) {
  const Evaluation at_top = score("80 - 90%", "90%");
  EXPECT_TRUE(at_top.met);
  EXPECT_FALSE(at_top.exceeded);
  EXPECT_DOUBLE_EQ(at_top.ratio, 90.0 / 80.0);
  EXPECT_TRUE(score("80 - 90%", "91%").exceeded);
  const Evaluation below = score("80 - 90%", "79%");
  EXPECT_FALSE(below.met);
  EXPECT_FALSE(below.exceeded);
}

TEST(ScoringBoundaries, BelowFivePercentIsLowerIsBetter) {
  const Evaluation good = score("dưới 5%", "3%");
  EXPECT_TRUE(good.met);
  EXPECT_TRUE(good.exceeded);
  EXPECT_DOUBLE_EQ(good.ratio, 5.0 / 3.0);
  const Evaluation bad = score("dưới 5%", "7%");
  EXPECT_FALSE(bad.met);
  EXPECT_DOUBLE_EQ(bad.ratio, 5.0 / 7.0);
  EXPECT_FALSE(score("dưới 5%", "5%").met);  // "below 5%" is not reached at 5%
}

TEST(ScoringBoundaries, NumericKernelLowerIsBetterEquality) {
  const std::vector<double> target = {5, 5, 5, 5};
  const std::vector<double> actual = {5, 4, 6, 5};
  const std::vector<std::uint8_t> lower = {1, 1, 1, 0};
  const EvaluationTable e = evaluate(target, actual, lower, Scheme::exceed());
  EXPECT_EQ(e.met, (std::vector<std::uint8_t>{1, 1, 0, 1}));
  EXPECT_EQ(e.exceeded, (std::vector<std::uint8_t>{0, 1, 0, 0}));
  EXPECT_DOUBLE_EQ(e.ratio[0], 1);
  EXPECT_DOUBLE_EQ(e.ratio[1], 5.0 / 4.0);
  EXPECT_DOUBLE_EQ(e.ratio[2], 5.0 / 6.0);
}

// Lower is better with a bound below zero (a fall of at least 2 points: at most -2): a value
// above the bound is short of it and must not land in a high band.
TEST(ScoringBoundaries, LowerIsBetterNegativeBoundInBands) {
  const Scheme bands = Scheme::bands({90, 50});
  const std::vector<double> target = {-2, -2, -2, 0, 0};
  const std::vector<double> actual = {-1, -3, 1, -1, 0};
  const std::vector<std::uint8_t> lower(5, 1);
  const EvaluationTable e = evaluate(target, actual, lower, bands);
  EXPECT_EQ(e.met, (std::vector<std::uint8_t>{0, 1, 0, 1, 1}));
  EXPECT_DOUBLE_EQ(e.ratio[0], 0.5);  // -1 is half way to -2
  EXPECT_DOUBLE_EQ(e.ratio[1], 1.5);  // -3 goes half as far again
  EXPECT_LT(e.ratio[2], 0);           // a rise where a fall was wanted
  EXPECT_DOUBLE_EQ(e.ratio[4], 1);    // 0 against 0
  EXPECT_GT(e.ratio[3], 1);           // below a bound of 0: better than asked
  const auto& ids = bands.statuses();
  EXPECT_EQ(ids[e.status[0]].id, "ge_50");
  EXPECT_EQ(ids[e.status[1]].id, "met");
  EXPECT_EQ(ids[e.status[2]].id, "lt_50");
  EXPECT_EQ(ids[e.status[3]].id, "met");
}

TEST(ScoringBoundaries, BandsMustStrictlyDecrease) {
  try {
    (void)Scheme::bands({90, 90});
    FAIL() << "accepted";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "band thresholds must be strictly decreasing (e.g. 90,50)");
  }
  EXPECT_EQ(Scheme::bands({90, 50}).thresholds(), (std::vector<double>{90, 50}));
}
