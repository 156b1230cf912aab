// Money (src/budget/money.cpp) beyond its powers of ten (money_powers_test.cpp): a unit of one
// word inside a header, a declaration with nothing after it, exact printing of amounts whose
// whole part ends in zeros, and the groups of three at each length of the whole part.
#include <gtest/gtest.h>

#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/budget/money.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;

TEST(MoneyBounds, AUnitOfOneWordInAHeader) {
  MoneyUnit u = MoneyUnit::dong;
  EXPECT_TRUE(find_unit("Kinh phí (triệu)", u));
  EXPECT_EQ(u, MoneyUnit::million);
  EXPECT_TRUE(find_unit("Tổng (tỷ)", u));
  EXPECT_EQ(u, MoneyUnit::billion);
  EXPECT_TRUE(find_unit("trđ", u));
  EXPECT_EQ(u, MoneyUnit::million);
  EXPECT_FALSE(find_unit("Tổng mức đầu tư năm 2024", u));
}

TEST(MoneyBounds, ADeclarationNeedsOneUnitAndNothingElse) {
  const std::string accepted =
      "unknown money unit; accepted: đồng, nghìn đồng, triệu đồng (triệu, trđ), tỷ đồng (tỷ), "
      "or 'ĐVT: Triệu đồng': '";
  EXPECT_THROW_MSG((void)parse_unit("ĐVT:"), ParseError, accepted + "ĐVT:'");
  EXPECT_THROW((void)parse_unit(""), ParseError);
  EXPECT_THROW_MSG((void)parse_unit("ĐVT: triệu đồng năm"), ParseError,
                   accepted + "ĐVT: triệu đồng năm'");
  EXPECT_EQ(parse_unit("ĐVT: triệu đồng"), MoneyUnit::million);
  EXPECT_EQ(parse_unit("ĐVT: nghìn"), MoneyUnit::thousand);
}

TEST(MoneyBounds, ExactPrintingKeepsTheWholePartsZeros) {
  EXPECT_EQ(format_money(Money{75'430'000'000}, MoneyUnit::million), "75.430");
  EXPECT_EQ(format_money(Money{100'000'000'000}, MoneyUnit::billion), "100");
  EXPECT_EQ(format_money(Money{10'000'000}, MoneyUnit::million), "10");
  EXPECT_EQ(format_money(Money{10'500'000}, MoneyUnit::million), "10,5");
  EXPECT_EQ(format_money(Money{-20'000}, MoneyUnit::thousand), "-20");
  EXPECT_EQ(format_money(Money{1'100}, MoneyUnit::thousand), "1,1");
}

TEST(MoneyBounds, GroupsOfThreeAtEachLength) {
  const char* const vietnamese[] = {"1",           "12",           "123",       "1.234",
                                    "12.345",      "123.456",      "1.234.567", "12.345.678",
                                    "123.456.789", "1.234.567.890"};
  const char* const plain[] = {"1",           "12",           "123",       "1,234",
                               "12,345",      "123,456",      "1,234,567", "12,345,678",
                               "123,456,789", "1,234,567,890"};
  std::int64_t v = 0;
  for (int digits = 1; digits <= 10; ++digits) {
    v = v * 10 + digits % 10;
    EXPECT_EQ(format_money(Money{v}, MoneyUnit::dong), vietnamese[digits - 1]);
    EXPECT_EQ(format_money(Money{v}, MoneyUnit::dong, 0, NumberFormat::plain), plain[digits - 1]);
    EXPECT_EQ(format_money(Money{-v}, MoneyUnit::dong), std::string("-") + vietnamese[digits - 1]);
  }
  // With decimals: the groups are in the whole part only.
  EXPECT_EQ(format_money(Money{1'234'567'891}, MoneyUnit::thousand, 3, NumberFormat::plain),
            "1,234,567.891");
}
