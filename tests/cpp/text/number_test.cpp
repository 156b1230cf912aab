#include "dxkit/text/number.hpp"

#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

TEST(Number, VietnameseFormatAsTheDocumentsWriteIt) {
  EXPECT_EQ(parse_number("75.428"), 75428);
  EXPECT_EQ(parse_number("1.650.380"), 1650380);
  EXPECT_DOUBLE_EQ(parse_number("99,21"), 99.21);
  EXPECT_DOUBLE_EQ(parse_number("0,5"), 0.5);
  EXPECT_EQ(parse_number("01"), 1);
  EXPECT_EQ(parse_number("-3"), -3);
  EXPECT_EQ(parse_decimal("105,24"), (Decimal{10524, 2}));
  EXPECT_EQ(parse_decimal("1.650.380"), (Decimal{1650380, 0}));
}

TEST(Number, DotThatDoesNotGroupThousandsIsAnErrorThatSaysSo) {
  try {
    (void)parse_number("12.5");
    FAIL() << "expected ParseError";
  } catch (const ParseError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("groups of exactly three digits"), std::string::npos) << what;
    EXPECT_NE(what.find("12,5"), std::string::npos) << what;
    EXPECT_EQ(e.text(), "12.5");
  }
  EXPECT_THROW_MSG(
      (void)parse_number("1.65.380"), ParseError,
      "'.' must separate groups of exactly three digits; in the Vietnamese format '.' separates "
      "thousands in groups of three and ',' is the decimal mark (75.428, 1.650.380, 99,21); for a "
      "decimal write ',' (12,5), or read the file with the plain number format: '1.65.380'");
  EXPECT_THROW_MSG(
      (void)parse_number("1234.567"), ParseError,
      "'.' must separate groups of exactly three digits; in the Vietnamese format '.' separates "
      "thousands in groups of three and ',' is the decimal mark (75.428, 1.650.380, 99,21); for a "
      "decimal write ',' (12,5), or read the file with the plain number format: '1234.567'");
  EXPECT_THROW_MSG((void)parse_number("1,2,3"), ParseError,
                   "more than one decimal mark, or a thousands mark after it; in the Vietnamese "
                   "format '.' separates thousands in groups of three and ',' is the decimal mark "
                   "(75.428, 1.650.380, 99,21): '1,2,3'");
  EXPECT_THROW_MSG(
      (void)parse_number("12,"), ParseError,
      "no digits after the decimal mark; in the Vietnamese format '.' separates thousands in "
      "groups of three and ',' is the decimal mark (75.428, 1.650.380, 99,21): '12,'");
}

TEST(Number, PlainFormatCanBeChosen) {
  EXPECT_DOUBLE_EQ(parse_number("12.5", NumberFormat::plain), 12.5);
  EXPECT_EQ(parse_number("1,650,380", NumberFormat::plain), 1650380);
  EXPECT_THROW_MSG(
      (void)parse_number("99,21", NumberFormat::plain), ParseError,
      "',' must separate groups of exactly three digits; in the plain format ',' separates "
      "thousands in groups of three and '.' is the decimal mark (75,428, 1,650,380, 99.21); for a "
      "decimal write '.' (12.5), or read the file with the Vietnamese number format: '99,21'");
}

TEST(Number, NotANumberAndOverflow) {
  try {
    (void)parse_number("abc");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("not a number"), std::string::npos);
  }
  EXPECT_THROW_MSG((void)parse_number(""), ParseError,
                   "empty number; in the Vietnamese format '.' separates thousands in groups of "
                   "three and ',' is the decimal mark (75.428, 1.650.380, 99,21)");
  EXPECT_THROW_MSG(
      (void)parse_decimal("99999999999999999999"), ParseError,
      "number too large to hold exactly (more than 18 digits): '99999999999999999999'");
  // A number starts with a digit after its sign: a leading decimal mark is not read as 0,5.
  const std::string accepted =
      "not a number; in the Vietnamese format '.' separates thousands in groups of three and ',' "
      "is the decimal mark (75.428, 1.650.380, 99,21): ";
  EXPECT_THROW_MSG((void)parse_number(",5"), ParseError, accepted + "',5'");
  EXPECT_THROW_MSG((void)parse_number("-,5"), ParseError, accepted + "'-,5'");
  EXPECT_THROW_MSG((void)parse_number("-"), ParseError, accepted + "'-'");
}

TEST(Number, QuantityKeepsPercentAndUnit) {
  Quantity q = parse_quantity("99,21%");
  EXPECT_DOUBLE_EQ(q.value, 99.21);
  EXPECT_TRUE(q.percent);
  q = parse_quantity("320 người");
  EXPECT_EQ(q.value, 320);
  EXPECT_FALSE(q.percent);
  EXPECT_EQ(q.unit, "người");
  q = parse_quantity("1 cuộc");
  EXPECT_EQ(q.unit, "cuộc");
  EXPECT_THROW_MSG((void)parse_quantity("abc%"), ParseError,
                   "not a number; in the Vietnamese format '.' separates thousands in groups of "
                   "three and ',' is the decimal mark (75.428, 1.650.380, 99,21): 'abc'");
}

TEST(Number, FormatsTheVietnameseWay) {
  EXPECT_EQ(format_number(75428), "75.428");
  EXPECT_EQ(format_number(99.21), "99,21");
  EXPECT_EQ(format_number(0.5), "0,5");
  EXPECT_EQ(format_number(-1650380), "-1.650.380");
  EXPECT_EQ(format_number(12.5, 2, NumberFormat::plain), "12.5");
}
