// The .xlsx reader's rules at their edges, each pinned from both sides: a cell reference is
// letters then digits, each letter of a date format makes a date alone, Excel's text escapes at
// every bound of their hex digits and of the surrogates, fonts and styles one past the last, and
// merged ranges of one row or one column against every malformed one.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "document/archive.hpp"
#include "dxkit/document/document.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/target.hpp"
#include "dxkit/text/number.hpp"
#include "zip_fixture.hpp"

namespace {

using dxkit::document::Cell;
using dxkit::document::CellType;
using dxkit::document::Grid;

const char* const kNs = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";

// Styles: fonts 0 (regular) and 1 (bold); cellXfs 0 General, 1 percent in bold, 2 General with
// font 2 (one past the last font), then one xf per custom format of `formats` (ids 164..).
std::string styles(const std::vector<std::string>& formats = {}) {
  std::string s = std::string("<styleSheet ") + kNs + "><numFmts>";
  for (std::size_t k = 0; k < formats.size(); ++k)
    s += "<numFmt numFmtId=\"" + std::to_string(164 + k) + "\" formatCode=\"" + formats[k] + "\"/>";
  s += R"(</numFmts><fonts><font><sz val="11"/></font><font><b/></font></fonts><cellXfs>)"
       R"(<xf numFmtId="0" fontId="0"/><xf numFmtId="9" fontId="1"/><xf numFmtId="0" fontId="2"/>)";
  for (std::size_t k = 0; k < formats.size(); ++k)
    s += "<xf numFmtId=\"" + std::to_string(164 + k) + "\" fontId=\"0\"/>";
  return s + "</cellXfs></styleSheet>";
}

Grid sheet(const std::string& rows, const std::string& after = "",
           const std::string& style_part = styles(), const std::string& book_pr = "") {
  const std::string bytes = dxkit_test::zip_of(
      {{"xl/workbook.xml",
        std::string("<workbook ") + kNs +
            R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
            book_pr +
            R"(<sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
       {"xl/styles.xml", style_part},
       {"xl/worksheets/sheet1.xml", std::string("<worksheet ") + kNs + "><sheetData>" + rows +
                                        "</sheetData>" + after + "</worksheet>"}});
  const dxkit::document::Limits limits;
  dxkit::document::detail::Archive zip(bytes, "t.xlsx", limits);
  auto grids = dxkit::document::detail::read_xlsx(zip, limits);
  EXPECT_EQ(grids.size(), 1u);
  return grids.at(0);
}

std::string number(const std::string& ref, const std::string& value, int style = 0) {
  return "<c r=\"" + ref + "\" s=\"" + std::to_string(style) + "\"><v>" + value + "</v></c>";
}

std::string text_cell(const std::string& ref, const std::string& t) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
}

// The text an inline string cell holding `t` is read as.
std::string text(const std::string& t) {
  return sheet("<row r=\"1\">" + text_cell("A1", t) + "</row>").rows.at(0).at(0).text;
}

// One row of cells, each (format code, stored number) with a style of its own (A1, B1, ...).
Grid formatted(const std::vector<std::pair<std::string, std::string>>& cells) {
  std::vector<std::string> formats;
  std::string row = "<row r=\"1\">";
  for (std::size_t k = 0; k < cells.size(); ++k) {
    formats.push_back(cells[k].first);
    row += number(std::string(1, static_cast<char>('A' + k)) + "1", cells[k].second,
                  3 + static_cast<int>(k));
  }
  Grid g = sheet(row + "</row>", "", styles(formats));
  EXPECT_EQ(g.rows.at(0).size(), cells.size());
  return g;
}

}  // namespace

TEST(XlsxBounds, AReferenceIsLettersThenDigits) {
  // Digits alone, letters alone and a row 0 are no references; the error names the XML row (no
  // column: the reference is what is wrong).
  for (const char* ref : {"12", "B", "B0"})
    EXPECT_THROW_MSG(
        (void)sheet("<row r=\"2\">" + number(ref, "1") + "</row>"), dxkit::ParseError,
        std::string("t.xlsx, 'Phụ lục' row 2: a cell without a valid reference: '") + ref + "'");
  const Grid g = sheet("<row r=\"10\">" + number("A10", "1") + number("AA10", "2") + "</row>");
  EXPECT_EQ(g.row_numbers, std::vector<std::size_t>{10});
  EXPECT_EQ(g.first_column, 1u);
  ASSERT_EQ(g.rows.at(0).size(), 27u);
  EXPECT_EQ(g.rows[0][26].text, "2");
}

// d, m and y, in either case, each make a date without the other two (a format "yyyy" shows
// only the year, but the cell is still the date of its serial); a format without them does not.
TEST(XlsxBounds, EachDateLetterAloneMakesADate) {
  const std::vector<std::string> formats = {"d", "D", "yyyy", "YYYY", "m", "M", "0"};
  std::string row = "<row r=\"1\">";
  for (std::size_t k = 0; k < formats.size(); ++k)
    row +=
        number(std::string(1, static_cast<char>('A' + k)) + "1", "45000", 3 + static_cast<int>(k));
  const Grid g = sheet(row + "</row>", "", styles(formats));
  ASSERT_EQ(g.rows.at(0).size(), formats.size());
  for (std::size_t k = 0; k + 1 < formats.size(); ++k) {
    EXPECT_EQ(g.rows[0][k].type, CellType::date) << formats[k];
    EXPECT_EQ(g.rows[0][k].text, "15/3/2023") << formats[k];
  }
  EXPECT_EQ(g.rows[0].back().type, CellType::number);
  EXPECT_EQ(g.rows[0].back().text, "45000");
}

TEST(XlsxBounds, TimesShowAsTimesNotAsFractionsOfADay) {
  // 8:30 is 0.3541666... of a day: read as that number it would be a silent 0,35 wherever
  // a reader takes a number. A time cell is the text it shows.
  const std::vector<std::pair<std::string, std::string>> cells = {
      {"h:mm", "0.3541666666666667"},         // 8:30
      {"hh:mm:ss", "0.35434027777777777"},    // 8:30:15
      {"[h]:mm", "1.5"},                      // a duration of 36 hours
      {"h:mm AM/PM", "0.75"},                 // 6 PM
      {"h:mm AM/PM", "0"},                    // midnight
      {"mm:ss", "0.0010416666666666667"},     // 90 seconds
      {"h:mm", "1.25"},                       // the time of day of a date and time
      {"[$-42A]h:mm", "0.3541666666666667"},  // a locale in brackets
      {"dd/mm/yyyy hh:mm", "45000.5"},        // a date with its time of day
      {"h:mm", "-0.5"},                       // Excel shows ####: the number as stored
      {"[Red]0", "0.5"},                      // no time in brackets of colour
      {"0.00 \"h\"", "0.5"},                  // h in quotes
      {"[mm]:ss", "0.0625"},                  // a duration of 90 minutes, in minutes
      {"mm:ss", "0.0625"},                    // 1:30:00 without its hours: the minutes of the hour
      {"HH:MM", "0.3541666666666667"},        // upper-case codes
      {"[hh]:mm", "0.25"},                    // a duration with two-digit hours
  };
  const std::vector<std::string> want = {
      "8:30",  "08:30:15", "36:00",           "6:00 PM", "12:00 AM", "01:30",
      "6:00",  "8:30",     "15/3/2023 12:00", "-0,5",    "0,5",      "0,5",
      "90:00", "30:00",    "08:30",           "06:00"};
  auto escaped = cells;
  for (auto& [format, value] : escaped)
    if (format == "0.00 \"h\"") format = "0.00 &quot;h&quot;";
  const Grid g = formatted(escaped);
  ASSERT_EQ(g.rows.at(0).size(), cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k) {
    EXPECT_EQ(g.rows[0][k].text, want[k]) << cells[k].first << " " << cells[k].second;
    const CellType type = k < 8 || k > 11 ? CellType::text
                          : k == 8        ? CellType::date
                                          : CellType::number;
    EXPECT_EQ(g.rows[0][k].type, type) << cells[k].first;
  }
  // Excel's built-in time formats: 20 h:mm, 46 [h]:mm:ss, 18 h:mm AM/PM, 21 h:mm:ss, 45 mm:ss.
  const std::string builtin =
      std::string("<styleSheet ") + kNs +
      R"(><fonts><font/></fonts><cellXfs><xf numFmtId="0"/><xf numFmtId="20"/>)"
      R"(<xf numFmtId="46"/><xf numFmtId="18"/><xf numFmtId="21"/><xf numFmtId="45"/>)"
      R"(</cellXfs></styleSheet>)";
  const Grid b =
      sheet(R"(<row r="1">)" + number("A1", "0.3541666666666667", 1) + number("B1", "1.5", 2) +
                number("C1", "0.5", 3) + number("D1", "0.35434027777777777", 4) +
                number("E1", "0.0010416666666666667", 5) + "</row>",
            "", builtin);
  EXPECT_EQ(b.rows.at(0).at(0).text, "8:30");
  EXPECT_EQ(b.rows[0][1].text, "36:00:00");
  EXPECT_EQ(b.rows[0][2].text, "12:00 PM");
  EXPECT_EQ(b.rows[0][3].text, "8:30:15");
  EXPECT_EQ(b.rows[0][4].text, "01:30");
}

TEST(XlsxBounds, EscapesAtEveryBound) {
  // Hex digits: '0'-'9', 'A'-'F' and 'a'-'f' at both ends of each range; characters just
  // outside them ('G', 'Z', '`', 'g') make no escape.
  EXPECT_EQ(text("_x00aa_"), "\u00AA");
  EXPECT_EQ(text("_x00af_ _x00fA_"), "\u00AF \u00FA");
  EXPECT_EQ(text("_x0039_"), "9");
  for (const char* s : {"_x00g1_", "_x00Z1_", "_x00`1_", "_x00G1_", "_x00/1_", "_x00:1_"})
    EXPECT_EQ(text(s), s);
  // Four hex digits without the closing '_', or without the leading '_' or the 'x': no escape.
  EXPECT_EQ(text("_x00410"), "_x00410");
  EXPECT_EQ(text("Ax0041_"), "Ax0041_");
  EXPECT_EQ(text("_X0041_"), "_X0041_");
  // An escape that ends the text, and one followed by more text.
  EXPECT_EQ(text("B_x0041_"), "BA");
  EXPECT_EQ(text("_x0041_C"), "AC");
  // _x0000_ is U+0000 (XML cannot hold it, so Excel writes it escaped).
  EXPECT_EQ(text("a_x0000_b"), std::string("a\0b", 3));
  // A pair followed by more text; the last code points just outside the surrogates are
  // characters; a lone low surrogate (last of its range too) stays, even after a character.
  EXPECT_EQ(text("_xD83D__xDE00_x"), "\U0001F600x");
  EXPECT_EQ(text("_xD7FF_ _xE000_"), "\uD7FF \uE000");
  EXPECT_EQ(text("_xDFFF_"), "_xDFFF_");
  EXPECT_EQ(text("_xDBFF_"), "_xDBFF_");
  EXPECT_EQ(text("_x0041__xDC00_"), "A_xDC00_");
  // A high surrogate followed by an escape just outside the low surrogates: both read alone.
  EXPECT_EQ(text("_xD800__xDBFF_"), "_xD800__xDBFF_");
  EXPECT_EQ(text("_xD800__xE000_"), "_xD800_\uE000");
  EXPECT_EQ(text("_xD800__x0041_"), "_xD800_A");
}

TEST(XlsxBounds, FontsAndStylesOnePastTheLast) {
  // Style 1 is a bold percent; style 2's font is one past the last font (not bold); style 3 is
  // one past the last style (General, not bold).
  const Grid g = sheet("<row r=\"1\">" + number("A1", "0.25", 1) + number("B1", "0.25", 2) +
                       number("C1", "0.25", 3) + number("D1", "0.25", 0) + "</row>");
  const auto& r = g.rows.at(0);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_TRUE(r[0].bold);
  EXPECT_EQ(r[0].type, CellType::percent);
  EXPECT_EQ(r[0].text, "25%");
  for (std::size_t c = 1; c < 4; ++c) {
    EXPECT_FALSE(r[c].bold) << c;
    EXPECT_EQ(r[c].type, CellType::number) << c;
    EXPECT_EQ(r[c].text, "0,25") << c;
  }
}

TEST(XlsxBounds, FormulaResultsAreTheirText) {
  const Grid g = sheet(R"(<row r="1"><c r="A1" t="str"><f>B1&amp;"%"</f><v>99,2%</v></c></row>)");
  EXPECT_EQ(g.rows.at(0).at(0).type, CellType::text);
  EXPECT_EQ(g.rows[0][0].text, "99,2%");
}

TEST(XlsxBounds, MergesOfOneRowOrOneColumn) {
  // A1:C1 (one row, the first): B1 and C1 merged left; B2:B4 (one column): B3 and B4 merged
  // above.
  const Grid g = sheet(
      "<row r=\"1\">" + text_cell("A1", "Nguồn vốn") + "</row><row r=\"2\">" +
          text_cell("B2", "Sở A") + "</row>",
      R"(<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B4"/></mergeCells>)");
  EXPECT_EQ(g.row_numbers, (std::vector<std::size_t>{1, 2, 3, 4}));
  ASSERT_EQ(g.rows.at(0).size(), 3u);
  EXPECT_FALSE(g.rows[0][0].merged_left);
  EXPECT_TRUE(g.rows[0][1].merged_left);
  EXPECT_TRUE(g.rows[0][2].merged_left);
  for (std::size_t c = 0; c < 3; ++c) EXPECT_FALSE(g.rows[0][c].merged_above) << c;
  EXPECT_FALSE(g.rows[1][1].merged_above);
  EXPECT_TRUE(g.rows[2][1].merged_above);
  EXPECT_TRUE(g.rows[3][1].merged_above);
  for (std::size_t r = 1; r < 4; ++r) EXPECT_FALSE(g.rows[r][1].merged_left) << r;
  EXPECT_FALSE(g.rows[2][0].merged_above);
  EXPECT_FALSE(g.rows[2][2].merged_above);
}

TEST(XlsxBounds, MalformedMergesAreErrors) {
  // No colon, a bad first or second corner, rows reversed alone, columns reversed alone.
  for (const char* ref : {"B2", "X:B2", "B2:C", "B3:D2", "D2:B3"})
    EXPECT_THROW_MSG(
        (void)sheet(
            "<row r=\"2\">" + number("B2", "1") + "</row>",
            std::string(R"(<mergeCells count="1"><mergeCell ref=")") + ref + R"("/></mergeCells>)"),
        dxkit::ParseError,
        std::string("t.xlsx, sheet 'Phụ lục': a merged range that is not A1:B2: '") + ref + "'");
}

// A number shows as the readers read it: decimal comma, no exponent, at most Excel's 15
// significant digits; a whole number keeps every digit even at 10^15 and beyond (a province's
// budget in đồng), where "1e+15" was no number to the budget reader.
TEST(XlsxBounds, NumbersShowWithoutAnExponent) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"999999999999999", "999999999999999"},
      {"1000000000000000", "1000000000000000"},
      {"1E+15", "1000000000000000"},
      {"1234567890123456", "1234567890123456"},
      {"-25000000000000000", "-25000000000000000"},
      {"0.00001", "0,00001"},
      {"1.5E-7", "0,00000015"},
      {"0.33333333333333331", "0,333333333333333"},
      {"0.99209999999999998", "0,9921"},
      {"75428", "75428"},
      {"-0.5", "-0,5"},
      {"1234567.125", "1234567,125"},
      {"-0.0000000000000001", "-0,0000000000000001"},
      {"0", "0"},
      {"123456789012345.6", "123456789012346"},  // 15 digits: the 16th rounds away
      {"99999999999999.5", "99999999999999,5"},  // 14 whole digits keep one decimal
  };
  std::string row = "<row r=\"1\">";
  const std::string columns = "ABCDEFGHIJKLMNOP";
  for (std::size_t k = 0; k < cases.size(); ++k)
    row += number(std::string(1, columns[k]) + "1", cases[k].first);
  const Grid g = sheet(row + "</row>");
  for (std::size_t k = 0; k < cases.size(); ++k) {
    EXPECT_EQ(g.rows[0][k].type, CellType::number) << cases[k].first;
    EXPECT_EQ(g.rows[0][k].text, cases[k].second) << cases[k].first;
  }
  // A percent: the product's last-bit noise is gone (0,9921 * 100 is 99.21000000000001).
  const Grid p = sheet(R"(<row r="1">)" + number("A1", "0.9921", 1) + number("B1", "0.07", 1) +
                       number("C1", "1.0000000000000002", 1) + "</row>");
  EXPECT_EQ(p.rows[0][0].text, "99,21%");
  EXPECT_EQ(p.rows[0][1].text, "7%");
  EXPECT_EQ(p.rows[0][2].text, "100%");
}

// The 1904 date system (old Excel for Mac: `<workbookPr date1904="1"/>`): serial 0 is 1 January
// 1904, so the serial of 15/3/2023 in the 1900 system is 16/3/2027 there; read as 1900 the dates
// would all be four years and a day early.
TEST(XlsxBounds, The1904DateSystem) {
  const std::string style = styles({"dd/mm/yyyy"});
  const std::string row = R"(<row r="1">)" + number("A1", "45000", 3) + number("B1", "0", 3) +
                          number("C1", "2957003", 3) + number("D1", "2957004", 3) +
                          number("E1", "-1", 3) + "</row>";
  for (const std::string pr :
       {R"(<workbookPr date1904="1"/>)", R"(<workbookPr date1904="true"/>)"}) {
    const Grid g = sheet(row, "", style, pr);
    EXPECT_EQ(g.rows[0][0].text, "16/3/2027") << pr;
    EXPECT_EQ(g.rows[0][1].text, "1/1/1904") << pr;
    EXPECT_EQ(g.rows[0][2].text, "31/12/9999") << pr;
    EXPECT_EQ(g.rows[0][3].type, CellType::number) << pr;  // beyond 9999: the number as stored
    EXPECT_EQ(g.rows[0][4].type, CellType::number) << pr;  // before the base
  }
  for (const std::string pr : {std::string(), std::string(R"(<workbookPr date1904="0"/>)"),
                               std::string(R"(<workbookPr defaultThemeVersion="124226"/>)")}) {
    const Grid g = sheet(row, "", style, pr);
    EXPECT_EQ(g.rows[0][0].text, "15/3/2023") << pr;
    EXPECT_EQ(g.rows[0][1].type, CellType::number) << pr;  // serial 0 is no 1900 date
    EXPECT_EQ(g.rows[0][2].text, "30/12/9995") << pr;
  }
}

TEST(XlsxBounds, ADateWithItsTimeShowsBoth) {
  // A date-time cell is its date (the cell's date) and the time it shows, rounded to the
  // second like the time formats: 23:59:59.6 is the next day's midnight. The text is what the
  // deadline reader takes as that day ("30/6/2023 14:30": due 30/6/2023).
  const std::vector<std::pair<std::string, std::string>> cells = {
      {"d/m/yyyy h:mm", "45107.604166666664"},       // 14:30
      {"dd/mm/yyyy hh:mm:ss", "45107.35434027777"},  // 08:30:15
      {"d/m/yyyy h:mm", "45106.99999537037"},        // 23:59:59.6: the next day
      {"d/m/yyyy h:mm AM/PM", "45107.75"},           // 6:00 PM
      {"d/m/yyyy", "45107.75"},                      // no time in the format: the date alone
      {"d/m/yyyy h:mm", "45107"},                    // midnight
      {"d/m/yyyy h:mm", "3000000"},                  // past every date: the number as stored
  };
  const std::vector<std::string> want = {
      "30/6/2023 14:30", "30/6/2023 08:30:15", "30/6/2023 0:00", "30/6/2023 6:00 PM",
      "30/6/2023",       "30/6/2023 0:00",     "3000000"};
  const Grid g = formatted(cells);
  ASSERT_EQ(g.rows.at(0).size(), cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k) {
    EXPECT_EQ(g.rows[0][k].text, want[k]) << cells[k].first << " " << cells[k].second;
    EXPECT_EQ(g.rows[0][k].type, k + 1 < cells.size() ? CellType::date : CellType::number);
  }
  EXPECT_EQ(g.rows[0][0].date, dxkit::Date(2023, 6, 30));
  EXPECT_EQ(g.rows[0][2].date, dxkit::Date(2023, 6, 30));
  EXPECT_EQ(dxkit::parse_deadline(g.rows[0][0].text).due, dxkit::Date(2023, 6, 30));
  EXPECT_EQ(dxkit::parse_date(g.rows[0][1].text), dxkit::Date(2023, 6, 30));
  // Excel's built-in 22 (m/d/yy h:mm) is a date with its time.
  const std::string builtin = std::string("<styleSheet ") + kNs +
                              R"(><fonts><font/></fonts><cellXfs><xf numFmtId="0"/>)"
                              R"(<xf numFmtId="22"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
  const Grid b = sheet(R"(<row r="1">)" + number("A1", "45107.604166666664", 1) +
                           number("B1", "45107.604166666664", 2) + "</row>",
                       "", builtin);
  EXPECT_EQ(b.rows.at(0).at(0).text, "30/6/2023 14:30");
  EXPECT_EQ(b.rows[0][1].text, "30/6/2023");
}

TEST(XlsxBounds, AFormulaWithoutItsValueIsItsTextNeverAnEmptyCell) {
  // Excel stores a formula's last value in <v>: that value is the cell. A program that does
  // not calculate (openpyxl) writes the formula alone, or with an empty <v>: read as an empty
  // cell, a total would silently vanish. Its text is kept, and a reader needing a number
  // refuses it at the cell. A text formula's empty <v> is its value, the empty text.
  const Grid g = sheet(
      R"(<row r="1"><c r="A1"><f>SUM(C2:C3)</f></c><c r="B1"><f>SUM(C2:C3)</f><v></v></c>)"
      R"(<c r="C1"><f>SUM(C2:C3)</f><v>2000</v></c><c r="D1" t="str"><f>IF(1,"","x")</f><v></v></c>)"
      R"(<c r="E1"><f t="shared" si="0"/></c><c r="F1" t="n"><f> A1*2 </f></c>)"
      R"(<c r="G1" t="str"><f>"a"</f><v>a</v></c></row>)");
  const auto& row = g.rows.at(0);
  ASSERT_EQ(row.size(), 7u);
  EXPECT_EQ(row[0].text, "=SUM(C2:C3)");
  EXPECT_EQ(row[0].type, CellType::text);
  EXPECT_EQ(row[1].text, "=SUM(C2:C3)");
  EXPECT_EQ(row[2].text, "2000");
  EXPECT_EQ(row[2].type, CellType::number);
  EXPECT_EQ(row[3].type, CellType::empty);
  EXPECT_EQ(row[4].text, "=(shared formula)");
  EXPECT_EQ(row[5].text, "=A1*2");
  EXPECT_EQ(row[6].text, "a");
  EXPECT_THROW_MSG((void)dxkit::parse_decimal(row[0].text, dxkit::NumberFormat::vietnamese),
                   dxkit::ParseError,
                   "a formula whose value the file does not store (a program that does not "
                   "calculate wrote it): open and save the file in Excel or LibreOffice, which "
                   "calculates it: '=SUM(C2:C3)'");
}

TEST(XlsxBounds, TargetsAndResultsRefuseAFormulaCell) {
  const std::string why =
      "a formula whose value the file does not store (a program that does not calculate wrote "
      "it): open and save the file in Excel or LibreOffice, which calculates it: '=B5/B6'";
  EXPECT_THROW_MSG((void)dxkit::parse_result("=B5/B6"), dxkit::ParseError, why);
  EXPECT_THROW_MSG((void)dxkit::parse_target("=B5/B6"), dxkit::ParseError, why);
  EXPECT_THROW_MSG((void)dxkit::parse_number(" =B5/B6"), dxkit::ParseError,
                   "a formula whose value the file does not store (a program that does not "
                   "calculate wrote it): open and save the file in Excel or LibreOffice, which "
                   "calculates it: ' =B5/B6'");
  EXPECT_THROW((void)dxkit::parse_result("=SUM(80%)"), dxkit::ParseError);
  EXPECT_THROW((void)dxkit::parse_result("=b5"), dxkit::ParseError);
  // A '=' before a value is no formula: "= 80%" is the target it always was, and a number
  // after '=' is refused as no number, not as a formula.
  EXPECT_EQ(dxkit::parse_target("= 80%").parts.size(), 1u);
  EXPECT_EQ(dxkit::parse_target("=80%").parts.at(0).low, 80.0);
  EXPECT_EQ(dxkit::parse_result("= 95%").parts.at(0).value, 95.0);
  EXPECT_THROW_MSG((void)dxkit::parse_number("=80"), dxkit::ParseError,
                   "not a number; in the Vietnamese format '.' separates thousands in groups of "
                   "three and ',' is the decimal mark (75.428, 1.650.380, 99,21): '=80'");
}

TEST(XlsxBounds, TheLettersAfterAnAmPmMarkStillCount) {
  // "A/P" is three letters and "AM/PM" five: the code after them is read, so the s of
  // "h:mm A/Ps" still shows the seconds (and the m of "AM/PM" is no month).
  const Grid g = formatted({{"h:mm A/Ps", "0.75"}, {"h:mm AM/PMs", "0.75"}, {"AM/PM", "0.75"}});
  EXPECT_EQ(g.rows.at(0).at(0).text, "6:00:00 PM");
  EXPECT_EQ(g.rows[0][1].text, "6:00:00 PM");
  EXPECT_EQ(g.rows[0][2].type, CellType::number);  // no hour, minute or second: no time
}
