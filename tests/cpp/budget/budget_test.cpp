// The seeds' budget appendices as published: exact totals (as the plans' texts state them)
// and the exact list of what does not add up in each.
#include "dxkit/budget/budget.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;

namespace {
const std::string kExamples = DXKIT_EXAMPLES_DIR;
constexpr std::int64_t kMillion = 1'000'000;

Budget load(const std::string& name) { return read_budget(kExamples + "/" + name); }

std::size_t column(const Budget& b, const std::string& header) {
  for (std::size_t c = 0; c < b.columns.size(); ++c)
    if (b.columns[c].header == header) return c;
  throw std::runtime_error("no column " + header);
}

// "kind line column reported computed" in triệu, one string per finding.
std::vector<std::string> summary(const Budget& b) {
  std::vector<std::string> out;
  for (const Finding& f : b.check()) {
    std::string s = f.kind + " " + std::to_string(f.line);
    if (!f.column.empty()) s += " " + f.column;
    if (f.reported) s += " " + format_money(*f.reported, MoneyUnit::million);
    if (f.computed) s += " " + format_money(*f.computed, MoneyUnit::million);
    out.push_back(s);
  }
  return out;
}
}  // namespace

TEST(SeedThaiBinh2023Budget, TotalsAreThoseThePlanStates) {
  const Budget b = load("thai_binh_2023_budget.csv");
  EXPECT_EQ(b.unit, MoneyUnit::million);  // from "ĐVT: Triệu đồng"
  // "75.428 triệu đồng, trong đó ... 4.661 triệu đồng ... 70.767 triệu đồng".
  EXPECT_EQ(b.total().dong, 75'428 * kMillion);
  EXPECT_EQ(b.column_total(column(b, "Vốn đầu tư")).dong, 4'661 * kMillion);
  EXPECT_EQ(b.column_total(column(b, "Vốn sự nghiệp")).dong, 70'767 * kMillion);
  EXPECT_EQ(b.column_total(column(b, "Vốn xã hội hóa")).dong, 145 * kMillion);
  auto sections = b.rollup({Dimension::section});
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].keys[0], "Các sở, ban, ngành thuộc tỉnh");
  EXPECT_EQ(sections[0].amount.dong, 66'757 * kMillion);
  EXPECT_EQ(sections[1].amount.dong, 8'671 * kMillion);
}

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

TEST(SeedDongThap2022Budget, InvestmentByYearAndRecurrent) {
  const Budget inv = load("dong_thap_2022_investment.csv");
  auto years = inv.rollup({Dimension::year});
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].keys[0], "2021");
  EXPECT_EQ(years[0].amount.dong, 12'400 * kMillion);
  EXPECT_EQ(years[1].amount.dong, 75'152 * kMillion);  // "Vốn đầu tư công: 75,15 tỷ đồng"
  EXPECT_EQ(format_money(years[1].amount, MoneyUnit::billion, 2), "75,15");
  auto sources = inv.rollup({Dimension::source, Dimension::year});
  EXPECT_EQ(sources[0].keys, (std::vector<std::string>{"NSDP", "2021"}));
  EXPECT_TRUE(summary(inv).empty());

  const Budget rec = load("dong_thap_2022_recurrent.csv");
  EXPECT_EQ(rec.total().dong, 30'088 * kMillion);  // "Vốn chi thường xuyên: 30,09 tỷ đồng"
  EXPECT_EQ(rec.rows[0].kind, RowKind::grand_total);  // printed first
  EXPECT_TRUE(summary(rec).empty());
  // 75,15 + 30,09 = "Tổng kinh phí: 105,24 tỷ đồng".
  EXPECT_EQ(format_money(add(years[1].amount, rec.total()), MoneyUnit::billion, 2), "105,24");
}

TEST(SeedDongThap2023Budget, TotalsAndTheMissingSection) {
  const Budget inv = load("dong_thap_2023_investment.csv");
  const Budget rec = load("dong_thap_2023_recurrent.csv");
  EXPECT_EQ(inv.total().dong, 101'241 * kMillion);
  EXPECT_EQ(rec.total().dong, 52'609 * kMillion);
  // "Tổng kinh phí: 153,85 tỷ đồng".
  EXPECT_EQ(format_money(add(inv.total(), rec.total()), MoneyUnit::billion, 2), "153,85");
  EXPECT_TRUE(summary(inv).empty());
  EXPECT_EQ(summary(rec), (std::vector<std::string>{"numbering 24 STT"}));
  EXPECT_EQ(rec.check()[0].message, "section III comes where section II was expected");
  // Sections are agencies in this layout; items keep their own "Đơn vị thực hiện".
  auto by_section = rec.rollup({Dimension::section});
  EXPECT_EQ(by_section[0].keys[0], "SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
  EXPECT_EQ(by_section[0].amount.dong, 16'390 * kMillion);
  EXPECT_EQ(rec.rows[2].agency, "Sở TTTT");
  // Periods (Boost.Date_Time) from "2022 - 2024".
  ASSERT_TRUE(inv.rows[0].period.has_value());
  EXPECT_EQ(inv.rows[0].period->begin().year(), 2022);
  EXPECT_EQ(inv.rows[0].period->last().year(), 2024);
  auto by_period = inv.rollup({Dimension::period});
  EXPECT_EQ(by_period[0].keys[0], "2022 - 2024");
}

TEST(Budget, ShareOfTheStateBudget) {
  const Budget rec = load("dong_thap_2022_recurrent.csv");
  EXPECT_NEAR(rec.share_of(Money{3'008'800 * kMillion}), 1.0, 1e-12);
  EXPECT_THROW((void)rec.share_of(Money{0}), ValidationError);
}

namespace {
std::vector<std::string> findings_of(const std::string& csv_text) {
  return summary(parse_budget(csv_text, "bad.csv"));
}
}  // namespace

TEST(BudgetBadInput, CellsThatAreNotAmountsAreFindings) {
  auto f = findings_of("ĐVT: Triệu đồng\nSTT,Tên nhiệm vụ,Tổng\n1,a,abc\n2,b,12.5\n3,c,-5\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], "not_a_number 3 Tổng");
  EXPECT_EQ(f[1], "not_a_number 4 Tổng");
  EXPECT_EQ(f[2], "negative 5 Tổng -5");
  const Budget b = parse_budget("STT,Tên nhiệm vụ,Tổng\n1,a,12.5\n", "bad.csv");
  EXPECT_NE(b.check()[0].message.find("groups of exactly three digits"), std::string::npos);
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
  EXPECT_THROW((void)parse_budget("ĐVT: đô la\nSTT,Tổng\n1,1\n", "bad.csv"), ParseError);
}

TEST(BudgetBadInput, GrandTotalFirstOrLastIsChecked) {
  // Đồng Tháp layout: the grand total printed first, numbered items under Roman sections.
  auto first = findings_of(
      "STT,Danh mục,Tổng cộng\n,TỔNG CỘNG,10\nI,A,4\n1,x,4\nII,B,5\n1,y,5\n");
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
  EXPECT_THROW((void)parse_budget("STT,Tên nhiệm vụ,Kinh phí dự kiến\n1,a,7\n", "x.csv", o),
               ValidationError);
}

TEST(Budget, SumByCodesIsExactAndChecked) {
  std::vector<std::int32_t> agency = {0, 1, 0, 1};
  std::vector<std::int32_t> source = {0, 0, 1, 1};
  std::vector<std::int64_t> amount = {1, 2, 3, 4'000'000'000'000'000'000};
  auto sums = sum_by_codes({agency, source}, {2, 2}, amount);
  EXPECT_EQ(sums, (std::vector<std::int64_t>{1, 3, 2, 4'000'000'000'000'000'000}));
  std::vector<std::int32_t> same = {0, 0};
  std::vector<std::int64_t> big = {std::numeric_limits<std::int64_t>::max(), 1};
  EXPECT_THROW((void)sum_by_codes({same}, {1}, big), ValidationError);
  std::vector<std::int32_t> bad = {0, 2, 0, 0};
  EXPECT_THROW((void)sum_by_codes({bad}, {2}, amount), ValidationError);
}
