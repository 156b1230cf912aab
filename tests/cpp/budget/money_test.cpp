#include "dxkit/budget/money.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"

using namespace dxkit;
using namespace dxkit::budget;

TEST(Money, ParsesInTheDeclaredOrWrittenUnit) {
  EXPECT_EQ(parse_money("75.428").dong, 75'428'000'000);  // triệu by default
  EXPECT_EQ(parse_money("105,24 tỷ đồng").dong, 105'240'000'000);
  EXPECT_EQ(parse_money("0,15 tỷ đồng").dong, 150'000'000);
  EXPECT_EQ(parse_money("1.000", MoneyUnit::thousand).dong, 1'000'000);
  EXPECT_EQ(parse_money("350 trđ").dong, 350'000'000);
  // Every power of ten a unit and its decimals make (10^0 .. 10^12), read and printed.
  EXPECT_EQ(parse_money("1.234,56").dong, 1'234'560'000);  // triệu, 2 decimals: 10^4
  EXPECT_EQ(parse_money("1.234,5678", MoneyUnit::million).dong, 1'234'567'800);  // 10^2
  EXPECT_EQ(parse_money("7,123456 tỷ đồng").dong, 7'123'456'000);                // 10^3
  EXPECT_EQ(parse_money("7,12345 tỷ đồng").dong, 7'123'450'000);                 // 10^4
  EXPECT_EQ(parse_money("1.234.567.890.123", MoneyUnit::dong).dong, 1'234'567'890'123);
  EXPECT_EQ(format_money(Money{123'456'789'000}, MoneyUnit::million, 2), "123.456,79");
  EXPECT_EQ(format_money(Money{123'456'789'000}, MoneyUnit::billion, 5), "123,45679");
  EXPECT_EQ(format_money(Money{123'456'789'000}, MoneyUnit::thousand, 0), "123.456.789");
}

TEST(Money, FinerThanOneDongOrTooLargeIsAnError) {
  EXPECT_THROW_MSG((void)parse_money("12,5", MoneyUnit::dong), ParseError,
                   "the amount is finer than one đồng: '12,5'");
  EXPECT_EQ(parse_money("12,0", MoneyUnit::dong).dong, 12);
  EXPECT_THROW_MSG((void)parse_money("99.999.999.999", MoneyUnit::billion), ParseError,
                   "the amount is too large to hold exactly in đồng: '99.999.999.999'");
  EXPECT_THROW_MSG(
      (void)parse_money("12.5"), ParseError,
      "'.' must separate groups of exactly three digits; in the Vietnamese format '.' separates "
      "thousands in groups of three and ',' is the decimal mark (75.428, 1.650.380, 99,21); for a "
      "decimal write ',' (12,5), or read the file with the plain number format: '12.5'");
  EXPECT_THROW_MSG((void)parse_money("75.428 đô la"), ParseError,
                   "unknown money unit; accepted: đồng, nghìn đồng, triệu đồng (triệu, trđ), tỷ "
                   "đồng (tỷ), or 'ĐVT: Triệu đồng': 'đô la'");
}

TEST(Money, UnitsAsDocumentsWriteThem) {
  EXPECT_EQ(parse_unit("ĐVT: Triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("Đơn vị tính: Triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("DVT: Triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("tỷ đồng"), MoneyUnit::billion);
  EXPECT_EQ(parse_unit("nghìn đồng"), MoneyUnit::thousand);
  EXPECT_EQ(parse_unit("VND"), MoneyUnit::dong);
  EXPECT_THROW_MSG((void)parse_unit("USD"), ParseError,
                   "unknown money unit; accepted: đồng, nghìn đồng, triệu đồng (triệu, trđ), tỷ "
                   "đồng (tỷ), or 'ĐVT: Triệu đồng': 'USD'");
  MoneyUnit u;
  EXPECT_TRUE(find_unit("Tổng (tỷ đồng)", u));
  EXPECT_EQ(u, MoneyUnit::billion);
  EXPECT_FALSE(find_unit("Tổng mức đầu tư", u));
}

TEST(Money, AdditionIsChecked) {
  const Money max{std::numeric_limits<std::int64_t>::max()};
  EXPECT_THROW_MSG((void)add(max, Money{1}), ValidationError,
                   "money overflow: the sum exceeds 9,2 × 10^18 đồng");
  EXPECT_THROW_MSG((void)subtract(Money{std::numeric_limits<std::int64_t>::min()}, Money{1}),
                   ValidationError, "money overflow: the difference exceeds 9,2 × 10^18 đồng");
  EXPECT_EQ(add(Money{2}, Money{3}).dong, 5);
}

TEST(Money, PrintsInAChosenUnitWithStatedRounding) {
  const Money dt{153'850'000'000};  // Đồng Tháp 2023: 101.241 + 52.609 triệu
  EXPECT_EQ(format_money(dt, MoneyUnit::billion, 2), "153,85");
  EXPECT_EQ(format_money(dt, MoneyUnit::million), "153.850");
  EXPECT_EQ(format_money(Money{105'245'000'000}, MoneyUnit::billion, 2), "105,25");  // half up
  EXPECT_EQ(format_money(Money{-105'245'000'000}, MoneyUnit::billion, 2), "-105,25");
  EXPECT_EQ(format_money(Money{150'000'000}, MoneyUnit::billion), "0,15");
  // Half away from zero: a remainder of 0,4 of the last digit is dropped, 0,5 rounds up.
  EXPECT_EQ(format_money(Money{1'400'000}, MoneyUnit::million, 0), "1");
  EXPECT_EQ(format_money(Money{1'500'000}, MoneyUnit::million, 0), "2");
  EXPECT_EQ(format_money(Money{-1'400'000}, MoneyUnit::million, 0), "-1");
  EXPECT_EQ(format_money(Money{105'244'000'000}, MoneyUnit::billion, 2), "105,24");
  EXPECT_EQ(rounding_note(MoneyUnit::billion, 2), "rounded half away from zero to 0,01 tỷ đồng");
  EXPECT_EQ(rounding_note(MoneyUnit::million, -1), "exact");
}

// More decimals than the unit has are zeros, never a wrapped product: 75.428 triệu with 18
// decimals (the Thái Bình 2023 total) used to print a wrong figure with exit 0.
TEST(Money, AnyNumberOfDecimalsUpToTheBoundIsExact) {
  const Money total{75'428'000'000};
  EXPECT_EQ(format_money(total, MoneyUnit::million, 18), "75.428,000000000000000000");
  EXPECT_EQ(format_money(total, MoneyUnit::dong, 3), "75.428.000.000,000");
  EXPECT_EQ(format_money(Money{INT64_MAX}, MoneyUnit::billion, 18),
            "9.223.372.036,854775807000000000");
  EXPECT_EQ(format_money(Money{-1}, MoneyUnit::million, 2), "0,00");  // no "-0,00"
  EXPECT_EQ(format_money(Money{-1}, MoneyUnit::million), "-0,000001");
  try {
    (void)format_money(total, MoneyUnit::million, 19);
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(), "decimals must be from 0 to 18 (or negative for exact), not 19");
  }
}

// No "-0": an amount that rounds to zero prints without a sign (−1 đồng in triệu).
TEST(MoneyFormat, NoNegativeZero) {
  EXPECT_EQ(format_money(Money{-1}, MoneyUnit::million, 2), "0,00");
  EXPECT_EQ(format_money(Money{-1}, MoneyUnit::billion, 0), "0");
  EXPECT_EQ(format_money(Money{-10'000}, MoneyUnit::million, 2), "-0,01");
  EXPECT_EQ(format_number(-0.001, 2), "0");
  EXPECT_EQ(format_number(-0.0, 2), "0");
  EXPECT_EQ(format_number(-0.01, 2), "-0,01");
}
