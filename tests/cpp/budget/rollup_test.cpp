// The seeds' budget appendices rolled up: exact totals (as the plans' texts state them), by
// section, year, source, agency and period, and dense sums by codes.
#include <gtest/gtest.h>

#include <algorithm>
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

// A row's amount is its total column wherever that column stands, also after the source
// columns (a mutation pass found every tested table with the total first); without a total,
// the sum of the sources.
TEST(Budget, TheTotalColumnWinsWhereverItStands) {
  const Budget b = parse_budget(
      "ĐVT: Triệu đồng\n"
      "STT,Tên nhiệm vụ,Vốn đầu tư,Vốn sự nghiệp,Tổng cộng\n"
      "1,a,10,20,35\n"  // the total states 35 (the check says it is not 10 + 20)
      "2,b,4,6,\n",     // no total: the sum of the sources, 10
      "t.csv");
  ASSERT_EQ(b.rows.size(), 2u);
  EXPECT_EQ(b.value(b.rows[0])->dong, 35 * kMillion);
  EXPECT_EQ(b.value(b.rows[1])->dong, 10 * kMillion);
  EXPECT_EQ(b.total().dong, 45 * kMillion);
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

TEST(Budget, SumByCodesReadsCodesOfEveryWidthAcrossBlocks) {
  // 5 000 rows: three blocks of the one-pass loop; int8 agency codes (a categorical's) with
  // int64 source codes give the sums and counts of a plain loop.
  const std::size_t n = 5'000;
  std::vector<std::int8_t> agency(n);
  std::vector<std::int64_t> source(n), amount(n);
  std::vector<std::int64_t> want(6, 0), want_count(6, 0);
  for (std::size_t i = 0; i < n; ++i) {
    agency[i] = static_cast<std::int8_t>(i * 7 % 3);
    source[i] = static_cast<std::int64_t>(i * 5 % 2);
    amount[i] = static_cast<std::int64_t>(i) * 1'000'003;
    want[static_cast<std::size_t>(agency[i]) * 2 + static_cast<std::size_t>(source[i])] +=
        amount[i];
    ++want_count[static_cast<std::size_t>(agency[i]) * 2 + static_cast<std::size_t>(source[i])];
  }
  std::vector<std::int64_t> counts;
  const auto sums = sum_by_codes({CodeColumn{agency.data(), 1, n}, CodeColumn{source.data(), 8, n}},
                                 {3, 2}, amount, &counts);
  EXPECT_EQ(sums, want);
  EXPECT_EQ(counts, want_count);
  // The first bad code in row order, whichever key holds it; int16 codes too.
  std::vector<std::int16_t> wide(n, 1);
  wide[4'500] = -1;
  agency[4'700] = 3;
  EXPECT_THROW_MSG(
      (void)sum_by_codes({CodeColumn{agency.data(), 1, n}, CodeColumn{wide.data(), 2, n}}, {3, 2},
                         amount),
      ValidationError, "sum_by_codes: row 4501: key 2 has no value (code -1)");
  EXPECT_THROW_MSG((void)sum_by_codes({CodeColumn{agency.data(), 3, n}}, {3}, amount),
                   ValidationError, "sum_by_codes: codes must be 1, 2, 4 or 8 bytes wide");
  EXPECT_THROW_MSG((void)sum_by_codes({CodeColumn{agency.data(), 1, n - 1}}, {3}, amount),
                   ValidationError, "sum_by_codes: key and amount columns differ in length");
}

TEST(Budget, FactorizeCodesByFirstAppearance) {
  // Through the table (a small range) and through the hash map (a range past it), the same
  // answer pandas.factorize(sort=False) gives.
  const std::vector<std::int64_t> small = {7, -3, 7, 100, -3, 0};
  const Factorized a = factorize(small);
  EXPECT_EQ(a.codes, (std::vector<std::int32_t>{0, 1, 0, 2, 1, 3}));
  EXPECT_EQ(a.uniques, (std::vector<std::int64_t>{7, -3, 100, 0}));
  const std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  const std::int64_t hi = std::numeric_limits<std::int64_t>::max();
  const std::vector<std::int64_t> wide = {hi, lo, 0, hi, 1'000'000'000'000, lo};
  const Factorized b = factorize(wide);
  EXPECT_EQ(b.codes, (std::vector<std::int32_t>{0, 1, 2, 0, 3, 1}));
  EXPECT_EQ(b.uniques, (std::vector<std::int64_t>{hi, lo, 0, 1'000'000'000'000}));
  EXPECT_TRUE(factorize({}).codes.empty());
  EXPECT_TRUE(factorize({}).uniques.empty());
}

TEST(Budget, SumByKeysGroupsValuesAsFactorizeCodesThem) {
  // A value key over a small range (one pass, a table) and over a wide one (factorized
  // first) give the same groups, in first-appearance order, as factorize + sum_by_codes.
  const std::size_t n = 3'000;
  std::vector<std::int8_t> source(n);
  std::vector<std::int64_t> narrow(n), wide(n), amount(n);
  for (std::size_t i = 0; i < n; ++i) {
    source[i] = static_cast<std::int8_t>(i % 3);
    narrow[i] = 40 - static_cast<std::int64_t>(i * 7 % 11);
    wide[i] = narrow[i] * 1'000'000'000'000;
    amount[i] = static_cast<std::int64_t>(i) * 999'983;
  }
  const Factorized f = factorize(narrow);
  std::vector<std::int64_t> want_counts;
  const auto want =
      sum_by_codes({CodeColumn{f.codes.data(), 4, n}, CodeColumn{source.data(), 1, n}},
                   {f.uniques.size(), 3}, amount, &want_counts);
  for (const auto* values : {&narrow, &wide}) {
    const KeySums got = sum_by_keys(
        {CodeColumn{values->data(), 8, n}, CodeColumn{source.data(), 1, n}}, {0, 3}, amount);
    EXPECT_EQ(got.cardinalities, (std::vector<std::size_t>{f.uniques.size(), 3}));
    EXPECT_EQ(got.sums, want);
    EXPECT_EQ(got.counts, want_counts);
    std::vector<std::int64_t> uniques = f.uniques;
    if (values == &wide)
      for (auto& u : uniques) u *= 1'000'000'000'000;
    EXPECT_EQ(got.uniques[0], uniques);
    EXPECT_TRUE(got.uniques[1].empty());
  }
  // A code out of range is named as sum_by_codes names it; no rows give no groups.
  source[2'500] = 3;
  EXPECT_THROW_MSG(
      (void)sum_by_keys({CodeColumn{narrow.data(), 8, n}, CodeColumn{source.data(), 1, n}}, {0, 3},
                        amount),
      ValidationError, "sum_by_codes: row 2501: key 2 has no value (code 3)");
  const KeySums none = sum_by_keys({CodeColumn{narrow.data(), 8, 0}}, {0}, {});
  EXPECT_TRUE(none.uniques[0].empty());
  EXPECT_EQ(std::count(none.counts.begin(), none.counts.end(), 0), 1);
}

TEST(Budget, SumByKeysInChunksIsTheSequentialAnswer) {
  // 2.5 M rows: three chunks of a million, summed on threads and added in chunk order; a
  // value that first appears in a later chunk comes after the earlier ones, and of two bad
  // codes in different chunks the earlier row is named.
  const std::size_t n = 2'500'000;
  std::vector<std::int64_t> unit(n), amount(n);
  std::vector<std::int8_t> source(n);
  for (std::size_t i = 0; i < n; ++i) {
    unit[i] = static_cast<std::int64_t>(i * 13 % 97) - 50;
    if (i >= 2'000'000 && i % 1000 == 0) unit[i] = 1'000;  // new in the third chunk
    source[i] = static_cast<std::int8_t>(i % 4);
    amount[i] = static_cast<std::int64_t>(i % 1'000'003) * 1'000'000;
  }
  const Factorized f = factorize(unit);
  std::vector<std::int64_t> want_counts;
  const auto want =
      sum_by_codes({CodeColumn{f.codes.data(), 4, n}, CodeColumn{source.data(), 1, n}},
                   {f.uniques.size(), 4}, amount, &want_counts);
  const KeySums got =
      sum_by_keys({CodeColumn{unit.data(), 8, n}, CodeColumn{source.data(), 1, n}}, {0, 4}, amount);
  EXPECT_EQ(got.uniques[0], f.uniques);
  EXPECT_EQ(got.uniques[0].back(), 1'000);
  EXPECT_EQ(got.sums, want);
  EXPECT_EQ(got.counts, want_counts);
  source[2'400'000] = 9;
  source[1'500'000] = -2;
  EXPECT_THROW_MSG(
      (void)sum_by_keys({CodeColumn{unit.data(), 8, n}, CodeColumn{source.data(), 1, n}}, {0, 4},
                        amount),
      ValidationError, "sum_by_codes: row 1500001: key 2 has no value (code -2)");
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
