// The roll-ups of a budget (src/budget/rollup.cpp), rule by rule, each pinned from both
// sides: which columns make a row's amount (each source alone, never central or local, the
// yearly allocations when there are any), the pieces a row splits into by source and by year,
// shares and changes at 0 and at one đồng, and the sums by keys with value keys of every
// width, a code key of one code, one row, one distinct value and a chunk of one row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "budget_testing.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using namespace dxkit::budget;
using namespace dxkit::budget::testing;

namespace {

// "key key ...=amount in triệu (share)" per roll-up line.
std::vector<std::string> lines(const std::vector<RollupRow>& rows) {
  std::vector<std::string> out;
  for (const RollupRow& r : rows) {
    std::string s;
    for (std::size_t k = 0; k < r.keys.size(); ++k) s += (k == 0 ? "" : "|") + r.keys[k];
    out.push_back(s + "=" + format_money(r.amount, MoneyUnit::million));
  }
  return out;
}

}  // namespace

TEST(RollupBounds, ARowsAmountIsItsTotalElseEachSourceAloneNeverCentralOrLocal) {
  const Budget b = parse_budget(
      "STT,Tên nhiệm vụ,Vốn đầu tư,Vốn sự nghiệp,Vốn xã hội hóa,NSTW,NSĐP\n"
      "1,a,1,,,,\n"
      "2,b,,2,,,\n"
      "3,c,,,4,,\n"
      "4,d,1,2,4,,\n"
      "5,e,,,,3,5\n",  // budget levels only: their sum
      "b.csv");
  const std::vector<std::int64_t> want = {1, 2, 4, 7, 8};
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_TRUE(b.value(b.rows[i]).has_value()) << i;
    EXPECT_EQ(b.value(b.rows[i])->dong, want[i] * kMillion) << i;
  }
  EXPECT_EQ(b.total().dong, 22 * kMillion);
  // By source, each source and budget-level column is a piece of its own, in the order the
  // columns first appear; shares of the roll-up's own sum (22).
  const auto by_source = b.rollup({Dimension::source});
  EXPECT_EQ(lines(by_source), (std::vector<std::string>{"Vốn đầu tư=2", "Vốn sự nghiệp=4",
                                                        "Vốn xã hội hóa=8", "NSTW=3", "NSĐP=5"}));
  EXPECT_DOUBLE_EQ(by_source[0].share, 2.0 / 22.0);
  EXPECT_DOUBLE_EQ(by_source[4].share, 5.0 / 22.0);
  // A total column is never a piece: a row without sources keeps its label's (none) key.
  const Budget t = parse_budget("STT,Tên nhiệm vụ,Tổng,Vốn đầu tư\n1,a,5,5\n2,b,7,\n", "t.csv");
  EXPECT_EQ(lines(t.rollup({Dimension::source})), (std::vector<std::string>{"Vốn đầu tư=5", "=7"}));
  // Of two total columns the first is the amount.
  const Budget two =
      parse_budget("STT,Tên nhiệm vụ,Tổng mức đầu tư,Tổng cộng\n1,a,5,9\n", "two.csv");
  EXPECT_EQ(two.value(two.rows[0])->dong, 5 * kMillion);
}

TEST(RollupBounds, YearlyAllocationsAreTheAmountAndThePiecesByYear) {
  ReadOptions o;
  o.plan_year = 2025;
  const Budget b = parse_budget(
      "STT,Tên nhiệm vụ,Tổng mức đầu tư,Năm 2023,Năm 2024,Vốn đầu tư\n1,a,100,10,20,30\n", "y.csv",
      o);
  EXPECT_EQ(b.value(b.rows[0])->dong, 30 * kMillion);  // 10 + 20, not the project's 100
  EXPECT_EQ(lines(b.rollup({Dimension::year})), (std::vector<std::string>{"2023=10", "2024=20"}));
  // By source and year: a row with yearly amounts splits by year, under its source label.
  EXPECT_EQ(lines(b.rollup({Dimension::source, Dimension::year})),
            (std::vector<std::string>{"|2023=10", "|2024=20"}));
  // By source alone the same: the source columns split the 100 of the multi-year project,
  // not a year's allocation, so the 30 stays under the row's (empty) label.
  EXPECT_EQ(lines(b.rollup({Dimension::source})), (std::vector<std::string>{"=30"}));
  // Without yearly columns a row is the plan year's, or no year when none is declared.
  const std::string plain = "STT,Tên nhiệm vụ,Tổng,Nguồn vốn\n1,a,7,NSDP\n";
  EXPECT_EQ(lines(parse_budget(plain, "p.csv", o).rollup({Dimension::year})),
            (std::vector<std::string>{"2025=7"}));
  EXPECT_EQ(lines(parse_budget(plain, "p.csv").rollup({Dimension::year})),
            (std::vector<std::string>{"=7"}));
  EXPECT_EQ(lines(parse_budget(plain, "p.csv", o).rollup({Dimension::source, Dimension::year})),
            (std::vector<std::string>{"NSDP|2025=7"}));
}

TEST(RollupBounds, PeriodsOfOneYearAndOfSeveral) {
  const Budget b = parse_budget(
      "STT,Tên nhiệm vụ,Tổng,Thời gian thực hiện\n1,a,1,2023\n2,b,2,2022 - 2024\n3,c,4,\n",
      "p.csv");
  EXPECT_EQ(lines(b.rollup({Dimension::period})),
            (std::vector<std::string>{"2023=1", "2022 - 2024=2", "=4"}));
}

TEST(RollupBounds, TheReportedTotalIsTheGrandTotalRowsAndColumnTotalsCountItems) {
  const Budget b =
      parse_budget("STT,Tên nhiệm vụ,Tổng,Vốn đầu tư\nI,A,4,\n1,a,4,4\nTổng cộng,,5,\n", "r.csv");
  ASSERT_TRUE(b.reported_total(0).has_value());
  EXPECT_EQ(b.reported_total(0)->dong, 5 * kMillion);
  EXPECT_FALSE(b.reported_total(1).has_value());    // blank in the grand total row
  EXPECT_EQ(b.column_total(0).dong, 4 * kMillion);  // the item, not the section's 4 again
  EXPECT_EQ(b.column_total(1).dong, 4 * kMillion);
  const Budget none = parse_budget("STT,Tên nhiệm vụ,Tổng\n1,a,4\n", "n.csv");
  EXPECT_FALSE(none.reported_total(0).has_value());
}

TEST(RollupBounds, SharesAndChangesAtZeroAndAtOneDong) {
  const std::string head = "ĐVT: đồng\nSTT,Tên nhiệm vụ,Đơn vị thực hiện,Tổng\n";
  const Budget before = parse_budget(head + "1,a,X,1\n2,b,Y,4\n", "before.csv");
  const Budget after = parse_budget(head + "1,a,X,3\n2,c,Z,5\n", "after.csv");
  const auto shares = before.rollup({Dimension::agency});
  ASSERT_EQ(shares.size(), 2u);
  EXPECT_DOUBLE_EQ(shares[0].share, 0.2);
  EXPECT_DOUBLE_EQ(shares[1].share, 0.8);
  // A total of one đồng is all of it; a total of 0 gives shares of 0, not NaN.
  EXPECT_DOUBLE_EQ(parse_budget(head + "1,a,X,1\n", "one.csv").rollup({})[0].share, 1.0);
  const auto zero = parse_budget(head + "1,a,X,0\n2,b,Y,0\n", "zero.csv").rollup({});
  ASSERT_EQ(zero.size(), 1u);
  EXPECT_EQ(zero[0].share, 0.0);
  // X: 1 -> 3 (+200 %, from one đồng); Y: 4 -> 0 (-100 %); Z: new, no percentage.
  const auto cmp = before.compare(after, {Dimension::agency});
  ASSERT_EQ(cmp.size(), 3u);
  EXPECT_EQ(cmp[0].keys, (std::vector<std::string>{"X"}));
  EXPECT_EQ(cmp[0].before.dong, 1);
  EXPECT_EQ(cmp[0].after.dong, 3);
  EXPECT_EQ(cmp[0].change.dong, 2);
  ASSERT_TRUE(cmp[0].change_percent.has_value());
  EXPECT_DOUBLE_EQ(*cmp[0].change_percent, 200.0);
  EXPECT_EQ(cmp[1].change.dong, -4);
  ASSERT_TRUE(cmp[1].change_percent.has_value());
  EXPECT_DOUBLE_EQ(*cmp[1].change_percent, -100.0);
  EXPECT_EQ(cmp[2].keys, (std::vector<std::string>{"Z"}));
  EXPECT_EQ(cmp[2].before.dong, 0);
  EXPECT_EQ(cmp[2].change.dong, 5);
  EXPECT_FALSE(cmp[2].change_percent.has_value());
  // The share of a state budget of one đồng is accepted; 0 and below are not.
  EXPECT_DOUBLE_EQ(before.share_of(Money{1}), 500.0);
  EXPECT_DOUBLE_EQ(before.share_of(Money{4}), 125.0);
  EXPECT_THROW_MSG((void)before.share_of(Money{-1}), ValidationError,
                   "the state budget must be a positive amount");
}

TEST(RollupBounds, SumByKeysRefusesWhatSumByCodesRefuses) {
  std::vector<std::int32_t> k = {0, 1};
  std::vector<std::int64_t> a = {1, 2};
  const CodeColumn key{k.data(), 4, 2};
  EXPECT_THROW_MSG((void)sum_by_keys({key}, {2, 2}, a), ValidationError,
                   "sum_by_codes: one cardinality per key column");
  EXPECT_THROW_MSG((void)sum_by_codes({key}, {2, 2}, a), ValidationError,
                   "sum_by_codes: one cardinality per key column");
  EXPECT_THROW_MSG((void)sum_by_keys({CodeColumn{k.data(), 4, 1}}, {2}, a), ValidationError,
                   "sum_by_codes: key and amount columns differ in length");
  for (int width : {0, 3, 5, 7, 9})
    EXPECT_THROW_MSG((void)sum_by_keys({CodeColumn{k.data(), width, 2}}, {2}, a), ValidationError,
                     "sum_by_codes: codes must be 1, 2, 4 or 8 bytes wide");
  // A dense table of no code, or of more than 2^28 cells, is refused before it is made.
  EXPECT_THROW_MSG((void)sum_by_codes({key, key}, {2, 0}, a), ValidationError,
                   "sum_by_codes: key 2 has no categories (cardinality 0): no row can be grouped "
                   "by it");
  EXPECT_THROW_MSG((void)sum_by_codes({key, key}, {std::size_t{1} << 15, std::size_t{1} << 14}, a),
                   ValidationError, "sum_by_codes: too many groups for a dense table");
  // Without counts asked, the sums alone.
  EXPECT_EQ(sum_by_codes({key}, {2}, a), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(sum_by_codes({key}, {3}, a), (std::vector<std::int64_t>{1, 2, 0}));
}

TEST(RollupBounds, FactorizeOneValue) {
  const std::vector<std::int64_t> one = {5};
  const Factorized f = factorize(one);
  EXPECT_EQ(f.codes, (std::vector<std::int32_t>{0}));
  EXPECT_EQ(f.uniques, (std::vector<std::int64_t>{5}));
  const std::vector<std::int64_t> two = {-1, 1, -1};
  EXPECT_EQ(factorize(two).codes, (std::vector<std::int32_t>{0, 1, 0}));
}

// Value keys of each width, negative values, rows in and out of order, a group of one row:
// through the dense table (a small product of ranges) and through factorize (a large one).
TEST(RollupBounds, SumByKeysValueKeysOfEveryWidth) {
  const std::vector<std::int64_t> amount = {1, 10, 100, 1000};
  // Rows 0 and 2 have the same values in every key, rows 1 and 3 others: the groups are
  // (0,0,0,0), (1,1,1,1) and (2,2,2,2) in the codes of first appearance.
  auto check = [&](const KeySums& got, const std::vector<std::vector<std::int64_t>>& uniques) {
    EXPECT_EQ(got.uniques, uniques);
    EXPECT_EQ(got.cardinalities, (std::vector<std::size_t>{3, 3, 3, 3}));
    std::vector<std::int64_t> sums(81, 0), count(81, 0);
    sums[0] = 101;
    count[0] = 2;
    sums[27 + 9 + 3 + 1] = 10;
    count[40] = 1;
    sums[80] = 1000;
    count[80] = 1;
    EXPECT_EQ(got.sums, sums);
    EXPECT_EQ(got.counts, count);
  };
  {  // dense: ranges 7, 7, 16 and 76 (59 584 cells)
    const std::vector<std::int16_t> a = {-3, 3, -3, 1};
    const std::vector<std::int16_t> b = {3, -3, 3, 2};
    const std::vector<std::int8_t> c = {-8, 7, -8, 0};
    const std::vector<std::int32_t> d = {0, 70, 0, -5};
    check(sum_by_keys({CodeColumn{a.data(), 2, 4}, CodeColumn{b.data(), 2, 4},
                       CodeColumn{c.data(), 1, 4}, CodeColumn{d.data(), 4, 4}},
                      {0, 0, 0, 0}, amount),
          {{-3, 3, 1}, {3, -3, 2}, {-8, 7, 0}, {0, 70, -5}});
  }
  {  // factorized: ranges of 60 001 twice, then a range of 10^9
    const std::vector<std::int16_t> a = {-30000, 30000, -30000, 1};
    const std::vector<std::int16_t> b = {30000, -30000, 30000, 2};
    const std::vector<std::int8_t> c = {-128, 127, -128, 0};
    const std::vector<std::int32_t> d = {0, 1'000'000'000, 0, -5};
    check(sum_by_keys({CodeColumn{a.data(), 2, 4}, CodeColumn{b.data(), 2, 4},
                       CodeColumn{c.data(), 1, 4}, CodeColumn{d.data(), 4, 4}},
                      {0, 0, 0, 0}, amount),
          {{-30000, 30000, 1}, {30000, -30000, 2}, {-128, 127, 0}, {0, 1'000'000'000, -5}});
  }
}

TEST(RollupBounds, SumByKeysOneRowOneValueAndACodeKeyOfOneCode) {
  const std::vector<std::int64_t> five = {5};
  const std::vector<std::int64_t> seven = {7};
  const KeySums one = sum_by_keys({CodeColumn{five.data(), 8, 1}}, {0}, seven);
  EXPECT_EQ(one.uniques, (std::vector<std::vector<std::int64_t>>{{5}}));
  EXPECT_EQ(one.sums, (std::vector<std::int64_t>{7}));
  EXPECT_EQ(one.counts, (std::vector<std::int64_t>{1}));
  // A value key with one distinct value and a code key of cardinality 1, beside a value key
  // of a small range (dense) and of a wide one (factorized).
  const std::vector<std::int64_t> amount = {1, 10, 100, 1000};
  const std::vector<std::int8_t> same = {7, 7, 7, 7};
  const std::vector<std::int32_t> code = {0, 0, 0, 0};
  for (const std::int64_t step : {std::int64_t{3}, std::int64_t{1'000'000'000'000}}) {
    const std::vector<std::int64_t> v = {0, step, 0, step};
    const KeySums got = sum_by_keys(
        {CodeColumn{v.data(), 8, 4}, CodeColumn{same.data(), 1, 4}, CodeColumn{code.data(), 4, 4}},
        {0, 0, 1}, amount);
    EXPECT_EQ(got.uniques, (std::vector<std::vector<std::int64_t>>{{0, step}, {7}, {}})) << step;
    EXPECT_EQ(got.cardinalities, (std::vector<std::size_t>{2, 1, 1})) << step;
    EXPECT_EQ(got.sums, (std::vector<std::int64_t>{101, 1010})) << step;
    EXPECT_EQ(got.counts, (std::vector<std::int64_t>{2, 2})) << step;
    // The one code is 0: a 1 is a code out of range, in either path.
    std::vector<std::int32_t> bad = code;
    bad[1] = 1;
    EXPECT_THROW_MSG((void)sum_by_keys({CodeColumn{v.data(), 8, 4}, CodeColumn{bad.data(), 4, 4}},
                                       {0, 1}, amount),
                     ValidationError, "sum_by_codes: row 2: key 2 has no value (code 1)");
  }
}

// 2^21 + 1 rows: three chunks, the last of one row. Its new value is counted, and an overflow
// inside the second chunk alone is an error (its wrapped sum would add to the others' without
// one).
TEST(RollupBounds, SumByKeysALastChunkOfOneRowAndAnOverflowInALaterChunk) {
  const std::size_t n = (std::size_t{1} << 21) + 1;
  std::vector<std::int32_t> unit(n, 0);
  std::vector<std::int64_t> amount(n, 0);
  unit[n - 1] = 9;
  amount[n - 1] = 7;
  amount[0] = 2;
  const KeySums got = sum_by_keys({CodeColumn{unit.data(), 4, n}}, {0}, amount);
  EXPECT_EQ(got.uniques[0], (std::vector<std::int64_t>{0, 9}));
  EXPECT_EQ(got.sums, (std::vector<std::int64_t>{2, 7}));
  EXPECT_EQ(got.counts, (std::vector<std::int64_t>{static_cast<std::int64_t>(n - 1), 1}));
  const std::size_t second = (std::size_t{1} << 20) + 5;
  amount[second] = std::numeric_limits<std::int64_t>::max();
  amount[second + 1] = 1;
  EXPECT_THROW_MSG((void)sum_by_keys({CodeColumn{unit.data(), 4, n}}, {0}, amount), ValidationError,
                   "sum_by_codes: a group's sum exceeds 9,2 × 10^18 đồng");
}

// The kinds of capital and the budget levels are the same money cut two ways: a row with both
// is split by the kinds of capital alone (10 = 3 + 7, not 3 + 7 + 4 + 6), a row with only
// levels by its levels, and its amount is their sum where it has no total.
TEST(RollupBounds, ARowCutTwoWaysCountsOnce) {
  const Budget b = parse_budget(
      "STT,Tên nhiệm vụ,Tổng,Vốn đầu tư,Vốn sự nghiệp,NSTW,NSĐP\n"
      "1,a,10,3,7,4,6\n"
      "2,b,,,,5,\n"
      "3,c,,2,,,2\n",
      "cut.csv");
  EXPECT_EQ(b.total().dong, 17 * kMillion);
  EXPECT_EQ(lines(b.rollup({Dimension::source})),
            (std::vector<std::string>{"Vốn đầu tư=5", "Vốn sự nghiệp=7", "NSTW=5"}));
}

// Every roll-up adds up to the budget's total, whatever the dimensions: the seeds' budgets, and
// tables whose rows are cut two ways, lack a yearly amount or a source. By source, a row's
// source columns as printed: Thái Bình 2023's "Vốn xã hội hóa" (145) lies outside its
// "Tổng mức đầu tư" (75.428 = 4.661 + 70.767), so its roll-up by source is 75.573.
TEST(RollupBounds, EveryRollupAddsUpToTheTotal) {
  ReadOptions o;
  o.plan_year = 2025;
  std::vector<std::pair<std::string, Budget>> budgets;
  for (const std::string name : {"dong_thap_2022_investment.csv", "dong_thap_2022_recurrent.csv",
                                 "dong_thap_2023_investment.csv", "dong_thap_2023_recurrent.csv",
                                 "thai_binh_2023_budget.csv", "thai_binh_2024_budget.csv"})
    budgets.emplace_back(name, load(name));
  budgets.emplace_back("years", parse_budget("STT,Tên nhiệm vụ,Tổng mức đầu tư,Năm 2023,Năm 2024,"
                                             "Vốn đầu tư,Nguồn vốn\n1,a,100,10,20,30,NSDP\n"
                                             "2,b,50,,,50,NSTW\n3,c,9,,4,,\n",
                                             "y.csv", o));
  budgets.emplace_back("cut", parse_budget("STT,Tên nhiệm vụ,Tổng,Vốn đầu tư,Vốn sự nghiệp,NSTW,"
                                           "NSĐP,Nguồn vốn,Đơn vị chủ trì\n1,a,10,3,7,4,6,X,A\n"
                                           "2,b,,,,5,,Y,B\n3,c,8,,,,,,A\n4,d,,,,,,Z,B\n",
                                           "c.csv", o));
  const std::vector<std::vector<Dimension>> ways = {
      {Dimension::source},
      {Dimension::year},
      {Dimension::agency},
      {Dimension::source, Dimension::year},
      {Dimension::agency, Dimension::source},
      {Dimension::section, Dimension::group, Dimension::source, Dimension::year},
  };
  for (const auto& [name, b] : budgets) {
    ASSERT_GT(b.total().dong, 0) << name;
    for (const auto& by : ways) {
      Money sum;
      for (const RollupRow& r : b.rollup(by)) sum = add(sum, r.amount);
      const bool outside = name == "thai_binh_2023_budget.csv" &&
                           std::find(by.begin(), by.end(), Dimension::source) != by.end();
      EXPECT_EQ(sum.dong, b.total().dong + (outside ? 145 * kMillion : 0))
          << name << ", " << by.size() << " dimensions";
    }
  }
  // The yearly table: b has no allocation, so it is in no roll-up, as in its total (34).
  EXPECT_EQ(budgets[6].second.total().dong, 34 * kMillion);
}
