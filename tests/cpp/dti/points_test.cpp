// Point scoring of sub-indicators and scoring sheets.
#include <gtest/gtest.h>

#include <cmath>

#include "../expect_throw_msg.hpp"
#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::dti::fixtures;

TEST(Dti, PointScoringRules) {
  using dti::parse_rule;
  using dti::points;
  EXPECT_DOUBLE_EQ(points(parse_rule("ratio"), 10, "45/50"), 9);
  const auto steps = parse_rule("steps(4=20;3=15;2=10;1=5)");
  EXPECT_EQ(points(steps, 20, "4"), 20);
  EXPECT_EQ(points(steps, 20, "6"), 20);
  EXPECT_EQ(points(steps, 20, "3"), 15);
  EXPECT_EQ(points(steps, 20, "0"), 0);
  const auto graded = parse_rule("graded(Chủ tịch=1;Phó Chủ tịch=0,5;không=0)");
  EXPECT_EQ(points(graded, 10, "chủ tịch"), 10);
  EXPECT_EQ(points(graded, 10, "PHÓ CHỦ TỊCH"), 5);
  EXPECT_EQ(points(parse_rule("yes_no"), 4, "Có"), 4);
  EXPECT_EQ(points(parse_rule("yes_no"), 4, "không"), 0);
  // Every spelling of yes and of no, and anything else refused (never read as no).
  for (const char* yes : {"có", "Co", "YES", "x", "X", "Đạt", "đạt"})
    EXPECT_EQ(points(parse_rule("yes_no"), 4, yes), 4) << yes;
  for (const char* no : {"Không", "khong", "No", "chưa", "Chưa đạt", "CHƯA ĐẠT"})
    EXPECT_EQ(points(parse_rule("yes_no"), 4, no), 0) << no;
  for (const char* other : {"một phần", "chưa có", "đạt một phần", "1"})
    EXPECT_THROW_MSG((void)points(parse_rule("yes_no"), 4, other), ParseError,
                     std::string("yes_no takes có / không (or yes / no): '") + other + "'");
  EXPECT_DOUBLE_EQ(points(parse_rule("points"), 10, "6,5"), 6.5);
  EXPECT_THROW_MSG((void)points(parse_rule("points"), 10, "12"), ParseError,
                   "points outside 0..10: '12'");  // above max
  EXPECT_THROW_MSG((void)points(parse_rule("ratio"), 10, "55/50"), ParseError,
                   "a ratio a/b needs 0 <= a <= b: '55/50'");  // above 1
  EXPECT_THROW_MSG((void)points(parse_rule("ratio"), 10, "5/0"), ParseError,
                   "the denominator of a ratio must be positive: '5/0'");
  EXPECT_THROW_MSG((void)points(graded, 10, "trưởng ban"), ParseError,
                   "not a level of this rule; levels: chủ tịch, phó chủ tịch, không: 'trưởng ban'");
  EXPECT_THROW_MSG((void)parse_rule("average"), ParseError,
                   "unknown rule; accepted: points, ratio, yes_no, steps(4=20;3=15;...), "
                   "graded(chủ tịch=1;phó chủ tịch=0,5;không=0): 'average'");
  EXPECT_THROW_MSG((void)parse_rule("steps"), ParseError,
                   "this rule lists its cases in brackets: steps(4=20;3=15) or graded(chủ "
                   "tịch=1;không=0): 'steps'");
}

// Each rule at its bounds: a ratio of 0 and of 1, a step exactly at its count and one below,
// points exactly at the maximum and just beyond, and lists written out of order.
TEST(Dti, PointRulesAtTheirBounds) {
  using dti::parse_rule;
  using dti::points;
  const auto ratio = parse_rule("ratio");
  EXPECT_EQ(points(ratio, 10, "50/50"), 10);
  EXPECT_EQ(points(ratio, 10, "0/50"), 0);
  EXPECT_DOUBLE_EQ(points(ratio, 10, "1/4"), 2.5);
  EXPECT_THROW_MSG((void)points(ratio, 10, "51/50"), ParseError,
                   "a ratio a/b needs 0 <= a <= b: '51/50'");
  EXPECT_THROW_MSG((void)points(ratio, 10, "-1/50"), ParseError,
                   "a ratio a/b needs 0 <= a <= b: '-1/50'");
  EXPECT_THROW_MSG((void)points(ratio, 10, "1/-5"), ParseError,
                   "the denominator of a ratio must be positive: '1/-5'");
  for (const char* bad : {"45", "1/2/3"})
    EXPECT_THROW_MSG((void)points(ratio, 10, bad), ParseError,
                     std::string("a ratio is written a/b (e.g. 45/50): '") + bad + "'");
  // Steps written in any order are tried from the highest count down.
  const auto steps = parse_rule("steps(1=5;3=15;2=10;4=20)");
  EXPECT_EQ(points(steps, 20, "1"), 5);
  EXPECT_EQ(points(steps, 20, "2"), 10);
  EXPECT_EQ(points(steps, 20, "2,5"), 10);
  EXPECT_EQ(points(steps, 20, "3"), 15);
  EXPECT_EQ(points(steps, 20, "0,5"), 0);
  // Points from 0 to the maximum, both included.
  const auto plain = parse_rule("points");
  EXPECT_EQ(points(plain, 10, "10"), 10);
  EXPECT_EQ(points(plain, 10, "0"), 0);
  EXPECT_THROW_MSG((void)points(plain, 10, "10,01"), ParseError, "points outside 0..10: '10,01'");
  EXPECT_THROW_MSG((void)points(plain, 10, "-0,5"), ParseError, "points outside 0..10: '-0,5'");
  EXPECT_THROW_MSG((void)points(plain, 2.5, "3"), ParseError, "points outside 0..2,5: '3'");
  // A graded share above 1 gives points above the maximum: refused.
  EXPECT_THROW_MSG((void)points(parse_rule("graded(a=1,5;b=0)"), 10, "a"), ParseError,
                   "points outside 0..10: 'a'");
  EXPECT_THROW_MSG((void)parse_rule("steps(4=20;3)"), ParseError,
                   "each case is written key=value, separated by ';': 'steps(4=20;3)'");
  EXPECT_THROW_MSG((void)parse_rule("steps(=20)"), ParseError,
                   "each case is written key=value, separated by ';': 'steps(=20)'");
  EXPECT_THROW_MSG((void)parse_rule("points(1=2)"), ParseError,
                   "this rule takes no list: 'points(1=2)'");
  EXPECT_THROW_MSG((void)parse_rule("steps(4=20"), ParseError,
                   "this rule lists its cases in brackets: steps(4=20;3=15) or graded(chủ "
                   "tịch=1;không=0): 'steps(4=20'");
}

TEST(Dti, ScoringSheetSelfAppraisedFinal) {
  const index::Framework f = dti::preset_framework("haiduong_department");
  std::string sheet = "uCode,uName,Main,Sub,Rule,Max,Self,Appraised,Evidence\n";
  for (const char* unit : {"SoA", "SoB"}) {
    const std::string u = unit;
    sheet += u +
             ",Sở,NT,NT1,\"graded(chủ tịch=1;phó chủ tịch=0,5;không=0)\",25,chủ tịch,phó chủ "
             "tịch,QĐ 12/QĐ-UBND\n";
    sheet += u + ",Sở,NT,NT2,steps(4=25;3=20;2=10;1=5),25,4,3,Biên bản họp\n";
    sheet += u + ",Sở,TC,TC1,ratio,50,40/50,,\n";
    sheet += u + ",Sở,HT,HT1,points,50,50,,\n";
    sheet += u + ",Sở,NL,NL1,points,50,\"25,5\",,\n";
    sheet += u + ",Sở,ATTT,AT1,yes_no,100,có,không,Kiểm tra 10/2023\n";
    sheet += u + ",Sở,HDCDS,HD1,points,200,150,,\n";
  }
  const dti::Sheet s = dti::score_sheet(csv::parse(sheet, "sheet.csv"), f);
  ASSERT_EQ(s.subs.size(), 14u);
  EXPECT_EQ(s.subs[0].self, 25);
  EXPECT_EQ(s.subs[0].appraised, 12.5);
  EXPECT_EQ(s.subs[0].final_points, 12.5);
  EXPECT_EQ(s.subs[0].evidence, "QĐ 12/QĐ-UBND");
  EXPECT_EQ(s.subs[2].final_points, 40);      // self only
  EXPECT_EQ(dti::differences(s).size(), 6u);  // NT1, NT2, AT1 of each unit
  const index::UnitData pts = dti::main_scores(s, f);
  EXPECT_EQ(pts.data.col(*pts.data.column("NT"))[0], 12.5 + 20);
  // Final: NT 32,5 + TC 40 + HT 50 + NL 25,5 + ATTT 0 + HDCDS 150 = 298 of 500.
  const index::DataSet r = dti::results(pts, f);
  EXPECT_DOUBLE_EQ(at(r, "SoA", "DTI"), 298.0 / 500);
  EXPECT_DOUBLE_EQ(at(r, "SoA", "NT"), 32.5 / 50);
  auto error_of = [&](const std::string& text) {
    try {
      (void)dti::score_sheet(csv::parse(text, "sheet.csv"), f);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string head = "uCode,Main,Sub,Rule,Max,Self\n";
  EXPECT_NE(error_of(head + "A,NT,x,ratio,10,11/10\n").find("sheet.csv:2"), std::string::npos);
  EXPECT_NE(error_of(head + "A,NT,x,ratio,10,11/10\n").find("(column 'Self')"), std::string::npos);
  EXPECT_NE(error_of(head + "A,XX,x,points,10,1\n").find("'XX' is not a main indicator"),
            std::string::npos);
  EXPECT_NE(error_of(head + "A,NT,x,points,10,1\nA,NT,x,points,10,2\n").find("listed twice"),
            std::string::npos);
  EXPECT_NE(error_of(head + "A,NT,x,median,10,1\n").find("unknown rule"), std::string::npos);
  EXPECT_NE(error_of("uCode,Main,Sub,Rule,Max\n").find("missing column 'Self'"), std::string::npos);
  // A unit must be scored on every main indicator that carries points.
  const dti::Sheet partial =
      dti::score_sheet(csv::parse(head + "A,NT,x,points,50,1\n", "s.csv"), f);
  EXPECT_THROW_MSG((void)dti::main_scores(partial, f), ValidationError,
                   "'A' has no sub-indicator of main indicator 'TC'");
}

TEST(DtiPoints, SheetHeadersComeFromTheirVocabulary) {
  // The header words are text::dti_headers(): case and spacing do not matter, and a message
  // names the header as the sheet writes it.
  const index::Framework f = dti::preset_framework("haiduong_department");
  const std::string head = "UCODE, main ,Sub,rule,MAX,self\n";
  const dti::Sheet s = dti::score_sheet(csv::parse(head + "A,NT,x,points,50,12\n", "s.csv"), f);
  ASSERT_EQ(s.subs.size(), 1u);
  EXPECT_EQ(s.subs[0].main, "NT");
  try {
    (void)dti::score_sheet(csv::parse(head + "A,XX,x,points,10,1\n", "s.csv"), f);
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.where().column_name, "main");
  }
}
