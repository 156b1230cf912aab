// Reading budget appendices as published: the hierarchy from the STT column, column roles
// from the headers (or given explicitly), and what reading reports or refuses.
#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "budget_testing.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;
using namespace dxkit::budget::testing;

TEST(SeedThaiBinh2023Budget, HierarchyFromStt) {
  const Budget b = load("thai_binh_2023_budget.csv");
  EXPECT_EQ(b.rows[0].kind, RowKind::section);  // I
  EXPECT_EQ(b.rows[1].kind, RowKind::group);    // 1 Sở Xây dựng
  EXPECT_EQ(b.rows[2].kind, RowKind::item);
  EXPECT_EQ(b.rows[2].agency, "Sở Xây dựng");
  EXPECT_EQ(b.rows[2].section, "Các sở, ban, ngành thuộc tỉnh");
  EXPECT_EQ(b.rows.back().kind, RowKind::grand_total);
  EXPECT_EQ(b.rows.back().label, "Tổng cộng:");
}

TEST(BudgetBadInput, CellsThatAreNotAmountsAreFindings) {
  auto f = findings_of("ĐVT: Triệu đồng\nSTT,Tên nhiệm vụ,Tổng\n1,a,abc\n2,b,12.5\n3,c,-5\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], "not_a_number 3 Tổng");
  EXPECT_EQ(f[1], "not_a_number 4 Tổng");
  EXPECT_EQ(f[2], "negative 5 Tổng -5");
  const Budget b = parse_budget("STT,Tên nhiệm vụ,Tổng\n1,a,12.5\n", "bad.csv");
  EXPECT_NE(b.check()[0].diagnostic.message.find("groups of exactly three digits"),
            std::string::npos);
}

TEST(BudgetBadInput, NumberingUnitAndShape) {
  auto f = findings_of("STT,Tên nhiệm vụ,Tổng\n1,a,1\n3,b,2\n");
  EXPECT_EQ(f, (std::vector<std::string>{"numbering 3 STT"}));
  auto u = findings_of("ĐVT: Triệu đồng\nSTT,Tên nhiệm vụ,Tổng (tỷ đồng)\n1,a,1\n");
  EXPECT_EQ(u, (std::vector<std::string>{"unit 2 Tổng (tỷ đồng)"}));  // the header's line
  try {
    (void)parse_budget("STT,Tên nhiệm vụ,Tổng\n1,a,1,9\n", "bad.csv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv:2: the row has 4 cells but the header has 3"),
              std::string::npos)
        << e.what();
  }
  try {
    (void)parse_budget("STT,Tên nhiệm vụ,Ghi chú\n1,a,x\n", "bad.csv");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv:1: no amount column"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW_MSG((void)parse_budget("ĐVT: đô la\nSTT,Tổng\n1,1\n", "bad.csv"), ParseError,
                   "bad.csv:1: unknown money unit; accepted: đồng, nghìn đồng, triệu đồng (triệu, "
                   "trđ), tỷ đồng (tỷ), or 'ĐVT: Triệu đồng': 'ĐVT: đô la'");
}

// Dotted STT (1, 1.1, 1.1.1) nests: a subtotal row and its items are never both counted.
TEST(BudgetHierarchy, DottedSttIsAHierarchyNotADoubleCount) {
  const Budget b = parse_budget(
      "ĐVT: Triệu đồng\nSTT,Tên nhiệm vụ,Tổng\nI,Phần mềm,10\n1,Nền tảng,10\n1.1,Dữ liệu,6\n"
      "1.1.1,Kho dữ liệu,4\n1.1.2,Bản đồ số,2\n1.2,Cổng dịch vụ,4\n",
      "dotted.csv");
  ASSERT_EQ(b.rows.size(), 6u);
  EXPECT_EQ(b.rows[1].kind, RowKind::group);  // 1
  EXPECT_EQ(b.rows[2].kind, RowKind::group);  // 1.1, a subtotal of 1.1.1 and 1.1.2
  EXPECT_EQ(b.rows[2].parent, std::optional<std::size_t>(1));
  EXPECT_EQ(b.rows[3].kind, RowKind::item);
  EXPECT_EQ(b.rows[3].parent, std::optional<std::size_t>(2));
  EXPECT_EQ(b.rows[5].kind, RowKind::item);  // 1.2 back under 1
  EXPECT_EQ(b.rows[5].parent, std::optional<std::size_t>(1));
  EXPECT_EQ(b.total().dong, 10'000'000);  // 4 + 2 + 4 million, not 20
  EXPECT_TRUE(b.check().empty());         // the subtotals add up
  // Numbering that does not nest keeps rows side by side.
  const Budget flat = parse_budget("STT,Tên nhiệm vụ,Tổng\n1,a,1.000\n2,b,2.000\n", "flat.csv");
  EXPECT_EQ(flat.rows[0].kind, RowKind::item);
  EXPECT_EQ(flat.total().dong, 3'000'000'000);
}

TEST(BudgetBadInput, RomanSectionsUpToOneHundred) {
  // Sections numbered I to C in order raise nothing (L is 50, C is 100, XL and XC subtract);
  // a section out of order is named with the Roman number expected there.
  const char* const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  const char* const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
  std::string body = "STT,Tên nhiệm vụ,Tổng\n";
  for (int k = 1; k <= 100; ++k) {
    const std::string numeral = k == 100 ? "C" : std::string(tens[k / 10]) + ones[k % 10];
    body += numeral + ",Phần " + std::to_string(k) + ",\n1,x,1\n";
  }
  EXPECT_TRUE(findings_of(body).empty());
  const Budget skipped =
      parse_budget("STT,Tên nhiệm vụ,Tổng\nXLVIII,a,\n1,x,1\nL,b,\n1,y,2\n", "bad.csv");
  const auto f = skipped.check();
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].diagnostic.message, "section XLVIII comes where section I was expected");
  EXPECT_EQ(f[1].diagnostic.message, "section L comes where section XLIX was expected");
  const auto ninety =
      parse_budget("STT,Tên nhiệm vụ,Tổng\nLXXXIX,a,\n1,x,1\nXCI,b,\n1,y,2\n", "bad.csv").check();
  ASSERT_EQ(ninety.size(), 2u);
  EXPECT_EQ(ninety[1].diagnostic.message, "section XCI comes where section XC was expected");
}

// dxkit's own roll-up output read back (issue 13, round trips): one item per row, whole đồng.
TEST(BudgetOwnOutput, RollupRowsAreItemsInDong) {
  const Budget b = parse_budget(
      "agency,source,amount,share\n"
      "Sở Tư pháp,Vốn sự nghiệp,3210000000,0.15\n"
      "Sở Công Thương,Vốn sự nghiệp,665000000,0.03\n"
      "Sở Công Thương,Vốn xã hội hóa,55000000,0.0025\n",
      "rollup.csv");
  EXPECT_EQ(b.unit, MoneyUnit::dong);
  ASSERT_EQ(b.rows.size(), 3u);
  EXPECT_EQ(b.rows[2].kind, RowKind::item);
  EXPECT_EQ(b.rows[2].agency, "Sở Công Thương");
  EXPECT_EQ(b.rows[2].source, "Vốn xã hội hóa");
  EXPECT_EQ(b.rows[2].label, "Sở Công Thương / Vốn xã hội hóa");
  EXPECT_EQ(b.rows[2].line, 4u);
  EXPECT_EQ(b.total().dong, 3'930'000'000);
  const auto by_agency = b.rollup({Dimension::agency});
  ASSERT_EQ(by_agency.size(), 2u);
  EXPECT_EQ(by_agency[1].amount.dong, 720'000'000);
  EXPECT_EQ(b.text_headers, (std::vector<std::string>{"share"}));
  EXPECT_TRUE(b.check().empty());
  // Several years become yearly columns, one year the plan's year.
  const Budget years = parse_budget("year,amount,share\n2021,5,0.5\n2022,5,0.5\n", "y.csv");
  ASSERT_EQ(years.columns.size(), 3u);
  EXPECT_EQ(years.columns[2].year, 2022);
  EXPECT_EQ(years.rollup({Dimension::year})[1].keys[0], "2022");
  EXPECT_EQ(parse_budget("year,amount,share\n2023,5,1.0\n", "y.csv").plan_year, 2023);
  EXPECT_THROW_MSG((void)parse_budget("year,amount,share\n2021 - 2022,5,1\n", "y.csv"), ParseError,
                   "y.csv:2 (column 'year'): not a year: '2021 - 2022'");
  // A cell that is not whole đồng is a finding at its cell, the row kept.
  const Budget bad = parse_budget("agency,amount,share\nA,12.5,1\n", "bad.csv");
  ASSERT_EQ(bad.read_findings.size(), 1u);
  EXPECT_EQ(bad.read_findings[0].diagnostic.where.to_string(), "bad.csv:2 (column 'amount')");
  EXPECT_EQ(bad.rows.size(), 1u);
  // A header that is not a roll-up's is read as an appendix (and refused as one here).
  try {
    (void)parse_budget("name,amount,share\nA,1,1\n", "x.csv");
    ADD_FAILURE() << "not refused";
  } catch (const ValidationError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("x.csv:1: no amount column: accepted headers", 0), 0u);
  }
  ReadOptions billions;
  billions.unit = MoneyUnit::billion;
  EXPECT_THROW_MSG((void)parse_budget("agency,amount,share\nA,1,1\n", "r.csv", billions),
                   ValidationError,
                   "r.csv:1 (column 'amount'): dxkit's roll-up output holds whole đồng in "
                   "'amount'; the unit tỷ đồng does not apply");
}

TEST(BudgetOwnOutput, CheckFindingsComeBackAsWritten) {
  const std::string out =
      "amount,share\n75428000000,1.0\n\n"
      "kind,severity,file,line,label,column,reported,computed,message\n"
      "row_sum,error,tb.csv,50,Thương mại điện tử,Tổng mức đầu tư,732000000,877000000,"
      "Tổng mức đầu tư 732 is not Vốn sự nghiệp + Vốn xã hội hóa = 877\n"
      "unit,warning,tb.csv,1,,Tổng,,,the header says tỷ đồng\n";
  const Budget b = parse_budget(out, "checked.csv");
  EXPECT_EQ(b.total().dong, 75'428'000'000);
  const auto f = b.check();
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].diagnostic.code, "row_sum");
  EXPECT_EQ(f[0].diagnostic.where.to_string(), "tb.csv:50 (column 'Tổng mức đầu tư')");
  EXPECT_EQ(f[0].reported->dong, 732'000'000);
  EXPECT_EQ(f[0].computed->dong, 877'000'000);
  EXPECT_EQ(f[1].diagnostic.severity, Severity::warning);
  EXPECT_FALSE(f[1].reported.has_value());
  std::string broken = out;
  broken.replace(broken.find(",50,"), 4, ",5x,");
  EXPECT_THROW_MSG((void)parse_budget(broken, "checked.csv"), ParseError,
                   "checked.csv:5:4 (column 'line'): not a line number: '5x'");
}
