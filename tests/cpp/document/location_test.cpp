// The place of an error in a document as data (issue 13): a workbook cell's Location holds the
// file alone, the sheet's name and the sheet's row and column (cell() "D10"), a Word table's
// its number (two for a table continued over pages), row and column; to_string() prints the
// forms officials read from those fields. The documents are written here part by part.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "dxkit/budget/budget.hpp"
#include "dxkit/document/document.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/text/csv.hpp"
#include "zip_fixture.hpp"

using namespace dxkit;
using namespace dxkit::document;

namespace {

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else
      out += c;
  }
  return out;
}

// A one-sheet workbook: cells (reference, inline text) on the sheet named `sheet`.
std::string workbook(const std::string& sheet,
                     const std::vector<std::vector<std::pair<std::string, std::string>>>& rows,
                     const std::vector<std::size_t>& row_numbers) {
  std::string data;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    data += "<row r=\"" + std::to_string(row_numbers[r]) + "\">";
    for (const auto& [ref, text] : rows[r])
      data += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escaped(text) + "</t></is></c>";
    data += "</row>";
  }
  return dxkit_test::zip_of(
      {{"[Content_Types].xml",
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
       {"xl/workbook.xml",
        R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
        "<sheets><sheet name=\"" +
            sheet + R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
       {"xl/worksheets/sheet1.xml",
        R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        "<sheetData>" +
            data + "</sheetData></worksheet>"}});
}

// A Word table's XML, one paragraph per cell.
std::string word_table(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<w:tbl>";
  for (const auto& row : rows) {
    out += "<w:tr>";
    for (const auto& cell : row)
      out += "<w:tc><w:p><w:r><w:t>" + escaped(cell) + "</w:t></w:r></w:p></w:tc>";
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

std::string paragraph(const std::string& text) {
  return "<w:p><w:r><w:t>" + escaped(text) + "</w:t></w:r></w:p>";
}

// A .docx whose body is `body` (paragraphs and tables).
std::string word(const std::string& body) {
  return dxkit_test::zip_of(
      {{"[Content_Types].xml",
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
       {"word/document.xml",
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
        "<w:body>" +
            body + "</w:body></w:document>"}});
}

const std::vector<std::string> kResultsHeader = {"STT", "Tên chỉ tiêu", "Mục tiêu", "Kết quả"};

}  // namespace

TEST(Location, DocumentPlacesArePrintedFromTheirFields) {
  const Location sheet_cell{"plan.xlsx", 10, 4, "Kết quả", "Phụ lục 01"};
  EXPECT_EQ(sheet_cell.to_string(), "plan.xlsx, 'Phụ lục 01'!D10 (column 'Kết quả')");
  EXPECT_EQ(sheet_cell.cell(), "D10");
  EXPECT_EQ(Location("b.xlsx", 7, 28, "", "Data_1").to_string(), "b.xlsx, Data_1!AB7");
  EXPECT_EQ(Location("b.xlsx", 7, 28, "", "Data_1").cell(), "AB7");
  // A quote in a sheet's name is doubled, as a formula writes it.
  EXPECT_EQ(Location("b.xlsx", 3, 2, "", "Bob's").to_string(), "b.xlsx, 'Bob''s'!B3");
  // A sheet row alone, the sheet alone.
  const Location row{"plan.xlsx", 5, 0, "", "DTI 2022"};
  EXPECT_EQ(row.to_string(), "plan.xlsx, 'DTI 2022' row 5");
  EXPECT_EQ(row.cell(), "");
  EXPECT_EQ(Location("plan.xlsx", 0, 0, "", "Phụ lục").to_string(), "plan.xlsx, sheet 'Phụ lục'");
  // Word tables: one, and one continued over pages.
  const Location table{"plan.docx", 3, 3, "Tổng mức đầu tư", "", 2};
  EXPECT_EQ(table.to_string(), "plan.docx, table 2, row 3, column 3 (column 'Tổng mức đầu tư')");
  EXPECT_EQ(table.cell(), "");
  EXPECT_EQ(Location("plan.docx", 8, 0, "", "", 2, 3).to_string(), "plan.docx, tables 2-3, row 8");
  EXPECT_EQ(Location("plan.docx", 0, 0, "", "", 2).to_string(), "plan.docx, table 2");
  // A file of its own, as before.
  EXPECT_EQ(Location("t.csv", 3, 4, "actual").to_string(), "t.csv:3:4 (column 'actual')");
  EXPECT_EQ(Location("t.csv", 3, 4, "actual").cell(), "");
  const ValidationError e("no table", Location("", 0, 0, "", "", 4));
  EXPECT_STREQ(e.what(), "<input>, table 4: no table");
}

TEST(Location, AnExcelCellIsItsSheetAndCellRightOfColumnA) {
  // The results table starts in column B, under two title rows: its third column is the
  // sheet's D.
  const std::string book =
      workbook("Phụ lục 01",
               {{{"B1", "Phụ lục 01 — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"}},
                {{"B9", "STT"}, {"C9", "Tên chỉ tiêu"}, {"D9", "Mục tiêu"}, {"E9", "Kết quả"}},
                {{"B10", "1"}, {"C10", "Tỷ lệ hồ sơ trực tuyến"}, {"D10", "90%%"}, {"E10", "90%"}}},
               {1, 9, 10});
  const Document doc = parse_document(book, "plans/plan.xlsx");
  const Table& t = doc.choose("", TableKind::results);
  EXPECT_EQ(t.sheet_name, "Phụ lục 01");
  const csv::Table table = to_csv(doc, t);
  EXPECT_EQ(table.source, "plans/plan.xlsx, sheet 'Phụ lục 01'");
  EXPECT_EQ(table.origin.file, "plans/plan.xlsx");
  EXPECT_EQ(table.origin.sheet, "Phụ lục 01");
  EXPECT_EQ(table.where(0, 3).cell(), "E10");
  try {
    (void)make_indicator_table(table);
    FAIL() << "the target '90%%' was read";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "plans/plan.xlsx");
    EXPECT_EQ(e.where().sheet, "Phụ lục 01");
    EXPECT_EQ(e.where().table, 0u);
    EXPECT_EQ(e.where().line, 10u);
    EXPECT_EQ(e.where().column, 4u);
    EXPECT_EQ(e.where().cell(), "D10");
    EXPECT_EQ(e.where().column_name, "Mục tiêu");
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "plans/plan.xlsx, 'Phụ lục 01'!D10 (column 'Mục tiêu'): "))
        << e.what();
  }
}

TEST(Location, ABudgetFindingNamesTheSheetCellPastADroppedColumn) {
  // Column D is empty from top to bottom: the reader drops it, and the amount column (the
  // table's third) is still the sheet's E.
  const std::string book =
      workbook("Kinh phí",
               {{{"B3", "STT"}, {"C3", "Tên nhiệm vụ"}, {"E3", "Tổng mức đầu tư"}},
                {{"B4", "1"}, {"C4", "Trung tâm dữ liệu"}, {"E4", "1.200"}},
                {{"B5", "2"}, {"C5", "Cổng dịch vụ công"}, {"E5", "mười"}}},
               {3, 4, 5});
  const Document doc = parse_document(book, "budget.xlsx");
  const Table& t = doc.choose("", TableKind::budget);
  ASSERT_EQ(t.columns(), 3u);
  const budget::Budget b = budget::make_budget(to_csv(doc, t));
  const auto findings = b.check();
  const auto bad = std::find_if(findings.begin(), findings.end(), [](const budget::Finding& f) {
    return f.diagnostic.code == "not_a_number";
  });
  ASSERT_NE(bad, findings.end());
  const Location& w = bad->diagnostic.where;
  EXPECT_EQ(w.file, "budget.xlsx");
  EXPECT_EQ(w.sheet, "Kinh phí");
  EXPECT_EQ(w.cell(), "E5");
  EXPECT_EQ(w.column_name, "Tổng mức đầu tư");
  EXPECT_EQ(w.to_string(), "budget.xlsx, 'Kinh phí'!E5 (column 'Tổng mức đầu tư')");
}

TEST(Location, AWordCellIsItsTableRowAndColumn) {
  const std::string docx =
      word(paragraph("Phụ lục 01 — Danh mục") + word_table({{"a", "b"}, {"1", "2"}}) +
           paragraph("Phụ lục 02 — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU") +
           word_table({kResultsHeader,
                       {"1", "Tỷ lệ hồ sơ trực tuyến", "80%", "90%"},
                       {"2", "Số doanh nghiệp số", "90%%", "12"}}));
  const Document doc = parse_document(docx, "plan.docx");
  const Table& t = doc.choose("", TableKind::results);
  EXPECT_EQ(t.place, "table 2");
  try {
    (void)make_indicator_table(to_csv(doc, t));
    FAIL() << "the target '90%%' was read";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "plan.docx");
    EXPECT_EQ(e.where().sheet, "");
    EXPECT_EQ(e.where().table, 2u);
    EXPECT_EQ(e.where().last_table, 0u);
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_EQ(e.where().column, 3u);
    EXPECT_EQ(e.where().cell(), "");
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "plan.docx, table 2, row 3, column 3 (column 'Mục tiêu'): "))
        << e.what();
  }
}

TEST(Location, AWordTableContinuedOverPagesNamesBothTables) {
  // Tables 1 and 2 are one table broken over a page (the same header, no caption between):
  // a cell of the second part is row 2 of table 2, in "tables 1-2".
  const std::string docx =
      word(paragraph("Phụ lục 01 — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU") +
           word_table({kResultsHeader, {"1", "Tỷ lệ hồ sơ trực tuyến", "80%", "90%"}}) +
           word_table({kResultsHeader, {"2", "Số doanh nghiệp số", "50", "@@"}}));
  const Document doc = parse_document(docx, "plan.docx");
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].place, "tables 1-2");
  const csv::Table table = to_csv(doc, doc.tables[0]);
  EXPECT_EQ(table.origin.table, 1u);
  EXPECT_EQ(table.origin.last_table, 2u);
  try {
    (void)make_indicator_table(table);
    FAIL() << "the result '@@' was read";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "plan.docx");
    EXPECT_EQ(e.where().table, 1u);
    EXPECT_EQ(e.where().last_table, 2u);
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 4u);
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "plan.docx, tables 1-2, row 2, column 4 (column 'Kết quả'): "))
        << e.what();
  }
}
