#include "dxkit/targets/result.hpp"

#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/target.hpp"

using namespace dxkit;

namespace {
ResultPart one(std::string_view text) {
  Result r = parse_result(text);
  EXPECT_EQ(r.parts.size(), 1u) << text;
  return r.parts.at(0);
}
}  // namespace

TEST(Result, Values) {
  ResultPart p = one("99,21%");
  EXPECT_EQ(p.kind, ResultKind::value);
  EXPECT_DOUBLE_EQ(p.value, 99.21);
  EXPECT_TRUE(p.percent);
  p = one("320");
  EXPECT_EQ(p.value, 320);
  EXPECT_FALSE(p.percent);
  p = one("1 cuộc");
  EXPECT_EQ(p.unit, "cuộc");
  // A sign before the number, ASCII or U+2212 as Word writes it (glued to the number, the
  // minus sign was read as part of a word and "−2,5%" as 5).
  EXPECT_DOUBLE_EQ(one("-5").value, -5);
  EXPECT_DOUBLE_EQ(one("\u22122,5%").value, -2.5);
  EXPECT_DOUBLE_EQ(one("\u22125").value, -5);
  EXPECT_DOUBLE_EQ(one("\u2212 2,5%").value, -2.5);
  // A sign after a word is still a sign ("đạt −2,5%"); only after a number it joins a range.
  EXPECT_DOUBLE_EQ(one("đạt \u22122,5%").value, -2.5);
  EXPECT_DOUBLE_EQ(one("đạt -5").value, -5);
  // Between two numbers of a target it joins a range, as '-' and '–' do.
  const Target range = parse_target("80 \u2212 90%");
  EXPECT_DOUBLE_EQ(range.parts.at(0).low, 80);
  EXPECT_DOUBLE_EQ(range.parts.at(0).high, 90);
  EXPECT_EQ(range.parts.at(0).condition, Condition::within);
}

TEST(Result, Bounds) {
  for (std::string_view s : {"trên 85%", "Trên 85%", "hơn 85%", "> 85%", "Có trên 85%"}) {
    ResultPart p = one(s);
    EXPECT_EQ(p.kind, ResultKind::above) << s;
    EXPECT_EQ(p.value, 85) << s;
  }
  for (std::string_view s : {"dưới 5%", "< 5%"}) EXPECT_EQ(one(s).kind, ResultKind::below) << s;
}

TEST(Result, EstimatesAreFlagged) {
  for (std::string_view s : {"ước đạt 5%", "khoảng 5%", "dự kiến 5%", "Dự kiến 5% GRDP",
                             "Dự kiến Kinh tế số chiếm 5% GRDP"}) {
    ResultPart p = one(s);
    EXPECT_TRUE(p.estimate) << s;
    EXPECT_EQ(p.value, 5) << s;
  }
  EXPECT_FALSE(one("5%").estimate);
  EXPECT_TRUE(parse_result("ước đạt 5%").is_estimate());
  // A result written as a sentence is an estimate only with an estimate word in it.
  EXPECT_FALSE(one("Tỷ lệ hồ sơ được giải quyết trực tuyến năm 2023 đạt 95%").estimate);
  EXPECT_TRUE(one("Tỷ lệ hồ sơ được giải quyết trực tuyến năm 2023 ước đạt 95%").estimate);
  EXPECT_EQ(one("Tỷ lệ hồ sơ được giải quyết trực tuyến năm 2023 đạt 95%").value, 95);
}

TEST(Result, Fractions) {
  ResultPart p = one("60/90");
  EXPECT_EQ(p.kind, ResultKind::fraction);
  EXPECT_EQ(p.value, 60);
  EXPECT_EQ(p.denominator, 90);
  p = one("167.223/231.038");
  EXPECT_EQ(p.value, 167223);
  EXPECT_EQ(p.denominator, 231038);
  EXPECT_EQ(p.describe(), "167.223/231.038");
  // Shown as the other values are: at most four decimals, Vietnamese marks.
  EXPECT_EQ(one("12,345678/20").describe(), "12,3457/20");
  EXPECT_THROW_MSG((void)parse_result("5/0"), ParseError,
                   "a fraction's denominator is zero: '5/0'");
}

TEST(Result, MilestonesAndNoData) {
  EXPECT_EQ(one("Hoàn thành").kind, ResultKind::done);
  EXPECT_EQ(one("ĐÃ HOÀN THÀNH").kind, ResultKind::done);
  EXPECT_EQ(one("Chưa hoàn thành").kind, ResultKind::not_done);
  EXPECT_FALSE(parse_result("").has_data());
  EXPECT_FALSE(parse_result("  ").has_data());
  EXPECT_FALSE(parse_result("-").has_data());
  EXPECT_FALSE(parse_result("Chưa có số liệu").has_data());
}

TEST(Result, Compounds) {
  Result r = parse_result("tỉnh: 92%; huyện: 81%; xã: 60%");
  ASSERT_EQ(r.parts.size(), 3u);
  EXPECT_EQ(r.parts[1].label, "huyện");
  EXPECT_EQ(r.parts[1].value, 81);
  Result u = parse_result("99,6%; 82,2%");
  ASSERT_EQ(u.parts.size(), 2u);
  EXPECT_TRUE(u.parts[0].label.empty());
}

TEST(Result, SentenceWithOnePercentage) {
  ResultPart p = one("Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 92,56%");
  EXPECT_DOUBLE_EQ(p.value, 92.56);
  EXPECT_TRUE(p.percent);  // read in a sentence, the percent sign stays with its number
  p = one("Hạ tầng mạng băng thông rộng cáp quang phủ trên 54,4% hộ gia đình");
  EXPECT_EQ(p.kind, ResultKind::above);
  EXPECT_TRUE(p.percent);
  p = one("Toàn tỉnh có 1.250 doanh nghiệp công nghệ số đang hoạt động");
  EXPECT_DOUBLE_EQ(p.value, 1250);
  EXPECT_FALSE(p.percent);
}

TEST(Result, BadInput) {
  try {
    (void)parse_result("abc%");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("'abc' before '%' is not a number"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW_MSG(
      (void)parse_result("12.5%"), ParseError,
      "'.' must separate groups of exactly three digits; in the Vietnamese format '.' separates "
      "thousands in groups of three and ',' is the decimal mark (75.428, 1.650.380, 99,21); for a "
      "decimal write ',' (12,5), or read the file with the plain number format: '12.5'");
  try {
    (void)parse_result("gần 80%");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown word 'gần' before the result; accepted:"),
              std::string::npos)
        << e.what();
  }
  try {
    (void)parse_result("Tổ chức triển khai Kế hoạch số 165/KH-UBND ngày 26/11/2021");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot read a result"), std::string::npos);
  }
}
