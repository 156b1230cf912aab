// The seeds' budget appendices rolled up: exact totals (as the plans' texts state them), by
// section, year, source, agency and period, and dense sums by codes.
#include <gtest/gtest.h>

#include <limits>

#include "../expect_throw_msg.hpp"
#include "budget_testing.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;
using namespace dxkit::budget::testing;

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
  EXPECT_EQ(rec.check()[0].diagnostic.message, "section III comes where section II was expected");
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
  EXPECT_THROW_MSG((void)rec.share_of(Money{0}), ValidationError,
                   "the state budget must be a positive amount");
}

TEST(Budget, SumByCodesIsExactAndChecked) {
  std::vector<std::int32_t> agency = {0, 1, 0, 1};
  std::vector<std::int32_t> source = {0, 0, 1, 1};
  std::vector<std::int64_t> amount = {1, 2, 3, 4'000'000'000'000'000'000};
  auto sums = sum_by_codes({agency, source}, {2, 2}, amount);
  EXPECT_EQ(sums, (std::vector<std::int64_t>{1, 3, 2, 4'000'000'000'000'000'000}));
  std::vector<std::int32_t> same = {0, 0};
  std::vector<std::int64_t> big = {std::numeric_limits<std::int64_t>::max(), 1};
  EXPECT_THROW_MSG((void)sum_by_codes({same}, {1}, big), ValidationError,
                   "sum_by_codes: a group's sum exceeds 9,2 × 10^18 đồng");
  std::vector<std::int32_t> bad = {0, 2, 0, 0};
  EXPECT_THROW_MSG((void)sum_by_codes({bad}, {2}, amount), ValidationError,
                   "sum_by_codes: row 2: key 1 has no value (code 2)");
}

TEST(BudgetDimension, OneNameTable) {
  EXPECT_EQ(dimensions.joined(), "section, group, agency, source, year, tag, period");
  EXPECT_EQ(parse_dimension("agency"), Dimension::agency);
  EXPECT_EQ(to_string(Dimension::period), "period");
  try {
    (void)parse_dimension("province");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown dimension 'province'; accepted: section, group, agency, source, year, "
                 "tag, period");
  }
}
