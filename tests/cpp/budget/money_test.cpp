#include "dxkit/budget/money.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;

TEST(Money, ParsesInTheDeclaredOrWrittenUnit) {
  EXPECT_EQ(parse_money("75.428").dong, 75'428'000'000);  // triệu by default
  EXPECT_EQ(parse_money("105,24 tỷ đồng").dong, 105'240'000'000);
  EXPECT_EQ(parse_money("0,15 tỷ đồng").dong, 150'000'000);
  EXPECT_EQ(parse_money("1.000", MoneyUnit::thousand).dong, 1'000'000);
  EXPECT_EQ(parse_money("350 trđ").dong, 350'000'000);
}

TEST(Money, FinerThanOneDongOrTooLargeIsAnError) {
  EXPECT_THROW((void)parse_money("12,5", MoneyUnit::dong), ParseError);
  EXPECT_EQ(parse_money("12,0", MoneyUnit::dong).dong, 12);
  EXPECT_THROW((void)parse_money("99.999.999.999", MoneyUnit::billion), ParseError);
  EXPECT_THROW((void)parse_money("12.5"), ParseError);
  EXPECT_THROW((void)parse_money("75.428 đô la"), ParseError);
}

TEST(Money, UnitsAsDocumentsWriteThem) {
  EXPECT_EQ(parse_unit("ĐVT: Triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("Đơn vị tính: Triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("DVT: Triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("tỷ đồng"), MoneyUnit::billion);
  EXPECT_EQ(parse_unit("nghìn đồng"), MoneyUnit::thousand);
  EXPECT_EQ(parse_unit("VND"), MoneyUnit::dong);
  EXPECT_THROW((void)parse_unit("USD"), ParseError);
  MoneyUnit u;
  EXPECT_TRUE(find_unit("Tổng (tỷ đồng)", u));
  EXPECT_EQ(u, MoneyUnit::billion);
  EXPECT_FALSE(find_unit("Tổng mức đầu tư", u));
}

TEST(Money, AdditionIsChecked) {
  const Money max{std::numeric_limits<std::int64_t>::max()};
  EXPECT_THROW((void)add(max, Money{1}), ValidationError);
  EXPECT_THROW((void)subtract(Money{std::numeric_limits<std::int64_t>::min()}, Money{1}),
               ValidationError);
  EXPECT_EQ(add(Money{2}, Money{3}).dong, 5);
}

TEST(Money, PrintsInAChosenUnitWithStatedRounding) {
  const Money dt{153'850'000'000};  // Đồng Tháp 2023: 101.241 + 52.609 triệu
  EXPECT_EQ(format_money(dt, MoneyUnit::billion, 2), "153,85");
  EXPECT_EQ(format_money(dt, MoneyUnit::million), "153.850");
  EXPECT_EQ(format_money(Money{105'245'000'000}, MoneyUnit::billion, 2), "105,25");  // half up
  EXPECT_EQ(format_money(Money{-105'245'000'000}, MoneyUnit::billion, 2), "-105,25");
  EXPECT_EQ(format_money(Money{150'000'000}, MoneyUnit::billion), "0,15");
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
