// The cells of a workbook as the .xlsx reader types them, on workbooks written here part by
// part (a stored zip in memory): column letters past Z, the built-in number formats that are
// dates and those that are not, bold fonts, merges, shared and inline strings, and the located
// errors of a cell that is not what its type says.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "document/archive.hpp"
#include "dxkit/document/document.hpp"
#include "dxkit/error.hpp"
#include "zip_fixture.hpp"

namespace {

using dxkit::document::Cell;
using dxkit::document::CellType;
using dxkit::document::Grid;
using dxkit_test::zip_of;

// Styles: fonts 0 (regular) and 1 (bold), 2 (<b val="0"/>: not bold); cellXfs s="0".. below.
const char* const kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
    R"(<fonts count="3"><font><sz val="11"/></font><font><b/><sz val="11"/></font>)"
    R"(<font><b val="0"/></font></fonts>)"
    R"(<cellXfs count="12">)"
    R"(<xf numFmtId="0" fontId="0"/>)"    // 0 General
    R"(<xf numFmtId="0" fontId="1"/>)"    // 1 bold
    R"(<xf numFmtId="14" fontId="0"/>)"   // 2 built-in date m/d/yyyy
    R"(<xf numFmtId="17" fontId="0"/>)"   // 3 built-in date mmm-yy
    R"(<xf numFmtId="18" fontId="0"/>)"   // 4 built-in time h:mm AM/PM: not a date
    R"(<xf numFmtId="22" fontId="0"/>)"   // 5 built-in date and time m/d/yy h:mm
    R"(<xf numFmtId="9" fontId="0"/>)"    // 6 built-in percent 0%
    R"(<xf numFmtId="10" fontId="0"/>)"   // 7 built-in percent 0.00%
    R"(<xf numFmtId="164" fontId="0"/>)"  // 8 custom date
    R"(<xf numFmtId="3" fontId="7"/>)"    // 9 #,##0 with a font that does not exist
    R"(<xf numFmtId="2" fontId="2"/>)"    // 10 0.00, <b val="0"/>
    R"(<xf numFmtId="13" fontId="0"/>)"   // 11 built-in fraction # ??/??: a number
    R"(</cellXfs></styleSheet>)";

// A one-sheet workbook whose sheetData is `rows` (and whatever follows it, e.g. mergeCells).
std::string workbook(const std::string& rows, const std::string& after = "",
                     const std::string& shared = "", const std::string& styles = kStyles) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
       R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
       R"(<sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
      {"xl/styles.xml", styles},
      {"xl/worksheets/sheet1.xml",
       R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
       "<sheetData>" +
           rows + "</sheetData>" + after + "</worksheet>"}};
  if (!shared.empty())
    parts.emplace_back(
        "xl/sharedStrings.xml",
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + shared +
            "</sst>");
  return zip_of(parts);
}

std::vector<Grid> grids(const std::string& bytes, const dxkit::document::Limits& limits = {}) {
  dxkit::document::detail::Archive zip(bytes, "t.xlsx", limits);
  return dxkit::document::detail::read_xlsx(zip, limits);
}

Grid one(const std::string& rows, const std::string& after = "", const std::string& shared = "") {
  auto g = grids(workbook(rows, after, shared));
  EXPECT_EQ(g.size(), 1u);
  return g.at(0);
}

std::string number(const char* ref, const char* value, int style = 0) {
  return std::string("<c r=\"") + ref + "\" s=\"" + std::to_string(style) + "\"><v>" + value +
         "</v></c>";
}

}  // namespace

TEST(XlsxCells, ColumnLettersPastZ) {
  // Z = 26, AA = 27, AZ = 52, BA = 53, ZZ = 702, AAA = 703.
  Grid g = one("<row r=\"1\">" + number("Z1", "1") + number("AA1", "2") + number("AZ1", "3") +
               number("BA1", "4") + "</row>");
  EXPECT_EQ(g.first_column, 26u);
  ASSERT_EQ(g.rows.size(), 1u);
  ASSERT_EQ(g.rows[0].size(), 53u - 26u + 1u);
  EXPECT_EQ(g.rows[0][0].text, "1");
  EXPECT_EQ(g.rows[0][27 - 26].text, "2");
  EXPECT_EQ(g.rows[0][52 - 26].text, "3");
  EXPECT_EQ(g.rows[0][53 - 26].text, "4");
  for (std::size_t c = 2; c < 52 - 26; ++c) EXPECT_EQ(g.rows[0][c].type, CellType::empty) << c;

  g = one("<row r=\"3\">" + number("ZZ3", "5") + number("AAA3", "6") + "</row>");
  EXPECT_EQ(g.first_column, 702u);
  ASSERT_EQ(g.rows.at(0).size(), 2u);
  EXPECT_EQ(g.rows[0][0].text, "5");
  EXPECT_EQ(g.rows[0][1].text, "6");
  EXPECT_EQ(g.row_numbers, std::vector<std::size_t>{3});
}

TEST(XlsxCells, BadReferencesAreLocatedErrors) {
  // Four letters, no row, row 0, a lower-case column: not a reference.
  for (const char* ref : {"AAAA1", "B", "B0", "b2", "1B"})
    EXPECT_THROW((void)one("<row r=\"2\">" + number(ref, "1") + "</row>"), dxkit::ParseError)
        << ref;
  // Row numbers are read up to 100000009 (past Excel's 1048576, so that a row is never
  // misread); past that the reference is refused.
  Grid g = one("<row r=\"100000000\">" + number("A100000000", "7") + "</row>");
  EXPECT_EQ(g.row_numbers, std::vector<std::size_t>{100000000});
  EXPECT_EQ(g.rows.at(0).at(0).text, "7");
  g = one("<row r=\"100000009\">" + number("A100000009", "7") + "</row>");
  EXPECT_EQ(g.row_numbers, std::vector<std::size_t>{100000009});
  EXPECT_THROW((void)one("<row r=\"100000010\">" + number("A100000010", "7") + "</row>"),
               dxkit::ParseError);
}

TEST(XlsxCells, BuiltInNumberFormatsThatAreDates) {
  // 45000 is 15/3/2023 (Excel serial, after its 29/2/1900).
  Grid g = one("<row r=\"1\">" + number("A1", "45000", 2) + number("B1", "45000", 3) +
               number("C1", "45000.75", 5) + number("D1", "45000", 8) + "</row>");
  for (std::size_t c = 0; c < 4; ++c) {
    const Cell& x = g.rows.at(0).at(c);
    EXPECT_EQ(x.type, CellType::date) << c;
    EXPECT_EQ(x.text, c == 2 ? "15/3/2023 18:00" : "15/3/2023") << c;  // 22: with its time
    ASSERT_TRUE(x.date.has_value()) << c;
    EXPECT_EQ(x.date->year(), 2023) << c;
  }
  // 18 (h:mm AM/PM) is a time of day, shown as such (text: the date part is not shown), and
  // 11 (0.00E+00)-13 (# ?/?) numbers: not dates.
  g = one("<row r=\"1\">" + number("A1", "45000.5", 4) + number("B1", "45000", 11) + "</row>");
  EXPECT_EQ(g.rows.at(0).at(0).type, CellType::text);
  EXPECT_EQ(g.rows.at(0).at(0).text, "12:00 PM");
  EXPECT_FALSE(g.rows.at(0).at(0).date.has_value());
  EXPECT_EQ(g.rows.at(0).at(1).type, CellType::number);
  EXPECT_EQ(g.rows.at(0).at(1).text, "45000");
}

TEST(XlsxCells, BuiltInPercentFormats) {
  Grid g = one("<row r=\"1\">" + number("A1", "0.9921", 6) + number("B1", "0.5", 7) +
               number("C1", "0.5", 0) + number("D1", "0.5", 10) + "</row>");
  EXPECT_EQ(g.rows.at(0).at(0).type, CellType::percent);
  EXPECT_EQ(g.rows.at(0).at(0).text, "99,21%");
  EXPECT_EQ(g.rows.at(0).at(1).text, "50%");
  EXPECT_EQ(g.rows.at(0).at(2).type, CellType::number);
  EXPECT_EQ(g.rows.at(0).at(2).text, "0,5");
  EXPECT_EQ(g.rows.at(0).at(3).type, CellType::number);
  EXPECT_EQ(g.rows.at(0).at(3).text, "0,5");
}

TEST(XlsxCells, BoldIsTheCellsFont) {
  Grid g = one("<row r=\"1\">" + number("A1", "1", 0) + number("B1", "2", 1) +
               number("C1", "3", 9) + number("D1", "4", 10) + number("E1", "5", 40) +
               "<c r=\"F1\" t=\"inlineStr\" s=\"1\"><is><t>Tổng cộng</t></is></c></row>");
  const auto& r = g.rows.at(0);
  EXPECT_FALSE(r.at(0).bold);  // font 0: no <b/>
  EXPECT_TRUE(r.at(1).bold);   // font 1: <b/>
  EXPECT_FALSE(r.at(2).bold);  // font 7 does not exist
  EXPECT_FALSE(r.at(3).bold);  // <b val="0"/>
  EXPECT_FALSE(r.at(4).bold);  // style 40 does not exist: General, regular
  EXPECT_EQ(r.at(4).text, "5");
  EXPECT_TRUE(r.at(5).bold);
  EXPECT_EQ(r.at(5).text, "Tổng cộng");
}

TEST(XlsxCells, SharedInlineBooleanAndErrorCells) {
  const std::string shared =
      "<si><t>Chỉ tiêu</t></si><si><r><t>Kết quả </t></r><r><t>thực hiện</t></r></si>"
      "<si><t>  </t></si>";
  Grid g = one(R"(<row r="4"><c r="B4" t="s"><v>1</v></c><c r="C4" t="s"><v>0</v></c>)"
               R"(<c r="D4" t="b"><v>1</v></c><c r="E4" t="b"><v>0</v></c>)"
               R"(<c r="F4" t="e"><v>#DIV/0!</v></c><c r="G4" t="s"><v>2</v></c></row>)",
               "", shared);
  EXPECT_EQ(g.first_column, 2u);
  const auto& r = g.rows.at(0);
  ASSERT_EQ(r.size(), 5u);  // G4 holds only spaces: empty, not part of the used range
  EXPECT_EQ(r[0].text, "Kết quả thực hiện");
  EXPECT_EQ(r[1].text, "Chỉ tiêu");
  EXPECT_EQ(r[2].text, "TRUE");
  EXPECT_EQ(r[3].text, "FALSE");
  EXPECT_EQ(r[4].text, "#DIV/0!");
  for (const Cell& c : r) EXPECT_EQ(c.type, CellType::text);
  EXPECT_THROW_MSG((void)one(R"(<row r="4"><c r="B4" t="s"><v>3</v></c></row>)", "", shared),
                   dxkit::ParseError,
                   "t.xlsx, sheet 'Phụ lục' B4:4:2: shared string 3 does not exist: 'B4'");
}

TEST(XlsxCells, ANumberCellThatHoldsNoNumberIsALocatedError) {
  for (const char* v : {"12abc", "abc", "1,5", "inf", "nan", "1e999"})
    EXPECT_THROW_MSG((void)one(std::string("<row r=\"3\">") + number("C3", v) + "</row>"),
                     dxkit::ParseError,
                     std::string("t.xlsx, sheet 'Phụ lục' C3:3:3: a number cell that holds no "
                                 "number: '") +
                         v + "'");
  Grid g = one("<row r=\"3\">" + number("C3", "-1.5e3") + number("D3", " 2") + "</row>");
  EXPECT_EQ(g.rows.at(0).at(0).text, "-1500");
  EXPECT_EQ(g.rows.at(0).at(0).value, -1500.0);
}

TEST(XlsxCells, MergesMarkTheCoveredCells) {
  // B2:D3 merged: C2, D2 merged left, B3..D3 merged above; the merge widens the used range.
  Grid g = one(R"(<row r="2"><c r="B2" t="inlineStr"><is><t>Nguồn vốn</t></is></c></row>)"
               R"(<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row>)",
               R"(<mergeCells count="1"><mergeCell ref="B2:D3"/></mergeCells>)");
  EXPECT_EQ(g.first_column, 1u);
  EXPECT_EQ(g.row_numbers, (std::vector<std::size_t>{2, 3}));
  ASSERT_EQ(g.rows.at(0).size(), 4u);
  const auto& top = g.rows[0];
  const auto& bottom = g.rows[1];
  EXPECT_FALSE(top[1].merged_left);
  EXPECT_FALSE(top[1].merged_above);
  EXPECT_TRUE(top[2].merged_left);
  EXPECT_TRUE(top[3].merged_left);
  EXPECT_FALSE(top[2].merged_above);
  for (std::size_t c = 1; c <= 3; ++c) {
    EXPECT_TRUE(bottom[c].merged_above) << c;
    EXPECT_FALSE(bottom[c].merged_left) << c;
  }
  EXPECT_FALSE(bottom[0].merged_above);
  EXPECT_FALSE(top[0].merged_left);
  EXPECT_THROW_MSG((void)one(R"(<row r="2"><c r="B2"><v>1</v></c></row>)",
                             R"(<mergeCells count="1"><mergeCell ref="D3:B2"/></mergeCells>)"),
                   dxkit::ParseError,
                   "t.xlsx, sheet 'Phụ lục': a merged range that is not A1:B2: 'D3:B2'");
}

TEST(XlsxCells, DateSerialsAtTheirBounds) {
  // Excel's serials: 1 is 1/1/1900, 59 is 28/2/1900, 60 the 29/2/1900 that never was (read as
  // 1/3/1900), 61 is 1/3/1900 again; below 1 and after 31/12/9999 a date cell is a number.
  const std::pair<const char*, const char*> days[] = {
      {"1", "1/1/1900"},         {"31", "31/1/1900"},
      {"59", "28/2/1900"},       {"60", "1/3/1900"},
      {"61", "1/3/1900"},        {"45000.99", "15/3/2023"},
      {"2958465", "31/12/9999"}, {"0.5", "0,5"},
      {"2958466", "2958466"},    {"-1", "-1"}};
  std::string row = "<row r=\"1\">";
  char ref[8];
  for (std::size_t i = 0; i < std::size(days); ++i) {
    std::snprintf(ref, sizeof ref, "%c1", static_cast<char>('A' + i));
    row += number(ref, days[i].first, 2);
  }
  const Grid g = one(row + "</row>");
  ASSERT_EQ(g.rows.at(0).size(), std::size(days));
  for (std::size_t i = 0; i < std::size(days); ++i) {
    const Cell& c = g.rows[0][i];
    EXPECT_EQ(c.text, days[i].second) << days[i].first;
    EXPECT_EQ(c.type, i < 7 ? CellType::date : CellType::number) << days[i].first;
  }
}

TEST(XlsxCells, EscapesInTextAreDecoded) {
  auto text = [](const std::string& t) {
    return one("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + t + "</t></is></c></row>")
        .rows.at(0)
        .at(0)
        .text;
  };
  EXPECT_EQ(text("A_x0041_B"), "AAB");
  EXPECT_EQ(text("_x005F_x0041_"), "_x0041_");            // an escaped '_' keeps the rest literal
  EXPECT_EQ(text("caf_x00e9_ caf_x00E9_"), "café café");  // 2 bytes, either case of hex
  EXPECT_EQ(text("_x20AC_ _x0FFF_"), "€ \u0FFF");         // 3 bytes
  EXPECT_EQ(text("_xD83D__xDE00_"), "\U0001F600");        // a surrogate pair: 4 bytes
  EXPECT_EQ(text("_xD800__xDC00_"), "\U00010000");        // the first and the last
  EXPECT_EQ(text("_xDBFF__xDFFF_"), "\U0010FFFF");        // pairs
  EXPECT_EQ(text("_xD800_"), "_xD800_");                  // a lone surrogate stays
  EXPECT_EQ(text("_xDC00__xD800_"), "_xDC00__xD800_");    // so does a reversed pair
  EXPECT_EQ(text("_xD83D_x_xDE00_"), "_xD83D_x_xDE00_");
  EXPECT_EQ(text("_x00G1_ _x00e_ x0041_"), "_x00G1_ _x00e_ x0041_");  // not escapes
  EXPECT_EQ(text("_x007F__x0080__x07FF__x0800_"), "\x7F\u0080\u07FF\u0800");
}

TEST(XlsxCells, TheUsedRangeIsBoundedByTheCellLimit) {
  dxkit::document::Limits limits;
  limits.cells = 6;
  const std::string rows = "<row r=\"2\">" + number("B2", "1") + number("D2", "2") +
                           "</row><row r=\"3\">" + number("C3", "3") + "</row>";
  const auto g = grids(workbook(rows), limits);  // B2:D3, 6 cells
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].rows.size(), 2u);
  EXPECT_EQ(g[0].rows[0].size(), 3u);
  EXPECT_EQ(g[0].rows[1][1].text, "3");
  limits.cells = 5;
  EXPECT_THROW_MSG((void)grids(workbook(rows), limits), dxkit::ParseError,
                   "t.xlsx, 'Phụ lục'!D3: the sheet's used range holds more than 5 cells: "
                   "'sheet 'Phụ lục''");
}

// A custom format is a percent when '%' stands outside quotes, a date when d, m or y does outside
// quotes and brackets; an escaped character is literal text; "General" is read as a number.
TEST(XlsxCells, CustomFormatsQuotesBracketsAndEscapes) {
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="7">)"
      R"(<numFmt numFmtId="165" formatCode="0.0%"/>)"
      R"(<numFmt numFmtId="166" formatCode="&quot;%&quot;0"/>)"
      R"(<numFmt numFmtId="167" formatCode="[Red]0"/>)"
      R"(<numFmt numFmtId="168" formatCode="0\d"/>)"
      R"(<numFmt numFmtId="169" formatCode="0 &quot;days&quot;"/>)"
      R"(<numFmt numFmtId="170" formatCode="[$-42A]dd/mm/yyyy"/>)"
      R"(<numFmt numFmtId="171" formatCode="General"/>)"
      R"(</numFmts><fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="7">)"
      R"(<xf numFmtId="165" fontId="0"/><xf numFmtId="166" fontId="0"/>)"
      R"(<xf numFmtId="167" fontId="0"/><xf numFmtId="168" fontId="0"/>)"
      R"(<xf numFmtId="169" fontId="0"/><xf numFmtId="170" fontId="0"/>)"
      R"(<xf numFmtId="171" fontId="0"/></cellXfs></styleSheet>)";
  auto g = grids(workbook("<row r=\"1\">" + number("A1", "0.125", 0) + number("B1", "5", 1) +
                              number("C1", "5", 2) + number("D1", "5", 3) + number("E1", "5", 4) +
                              number("F1", "45000", 5) + number("G1", "2.5", 6) + "</row>",
                          "", "", styles));
  ASSERT_EQ(g.size(), 1u);
  const auto& row = g[0].rows.at(0);
  ASSERT_EQ(row.size(), 7u);
  EXPECT_EQ(row[0].type, CellType::percent);
  EXPECT_EQ(row[0].text, "12,5%");
  for (std::size_t c = 1; c <= 4; ++c) {
    EXPECT_EQ(row[c].type, CellType::number) << c;
    EXPECT_EQ(row[c].text, "5") << c;
  }
  EXPECT_EQ(row[5].type, CellType::date);
  EXPECT_EQ(row[5].text, "15/3/2023");
  EXPECT_EQ(row[6].type, CellType::number);
  EXPECT_EQ(row[6].text, "2,5");
}
