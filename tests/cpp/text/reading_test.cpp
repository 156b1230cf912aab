#include "dxkit/text/reading.hpp"

#include <gtest/gtest.h>

#include <string>

#include "dxkit/error.hpp"

namespace dxkit {
namespace {

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "no error";
}

TEST(NumberFormatNames, NamesAndShortSpellings) {
  EXPECT_EQ(parse_number_format("vietnamese"), NumberFormat::vietnamese);
  EXPECT_EQ(parse_number_format("vi"), NumberFormat::vietnamese);
  EXPECT_EQ(parse_number_format("plain"), NumberFormat::plain);
  EXPECT_EQ(parse_number_format("en"), NumberFormat::plain);
  EXPECT_EQ(number_formats.joined(), "vietnamese, plain");
  EXPECT_EQ(message_of([] { (void)parse_number_format("german"); }),
            "unknown number format 'german'; accepted: vietnamese, plain");
}

TEST(DelimiterNames, DetectTabOrOneCharacter) {
  EXPECT_EQ(parse_delimiter(""), 0);
  EXPECT_EQ(parse_delimiter("tab"), '\t');
  EXPECT_EQ(parse_delimiter("\\t"), '\t');
  EXPECT_EQ(parse_delimiter(";"), ';');
  EXPECT_EQ(message_of([] { (void)parse_delimiter(";;"); }),
            "the delimiter must be one character, or 'tab'");
}

TEST(TableFromColumns, RowsNumberedAsASpreadsheetShowsThem) {
  const csv::Table t =
      csv::from_columns({"code", "actual"}, {{"1", "2"}, {"97%", ""}}, "<DataFrame>");
  EXPECT_EQ(t.source, "<DataFrame>");
  EXPECT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.lines, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(t.columns[1][0], "97%");
  EXPECT_EQ(t.where(1, 1).line, 3u);
}

TEST(TableFromColumns, ShapeMismatchesAreValidationErrors) {
  EXPECT_EQ(message_of([] {
              (void)csv::from_columns({"a", "b"}, {{"1"}}, "x");
            }),
            "the header and the columns differ in number");
  EXPECT_EQ(message_of([] {
              (void)csv::from_columns({"a", "b"}, {{"1"}, {"1", "2"}}, "x");
            }),
            "the columns differ in length");
}

}  // namespace
}  // namespace dxkit
