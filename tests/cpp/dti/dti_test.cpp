// The DTI frameworks, point scoring and published results on a synthetic set of provinces
// whose DTI and ranks are worked out by hand (ties included).
#include <gtest/gtest.h>

#include <cmath>

#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

namespace {
double at(const index::DataSet& d, const std::string& unit, const std::string& col) {
  const auto u = static_cast<std::size_t>(std::find(d.units.begin(), d.units.end(), unit) - d.units.begin());
  return d.col(*d.column(col))[u];
}

// QĐ 922 points: NT, TC, HT, NL, ATTT (100 each), DTTM (0), CQS (200), KTS, XHS (150 each).
//   P3: 720         -> DTI 0,72     rank 1
//   P5: 715,04      -> DTI 0,71504  rank 2 (published 0,7150, as P1 and P2)
//   P1: 715         -> DTI 0,715    rank 3
//   P2: 715 (other split) rank 3 (tie)
//   P4: 500         -> DTI 0,5      rank 5
const char* kPoints =
    "uCode,uName,Group,NT,TC,HT,NL,ATTT,CQS,KTS,XHS\n"
    "P1,Tỉnh 1,Bắc,80,70,90,60,75,150,90,100\n"
    "P2,Tỉnh 2,Nam,100,50,90,60,75,150,90,100\n"
    "P3,Tỉnh 3,Bắc,80,70,90,60,80,150,90,100\n"
    "P4,Tỉnh 4,Nam,50,50,50,50,50,100,75,75\n"
    "P5,Tỉnh 5,Nam,80,70,90,60,75,150,90,\"100,04\"\n";
}  // namespace

TEST(Dti, PresetsAreFrameworks) {
  EXPECT_EQ(dti::presets(), (std::vector<std::string>{"dti_922", "dti_1726", "haiduong_department"}));
  const index::Framework f = dti::preset_framework("dti_922");
  EXPECT_EQ(f.of_type(index::NodeType::indicator).size(), 9u);
  double total = 0;
  for (std::size_t i : f.of_type(index::NodeType::indicator)) total += dti::max_points(f.nodes[i]);
  EXPECT_EQ(total, 1000);
  // Effective weights are the DTI weights: 0,1 × 5, 0, 0,2, 0,15, 0,15.
  const auto w = f.effective_weights();
  EXPECT_DOUBLE_EQ(w.at("NT"), 0.1);
  EXPECT_DOUBLE_EQ(w.at("DTTM"), 0);
  EXPECT_DOUBLE_EQ(w.at("CQS"), 0.2);
  EXPECT_DOUBLE_EQ(w.at("XHS"), 0.15);
  const auto w1726 = dti::preset_framework("dti_1726").effective_weights();
  EXPECT_DOUBLE_EQ(w1726.at("CQS"), 0.4);
  EXPECT_DOUBLE_EQ(w1726.at("KTS"), 0.3);
  double hd = 0;
  const index::Framework h = dti::preset_framework("haiduong_department");
  for (std::size_t i : h.of_type(index::NodeType::indicator)) hd += dti::max_points(h.nodes[i]);
  EXPECT_EQ(hd, 500);
  EXPECT_THROW((void)dti::preset_meta("dti_2030"), ValidationError);
}

TEST(Dti, PublishedResultsAndRanks) {
  const index::Framework f = dti::preset_framework("dti_922");
  const index::UnitData pts = dti::points_table(csv::parse(kPoints, "points.csv"), f);
  const index::DataSet r = dti::results(pts, f);
  EXPECT_DOUBLE_EQ(at(r, "P1", "DTI"), 0.715);
  EXPECT_DOUBLE_EQ(at(r, "P5", "DTI"), 0.71504);
  EXPECT_DOUBLE_EQ(dti::published(at(r, "P5", "DTI")), 0.715);
  EXPECT_DOUBLE_EQ(at(r, "P1", "NT"), 0.8);
  EXPECT_DOUBLE_EQ(at(r, "P1", "CQS"), 0.75);
  EXPECT_DOUBLE_EQ(dti::published(at(r, "P1", "XHS")), 0.6667);  // 100 / 150
  EXPECT_DOUBLE_EQ(at(r, "P1", "NenTang"), 0.75);                 // 375 / 500
  EXPECT_TRUE(std::isnan(at(r, "P1", "DTTM")));                   // not scored
  const auto ranks = index::rank(r.col(*r.column("DTI")), index::Ties::min);
  EXPECT_EQ(ranks, (std::vector<std::optional<double>>{3.0, 3.0, 1.0, 5.0, 2.0}));
  const auto by_region = index::rank_within(r.col(*r.column("DTI")), pts.groups.at("Group"));
  EXPECT_EQ(by_region[0], 2.0);  // P1 behind P3 in Bắc
  EXPECT_EQ(by_region[4], 1.0);  // P5 first in Nam
  // Against last year: P4 did not take part, P6 has left.
  index::DataSet before;
  before.units = {"P1", "P2", "P3", "P6"};
  before.names.assign(4, "");
  const std::vector<double> dti = {0.7, 0.6, 0.65, 0.5};
  std::copy(dti.begin(), dti.end(), before.col(before.add_column("DTI")).begin());
  const auto changes = index::compare_results(before, r, "DTI");
  ASSERT_EQ(changes.size(), 6u);
  EXPECT_EQ(changes[0].unit, "P1");
  EXPECT_EQ(changes[0].rank_before, 1);
  EXPECT_EQ(changes[0].rank_after, 3);
  EXPECT_EQ(changes[0].rank_change, -2);
  EXPECT_EQ(changes[3].unit, "P6");
  EXPECT_FALSE(changes[3].rank_after.has_value());   // left
  EXPECT_FALSE(changes[4].rank_before.has_value());  // P4 entered
}

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
  EXPECT_DOUBLE_EQ(points(parse_rule("points"), 10, "6,5"), 6.5);
  EXPECT_THROW((void)points(parse_rule("points"), 10, "12"), ParseError);        // above max
  EXPECT_THROW((void)points(parse_rule("ratio"), 10, "55/50"), ParseError);      // above 1
  EXPECT_THROW((void)points(parse_rule("ratio"), 10, "5/0"), ParseError);
  EXPECT_THROW((void)points(graded, 10, "trưởng ban"), ParseError);
  EXPECT_THROW((void)parse_rule("average"), ParseError);
  EXPECT_THROW((void)parse_rule("steps"), ParseError);
}

TEST(Dti, ScoringSheetSelfAppraisedFinal) {
  const index::Framework f = dti::preset_framework("haiduong_department");
  std::string sheet = "uCode,uName,Main,Sub,Rule,Max,Self,Appraised,Evidence\n";
  for (const char* unit : {"SoA", "SoB"}) {
    const std::string u = unit;
    sheet += u + ",Sở,NT,NT1,\"graded(chủ tịch=1;phó chủ tịch=0,5;không=0)\",25,chủ tịch,phó chủ tịch,QĐ 12/QĐ-UBND\n";
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
  EXPECT_EQ(s.subs[2].final_points, 40);  // self only
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
  EXPECT_NE(error_of(head + "A,XX,x,points,10,1\n").find("'XX' is not a main indicator"), std::string::npos);
  EXPECT_NE(error_of(head + "A,NT,x,points,10,1\nA,NT,x,points,10,2\n").find("listed twice"), std::string::npos);
  EXPECT_NE(error_of(head + "A,NT,x,median,10,1\n").find("unknown rule"), std::string::npos);
  EXPECT_NE(error_of("uCode,Main,Sub,Rule,Max\n").find("missing column 'Self'"), std::string::npos);
  // A unit must be scored on every main indicator that carries points.
  const dti::Sheet partial = dti::score_sheet(csv::parse(head + "A,NT,x,points,50,1\n", "s.csv"), f);
  EXPECT_THROW((void)dti::main_scores(partial, f), ValidationError);
}

TEST(DtiNames, FrameworksAndRuleKindsComeFromTheirTables) {
  EXPECT_EQ(dti::kPresetNames.joined(), "dti_922, dti_1726, haiduong_department");
  EXPECT_EQ(dti::kRuleKinds.joined(), "points, ratio, steps, graded, yes_no");
  for (const auto& e : dti::kPresetNames.entries)
    EXPECT_EQ(index::top_node(dti::preset_framework(e.name)), "DTI") << e.name;
  EXPECT_EQ(dti::parse_rule("yes_no").kind, dti::Rule::Kind::yes_no);
  try {
    (void)dti::preset_meta("dti_2030");
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown framework 'dti_2030'; accepted: dti_922, dti_1726, haiduong_department");
  }
  try {
    (void)dti::choices("colour");
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown kind of choice 'colour'; accepted: framework, rule");
  }
  const auto rules = dti::choices("rule");
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[4].first, "yes_no");
}
