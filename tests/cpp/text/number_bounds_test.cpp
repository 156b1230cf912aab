// Vietnamese numbers at the edges of their rules: signs, groups of exactly three, the decimal
// mark and what may follow it, the eighteen decimals a Decimal converts through its table of
// powers (and beyond, through pow), and the way numbers are printed back.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"

using namespace dxkit;

namespace {
const std::string kVietnamese =
    "in the Vietnamese format '.' separates thousands in groups of three and ',' is the decimal "
    "mark (75.428, 1.650.380, 99,21)";
}  // namespace

TEST(NumberBounds, SignsAndGroupsOfThree) {
  EXPECT_EQ(parse_number("+5"), 5);
  EXPECT_EQ(parse_number("-5"), -5);
  EXPECT_EQ(parse_number("\u22125"), -5);  // U+2212, as Word writes a minus
  EXPECT_EQ(parse_number("\u221212,5"), -12.5);
  EXPECT_EQ(parse_decimal("+1.234,5"), (Decimal{12345, 1}));
  EXPECT_EQ(parse_number("123.456"), 123456);  // a first group of three
  EXPECT_EQ(parse_number("1.234"), 1234);      // of one
  EXPECT_EQ(parse_number("12.345.678"), 12345678);
  for (const char* s : {"1.23", "1.2345", "1.234.56", "1.234.5678", "1234.567", "1..234"})
    EXPECT_THROW_MSG((void)parse_number(s), ParseError,
                     "'.' must separate groups of exactly three digits; " + kVietnamese +
                         "; for a decimal write ',' (12,5), or read the file with the plain "
                         "number format: '" +
                         s + "'");
  EXPECT_THROW_MSG((void)parse_number("\u2212"), ParseError,
                   "not a number; " + kVietnamese + ": '\u2212'");
  EXPECT_THROW_MSG((void)parse_number("+"), ParseError, "not a number; " + kVietnamese + ": '+'");
}

TEST(NumberBounds, TheDecimalMarkAndWhatFollowsIt) {
  EXPECT_EQ(parse_decimal("1.234,5"), (Decimal{12345, 1}));
  EXPECT_EQ(parse_decimal("0,05"), (Decimal{5, 2}));
  EXPECT_THROW_MSG((void)parse_number("12,x"), ParseError,
                   "no digits after the decimal mark; " + kVietnamese + ": '12,x'");
  for (const char* s : {"1,5.000", "1,5,0"})
    EXPECT_THROW_MSG((void)parse_number(s), ParseError,
                     "more than one decimal mark, or a thousands mark after it; " + kVietnamese +
                         ": '" + s + "'");
  EXPECT_THROW_MSG((void)parse_number("12abc"), ParseError,
                   "not a number; " + kVietnamese + ": '12abc'");
  EXPECT_THROW_MSG((void)parse_number("1,5abc"), ParseError,
                   "not a number; " + kVietnamese + ": '1,5abc'");
  // Eighteen digits hold, a nineteenth that overflows does not.
  EXPECT_EQ(parse_decimal("999999999999999999"), (Decimal{999999999999999999, 0}));
  EXPECT_EQ(parse_decimal("9223372036854775807"),
            (Decimal{std::numeric_limits<std::int64_t>::max(), 0}));
  EXPECT_THROW((void)parse_decimal("9223372036854775808"), ParseError);
}

TEST(NumberBounds, EveryScaleConvertsToTheNearestDouble) {
  // Up to 18 decimals by one division by an exact power of ten (correctly rounded); beyond, by
  // pow. The doubles are those of the literals.
  EXPECT_EQ(parse_number("0,1"), 0.1);
  EXPECT_EQ(parse_number("0,3"), 0.3);
  EXPECT_EQ(parse_number("1,23"), 1.23);
  EXPECT_EQ(parse_number("0,000000007"), 7e-9);
  EXPECT_EQ(parse_number("0,000000000000000003"), 3e-18);
  EXPECT_EQ(parse_number("0,000000000000000007"), 7e-18);
  EXPECT_EQ(parse_number("0,000000000000000009"), 9e-18);
  EXPECT_DOUBLE_EQ(parse_number("0,0000000000000000001"), 1e-19);
  EXPECT_DOUBLE_EQ(parse_number("0,0000000000000000023"), 2.3e-18);
  EXPECT_EQ((Decimal{5, 0}).to_double(), 5);
  EXPECT_EQ((Decimal{5, -2}).to_double(), 500);
}

TEST(NumberBounds, QuantitiesWithASpacedPercent) {
  Quantity q = parse_quantity("5 % dân số");
  EXPECT_EQ(q.value, 5);
  EXPECT_TRUE(q.percent);
  EXPECT_EQ(q.unit, "dân số");
  q = parse_quantity("5%");
  EXPECT_TRUE(q.percent);
  EXPECT_EQ(q.unit, "");
  q = parse_quantity("5");
  EXPECT_FALSE(q.percent);
  EXPECT_EQ(q.unit, "");
}

TEST(NumberBounds, PrintedBack) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "∞");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-∞");
  EXPECT_EQ(format_number(std::nan("")), "NaN");
  EXPECT_EQ(format_number(3.7, -1), "4");  // negative decimals: none
  EXPECT_EQ(format_number(3.7, 0), "4");
  EXPECT_EQ(format_number(3.26, 1), "3,3");
  EXPECT_EQ(format_number(3.24, 1), "3,2");
  EXPECT_EQ(format_number(1.5, 4), "1,5");  // trailing zeros dropped
  EXPECT_EQ(format_number(2.0, 4), "2");
  EXPECT_EQ(format_number(100), "100");
  EXPECT_EQ(format_number(1000), "1.000");
  EXPECT_EQ(format_number(100000), "100.000");
  EXPECT_EQ(format_number(1234567), "1.234.567");
  EXPECT_EQ(format_number(-1000, 2, NumberFormat::plain), "-1,000");
  EXPECT_EQ(format_number(-0.001, 2), "0");  // no "-0"
  EXPECT_EQ(format_number(-0.005, 3), "-0,005");
  EXPECT_EQ(format_number(0), "0");
}

// Callers read numbers out of longer lines through views: a view ends where its number ends, even
// when a digit, a decimal mark or a thousands mark follows it in the line.
TEST(NumberBounds, AViewEndsWhereItsNumberEnds) {
  const std::string_view line = "123 12.345 12,5 1,25 1,5.000";
  EXPECT_EQ(parse_number(line.substr(0, 2)), 12);     // "12" of "123"
  EXPECT_EQ(parse_number(line.substr(4, 2)), 12);     // "12" of "12.345"
  EXPECT_EQ(parse_number(line.substr(11, 2)), 12);    // "12" of "12,5"
  EXPECT_EQ(parse_number(line.substr(16, 3)), 1.2);   // "1,2" of "1,25"
  EXPECT_EQ(parse_number(line.substr(21, 3)), 1.5);   // "1,5" of "1,5.000"
  EXPECT_EQ(parse_number(line.substr(4, 6)), 12345);  // "12.345" itself
  EXPECT_EQ(parse_quantity(line.substr(16, 3)).value, 1.2);
  // "12," of "12,5": a decimal mark that ends the view has no digits after it.
  EXPECT_THROW_MSG((void)parse_number(line.substr(11, 3)), ParseError,
                   "no digits after the decimal mark; " + kVietnamese + ": '12,'");
}

TEST(NumberBounds, WhatMayStartAndSplitANumber) {
  // A decimal mark first is not a number (a digit must come first), nor after a sign.
  for (const char* s : {",5", "+,5", "-,5"})
    EXPECT_THROW_MSG((void)parse_number(s), ParseError,
                     "not a number; " + kVietnamese + ": '" + s + "'");
  // A middle group of two, and of four, is a wrong grouping even when the last group is three.
  for (const char* s : {"1.23.456", "1.2345.678"})
    EXPECT_THROW((void)parse_number(s), ParseError) << s;
  EXPECT_EQ(parse_number("1.234.567"), 1234567);
  // A negative scale multiplies by its power of ten.
  EXPECT_EQ((Decimal{5, -1}).to_double(), 50);
  EXPECT_EQ((Decimal{7, -3}).to_double(), 7000);
  EXPECT_EQ((Decimal{123, 2}).to_double(), 1.23);
  EXPECT_EQ((Decimal{42, 18}).to_double(), 42e-18);
  // A percent glued to its unit: the unit is all that follows the '%'.
  const Quantity q = parse_quantity("12,5%GDP");
  EXPECT_EQ(q.value, 12.5);
  EXPECT_TRUE(q.percent);
  EXPECT_EQ(q.unit, "GDP");
}

TEST(NumberBounds, GroupsOfThreeFromTheRight) {
  // Every count of digits from one to ten, so that each position of a mark is pinned.
  EXPECT_EQ(format_number(1), "1");
  EXPECT_EQ(format_number(12), "12");
  EXPECT_EQ(format_number(123), "123");
  EXPECT_EQ(format_number(1234), "1.234");
  EXPECT_EQ(format_number(12345), "12.345");
  EXPECT_EQ(format_number(123456), "123.456");
  EXPECT_EQ(format_number(1234567), "1.234.567");
  EXPECT_EQ(format_number(12345678), "12.345.678");
  EXPECT_EQ(format_number(123456789), "123.456.789");
  EXPECT_EQ(format_number(1234567890), "1.234.567.890");
  EXPECT_EQ(format_number(-12345.5, 1), "-12.345,5");
  EXPECT_EQ(format_number(0.5, 1), "0,5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(12.34, 0), "12");
  EXPECT_EQ(format_number(12.34, 1), "12,3");
}
