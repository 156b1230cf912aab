// The checks of a budget appendix (src/budget/check.cpp), rule by rule, each pinned from both
// sides: a row's total against each source and each budget level alone, subtotals that must
// not count the groups' own subtotals, breakdowns away from the table's start, of a zero row,
// of one đồng and past a group, duplicates that differ in one thing only, and the numbering
// at each Roman digit and each Arabic bound.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "budget_testing.hpp"
#include "dxkit/budget/budget.hpp"

using namespace dxkit;
using namespace dxkit::budget;
using namespace dxkit::budget::testing;

namespace {

std::vector<std::string> messages(const std::string& csv_text) {
  std::vector<std::string> out;
  for (const Finding& f : parse_budget(csv_text, "b.csv").check())
    out.push_back(f.diagnostic.message);
  return out;
}

}  // namespace

// row_sum: the total column is found wherever it stands, and each source counts alone.
TEST(CheckBounds, ARowSumTakesEachSourceAndTheTotalWhereverItStands) {
  const std::string csv =
      "STT,Tên nhiệm vụ,Vốn đầu tư,Vốn sự nghiệp,Vốn xã hội hóa,Tổng cộng\n"
      "1,a,1,2,4,7\n"   // 1 + 2 + 4 = 7: nothing
      "2,b,1,2,4,8\n"   // 8 is not 7
      "3,c,,,,9\n"      // no source printed: nothing to compare
      "4,d,,,4,5\n"     // socialized alone: 5 is not 4
      "5,e,,2,,2\n"     // recurrent alone, equal
      "6,f,30,,,30\n";  // investment alone, equal
  ASSERT_EQ(findings_of(csv),
            (std::vector<std::string>{"row_sum 3 Tổng cộng 8 7", "row_sum 5 Tổng cộng 5 4"}));
  EXPECT_EQ(messages(csv)[0], "Tổng cộng 8 is not Vốn đầu tư + Vốn sự nghiệp + Vốn xã hội hóa = 7");
  EXPECT_EQ(messages(csv)[1], "Tổng cộng 5 is not Vốn xã hội hóa = 4");
}

TEST(CheckBounds, ARowSumTakesCentralAndLocalApartFromTheSources) {
  const std::string csv =
      "STT,Tên nhiệm vụ,Tổng,NSTW,NSĐP,Vốn đầu tư\n"
      "1,a,10,3,7,10\n"  // both splits add up
      "2,b,10,3,6,10\n"  // 3 + 6 = 9; the investment split is right
      "3,c,10,,10,\n"    // local alone, equal
      "4,d,10,4,,\n";    // central alone: 4
  ASSERT_EQ(findings_of(csv),
            (std::vector<std::string>{"row_sum 3 Tổng 10 9", "row_sum 5 Tổng 10 4"}));
  EXPECT_EQ(messages(csv)[0], "Tổng 10 is not NSTW + NSĐP = 9");
  // Of two total columns the first is the row's total: 5 against the investment 5.
  EXPECT_TRUE(
      findings_of("STT,Tên nhiệm vụ,Tổng mức đầu tư,Tổng cộng,Vốn đầu tư\n1,a,5,9,5\n").empty());
}

// A subtotal adds the items under it, at any depth, never the subtotals of its groups; the
// grand total adds every item.
TEST(CheckBounds, SubtotalsAddItemsNotTheGroupsSubtotals) {
  const std::string right =
      "STT,Tên nhiệm vụ,Tổng\n"
      "I,Phần một,10\n"
      "1,Nhóm,6\n"  // a group: the rows after it are unnumbered
      ",x,2\n"
      ",y,4\n"
      "2,z,4\n"  // an item of section I
      "II,Phần hai,5\n"
      "1,w,5\n"
      "Tổng cộng,,15\n";
  EXPECT_TRUE(findings_of(right).empty());
  std::string wrong = right;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"1,Nhóm,6", "1,Nhóm,7"},
                                 {"Tổng cộng,,15", "Tổng cộng,,16"}})
    wrong.replace(wrong.find(from), from.size(), to);
  ASSERT_EQ(findings_of(wrong),
            (std::vector<std::string>{"subtotal 3 Tổng 7 6", "grand_total 9 Tổng 16 15"}));
  EXPECT_EQ(messages(wrong)[0], "the subtotal of Tổng is printed as 7 but its rows add up to 6");
  EXPECT_EQ(messages(wrong)[1],
            "the grand total of Tổng is printed as 16 but its rows add up to 15");
  // The column totals and the roll-ups count the same items.
  const Budget b = parse_budget(right, "b.csv");
  EXPECT_EQ(b.column_total(0).dong, 15 * kMillion);
  EXPECT_EQ(b.total().dong, 15 * kMillion);
}

TEST(CheckBounds, ABreakdownAwayFromTheTableStart) {
  // Eleven rows first, so the item is the twelfth row: the twelve-row look-ahead counts from
  // it, not from the table's start; then a row followed by one equal row (one row is not a
  // breakdown, wherever it stands).
  std::string csv = "STT,Tên nhiệm vụ,Tổng\n";
  for (int k = 1; k <= 11; ++k)
    csv += std::to_string(k) + ",Việc " + std::to_string(k) + ",1.000\n";
  csv += "12,Tổng hợp,10\n13,a,4\n14,b,6\n15,c,7\n16,d,7\n";
  ASSERT_EQ(findings_of(csv), (std::vector<std::string>{"possible_breakdown 13 10 10"}));
  EXPECT_EQ(messages(csv)[0],
            "the 2 rows below it (lines 14, 15) add up exactly to this row's 10: if they are an "
            "\"of which\" breakdown, the amount is counted twice");
}

TEST(CheckBounds, ABreakdownWithoutATotalColumnOfZeroAndOfOneDong) {
  // Only source columns: a row's amount is the sum of its sources, and is checked too.
  EXPECT_EQ(findings_of("STT,Tên nhiệm vụ,Vốn sự nghiệp\n1,a,3\n2,b,1\n3,c,2\n"),
            (std::vector<std::string>{"possible_breakdown 2 3 3"}));
  // A row of 0 is never a breakdown's head, even when the rows below add up to 0.
  EXPECT_EQ(findings_of("STT,Tên nhiệm vụ,Tổng\n1,a,0\n2,b,-1\n3,c,1\n"),
            (std::vector<std::string>{"negative 3 Tổng -1"}));
  // One đồng is not 0: 0 + 1 below it add up to it.
  EXPECT_EQ(findings_of("ĐVT: đồng\nSTT,Tên nhiệm vụ,Tổng\n1,a,1\n2,b,0\n3,c,1\n"),
            (std::vector<std::string>{"possible_breakdown 3 0,000001 0,000001"}));
}

TEST(CheckBounds, ABreakdownStopsAtAGroup) {
  // a (10) is followed by b (1), then a group G (2) with its item g (2), then c (5): only b
  // is right under a before the group, so 1 + 2 + 2 + 5 = 10 is no breakdown.
  EXPECT_TRUE(
      findings_of("STT,Tên nhiệm vụ,Tổng\nI,Phần,\n1,a,10\n2,b,1\n3,G,2\n,g,2\n4,c,5\n").empty());
  // Without the group the same rows are one.
  EXPECT_EQ(findings_of("STT,Tên nhiệm vụ,Tổng\nI,Phần,\n1,a,10\n2,b,1\n3,e,4\n4,c,5\n"),
            (std::vector<std::string>{"possible_breakdown 3 10 10"}));
}

TEST(CheckBounds, ADuplicateIsTheSameLabelAndAmountsUnderOneParent) {
  const std::string csv =
      "STT,Tên nhiệm vụ,Tổng\n"
      "1,Sở A,\n"
      ",a,5\n"
      ",,5\n"  // no label: never a duplicate
      ",,5\n"
      ",a,6\n"  // the same label, another amount
      ",b,5\n"  // another label, the same amount
      "2,Sở B,\n"
      ",a,5\n"  // the same label and amount as line 3, under another agency
      ",c,5\n"
      ",c,5\n";  // the duplicate
  ASSERT_EQ(findings_of(csv), (std::vector<std::string>{"duplicate 11 5"}));
  EXPECT_EQ(messages(csv)[0], "the same label and amounts as line 10");
}

// The Roman numeral expected next, printed at each digit's bound: the one number written
// with the digit and the one just below it.
TEST(CheckBounds, TheSectionExpectedAtEachRomanDigit) {
  const std::pair<const char*, const char*> previous_and_expected[] = {
      {"I", "II"},        {"II", "III"},        {"III", "IV"},      {"IV", "V"},
      {"V", "VI"},        {"VII", "VIII"},      {"VIII", "IX"},     {"IX", "X"},
      {"X", "XI"},        {"XXXVIII", "XXXIX"}, {"XXXIX", "XL"},    {"XL", "XLI"},
      {"XLVIII", "XLIX"}, {"XLIX", "L"},        {"L", "LI"},        {"LXXXVIII", "LXXXIX"},
      {"LXXXIX", "XC"},   {"XC", "XCI"},        {"XCVIII", "XCIX"}, {"XCIX", "C"},
      {"C", "CI"}};
  for (const auto& [previous, expected] : previous_and_expected) {
    const auto found =
        messages(std::string("STT,Tên nhiệm vụ,Tổng\n") + previous + ",a,\n1,x,1\nI,b,\n1,y,1\n");
    ASSERT_FALSE(found.empty()) << previous;
    EXPECT_EQ(found.back(),
              std::string("section I comes where section ") + expected + " was expected")
        << previous;
    // Every section but I is out of place first.
    EXPECT_EQ(found.size(), std::string(previous) == "I" ? 1u : 2u) << previous;
  }
}

TEST(CheckBounds, NumbersWithATrailingDotLettersAndTheDigitBounds) {
  // "2." is number 2, and is named without its dot.
  EXPECT_TRUE(findings_of("STT,Tên nhiệm vụ,Tổng\nI,A,\n1.,x,1\n2.,y,2\nII,B,\n1.,z,3\n").empty());
  EXPECT_EQ(messages("STT,Tên nhiệm vụ,Tổng\nI,A,\n1.,x,1\n3.,y,2\n"),
            (std::vector<std::string>{"number 3 comes where 2 was expected"}));
  const std::string csv =
      "STT,Tên nhiệm vụ,Tổng\n"
      "1,a,1\n"
      "99999999999,b,2\n"  // past an int: out of range, and the count goes on from 2
      "2,c,\n"             // a group: lettered rows follow
      "a,d,4\n"            // letters are not numbered
      "b,e,5\n"
      "9,f,6\n"    // 9 where 3 is expected (9 is a digit)
      "10,g,7\n"   // 10 after 9 (0 is a digit)
      "12,h,8\n";  // 12 where 11 is expected
  EXPECT_EQ(messages(csv), (std::vector<std::string>{"number 99999999999 is out of range",
                                                     "number 9 comes where 3 was expected",
                                                     "number 12 comes where 11 was expected"}));
  EXPECT_EQ(messages("STT,Tên nhiệm vụ,Tổng\n0,a,1\n1,b,2\n"),
            (std::vector<std::string>{"number 0 comes where 1 was expected"}));
}

// Sections written "I." and "II." (as many plans print them) are sections, as "I" and "II" are:
// before, "I." was an item, so "2." before "II." became a group and its 7 were not counted
// (total 8 instead of 15, no section named).
TEST(CheckBounds, RomanNumeralsWithATrailingDotAreSections) {
  const std::string dotted =
      "STT,Tên nhiệm vụ,Tổng\nI.,Khối sở,\n1.,a,5\n2.,b,7\n"
      "II.,Khối huyện,\n1.,c,3\n";
  const std::string plain =
      "STT,Tên nhiệm vụ,Tổng\nI,Khối sở,\n1,a,5\n2,b,7\nII,Khối huyện,\n1,c,3\n";
  const Budget d = parse_budget(dotted, "dotted.csv");
  const Budget p = parse_budget(plain, "plain.csv");
  EXPECT_EQ(d.total().dong, 15 * kMillion);
  ASSERT_EQ(d.rows.size(), p.rows.size());
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    EXPECT_EQ(d.rows[i].kind, p.rows[i].kind) << i;
    EXPECT_EQ(d.rows[i].section, p.rows[i].section) << i;
    EXPECT_EQ(d.rows[i].parent, p.rows[i].parent) << i;
  }
  EXPECT_EQ(d.rows[0].kind, RowKind::section);
  EXPECT_EQ(d.rows[2].section, "Khối sở");
  EXPECT_TRUE(summary(d).empty());
  // A section out of place is named without its dot, as "2." is.
  EXPECT_EQ(messages("STT,Tên nhiệm vụ,Tổng\nI.,A,\n1,x,1\nIII.,B,\n1,y,1\n"),
            (std::vector<std::string>{"section III comes where section II was expected"}));
  // A dot alone, or a dot before the numeral, is no section.
  EXPECT_NE(parse_budget("STT,Tên nhiệm vụ,Tổng\n.,A,\n1,x,1\n", "d.csv").rows[0].kind,
            RowKind::section);
  EXPECT_NE(parse_budget("STT,Tên nhiệm vụ,Tổng\n.I,A,\n1,x,1\n", "d.csv").rows[0].kind,
            RowKind::section);
}
