// The rows of the malformed-input catalogue (docs/reliability.md) whose input only C++ can
// give, or that are too large for the command line in a unit test: dates outside Boost's
// range built in code, 5 million rows, 100,000 columns, and what the fuzzers found.
#include <gtest/gtest.h>

#include <string>

#include "dxkit/budget/money.hpp"
#include "dxkit/date.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/text/csv.hpp"

namespace {

using namespace dxkit;

TEST(Reliability, DeadlineBefore1400IsAParseErrorNotBoostsBadYear) {
  // Found by fuzz_deadline: "Trước 01/1400" is 1399-12-31, one day before Boost's first date,
  // and its bad_year escaped as an internal error (exit 3, IndexError in Python).
  try {
    (void)parse_deadline("Trước 01/1400");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.message(), "the date is outside the years 1400..9999");
    EXPECT_EQ(e.text(), "Trước 01/1400");
  }
  // The first day Boost holds still reads.
  EXPECT_EQ(parse_deadline("Trước 02/1400").due->iso(), "1400-01-31");
}

TEST(Reliability, MoneyWithMoreDecimalsThanThePowersOfTenIsAParseError) {
  // Found by fuzz_number: 15 decimals in đồng indexed kPow10[15] (13 entries) before the
  // bound was checked; UBSan reported it, a normal build read past the table.
  try {
    (void)budget::parse_money("8.802688079268807", budget::MoneyUnit::dong, NumberFormat::plain);
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.message(), "the amount is finer than one đồng");
    EXPECT_EQ(e.text(), "8.802688079268807");
  }
  // Twelve zero decimals below the unit are still exact.
  EXPECT_EQ(budget::parse_money("5.000000000000", budget::MoneyUnit::dong, NumberFormat::plain),
            budget::Money{5});
}

TEST(Reliability, CalendarOfADateBefore1400BuiltInCode) {
  // A dxkit::Date holds the years 1..9999; the iCalendar writer used Boost (1400..9999).
  Assignment a;
  a.number = "1";
  a.task = "Lưu trữ";
  a.lead = {"Sở Nội vụ"};
  a.deadline.kind = Deadline::Kind::due;
  a.deadline.due = Date(1000, 3, 1);
  const std::string ics = to_ics({a}, "old");
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:10000301\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTEND;VALUE=DATE:10000302\r\n"), std::string::npos) << ics;
}

TEST(Reliability, CalendarOfTheLastDayOf9999IsAValidationError) {
  Assignment a;
  a.task = "x";
  a.deadline = parse_deadline("31/12/9999");
  try {
    (void)to_ics({a}, "end");
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()), "a date 1 days from 9999-12-31 is outside the years 1..9999");
  }
}

TEST(Reliability, FiveMillionRowsAreRead) {
  std::string content = "code\n";
  content.reserve(5'000'000 * 8);
  for (int i = 0; i < 5'000'000; ++i) content += std::to_string(i % 1000) + "\n";
  const csv::Table t = csv::parse(content, "rows.csv");
  ASSERT_EQ(t.rows(), 5'000'000U);
  EXPECT_EQ(t.columns[0].back(), "999");
  EXPECT_EQ(t.lines.back(), 5'000'001U);
  EXPECT_EQ(t.where(4'999'999, 0).to_string(), "rows.csv:5000001:1 (column 'code')");
}

TEST(Reliability, HundredThousandColumnsAreReadAndADuplicateFound) {
  std::string head, row;
  for (int c = 0; c < 100'000; ++c) {
    head += (c ? "," : "") + std::string("c") + std::to_string(c);
    row += (c ? ",x" : "x");
  }
  const csv::Table t = csv::parse(head + "\n" + row + "\n", "wide.csv");
  EXPECT_EQ(t.header.size(), 100'000U);
  EXPECT_EQ(t.header.back(), "c99999");
  // The last column repeats the first: found at its own column, whatever the width.
  try {
    (void)csv::parse(head + ",c0\n", "wide.csv");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()), "wide.csv:1:100001: duplicate header: 'c0'");
  }
}

}  // namespace
