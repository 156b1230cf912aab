#include "dxkit/text/csv.hpp"

#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

TEST(Csv, QuotesCrlfBomAndBlankLines) {
  const std::string text =
      "\xEF\xBB\xBF"
      "code,name,target\r\n1,\"Tỷ lệ, có dấu phẩy\",80%\r\n\r\n2,\"hai "
      "\"\"ngoặc\"\"\",\"dòng\nmới\"\r\n";
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
  EXPECT_THROW_MSG((void)csv::parse("a,b\n1\n", "g.csv"), ParseError,
                   "g.csv:2: the row has 1 cells but the header has 2");
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
  EXPECT_THROW_MSG((void)csv::parse("", "i.csv"), ParseError, "i.csv:1: empty file: no header row");
  EXPECT_THROW_MSG((void)csv::parse("a,,c\n", "j.csv"), ParseError,
                   "j.csv:1:2: empty header in column 2");
  EXPECT_THROW_MSG((void)csv::parse("a,A\n", "k.csv"), ParseError,
                   "k.csv:1:2: duplicate header: 'A'");
  EXPECT_THROW_MSG((void)csv::parse("a,b\n1,x\"y\n", "l.csv"), ParseError,
                   "l.csv:2:2: a quote in the middle of an unquoted cell; quote the whole cell and "
                   "write the quote as \"\"");
  EXPECT_THROW_MSG((void)csv::read("/nonexistent/file.csv"), Error,
                   "/nonexistent/file.csv: cannot open the file");
}

// A missing column is reported at the header's own line: after blank lines, and in a table that
// starts further down its file (Options::first_line), not always at line 1.
TEST(Csv, MissingColumnNamesTheHeaderLine) {
  const csv::Table plain = csv::parse("a,b\n1,2\n", "m.csv");
  EXPECT_EQ(plain.header_line, 1u);
  EXPECT_THROW_MSG((void)plain.require({"c"}, "c"), ValidationError, "m.csv:1: missing column 'c'");
  const csv::Table after_blanks = csv::parse("\n\r\n\na,b\n1,2\n", "n.csv");
  EXPECT_EQ(after_blanks.header_line, 4u);
  EXPECT_EQ(after_blanks.lines, (std::vector<std::size_t>{5}));
  EXPECT_THROW_MSG((void)after_blanks.require({"c"}, "c"), ValidationError,
                   "n.csv:4: missing column 'c'");
  csv::Options opt;
  opt.first_line = 12;
  const csv::Table embedded = csv::parse("a;b\n1;2\n", "o.csv", opt);
  EXPECT_EQ(embedded.header_line, 12u);
  EXPECT_EQ(embedded.where_header().to_string(), "o.csv:12");
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

// Files that are not UTF-8 are named for what they are, with the file and what to do.
TEST(Csv, Utf16ZipAndBinaryFilesAreNamedAsSuch) {
  auto message = [](const std::string& content) {
    try {
      (void)csv::parse(content, "f.csv");
    } catch (const EncodingError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string le(
      "\xFF\xFE"
      "S\0T\0T\0",
      8);
  EXPECT_EQ(message(le),
            "f.csv:1: the file is UTF-16 (little-endian); save it as UTF-8 (Excel: 'CSV UTF-8')");
  const std::string be("\xFE\xFF\0S\0T\0T", 8);
  EXPECT_EQ(message(be),
            "f.csv:1: the file is UTF-16 (big-endian); save it as UTF-8 (Excel: 'CSV UTF-8')");
  const std::string bare("S\0T\0T\0,\0a\0\n\0", 12);
  EXPECT_EQ(message(bare),
            "f.csv:1: the file looks like UTF-16 (every other byte is zero); save it as UTF-8");
  EXPECT_EQ(message(std::string("PK\x03\x04rest", 8)),
            "f.csv:1: the file is a zip archive (an .xlsx or .docx?), not a CSV text");
  EXPECT_EQ(message(std::string("STT,a\n1,\0x\n", 11)),
            "f.csv:1: the file holds zero bytes: binary data, not CSV text");
}

// A message quotes at most 200 bytes of a cell, cut on a character boundary.
TEST(Csv, LongCellsAreCutInMessages) {
  // "STT" + 196 letters: byte 200 falls inside the three bytes of "ữ".
  const std::string cell = std::string(196, 'a') + "ữ" + std::string(1'000'000, 'b');
  try {
    (void)csv::parse("STT,STT" + cell + ",STT" + cell + "\n", "long.csv");
    ADD_FAILURE() << "no error";
  } catch (const ParseError& e) {
    const std::string what = e.what();
    EXPECT_LT(what.size(), 300u);
    EXPECT_EQ(e.text(), "STT" + std::string(196, 'a') + "…");
    EXPECT_NE(what.find("duplicate header"), std::string::npos);
  }
}
