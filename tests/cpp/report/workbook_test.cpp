// The .xlsx and HTML writers: the workbook is opened again with the library's own reader (the
// zip parts through the document reader's Archive, the cells through read_document) and the
// parts, styles, merges and number formats checked as written.
#include "dxkit/report/workbook.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../expect_throw_msg.hpp"
#include "document/archive.hpp"
#include "dxkit/document/document.hpp"
#include "dxkit/error.hpp"
#include "dxkit/report/sections.hpp"

using namespace dxkit;
using namespace dxkit::report;

namespace {

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("dxkit_report_" + name);
}

std::string bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small appendix: a title merged across, the header, a bold group row, two items with a
// money cell (đồng shown in triệu) and a percent cell.
Workbook appendix() {
  Sheet s;
  s.name = "Phụ lục 01";
  s.widths = {6, 40, 14, 12};
  Style title{.bold = true, .border = false, .align = Align::center};
  s.add({text_cell("KẾT QUẢ", title), Cell{.style = title}, Cell{.style = title},
         Cell{.style = title}});
  s.merge_across(0, 0, 4);
  Style head{.bold = true, .tone = Tone::header};
  s.add({text_cell("STT", head), text_cell("Chỉ tiêu", head), text_cell("Kinh phí", head),
         text_cell("Tỷ lệ", head)});
  s.header_row = 1;
  s.frozen_rows = 2;
  Style group{.bold = true};
  s.add({text_cell("", group), text_cell("Kinh tế số", group), Cell{.style = group},
         Cell{.style = group}});
  s.merge_across(2, 1, 3);
  s.add({text_cell("1"), text_cell("Doanh nghiệp <SME> & \"số\""),
         number_cell(75'428'000'000.0, "75.428", money_format(budget::MoneyUnit::million)),
         number_cell(0.9256, "92,56%", percent_format(), Style{.tone = Tone::red})});
  s.add({text_cell("2"), text_cell("_x41_ and a tab\there"),
         number_cell(4'518'500'000.0, "4.518,5", money_format(budget::MoneyUnit::million, 1)),
         text_cell("")});
  Workbook book;
  book.title = "Báo cáo";
  book.sheets.push_back(std::move(s));
  return book;
}

}  // namespace

TEST(Xlsx, HasTheOpenXmlPartsAndTheCellsAsWritten) {
  const auto path = temp("parts.xlsx");
  write_xlsx(appendix(), path);
  document::detail::Archive zip(path, {});
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"})
    EXPECT_TRUE(zip.read(part).has_value()) << part;
  pugi::xml_document sheet, styles, book;
  ASSERT_TRUE(zip.xml("xl/worksheets/sheet1.xml", sheet, true));
  ASSERT_TRUE(zip.xml("xl/styles.xml", styles, true));
  ASSERT_TRUE(zip.xml("xl/workbook.xml", book, true));
  const auto ws = sheet.child("worksheet");
  // Merges, frozen header, widths.
  std::vector<std::string> merges;
  for (auto m : ws.child("mergeCells").children("mergeCell"))
    merges.emplace_back(m.attribute("ref").value());
  EXPECT_EQ(merges, (std::vector<std::string>{"A1:D1", "B3:D3"}));
  const auto pane = ws.child("sheetViews").child("sheetView").child("pane");
  EXPECT_STREQ(pane.attribute("state").value(), "frozen");
  EXPECT_EQ(pane.attribute("ySplit").as_int(), 2);
  EXPECT_STREQ(pane.attribute("topLeftCell").value(), "A3");
  EXPECT_DOUBLE_EQ(ws.child("cols").first_child().next_sibling().attribute("width").as_double(),
                   40);
  // The money cell is a number (no t="s"), its value whole đồng, its style's format the unit's.
  const auto c4 = ws.child("sheetData").find_child_by_attribute("row", "r", "4");
  const auto money = c4.find_child_by_attribute("c", "r", "C4");
  EXPECT_TRUE(money.attribute("t").empty());
  EXPECT_STREQ(money.child_value("v"), "75428000000");
  const auto xfs = styles.child("styleSheet").child("cellXfs");
  std::vector<pugi::xml_node> xf;
  for (auto x : xfs.children("xf")) xf.push_back(x);
  const auto money_xf = xf.at(money.attribute("s").as_uint());
  const auto fmt =
      styles.child("styleSheet")
          .child("numFmts")
          .find_child_by_attribute("numFmt", "numFmtId", money_xf.attribute("numFmtId").value());
  EXPECT_STREQ(fmt.attribute("formatCode").value(), "[$-42A]#,##0,,");
  // The red fill of the percent cell.
  const auto share = c4.find_child_by_attribute("c", "r", "D4");
  EXPECT_STREQ(share.child_value("v"), "0.9256");
  const auto fill_id = xf.at(share.attribute("s").as_uint()).attribute("fillId").as_uint();
  std::vector<pugi::xml_node> fills;
  for (auto f : styles.child("styleSheet").child("fills").children("fill")) fills.push_back(f);
  EXPECT_EQ(
      std::string(fills.at(fill_id).child("patternFill").child("fgColor").attribute("rgb").value()),
      std::string("FF") + fill_colour(Tone::red));
  // The header row is printed on every page.
  const auto titles = book.child("workbook").child("definedNames").child("definedName");
  EXPECT_STREQ(titles.attribute("name").value(), "_xlnm.Print_Titles");
  EXPECT_STREQ(titles.child_value(), "'Phụ lục 01'!$2:$2");
  std::filesystem::remove(path);
}

TEST(Xlsx, ReadsBackThroughTheDocumentReader) {
  const auto path = temp("reread.xlsx");
  write_xlsx(appendix(), path);
  const auto doc = document::read_document(path);
  ASSERT_EQ(doc.tables.size(), 1u);
  const auto& t = doc.tables[0];
  EXPECT_EQ(t.header, (std::vector<std::string>{"STT", "Chỉ tiêu", "Kinh phí", "Tỷ lệ"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_TRUE(t.rows[0][1].bold);
  EXPECT_TRUE(t.rows[0][2].merged_left);
  EXPECT_EQ(t.rows[1][1].text, "Doanh nghiệp <SME> & \"số\"");
  EXPECT_EQ(t.rows[1][2].type, document::CellType::number);
  EXPECT_EQ(t.rows[1][2].value, 75'428'000'000.0);
  EXPECT_EQ(t.rows[1][3].type, document::CellType::percent);
  EXPECT_EQ(t.rows[1][3].text, "92,56%");
  // A literal "_x41_" is written escaped (_x005F_x41_), so that Excel and openpyxl do not read
  // an escape there; dxkit's reader decodes it back to what was written.
  EXPECT_EQ(t.rows[2][1].text, "_x41_ and a tab\there");
  std::filesystem::remove(path);
}

TEST(Xlsx, TheSameBookGivesTheSameBytes) {
  const auto a = temp("same_a.xlsx"), b = temp("same_b.xlsx");
  write_xlsx(appendix(), a);
  write_xlsx(appendix(), b);
  const std::string x = bytes(a);
  EXPECT_GT(x.size(), 1000u);
  EXPECT_EQ(x, bytes(b));
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

TEST(Xlsx, RefusesWhatExcelRefuses) {
  const auto path = temp("bad.xlsx");
  Workbook book = appendix();
  book.sheets[0].name = "Phụ lục 01: kết quả";
  EXPECT_THROW_MSG(write_xlsx(book, path), ValidationError,
                   "a sheet name cannot hold []:*?/\\ or begin or end with ': 'Phụ lục 01: kết "
                   "quả'");
  book = appendix();
  book.sheets[0].name = std::string(32, 'x');
  EXPECT_THROW_MSG(write_xlsx(book, path), ValidationError,
                   "a sheet name must have 1 to 31 characters: '" + std::string(32, 'x') + "'");
  book = appendix();
  book.sheets.push_back(book.sheets[0]);
  EXPECT_THROW_MSG(write_xlsx(book, path), ValidationError,
                   "two sheets have the same name: 'Phụ lục 01'");
  book = appendix();
  book.sheets[0].merge_across(2, 0, 2);
  EXPECT_THROW_MSG(write_xlsx(book, path), ValidationError, "two merges overlap: 'Phụ lục 01!B3'");
  book = appendix();
  book.sheets[0].rows[3][2].number = std::nan("");
  EXPECT_THROW_MSG(write_xlsx(book, path), ValidationError,
                   "a report cell holds a number that is not finite: 'Phụ lục 01!C4'");
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_THROW(write_xlsx(appendix(), "/nonexistent-dir/x.xlsx"), Error);
}

TEST(Html, OnePageWithTheTableMergesAndNoOutsideLink) {
  Workbook book = appendix();
  book.sheets[0].charts.push_back(Chart{.title = "Kết quả",
                                        .labels = {"Vượt", "Chưa đạt"},
                                        .values = {6, 3},
                                        .tones = {Tone::green, Tone::red},
                                        .unit = "chỉ tiêu"});
  const std::string page = html(book);
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"line b\" colspan=\"3\">Kinh tế số</td>"), std::string::npos);
  EXPECT_NE(page.find("Doanh nghiệp &lt;SME&gt; &amp; &quot;số&quot;"), std::string::npos);
  EXPECT_NE(page.find(">75.428</td>"), std::string::npos);
  EXPECT_NE(page.find("class=\"line r red\">92,56%</td>"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_NE(page.find(">6 chỉ tiêu</text>"), std::string::npos);
  // The longer bar is the full width, the other in proportion.
  EXPECT_NE(page.find("width=\"320\" height=\"16\" fill=\"#B7E4C7\""), std::string::npos);
  EXPECT_NE(page.find("width=\"160\" height=\"16\" fill=\"#FFC9C9\""), std::string::npos);
  // Self-contained: the only URL is the SVG namespace.
  std::size_t links = 0;
  for (std::size_t p = 0; (p = page.find("http", p)) != std::string::npos; ++p) ++links;
  EXPECT_EQ(links, 1u);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
}
