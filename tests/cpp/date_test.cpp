// dxkit's one date type: validated on construction, ISO text, day arithmetic in range.
#include "dxkit/date.hpp"

#include <gtest/gtest.h>

#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"
#include "expect_throw_msg.hpp"

using namespace dxkit;

namespace {

void expect_invalid(int y, unsigned m, unsigned d, const std::string& message) {
  try {
    (void)Date(y, m, d);
    ADD_FAILURE() << "no error for " << y << "-" << m << "-" << d;
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(), message);
  }
}

TEST(Date, ValidDaysAndIsoText) {
  const Date d(2024, 2, 29);  // a leap day
  EXPECT_EQ(d.year(), 2024);
  EXPECT_EQ(d.month(), 2u);
  EXPECT_EQ(d.day(), 29u);
  EXPECT_EQ(d.iso(), "2024-02-29");
  EXPECT_EQ(Date(1, 1, 1).iso(), "0001-01-01");
  EXPECT_LT(Date(2023, 12, 31), Date(2024, 1, 1));
}

TEST(Date, ImpossibleDaysAndYearsOutOfRangeAreErrors) {
  expect_invalid(2023, 2, 29, "no such date: 2023-02-29");
  expect_invalid(2023, 13, 1, "no such date: 2023-13-01");
  expect_invalid(0, 1, 1, "no such date: 0000-01-01");
  expect_invalid(10000, 1, 1, "no such date: 10000-01-01");
  expect_invalid(2023, 4, 31, "no such date: 2023-04-31");
}

TEST(Date, ArithmeticStaysInRange) {
  EXPECT_EQ(Date(2023, 12, 31).plus_days(1), Date(2024, 1, 1));
  EXPECT_EQ(Date(2024, 3, 1).plus_days(-1), Date(2024, 2, 29));
  EXPECT_EQ(days_between(Date(2023, 7, 1), Date(2023, 9, 30)), 91);
  EXPECT_EQ(days_between(Date(2023, 9, 30), Date(2023, 7, 1)), -91);
  try {
    (void)Date(9999, 12, 31).plus_days(1);
    ADD_FAILURE() << "no error past 9999";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(), "a date 1 days from 9999-12-31 is outside the years 1..9999");
  }
  EXPECT_THROW_MSG((void)Date(2023, 1, 1).plus_days(5'000'000), ValidationError,
                   "a date 5000000 days from 2023-01-01 is outside the years 1..9999");
}

TEST(Period, EndsIncludedAndOrdered) {
  const Period p(Date(2022, 1, 1), Date(2024, 12, 31));
  EXPECT_EQ(p.begin().year(), 2022);
  EXPECT_EQ(p.last().year(), 2024);
  try {
    (void)Period(Date(2024, 1, 1), Date(2023, 12, 31));
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(), "the period ends (2023-12-31) before it starts (2024-01-01)");
  }
}

// A budget period with a year 0000 or an unbounded digit run is a finding, not an internal
// error or an overflow.
TEST(Period, BudgetPeriodsOutOfRangeAreFindings) {
  const std::string digits(400, '9');
  const auto b =
      budget::parse_budget("STT,Tên dự án,Thời gian thực hiện,Tổng\n1,a,0000 - 2024,5\n2,b," +
                               digits + ",7\n3,c,2022 - 2024,1\n",
                           "periods.csv");
  ASSERT_EQ(b.rows.size(), 3u);
  EXPECT_FALSE(b.rows[0].period.has_value());
  EXPECT_FALSE(b.rows[1].period.has_value());
  ASSERT_TRUE(b.rows[2].period.has_value());
  EXPECT_EQ(b.rows[2].period->begin(), Date(2022, 1, 1));
  EXPECT_EQ(b.rows[2].period->last(), Date(2024, 12, 31));
  int not_a_period = 0;
  for (const auto& f : b.read_findings) not_a_period += f.diagnostic.code == "not_a_period";
  EXPECT_EQ(not_a_period, 2);
}

}  // namespace
