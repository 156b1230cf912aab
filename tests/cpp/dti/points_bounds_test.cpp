// DTI points and results pinned from both sides (docs/dti.md): the rules' lists with
// two-digit keys and values, the 1e-9 tolerance on the maximum from both sides, self-assessed
// or appraised points alone, main indicators summed to exactly their maximum and just beyond,
// a main indicator worth 0 points, and the results' sums over two levels of aggregates.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "../expect_throw_msg.hpp"
#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;
using dxkit_test::error_of;

namespace {

// A: 10 points, B: 30, Z: 0 (not scored), under P (level 2); C: 60 straight under the top
// (level 3).
index::Framework small() {
  return index::make_framework(
      csv::parse("Level,iCode,iName,Direction,Weight,MaxPoints,Parent,Type\n"
                 "1,A,A,1,10,10,P,Indicator\n1,B,B,1,30,30,P,Indicator\n"
                 "1,Z,Z,1,0,0,P,Indicator\n1,C,C,1,60,60,Top,Indicator\n"
                 "2,P,P,1,40,40,Top,Aggregate\n3,Top,Top,1,1,100,,Aggregate\n",
                 "m.csv"));
}

double cell(const index::DataSet& d, const std::string& unit, const std::string& col) {
  const auto c = d.column(col);
  if (!c) throw std::runtime_error("no column " + col);
  const auto u =
      static_cast<std::size_t>(std::find(d.units.begin(), d.units.end(), unit) - d.units.begin());
  if (u >= d.units.size()) throw std::runtime_error("no unit " + unit);
  return d.col(*c)[u];
}

}  // namespace

TEST(DtiBounds, RuleListsWithTwoDigitKeysAndValues) {
  // Every character of each key and value is read: the first key right after '(', the last
  // value right before ')'.
  const auto steps = dti::parse_rule("steps(10=20;5=10)");
  ASSERT_EQ(steps.steps.size(), 2u);
  EXPECT_EQ(dti::points(steps, 20, "10"), 20);
  EXPECT_EQ(dti::points(steps, 20, "11"), 20);
  EXPECT_EQ(dti::points(steps, 20, "9"), 10);
  EXPECT_EQ(dti::points(steps, 20, "5"), 10);
  EXPECT_EQ(dti::points(steps, 20, "4"), 0);
  const auto up = dti::parse_rule("steps(5=10;10=20)");  // written upwards
  EXPECT_EQ(dti::points(up, 20, "12"), 20);
  EXPECT_EQ(dti::points(up, 20, "7"), 10);
  const auto graded = dti::parse_rule("graded(cao=1;vừa=0,25)");
  EXPECT_EQ(dti::points(graded, 8, "vừa"), 2);
  EXPECT_EQ(dti::points(graded, 8, "cao"), 8);
  EXPECT_THROW_MSG((void)dti::points(graded, 8, "thấp"), ParseError,
                   "not a level of this rule; levels: cao, vừa: 'thấp'");
  EXPECT_THROW_MSG((void)dti::parse_rule("steps(4)"), ParseError,
                   "each case is written key=value, separated by ';': 'steps(4)'");
  EXPECT_THROW_MSG((void)dti::parse_rule("graded"), ParseError,
                   "this rule lists its cases in brackets: steps(4=20;3=15) or graded(chủ "
                   "tịch=1;không=0): 'graded'");
  EXPECT_THROW_MSG((void)dti::parse_rule("ratio(1=2)"), ParseError,
                   "this rule takes no list: 'ratio(1=2)'");
  EXPECT_NO_THROW((void)dti::parse_rule("yes_no"));
}

TEST(DtiBounds, PointsWithinTheMaximumAndItsTolerance) {
  // Points may exceed the maximum by up to 1e-9 (rounding of sums), not by more.
  const auto plain = dti::parse_rule("points");
  EXPECT_DOUBLE_EQ(dti::points(plain, 10, "10,0000000005"), 10.0000000005);
  EXPECT_EQ(dti::points(plain, 10, "10,000000001"), 10 + 1e-9);  // exactly at it: accepted
  EXPECT_THROW_MSG((void)dti::points(plain, 10, "10,0000000015"), ParseError,
                   "points outside 0..10: '10,0000000015'");
  // A ratio: 0/0 has no denominator; a/b times the maximum, a = b gives the maximum.
  const auto ratio = dti::parse_rule("ratio");
  EXPECT_THROW_MSG((void)dti::points(ratio, 8, "0/0"), ParseError,
                   "the denominator of a ratio must be positive: '0/0'");
  EXPECT_EQ(dti::points(ratio, 8, "5/5"), 8);
  EXPECT_EQ(dti::points(ratio, 8, "3/4"), 6);
  EXPECT_EQ(dti::points(ratio, 8, "0/4"), 0);
}

TEST(DtiBounds, SelfOrAppraisedAloneAndWhereErrorsPoint) {
  const index::Framework f = small();
  const std::string head = "uCode,Main,Sub,Rule,Max,Self,Appraised\n";
  const dti::Sheet s = dti::score_sheet(
      csv::parse(head + "U,A,a1,points,4,,3\nU,A,a2,points,6,5,\nU,B,b1,points,30,7,7\n"
                        "U,B,b2,points,0,0,0\nU,C,c1,points,60,20,18\n",
                 "s.csv"),
      f);
  ASSERT_EQ(s.subs.size(), 5u);
  EXPECT_FALSE(s.subs[0].self.has_value());
  EXPECT_EQ(s.subs[0].final_points, 3);  // appraised only
  EXPECT_FALSE(s.subs[1].appraised.has_value());
  EXPECT_EQ(s.subs[1].final_points, 5);   // self only
  const auto diff = dti::differences(s);  // only c1: both there and not equal
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0].sub, "c1");
  EXPECT_NE(error_of([&] {
              (void)dti::score_sheet(csv::parse(head + "U,A,a1,points,4,,\n", "s.csv"), f);
            }).find("has neither self-assessed nor appraised points"),
            std::string::npos);
  // A bad Max is reported in the Max column, a bad rule in the Rule column.
  for (const auto& [row, column] : std::vector<std::pair<std::string, std::string>>{
           {"U,A,a1,points,abc,1,\n", "Max"}, {"U,A,a1,median,4,1,\n", "Rule"}}) {
    try {
      (void)dti::score_sheet(csv::parse(head + row, "s.csv"), f);
      ADD_FAILURE() << row;
    } catch (const ParseError& e) {
      EXPECT_EQ(e.where().column_name, column) << row;
    }
  }
}

TEST(DtiBounds, MainPointsSummedUpToTheirMaximum) {
  const index::Framework f = small();
  const std::string head = "uCode,uName,Group,Main,Sub,Rule,Max,Self\n";
  // U1: A 4 + "3,5" (-> 7,5 of 10), B exactly 30, C a quarter of 60; U2 without a group.
  // Z is worth 0 points: a unit needs no sub-indicator of it, and its column is missing.
  const std::string rows =
      "U1,Một,Bắc,A,a1,points,5,4\nU1,Một,Bắc,A,a2,points,5,\"3,5\"\n"
      "U1,Một,Bắc,B,b1,points,30,30\nU1,Một,Bắc,C,c1,ratio,60,1/4\n"
      "U1,Một,Bắc,Z,z1,points,0,0\n"
      "U2,Hai,,A,a1,points,10,10\nU2,Hai,,B,b1,points,30,\"0,5\"\n"
      "U2,Hai,,C,c1,points,60,\"59,5\"\n";
  const index::UnitData pts =
      dti::main_scores(dti::score_sheet(csv::parse(head + rows, "s.csv"), f), f);
  EXPECT_EQ(cell(pts.data, "U1", "A"), 7.5);
  EXPECT_EQ(cell(pts.data, "U1", "B"), 30);
  EXPECT_EQ(cell(pts.data, "U1", "C"), 15);
  EXPECT_TRUE(std::isnan(cell(pts.data, "U1", "Z")));
  EXPECT_TRUE(std::isnan(cell(pts.data, "U2", "Z")));
  EXPECT_EQ(cell(pts.data, "U2", "A"), 10);
  ASSERT_EQ(pts.groups.count("Group"), 1u);
  EXPECT_EQ(pts.groups.at("Group"), (std::vector<std::string>{"Bắc", ""}));
  // No group written anywhere: no group.
  const std::string bare =
      "uCode,Main,Sub,Rule,Max,Self\nU,A,a,points,10,1\nU,B,b,points,30,1\n"
      "U,C,c,points,60,1\n";
  EXPECT_TRUE(dti::main_scores(dti::score_sheet(csv::parse(bare, "s.csv"), f), f).groups.empty());
  // Sub-indicators adding up to exactly the maximum, within 1e-9 of it, and beyond.
  const std::string rest = "U,B,b,points,30,1\nU,C,c,points,60,1\n";
  const std::string two = "uCode,Main,Sub,Rule,Max,Self\nU,A,a1,points,10,10\nU,A,a2,points,1,";
  auto a_of = [&](const std::string& second) {
    return cell(
        dti::main_scores(dti::score_sheet(csv::parse(two + second + "\n" + rest, "s.csv"), f), f)
            .data,
        "U", "A");
  };
  EXPECT_EQ(a_of("0"), 10);
  EXPECT_DOUBLE_EQ(a_of("\"0,0000000005\""), 10.0000000005);
  EXPECT_NE(error_of([&] { (void)a_of("\"0,0000000015\""); }).find("above its maximum 10"),
            std::string::npos);
  EXPECT_NE(error_of([&] { (void)a_of("1"); }).find("'U' has 11 points on 'A'"), std::string::npos);
  // A scored main indicator without any sub-indicator: refused.
  EXPECT_THROW_MSG((void)dti::main_scores(
                       dti::score_sheet(csv::parse("uCode,Main,Sub,Rule,Max,Self\nU,A,a,points,"
                                                   "10,1\nU,C,c,points,60,1\n",
                                                   "s.csv"),
                                        f),
                       f),
                   ValidationError, "'U' has no sub-indicator of main indicator 'B'");
}

TEST(DtiBounds, ResultsSumPointsOverTwoLevels) {
  const index::Framework f = small();
  index::UnitData pts;
  pts.data.units = {"U1", "U2", "U3"};
  pts.data.names.assign(3, "");
  auto put = [&](const std::string& code, std::vector<double> v) {
    std::copy(v.begin(), v.end(), pts.data.col(pts.data.add_column(code)).begin());
  };
  // U1 and U2 reach the same totals with decimals that do not add up exactly in binary.
  put("A", {4, 0.1, 0.3});
  put("B", {21, 0.2, 0});
  put("Z", {std::nan(""), 7, std::nan("")});  // worth 0 points: ignored, missing allowed
  put("C", {45, 60, 0});
  const index::DataSet r = dti::results(pts, f);
  EXPECT_DOUBLE_EQ(cell(r, "U1", "A"), 0.4);
  EXPECT_DOUBLE_EQ(cell(r, "U1", "B"), 0.7);
  EXPECT_DOUBLE_EQ(cell(r, "U1", "C"), 0.75);
  EXPECT_TRUE(std::isnan(cell(r, "U1", "Z")));
  EXPECT_TRUE(std::isnan(cell(r, "U2", "Z")));
  EXPECT_DOUBLE_EQ(cell(r, "U1", "P"), 25.0 / 40);
  EXPECT_DOUBLE_EQ(cell(r, "U1", "Top"), 0.7);
  EXPECT_DOUBLE_EQ(cell(r, "U2", "Top"), 60.3 / 100);
  EXPECT_EQ(cell(r, "U2", "P"), cell(r, "U3", "P"));  // 0,1 + 0,2 ties 0,3 + 0
  EXPECT_DOUBLE_EQ(cell(r, "U3", "P"), 0.3 / 40);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"A", "B", "Z", "C", "P", "Top"}));
  // A scored indicator without points for a unit: refused.
  pts.data.col(*pts.data.column("B"))[2] = std::nan("");
  EXPECT_THROW_MSG((void)dti::results(pts, f), ValidationError, "'U3' has no points for 'B'");
}

TEST(DtiBounds, PublishedRoundsHalfAwayFromZero) {
  EXPECT_EQ(dti::published(2.71828, 2), 2.72);
  EXPECT_EQ(dti::published(2.71828, 0), 3);
  EXPECT_EQ(dti::published(2.71828, 3), 2.718);
  EXPECT_EQ(dti::published(0.71506), 0.7151);
  EXPECT_EQ(dti::published(0.71504), 0.715);
  EXPECT_EQ(dti::published(-0.25, 1), -0.3);
  EXPECT_TRUE(std::isnan(dti::published(std::nan(""))));
}
