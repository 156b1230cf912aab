#include "dxkit/text/csv.hpp"

#include <gtest/gtest.h>

#include "dxkit/error.hpp"

using namespace dxkit;

TEST(Csv, QuotesCrlfBomAndBlankLines) {
  const std::string text =
      "\xEF\xBB\xBF" "code,name,target\r\n1,\"Tỷ lệ, có dấu phẩy\",80%\r\n\r\n2,\"hai \"\"ngoặc\"\"\",\"dòng\nmới\"\r\n";
  csv::Table t = csv::parse(text, "a.csv");
  ASSERT_EQ(t.header.size(), 3u);
  EXPECT_EQ(t.header[0], "code");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.columns[1][0], "Tỷ lệ, có dấu phẩy");
  EXPECT_EQ(t.columns[1][1], "hai \"ngoặc\"");
  EXPECT_EQ(t.columns[2][1], "dòng\nmới");
  EXPECT_EQ(t.lines[0], 2u);
  EXPECT_EQ(t.lines[1], 4u);
}

TEST(Csv, SemicolonAndTabAreDetected) {
  csv::Table t = csv::parse("code;target;actual\n1;99,21%;80%\n", "b.csv");
  EXPECT_EQ(t.columns[1][0], "99,21%");
  csv::Table u = csv::parse("code\ttarget\n1\t80%\n", "c.tsv");
  EXPECT_EQ(u.columns[1][0], "80%");
}

TEST(Csv, CellsAreNfcNormalised) {
  csv::Table t = csv::parse("name\nVi\x65\xCC\xA3\xCC\x82t\n", "d.csv");
  EXPECT_EQ(t.columns[0][0], "Vi\xE1\xBB\x87t");
}

TEST(Csv, UnterminatedQuoteNamesItsLine) {
  try {
    (void)csv::parse("code,name\n1,ok\n2,\"never closed\n3,x\n", "e.csv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column, 2u);
    EXPECT_NE(std::string(e.what()).find("e.csv:3:2: unterminated quote"), std::string::npos)
        << e.what();
  }
}

TEST(Csv, RowWidthMustMatchTheHeader) {
  try {
    (void)csv::parse("a,b\n1,2\n1,2,3\n", "f.csv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_NE(std::string(e.what()).find("3 cells but the header has 2"), std::string::npos);
  }
  EXPECT_THROW((void)csv::parse("a,b\n1\n", "g.csv"), ParseError);
}

TEST(Csv, InvalidUtf8NamesRowAndColumn) {
  try {
    (void)csv::parse("a,b\nok,ok\nok,b\xE1\xBBx\n", "h.csv");
    FAIL();
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column, 2u);
    EXPECT_NE(std::string(e.what()).find("invalid UTF-8"), std::string::npos);
  }
}

TEST(Csv, HeaderProblems) {
  EXPECT_THROW((void)csv::parse("", "i.csv"), ParseError);
  EXPECT_THROW((void)csv::parse("a,,c\n", "j.csv"), ParseError);
  EXPECT_THROW((void)csv::parse("a,A\n", "k.csv"), ParseError);
  EXPECT_THROW((void)csv::parse("a,b\n1,x\"y\n", "l.csv"), ParseError);
  EXPECT_THROW((void)csv::read("/nonexistent/file.csv"), Error);
}

// A header of 100,000 columns is read (and checked for duplicates) in linear time; a duplicate
// far to the right is found and named with its column.
TEST(Csv, WideHeadersAreCheckedInLinearTime) {
  std::string header, row;
  for (int c = 0; c < 100000; ++c) {
    header += (c ? "," : "") + std::string("col") + std::to_string(c);
    row += (c ? ",1" : "1");
  }
  // No timing assertion (speed lives in benchmarks): the quadratic check took minutes here,
  // which ctest's time-out turns into a failure.
  const auto table = csv::parse(header + "\n" + row + "\n", "wide.csv");
  EXPECT_EQ(table.header.size(), 100000u);
  EXPECT_EQ(table.columns[99999][0], "1");
  try {
    (void)csv::parse(header + ",COL77\n", "wide.csv");
    ADD_FAILURE() << "no error";
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), "wide.csv:1:100001: duplicate header: 'COL77'");
  }
}
