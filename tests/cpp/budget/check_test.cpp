// The checks of a budget appendix: the exact list of what does not add up in each seed, and
// findings as dxkit::Diagnostic.
#include <gtest/gtest.h>

#include "../expect_throw_msg.hpp"
#include "budget_testing.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;
using namespace dxkit::budget::testing;

TEST(SeedThaiBinh2023Budget, ExactFindings) {
  const Budget b = load("thai_binh_2023_budget.csv");
  const std::vector<std::string> expected = {
      // A row whose total is not the sum of its sources (Thương mại điện tử: 732 vs 732 + 145).
      "row_sum 50 Tổng mức đầu tư 732 877",
      // A section total missing a source: section I prints 0 xã hội hóa, its rows have 145.
      "subtotal 3 Vốn xã hội hóa 0 145",
      // Agency subtotals printed as 0.
      "subtotal 8 Tổng mức đầu tư 0 2.210",
      "subtotal 14 Tổng mức đầu tư 0 5.350",
      "subtotal 14 Vốn sự nghiệp 0 5.350",
      "subtotal 18 Tổng mức đầu tư 0 22.899",
      "subtotal 30 Tổng mức đầu tư 0 18.564",
      "subtotal 44 Tổng mức đầu tư 0 375",
      "subtotal 48 Tổng mức đầu tư 0 847",
      // "Hoàn thành ... hồ sơ sức khỏe điện tử" 3.000, then 2.000 + 1.000 in italics.
      "possible_breakdown 22 3.000 3.000",
  };
  EXPECT_EQ(summary(b), expected);
}

TEST(SeedThaiBinh2024Budget, TotalsAndFindings) {
  const Budget b = load("thai_binh_2024_budget.csv");
  EXPECT_EQ(b.total().dong, 21'356 * kMillion);
  EXPECT_EQ(b.column_total(column(b, "Vốn sự nghiệp")).dong, 21'301 * kMillion);
  EXPECT_EQ(b.column_total(column(b, "Vốn xã hội hóa")).dong, 55 * kMillion);
  // The grand total row prints 21.356 but only 0 + 21.301 by source: the 55 of xã hội hóa
  // is missing from it.
  EXPECT_EQ(summary(b), (std::vector<std::string>{"row_sum 28 Tổng mức đầu tư 21.356 21.301"}));
  // A plan year against the next, by agency.
  const Budget before = load("thai_binh_2023_budget.csv");
  auto cmp = before.compare(b, {Dimension::agency});
  bool seen = false;
  for (const ComparisonRow& r : cmp) {
    if (r.keys[0] != "Sở Tư pháp") continue;
    seen = true;
    EXPECT_EQ(r.before.dong, 2'210 * kMillion);
    EXPECT_EQ(r.after.dong, 3'210 * kMillion);
    EXPECT_EQ(r.change.dong, 1'000 * kMillion);
    ASSERT_TRUE(r.change_percent.has_value());
    EXPECT_NEAR(*r.change_percent, 100.0 * 1000 / 2210, 1e-12);
  }
  EXPECT_TRUE(seen);
}

TEST(BudgetBadInput, GrandTotalFirstOrLastIsChecked) {
  // Đồng Tháp layout: the grand total printed first, numbered items under Roman sections.
  auto first = findings_of("STT,Danh mục,Tổng cộng\n,TỔNG CỘNG,10\nI,A,4\n1,x,4\nII,B,5\n1,y,5\n");
  EXPECT_EQ(first, (std::vector<std::string>{"grand_total 2 Tổng cộng 10 9"}));
  // Thái Bình layout: numbered agencies with unnumbered items, the total last.
  auto last = findings_of(
      "STT,Tên nhiệm vụ,Tổng mức đầu tư\n1,Sở A,\n,x,1\n,y,2\n2,Sở B,\n,z,3\n"
      "Tổng cộng:,,6\n");
  EXPECT_TRUE(last.empty());
  const Budget b = parse_budget(
      "STT,Tên nhiệm vụ,Tổng mức đầu tư\n1,Sở A,\n,x,1\n,y,2\n2,Sở B,\n,z,3\nTổng cộng:,,6\n",
      "x.csv");
  EXPECT_EQ(b.rows[1].agency, "Sở A");
  EXPECT_EQ(b.rows[4].agency, "Sở B");
  EXPECT_EQ(b.rollup({Dimension::agency})[1].amount.dong, 3'000'000);
}

TEST(BudgetBadInput, DuplicatesAndExplicitColumns) {
  auto f = findings_of("STT,Tên nhiệm vụ,Tổng\n1,Nhóm,\n,a,5\n,a,5\n");
  EXPECT_EQ(f, (std::vector<std::string>{"duplicate 4 5"}));
  ReadOptions o;
  o.columns["Kinh phí dự kiến"] = "year:2024";
  const Budget b = parse_budget("STT,Tên nhiệm vụ,Kinh phí dự kiến\n1,a,7\n", "x.csv", o);
  ASSERT_EQ(b.columns.size(), 1u);
  EXPECT_EQ(b.columns[0].role, AmountRole::year);
  EXPECT_EQ(b.columns[0].year, 2024);
  o.columns["Kinh phí dự kiến"] = "money";
  EXPECT_THROW_MSG(
      (void)parse_budget("STT,Tên nhiệm vụ,Kinh phí dự kiến\n1,a,7\n", "x.csv", o), ValidationError,
      "unknown role 'money' for column 'Kinh phí dự kiến'; accepted: total, investment, recurrent, "
      "socialized, central, local, year:YYYY, stt, name, agency, source, period, note, text");
}

TEST(BudgetFinding, IsADiagnosticWithTheBudgetFacts) {
  const Budget b = load("thai_binh_2023_budget.csv");
  const auto found = check(b);
  ASSERT_EQ(found.size(), 10u);
  const Finding& f = found[0];
  EXPECT_EQ(f.diagnostic.severity, Severity::error);
  EXPECT_EQ(f.diagnostic.code, "row_sum");
  EXPECT_EQ(f.diagnostic.where.line, 50u);
  EXPECT_EQ(f.diagnostic.where.column_name, "Tổng mức đầu tư");
  EXPECT_EQ(f.label, "Thương mại điện tử");
  EXPECT_EQ(f.reported->dong, 732 * kMillion);
  EXPECT_EQ(f.computed->dong, 877 * kMillion);
  EXPECT_EQ(f.diagnostic.message,
            "Tổng mức đầu tư 732 is not Vốn sự nghiệp + Vốn xã hội hóa = 877");
  EXPECT_EQ(found.back().diagnostic.severity, Severity::warning);
  EXPECT_EQ(found.back().diagnostic.code, "possible_breakdown");
  // Every code check() reports is one of the documented codes.
  for (const Finding& x : found) EXPECT_TRUE(finding_codes.contains(x.diagnostic.code));
  EXPECT_EQ(finding_codes.parse("subtotal"), FindingCode::subtotal);
  const Budget bad = parse_budget("STT,Tên nhiệm vụ,Tổng\n1,a,abc\n", "bad.csv");
  EXPECT_EQ(check(bad)[0].diagnostic.to_string(),
            "bad.csv:2 (column 'Tổng'): error [not_a_number]: not a number; in the Vietnamese "
            "format '.' separates thousands in groups of three and ',' is the decimal mark "
            "(75.428, 1.650.380, 99,21): 'abc'");
}

TEST(BudgetFinding, ABreakdownIsLookedForInTheTwelveRowsBelowAnItem) {
  // An item of `n` over `rows` items of 1 each under the same parent (none): the rows add up
  // to it when rows == n, and are named as a possible breakdown up to twelve rows below.
  auto findings = [](int n, int rows) {
    std::string body = "STT,Tên nhiệm vụ,Tổng\n1,Tổng hợp," + std::to_string(n) + "\n";
    for (int k = 1; k <= rows; ++k)
      body += std::to_string(k + 1) + ",Việc " + std::to_string(k) + ",1\n";
    return parse_budget(body, "b.csv").check();
  };
  const auto twelve = findings(12, 12);
  ASSERT_EQ(twelve.size(), 1u);
  EXPECT_EQ(twelve[0].diagnostic.code, "possible_breakdown");
  EXPECT_EQ(twelve[0].diagnostic.where.line, 2u);
  EXPECT_EQ(twelve[0].diagnostic.message,
            "the 12 rows below it (lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14) add up exactly "
            "to this row's 12: if they are an \"of which\" breakdown, the amount is counted twice");
  // Thirteen rows are past the look-ahead: no finding, even with more rows after them.
  EXPECT_TRUE(findings(13, 13).empty());
  EXPECT_TRUE(findings(13, 20).empty());
  // Two rows are the fewest; one row equal to the item is not a breakdown.
  const auto two = findings(2, 2);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].diagnostic.message,
            "the 2 rows below it (lines 3, 4) add up exactly to this row's 2: if they are an "
            "\"of which\" breakdown, the amount is counted twice");
  EXPECT_TRUE(findings(1, 1).empty());
  // Rows that pass the item without equalling it are not a breakdown.
  EXPECT_TRUE(findings(3, 2).empty());
}
