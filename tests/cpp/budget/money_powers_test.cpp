// Every power of ten between a unit and the đồng, read and printed: each decimal a unit can
// take (tỷ 0 to 9, triệu 0 to 6, nghìn 0 to 3), the zeros finer than a đồng up to the bound of
// twelve, each rounding step with its exact half, and the note printed beside the figures.
#include <gtest/gtest.h>

#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/budget/money.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;

TEST(MoneyPowers, EveryDecimalOfEachUnitIsRead) {
  const std::int64_t billion[] = {1'000'000'000, 1'200'000'000, 1'230'000'000, 1'234'000'000,
                                  1'234'500'000, 1'234'560'000, 1'234'567'000, 1'234'567'800,
                                  1'234'567'890, 1'234'567'891};
  const std::string digits = "234567891";
  for (std::size_t scale = 0; scale <= 9; ++scale) {
    const std::string text = scale == 0 ? "1" : "1," + digits.substr(0, scale);
    EXPECT_EQ(parse_money(text, MoneyUnit::billion).dong, billion[scale]) << text;
    EXPECT_EQ(parse_money(text + " tỷ đồng", MoneyUnit::dong).dong, billion[scale]) << text;
  }
  const std::int64_t million[] = {1'000'000, 1'200'000, 1'230'000, 1'234'000,
                                  1'234'500, 1'234'560, 1'234'567};
  for (std::size_t scale = 0; scale <= 6; ++scale) {
    const std::string text = scale == 0 ? "1" : "1," + digits.substr(0, scale);
    EXPECT_EQ(parse_money(text).dong, million[scale]) << text;
  }
  EXPECT_EQ(parse_money("9,999 nghìn đồng").dong, 9'999);
  EXPECT_EQ(parse_money("9,99 ngàn").dong, 9'990);
  EXPECT_EQ(parse_money("9,9 nghìn").dong, 9'900);
  EXPECT_EQ(parse_money("9 nghìn").dong, 9'000);
}

TEST(MoneyPowers, ZerosFinerThanADongUpToTwelve) {
  EXPECT_EQ(parse_money("1,2340 nghìn đồng").dong, 1'234);
  EXPECT_EQ(parse_money("5,0", MoneyUnit::dong).dong, 5);
  EXPECT_EQ(parse_money("5,00", MoneyUnit::dong).dong, 5);
  EXPECT_EQ(parse_money("5,000000000000", MoneyUnit::dong).dong, 5);  // twelve zeros
  EXPECT_EQ(parse_money("1,234567000000000 triệu").dong, 1'234'567);  // nine more
  for (const char* s : {"5,0000000000000 đồng", "5,1 đồng", "5,10 đồng", "1,2345 nghìn đồng",
                        "0,0000000001 tỷ", "1,2345671 triệu"})
    EXPECT_THROW_MSG((void)parse_money(s), ParseError,
                     std::string("the amount is finer than one đồng: '") + s + "'");
}

TEST(MoneyPowers, EveryDecimalOfEachUnitIsPrinted) {
  const Money m{1'234'567'891};
  const char* billion[] = {"1",       "1,2",      "1,23",      "1,235",      "1,2346",
                           "1,23457", "1,234568", "1,2345679", "1,23456789", "1,234567891"};
  for (int d = 0; d <= 9; ++d) EXPECT_EQ(format_money(m, MoneyUnit::billion, d), billion[d]) << d;
  const char* million[] = {"1.235",      "1.234,6",     "1.234,57",    "1.234,568",
                           "1.234,5679", "1.234,56789", "1.234,567891"};
  for (int d = 0; d <= 6; ++d) EXPECT_EQ(format_money(m, MoneyUnit::million, d), million[d]) << d;
  EXPECT_EQ(format_money(m, MoneyUnit::thousand, 0), "1.234.568");
  EXPECT_EQ(format_money(m, MoneyUnit::thousand, 3), "1.234.567,891");
  EXPECT_EQ(format_money(m, MoneyUnit::dong, 0), "1.234.567.891");
  // Exactly half of the last digit printed goes away from zero, at every step.
  for (int d = 0; d <= 5; ++d) {
    std::int64_t half = 5;
    for (int k = 0; k < 5 - d; ++k) half *= 10;  // 5 × 10^(5 - d) đồng: half of 10^(6 - d)
    const std::string printed = format_money(Money{half}, MoneyUnit::million, d);
    const std::string expected =
        d == 0 ? "1" : "0," + std::string(static_cast<std::size_t>(d - 1), '0') + "1";
    EXPECT_EQ(printed, expected) << d;
    EXPECT_EQ(format_money(Money{half - 1}, MoneyUnit::million, d),
              d == 0 ? "0" : "0," + std::string(static_cast<std::size_t>(d), '0'))
        << d;
    EXPECT_EQ(format_money(Money{-half}, MoneyUnit::million, d), "-" + expected) << d;
  }
  // Exact printing takes the decimals the amount needs, none for a whole unit or for zero.
  EXPECT_EQ(format_money(Money{1'230'000}, MoneyUnit::million), "1,23");
  EXPECT_EQ(format_money(Money{1'000'000}, MoneyUnit::million), "1");
  EXPECT_EQ(format_money(Money{0}, MoneyUnit::million), "0");
  EXPECT_EQ(format_money(Money{0}, MoneyUnit::billion, 2), "0,00");
  // The integer part of a small amount is 0, with the decimals' leading zeros.
  EXPECT_EQ(format_money(Money{123}, MoneyUnit::thousand, 3), "0,123");
  EXPECT_EQ(format_money(Money{5}, MoneyUnit::thousand, 3), "0,005");
  EXPECT_EQ(format_money(Money{1}, MoneyUnit::billion), "0,000000001");
  // Groups of three, never in front.
  EXPECT_EQ(format_money(Money{100}, MoneyUnit::dong, 0), "100");
  EXPECT_EQ(format_money(Money{1'000}, MoneyUnit::dong, 0), "1.000");
  EXPECT_EQ(format_money(Money{100'000}, MoneyUnit::dong, 0), "100.000");
  EXPECT_EQ(format_money(Money{1'000}, MoneyUnit::dong, 0, NumberFormat::plain), "1,000");
  EXPECT_EQ(format_money(Money{1'500}, MoneyUnit::thousand, 1, NumberFormat::plain), "1.5");
  // The most decimals is kMaxDecimals, and not one more.
  EXPECT_EQ(format_money(Money{1}, MoneyUnit::dong, kMaxDecimals), "1," + std::string(18, '0'));
  EXPECT_THROW((void)format_money(Money{1}, MoneyUnit::dong, kMaxDecimals + 1), ValidationError);
}

TEST(MoneyPowers, TheRoundingNoteOfEachUnitAndDecimals) {
  EXPECT_EQ(rounding_note(MoneyUnit::billion, 0), "rounded half away from zero to 1 tỷ đồng");
  EXPECT_EQ(rounding_note(MoneyUnit::billion, 1), "rounded half away from zero to 0,1 tỷ đồng");
  EXPECT_EQ(rounding_note(MoneyUnit::billion, 8),
            "rounded half away from zero to 0,00000001 tỷ đồng");
  EXPECT_EQ(rounding_note(MoneyUnit::billion, 9), "exact");  // a đồng is the 9th decimal
  EXPECT_EQ(rounding_note(MoneyUnit::million, 5),
            "rounded half away from zero to 0,00001 triệu đồng");
  EXPECT_EQ(rounding_note(MoneyUnit::million, 6), "exact");
  EXPECT_EQ(rounding_note(MoneyUnit::thousand, 2),
            "rounded half away from zero to 0,01 nghìn đồng");
  EXPECT_EQ(rounding_note(MoneyUnit::thousand, 3), "exact");
  EXPECT_EQ(rounding_note(MoneyUnit::dong, 0), "exact");
  EXPECT_EQ(rounding_note(MoneyUnit::dong, -1), "exact");
}

TEST(MoneyPowers, UnitsAloneAndInAWholeDeclaration) {
  EXPECT_EQ(parse_unit("ĐVT: Triệu đồng."), MoneyUnit::million);
  EXPECT_EQ(parse_unit("Đơn vị tính: tỷ đồng"), MoneyUnit::billion);
  EXPECT_EQ(parse_unit("VNĐ"), MoneyUnit::dong);
  EXPECT_EQ(parse_unit("tr.đ"), MoneyUnit::million);
  for (const char* s : {"triệu đồng x", "ĐVT:", "đô la"})
    EXPECT_THROW((void)parse_unit(s), ParseError) << s;
  MoneyUnit u = MoneyUnit::dong;
  EXPECT_TRUE(find_unit("Kinh phí (nghìn đồng)", u));
  EXPECT_EQ(u, MoneyUnit::thousand);
  EXPECT_FALSE(find_unit("", u));
  EXPECT_FALSE(find_unit("Kinh phí", u));
}
