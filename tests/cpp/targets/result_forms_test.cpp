// Results as the appendices write them, at the edges of the reader: what a result prints as
// (each kind, estimate, unit, label), a fraction followed by a percent or a unit, a sign before
// a number, the words before a short result (two unknown words are an error, three make a
// sentence), sentences with no, one or two numbers, and compounds with an empty part.
#include <gtest/gtest.h>

#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/result.hpp"

using namespace dxkit;

namespace {
ResultPart one(std::string_view text) {
  Result r = parse_result(text);
  EXPECT_EQ(r.parts.size(), 1u) << text;
  return r.parts.at(0);
}
}  // namespace

TEST(ResultForms, WhatEachKindPrintsAs) {
  EXPECT_EQ(parse_result("99,21%").describe(), "99,21%");
  EXPECT_EQ(parse_result("trên 85%").describe(), "> 85%");
  EXPECT_EQ(parse_result("dưới 5%").describe(), "< 5%");
  EXPECT_EQ(parse_result("ước đạt 5%").describe(), "≈ 5%");
  EXPECT_EQ(parse_result("1 cuộc").describe(), "1 cuộc");
  EXPECT_EQ(parse_result("60/90").describe(), "60/90");
  EXPECT_EQ(parse_result("Hoàn thành").describe(), "hoàn thành");
  EXPECT_EQ(parse_result("Chưa hoàn thành").describe(), "chưa hoàn thành");
  EXPECT_EQ(parse_result("").describe(), "");
  EXPECT_EQ(parse_result("tỉnh: 92%; huyện: ước đạt 81%").describe(), "tỉnh: 92%; huyện: ≈ 81%");
  EXPECT_EQ(parse_result("99,6%; 82,2%").describe(), "99,6%; 82,2%");
  // An estimate in any part makes the result one.
  EXPECT_FALSE(parse_result("tỉnh: 92%; huyện: 81%").is_estimate());
  EXPECT_TRUE(parse_result("tỉnh: 92%; huyện: ước đạt 81%").is_estimate());
  EXPECT_FALSE(parse_result("Hoàn thành").is_estimate());
}

TEST(ResultForms, FractionsWithAPercentOrAUnit) {
  ResultPart p = one("3/4 xã");
  EXPECT_EQ(p.kind, ResultKind::fraction);
  EXPECT_EQ(p.value, 3);
  EXPECT_EQ(p.denominator, 4);
  EXPECT_EQ(p.unit, "xã");
  EXPECT_FALSE(p.percent);
  p = one("60/90%");
  EXPECT_EQ(p.kind, ResultKind::fraction);
  EXPECT_EQ(p.denominator, 90);
  EXPECT_TRUE(p.percent);
  p = one("60 / 90");
  EXPECT_EQ(p.kind, ResultKind::fraction);
  EXPECT_EQ(p.denominator, 90);
  // A bound word before a fraction leaves it a fraction.
  EXPECT_EQ(one("trên 60/90").kind, ResultKind::fraction);
  EXPECT_THROW_MSG((void)parse_result("5/0,0"), ParseError,
                   "a fraction's denominator is zero: '5/0,0'");
}

TEST(ResultForms, ValuesSignsAndPercents) {
  ResultPart p = one("5");
  EXPECT_EQ(p.value, 5);
  EXPECT_FALSE(p.percent);
  EXPECT_EQ(p.kind, ResultKind::value);
  p = one("5 %");
  EXPECT_TRUE(p.percent);
  p = one("- 5");
  EXPECT_EQ(p.value, -5);
  p = one("12 người");
  EXPECT_EQ(p.value, 12);
  EXPECT_EQ(p.unit, "người");
  EXPECT_FALSE(p.estimate);
  EXPECT_EQ(one("hơn 12 người").kind, ResultKind::above);
}

TEST(ResultForms, WordsBeforeAShortResult) {
  // One or two words dxkit does not know before a short result: an error that names them.
  EXPECT_THROW_MSG((void)parse_result("gần 80%"), ParseError,
                   "unknown word 'gần' before the result; accepted: X, trên X, hơn X, > X, dưới X, "
                   "< X, ước đạt X, khoảng X, dự kiến X, a/b, Hoàn thành, Chưa hoàn thành: "
                   "'gần 80%'");
  EXPECT_THROW_MSG((void)parse_result("gần bằng 80%"), ParseError,
                   "unknown word 'gần bằng' before the result; accepted: X, trên X, hơn X, > X, "
                   "dưới X, < X, ước đạt X, khoảng X, dự kiến X, a/b, Hoàn thành, Chưa hoàn thành: "
                   "'gần bằng 80%'");
  EXPECT_TRUE(one("xấp xỉ 80%").estimate);  // two words of text::result_words
  // Three words are a sentence, read for its one percentage.
  const ResultPart p = one("gần như bằng 80%");
  EXPECT_EQ(p.value, 80);
  EXPECT_TRUE(p.percent);
  EXPECT_EQ(p.kind, ResultKind::value);
}

TEST(ResultForms, SentencesWithNoneOneOrTwoNumbers) {
  const std::string advice =
      "; write a value (99,21%), a bound (trên 85%), an estimate (ước đạt 5%), a fraction "
      "(60/90), Hoàn thành or Chưa hoàn thành";
  EXPECT_THROW_MSG((void)parse_result("Đang triển khai thực hiện"), ParseError,
                   "cannot read a result from this text (it has no number)" + advice +
                       ": 'Đang triển khai thực hiện'");
  try {
    (void)parse_result("Tỷ lệ đạt 80% và 90% dân số");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_NE(e.message().find("ambiguous result: the text has 2 percentages (80%, 90%)"),
              std::string::npos)
        << e.message();
  }
  try {
    (void)parse_result("Có 12 xã và 30 phường được triển khai");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_NE(e.message().find("(it has 2 numbers ("), std::string::npos) << e.message();
  }
  // One percentage among other numbers is the result.
  const ResultPart p = one("Năm 2023 có 12 xã đạt 80% kế hoạch");
  EXPECT_EQ(p.value, 80);
  EXPECT_TRUE(p.percent);
  EXPECT_FALSE(p.estimate);
  EXPECT_TRUE(one("Năm 2023 có 12 xã ước đạt 80% kế hoạch").estimate);
}

TEST(ResultForms, CompoundsWithAnEmptyOrBadPart) {
  EXPECT_THROW((void)parse_result("tỉnh: ; huyện: 80%"), ParseError);
  EXPECT_THROW((void)parse_result("tỉnh: gần 90%; huyện: 80%"), ParseError);
  const Result r = parse_result("tỉnh: Hoàn thành; huyện: Chưa hoàn thành");
  ASSERT_EQ(r.parts.size(), 2u);
  EXPECT_EQ(r.parts[0].kind, ResultKind::done);
  EXPECT_EQ(r.parts[1].kind, ResultKind::not_done);
  const Result u = parse_result("Hoàn thành; 80%");
  ASSERT_EQ(u.parts.size(), 2u);
  EXPECT_EQ(u.parts[0].kind, ResultKind::done);
  EXPECT_EQ(u.parts[1].value, 80);
}
