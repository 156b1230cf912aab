// Results read from cells at the edges of src/targets/result.cpp's rules (issue 12 point 10):
// a unit of several words after a short result, a sign after a bound word, what each number
// prints as with more than four decimals, a sentence's percentage in the middle of the text,
// and which decimals parse_result reads for the scoring (none for a milestone's words).
#include <gtest/gtest.h>

#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/result.hpp"

using namespace dxkit;

namespace {
ResultPart one(std::string_view s) {
  const Result r = parse_result(s);
  EXPECT_EQ(r.parts.size(), 1u) << s;
  return r.parts.empty() ? ResultPart{} : r.parts[0];
}
}  // namespace

TEST(ResultBounds, ShortResultsWithTheirUnits) {
  ResultPart p = one("5 ngày làm việc");
  EXPECT_EQ(p.kind, ResultKind::value);
  EXPECT_EQ(p.value, 5);
  EXPECT_EQ(p.unit, "ngày làm việc");
  EXPECT_FALSE(p.percent);
  p = one("5% dân số");
  EXPECT_TRUE(p.percent);
  EXPECT_EQ(p.unit, "dân số");
  p = one("3/4 xã");
  EXPECT_EQ(p.kind, ResultKind::fraction);
  EXPECT_EQ(p.denominator, 4);
  // A sign after a bound word: the bound of a negative number.
  p = one("trên \u22125%");
  EXPECT_EQ(p.kind, ResultKind::above);
  EXPECT_EQ(p.value, -5);
  EXPECT_TRUE(p.percent);
  p = one("dưới -5");
  EXPECT_EQ(p.kind, ResultKind::below);
  EXPECT_EQ(p.value, -5);
  p = one("ước đạt -2");
  EXPECT_EQ(p.kind, ResultKind::value);
  EXPECT_TRUE(p.estimate);
  EXPECT_EQ(p.value, -2);
  // A fraction whose denominator is 1 is a fraction, not an error.
  p = one("5/1");
  EXPECT_EQ(p.kind, ResultKind::fraction);
  EXPECT_EQ(p.denominator, 1);
}

TEST(ResultBounds, NumbersPrintWithFourDecimals) {
  EXPECT_EQ(parse_result("99,123456%").describe(), "99,1235%");
  EXPECT_EQ(parse_result("trên 0,123456").describe(), "> 0,1235");
  EXPECT_EQ(parse_result("dưới 0,123456%").describe(), "< 0,1235%");
  EXPECT_EQ(parse_result("1/3,333333").describe(), "1/3,3333");
  EXPECT_EQ(parse_result("ước đạt 2,5 ngày").describe(), "≈ 2,5 ngày");
}

TEST(ResultBounds, ASentencesPercentageAnywhereInIt) {
  // The percentage in the middle of the sentence, followed by words; a count followed by words
  // is no percentage.
  ResultPart p = one("Tỷ lệ hồ sơ trực tuyến đạt 95% kế hoạch năm");
  EXPECT_EQ(p.value, 95);
  EXPECT_TRUE(p.percent);
  EXPECT_FALSE(p.estimate);
  EXPECT_EQ(p.kind, ResultKind::value);
  p = one("Toàn tỉnh đã có 1.250 doanh nghiệp số trong năm");
  EXPECT_EQ(p.value, 1250);
  EXPECT_FALSE(p.percent);
  p = one("Hạ tầng cáp quang phủ trên 54,4% hộ gia đình toàn tỉnh");
  EXPECT_EQ(p.kind, ResultKind::above);
  EXPECT_TRUE(p.percent);
}

TEST(ResultBounds, TheDecimalsReadForScoring) {
  // A number's decimals are read once, a fraction's denominator too; a milestone's words have
  // no number, so nothing is read.
  for (const char* s : {"Hoàn thành", "Chưa hoàn thành"}) {
    const ResultPart p = one(s);
    EXPECT_FALSE(p.exact_value.reads(0)) << s;
    EXPECT_FALSE(p.exact_value.reads(p.value)) << s;
  }
  EXPECT_TRUE(one("78%").exact_value.reads(78));
  EXPECT_TRUE(one("trên 85%").exact_value.reads(85));
  EXPECT_TRUE(one("dưới 5").exact_value.reads(5));
  const ResultPart f = one("60/90");
  EXPECT_TRUE(f.exact_value.reads(60));
  EXPECT_TRUE(f.exact_denominator.reads(90));
  const Result c = parse_result("tỉnh: Hoàn thành; huyện: 80%");
  EXPECT_FALSE(c.parts[0].exact_value.reads(0));
  EXPECT_TRUE(c.parts[1].exact_value.reads(80));
}
