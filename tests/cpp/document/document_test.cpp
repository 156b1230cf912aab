// Documents as officials hold them: the Word and Excel fixtures of tests/data/documents (built
// by scripts/make_document_fixtures.py from the seeds' appendices) give the same tallies and
// totals as the CSV transcriptions in examples/; the seeds' text form gives its tables.
#include "dxkit/document/document.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>

#include "../expect_throw_msg.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/document/office.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/text/csv.hpp"

using namespace dxkit;
using namespace dxkit::document;

namespace {

const std::string kDocs = DXKIT_DOCUMENTS_DIR;
const std::string kExamples = DXKIT_EXAMPLES_DIR;

const Document& plan_docx() {
  static const Document d = read_document(kDocs + "/dong_thap_2023_plan.docx");
  return d;
}
const Document& plan_xlsx() {
  static const Document d = read_document(kDocs + "/appendices_2023.xlsx");
  return d;
}

budget::Budget budget_of(const Document& doc, const Table& t) {
  std::optional<budget::MoneyUnit> unit;
  if (!t.unit.empty()) unit = budget::parse_unit(t.unit);
  return budget::make_budget(to_csv(doc, t), {}, unit);
}

void expect_same_budget(const budget::Budget& from_doc, const budget::Budget& from_csv) {
  EXPECT_EQ(from_doc.total().dong, from_csv.total().dong);
  ASSERT_EQ(from_doc.columns.size(), from_csv.columns.size());
  for (std::size_t c = 0; c < from_csv.columns.size(); ++c) {
    EXPECT_EQ(from_doc.column_total(c).dong, from_csv.column_total(c).dong) << c;
    EXPECT_EQ(from_doc.reported_total(c).has_value(), from_csv.reported_total(c).has_value());
  }
  const auto a = from_doc.check();
  const auto b = from_csv.check();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    // Same finding, same amounts; the place and the column names are the document's.
    EXPECT_EQ(a[i].diagnostic.code, b[i].diagnostic.code);
    EXPECT_EQ(a[i].label, b[i].label);
    EXPECT_EQ(a[i].reported.has_value(), b[i].reported.has_value());
    EXPECT_EQ(a[i].computed.has_value(), b[i].computed.has_value());
    if (a[i].reported && b[i].reported) EXPECT_EQ(a[i].reported->dong, b[i].reported->dong);
    if (a[i].computed && b[i].computed) EXPECT_EQ(a[i].computed->dong, b[i].computed->dong);
  }
}

std::vector<std::size_t> counts(const IndicatorTable& t) {
  return evaluate(t, Scheme::from_name("exceed", {90, 50})).counts();
}

}  // namespace

TEST(WordPlan, FindsTheAppendicesWithCaptionsUnitsAndKinds) {
  const Document& d = plan_docx();
  ASSERT_EQ(d.tables.size(), 4u);  // Phụ lục III runs over two pages: one table
  EXPECT_EQ(d.tables[0].caption, "Phụ lục I — KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2022");
  EXPECT_EQ(d.tables[0].kind, TableKind::results);
  EXPECT_EQ(d.tables[0].unit, "");
  EXPECT_EQ(d.tables[0].rows.size(), 15u);
  EXPECT_EQ(d.tables[1].kind, TableKind::budget);
  EXPECT_EQ(d.tables[1].unit, "Triệu đồng");
  EXPECT_EQ(d.tables[2].place, "tables 3-4");
  EXPECT_EQ(d.tables[2].rows.size(), 24u);
  EXPECT_EQ(d.tables[2].caption,
            "Phụ lục III — DANH MỤC CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ SỬ DỤNG NGUỒN VỐN CHI THƯỜNG "
            "XUYÊN NĂM 2022");
  EXPECT_EQ(d.paragraphs.front(), "KẾ HOẠCH");
  EXPECT_EQ(d.tables[3].kind, TableKind::assignments);
  EXPECT_EQ(d.tables[3].place, "table 5");
}

TEST(WordPlan, AssignmentsAreTheCsvOnesWithMergedLeadCellsFilled) {
  const Document& d = plan_docx();
  const auto from_doc = read_assignments(to_csv(d, d.choose("", TableKind::assignments)));
  const auto from_csv = read_assignments(kExamples + "/dong_thap_2023_assignments.csv");
  ASSERT_EQ(from_doc.size(), from_csv.size());
  ASSERT_FALSE(from_doc.empty());
  for (std::size_t i = 0; i < from_doc.size(); ++i) {
    EXPECT_EQ(from_doc[i].number, from_csv[i].number);
    EXPECT_EQ(from_doc[i].lead, from_csv[i].lead) << from_doc[i].number;
    EXPECT_EQ(from_doc[i].deadline.text, from_csv[i].deadline.text) << from_doc[i].number;
    EXPECT_EQ(from_doc[i].deadline.due, from_csv[i].deadline.due) << from_doc[i].number;
  }
}

TEST(WordPlan, ParagraphTextIsOneParagraphALine) {
  const Document& d = plan_docx();
  const std::string text = paragraph_text(d);
  EXPECT_TRUE(text.starts_with("KẾ HOẠCH\nChuyển đổi số tỉnh Đồng Tháp năm 2023\nCác cơ quan"));
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')),
            d.paragraphs.size());
}

TEST(WordPlan, TwoRowMergedHeaderNamesEachPart) {
  const Table& t = plan_docx().tables[1];
  const std::vector<std::string> want{"Stt",
                                      "Tên dự án",
                                      "Tổng mức đầu tư",
                                      "Mục tiêu đầu tư",
                                      "Nguồn vốn",
                                      "Vốn bố trí / Năm 2021",
                                      "Vốn bố trí / Năm 2022",
                                      "Hiện trạng"};
  EXPECT_EQ(t.header, want);
  EXPECT_TRUE(t.rows.back()[1].bold);  // TỔNG CỘNG
  EXPECT_FALSE(t.rows.front()[1].bold);
}

TEST(WordPlan, VerticallyMergedAgencyCellsRepeatTheirAgency) {
  const Table& t = plan_docx().tables[2];
  ASSERT_EQ(t.header[2], "Đơn vị thực hiện");
  EXPECT_EQ(t.rows[2][2].text, "Sở TTTT");
  EXPECT_EQ(t.rows[3][2].text, "Sở TTTT");
  EXPECT_TRUE(t.rows[3][2].merged_above);
}

TEST(WordPlan, ResultsTallyIsTheCsvTally) {
  const Document& d = plan_docx();
  const auto from_doc = counts(make_indicator_table(to_csv(d, d.choose("", TableKind::results))));
  const auto from_csv = counts(read_indicator_table(kExamples + "/dong_thap_2022_results.csv"));
  EXPECT_EQ(from_doc, from_csv);
  EXPECT_EQ(from_doc, (std::vector<std::size_t>{6, 7, 2, 0}));  // 06 vượt, 07 đạt
}

TEST(WordPlan, BudgetTotalsAndFindingsAreTheCsvOnes) {
  const Document& d = plan_docx();
  expect_same_budget(budget_of(d, d.choose("Phụ lục II", TableKind::budget)),
                     budget::read_budget(kExamples + "/dong_thap_2022_investment.csv"));
  expect_same_budget(budget_of(d, d.choose("3", TableKind::budget)),
                     budget::read_budget(kExamples + "/dong_thap_2022_recurrent.csv"));
  EXPECT_EQ(budget_of(d, d.tables[1]).total().dong, 87'552'000'000);  // 12.400 + 75.152
}

TEST(WordPlan, ChoosingAmongSeveralTablesOfAKindIsALocatedError) {
  try {
    (void)plan_docx().choose("", TableKind::budget);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        kDocs +
            "/dong_thap_2023_plan.docx: 2 budget tables in the document; choose one with "
            "--table; 2: Phụ lục II — DANH MỤC CÁC DỰ ÁN CHUYỂN ĐỔI… (budget); 3: Phụ lục III "
            "— DANH MỤC CÁC NHIỆM VỤ CHUYỂN Đ… (budget)");
  }
}

TEST(WordPlan, CellLocationsAreTableRowAndColumn) {
  const Document& d = plan_docx();
  const csv::Table t = to_csv(d, d.tables[1]);
  EXPECT_EQ(
      t.where(0, 2).to_string(),
      kDocs + "/dong_thap_2023_plan.docx, table 2, row 3, column 3 (column 'Tổng mức đầu tư')");
  EXPECT_EQ(d.tables[1].cell_name(0, 2), "row 3, column 3");
}

TEST(ExcelPlan, SheetsHiddenSheetsAndKinds) {
  const Document& d = plan_xlsx();
  ASSERT_EQ(d.tables.size(), 5u);
  EXPECT_EQ(d.tables[0].place, "sheet 'Phụ lục 02'");
  EXPECT_EQ(d.tables[0].kind, TableKind::budget);
  EXPECT_EQ(d.tables[0].unit, "Triệu đồng");
  EXPECT_EQ(d.tables[0].caption, "Phụ lục 02 — DANH MỤC DỰ ÁN, NHIỆM VỤ THỰC HIỆN NĂM 2023");
  EXPECT_EQ(d.tables[0].header[4], "Nguồn vốn / Vốn đầu tư");
  EXPECT_EQ(d.tables[1].kind, TableKind::unknown);  // the notes sheet
  EXPECT_EQ(d.tables[2].kind, TableKind::results);
  EXPECT_TRUE(d.tables[3].hidden);
  EXPECT_EQ(d.tables[3].place, "sheet 'Tính toán' (hidden)");
}

TEST(ExcelPlan, NumberFormatsDecideWhatACellIs) {
  const Document& d = plan_xlsx();
  const Table& results = d.tables[2];
  const Cell& c = results.rows[2][3];  // 99,21% stored as 0.9921 under 0.00%
  EXPECT_EQ(c.type, CellType::percent);
  EXPECT_EQ(c.text, "99,21%");
  EXPECT_DOUBLE_EQ(*c.value, 0.9921);
  EXPECT_EQ(results.cell_name(2, 3), "D8");
  const Table& budget = d.tables[0];
  EXPECT_EQ(budget.rows[0][3].type, CellType::number);  // 66.757 under #,##0
  EXPECT_EQ(budget.rows[0][3].text, "66757");
  const Cell& due = d.tables[4].rows[0][2];
  EXPECT_EQ(due.type, CellType::date);
  EXPECT_EQ(due.text, "30/6/2023");
  EXPECT_EQ(*due.date, Date(2023, 6, 30));
}

TEST(ExcelPlan, TallyAndTotalsAreTheCsvOnes) {
  const Document& d = plan_xlsx();
  expect_same_budget(budget_of(d, d.choose("", TableKind::budget)),
                     budget::read_budget(kExamples + "/thai_binh_2023_budget.csv"));
  const auto from_doc = counts(make_indicator_table(to_csv(d, d.choose("", TableKind::results))));
  EXPECT_EQ(from_doc, counts(read_indicator_table(kExamples + "/dong_thap_2022_results.csv")));
  const csv::Table t = to_csv(d, d.tables[2]);
  EXPECT_EQ(t.where(2, 3).to_string(),
            kDocs + "/appendices_2023.xlsx, 'Phụ lục I'!D8 (column 'Kết quả thực hiện')");
}

TEST(EdgeDocuments, NoTableEmptyTableNestedTable) {
  const Document none = read_document(kDocs + "/no_table.docx");
  EXPECT_TRUE(none.tables.empty());
  try {
    (void)none.choose("", TableKind::results);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()),
              kDocs +
                  "/no_table.docx: no results table in the document; choose one with "
                  "--table: it has no table");
  }
  const Document empty = read_document(kDocs + "/empty_table.docx");
  ASSERT_EQ(empty.tables.size(), 1u);
  EXPECT_EQ(empty.tables[0].rows.size(), 0u);
  EXPECT_EQ(empty.tables[0].columns(), 4u);
  EXPECT_EQ(empty.tables[0].kind, TableKind::results);
  const Document nested = read_document(kDocs + "/nested_table.docx");
  ASSERT_EQ(nested.tables.size(), 2u);
  EXPECT_EQ(nested.tables[1].place, "table 2 (inside a table)");
  EXPECT_EQ(nested.tables[0].rows[0][1].text, "Đạt 80% trở lên");
}

TEST(TextForm, SeedAppendixWithTwoRowHeaderOverPages) {
  const Document d = read_document(std::string(DXKIT_SEEDS_DIR) + "/thai_binh_2024_plan.txt");
  const Table& t = d.choose("Phụ lục 02", TableKind::budget);
  EXPECT_EQ(t.caption, "Phụ lục 02 — DANH MỤC DỰ ÁN, NHIỆM VỤ THỰC HIỆN NĂM 2023");
  EXPECT_EQ(t.unit, "Triệu đồng");
  EXPECT_EQ(t.header[4], "Nguồn vốn / Vốn đầu tư");
  EXPECT_EQ(t.header[6], "Nguồn vốn / Vốn xã hội hóa");
  EXPECT_EQ(t.rows[0][1].text, "Các sở, ban, ngành thuộc tỉnh");
  EXPECT_TRUE(t.rows[0][1].bold);
  EXPECT_EQ(budget_of(d, t).reported_total(0)->dong,
            budget::read_budget(kExamples + "/thai_binh_2023_budget.csv").reported_total(0)->dong);
}

TEST(HostileInput, AnEntryExactlyAtTheLimitIsReadOneByteMoreIsNot) {
  // The part is inflated into a buffer sized from the size the zip declares: the limit holds
  // to the byte, and the entry limit and the file limit agree on where it lies.
  const auto reads = [](std::uint64_t entry, std::uint64_t total) {
    Limits l;
    l.entry_bytes = entry;
    l.total_bytes = total;
    try {
      return !read_document(kDocs + "/no_table.docx", l).paragraphs.empty();
    } catch (const EncodingError&) {
      return false;
    }
  };
  std::uint64_t lo = 1, hi = 1 << 22;  // the smallest entry limit that reads the document
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (reads(mid, hi))
      hi = mid;
    else
      lo = mid + 1;
  }
  EXPECT_GT(lo, 1000u);  // word/document.xml, not a part of a few bytes
  EXPECT_TRUE(reads(lo, lo));
  EXPECT_FALSE(reads(lo - 1, lo));
  EXPECT_FALSE(reads(lo, lo - 1));
  EXPECT_FALSE(reads(0, lo));
  EXPECT_TRUE(reads(UINT64_MAX, UINT64_MAX));
}

TEST(HostileInput, ZipBombNotAZipMalformedXml) {
  Limits small;
  small.entry_bytes = 1000;
  try {
    (void)read_document(kDocs + "/no_table.docx", small);
    FAIL();
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.message(), "entry inflates past 1000 bytes (a zip bomb?)");
    EXPECT_EQ(e.where().file, kDocs + "/no_table.docx");
  }
  const std::string fake = ::testing::TempDir() + "not_a_zip.docx";
  std::ofstream(fake) << "STT,Mục tiêu\n";
  EXPECT_THROW_MSG((void)read_document(fake), ParseError,
                   fake +
                       ": not a readable zip container (.docx and .xlsx are zip files): Not a zip "
                       "archive: 'not_a_zip.docx'");
  std::vector<std::string> paragraphs;
  try {
    (void)document::detail::parse_docx_xml("<w:document>\n<w:body><w:p></w:body>", "x.docx",
                                           paragraphs);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()),
              "x.docx: malformed XML in word/document.xml at line 2: Start-end tags mismatch: "
              "'word/document.xml'");
  }
}

TEST(OfficeDocument, TheExtensionDecidesInAnyCase) {
  EXPECT_TRUE(is_office_document("plan.docx"));
  EXPECT_TRUE(is_office_document("PLAN.DOCX"));
  EXPECT_TRUE(is_office_document("dir.v2/Phu luc.Xlsx"));
  EXPECT_TRUE(is_office_document("appendices.xlsx"));
  EXPECT_FALSE(is_office_document("plan.txt"));  // a document, but the text form
  EXPECT_FALSE(is_office_document("results.csv"));
  EXPECT_FALSE(is_office_document("docx"));  // no extension
  EXPECT_FALSE(is_office_document("plan.docx.csv"));
  EXPECT_TRUE(is_document("PLAN.DOCX"));
}

namespace {
std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void expect_same_document(const Document& a, const Document& b) {
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.paragraphs, b.paragraphs);
  ASSERT_EQ(a.tables.size(), b.tables.size());
  for (std::size_t i = 0; i < a.tables.size(); ++i) {
    const Table& s = a.tables[i];
    const Table& t = b.tables[i];
    EXPECT_EQ(s.caption, t.caption);
    EXPECT_EQ(s.unit, t.unit);
    EXPECT_EQ(s.kind, t.kind);
    EXPECT_EQ(s.place, t.place);
    EXPECT_EQ(s.header, t.header);
    EXPECT_EQ(s.row_numbers, t.row_numbers);
    EXPECT_EQ(write_csv(s), write_csv(t));
    ASSERT_EQ(s.rows.size(), t.rows.size());
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        EXPECT_EQ(s.rows[r][c].type, t.rows[r][c].type);
        EXPECT_EQ(s.rows[r][c].bold, t.rows[r][c].bold);
        EXPECT_EQ(s.rows[r][c].value, t.rows[r][c].value);
      }
  }
}
}  // namespace

TEST(DocumentInMemory, TheBytesOfAFileReadAsTheFile) {
  for (const std::string name :
       {"dong_thap_2023_plan.docx", "appendices_2023.xlsx", "nested_table.docx"}) {
    SCOPED_TRACE(name);
    const std::string path = kDocs + "/" + name;
    const Document from_file = read_document(path);
    ASSERT_FALSE(from_file.tables.empty());
    expect_same_document(parse_document(bytes_of(path), path), from_file);
  }
  const std::string seeds = std::string(DXKIT_SEEDS_DIR) + "/thai_binh_2024_plan.txt";
  expect_same_document(parse_document(bytes_of(seeds), seeds), read_document(seeds));
}

TEST(DocumentInMemory, ErrorsAreTheFileOnes) {
  for (const std::string content : {std::string("STT,Mục tiêu\n"), std::string()}) {
    const std::string fake = ::testing::TempDir() + "in_memory.docx";
    std::ofstream(fake, std::ios::binary) << content;
    std::string from_file;
    try {
      (void)read_document(fake);
    } catch (const ParseError& e) {
      from_file = e.what();
    }
    EXPECT_EQ(from_file, fake +
                             ": not a readable zip container (.docx and .xlsx are zip files): Not "
                             "a zip archive: 'in_memory.docx'");
    EXPECT_THROW_MSG((void)parse_document(content, fake), ParseError, from_file);
  }
  Limits small;
  small.entry_bytes = 1000;
  try {
    (void)parse_document(bytes_of(kDocs + "/no_table.docx"), "x.docx", small);
    FAIL();
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.message(), "entry inflates past 1000 bytes (a zip bomb?)");
    EXPECT_EQ(e.where().file, "x.docx");
  }
  EXPECT_THROW_MSG((void)parse_document("x", "plan.pdf"), Error,
                   "plan.pdf: not a document dxkit reads (.docx, .xlsx, .txt, .md)");
}
