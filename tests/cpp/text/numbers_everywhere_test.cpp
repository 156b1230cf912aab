// `--numbers vietnamese|plain|auto` beyond evaluate and budget (issue 13 point 4): the DTI
// readers, the long table of progress, iData and the report's sections each take the style,
// read plain numbers with `plain`, give today's located error by default, and decide `auto`
// per table with a note.
#include <gtest/gtest.h>

#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/plan/observation.hpp"
#include "dxkit/report/plan.hpp"
#include "dxkit/text/number_style.hpp"

using namespace dxkit;

namespace {

// The message of the error `f` throws (ParseError), to compare its start: the place and what.
template <class F>
std::string parse_error(F f) {
  try {
    f();
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}

bool starts(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST(NumbersEverywhere, ResolveGivesTheChoiceOrTheDecision) {
  const csv::Table t = csv::parse("uCode,a\nX,0.75\nY,\"1,234.5\"\n", "t.csv");
  const std::array<std::size_t, 1> a{1};
  EXPECT_EQ(resolve_number_style(NumberStyle::plain, t, a).format, NumberFormat::plain);
  EXPECT_EQ(resolve_number_style(NumberStyle::plain, t, a).note, "");
  EXPECT_EQ(resolve_number_style(NumberStyle::vietnamese, t, a).format, NumberFormat::vietnamese);
  const NumberDecision d = resolve_number_style(NumberStyle::automatic, t, a);
  EXPECT_EQ(d.format, NumberFormat::plain);
  EXPECT_EQ(d.note.rfind("numbers read as plain (--numbers auto): '0.75' (line 2, column 'a')", 0),
            0U)
      << d.note;
  // By header: the unit codes ("P1.5" would say plain) are left out.
  const csv::Table codes = csv::parse("uCode,a\nP1.5,\"0,75\"\n", "c.csv");
  EXPECT_EQ(resolve_number_style(NumberStyle::automatic, codes, {"uCode"}).format,
            NumberFormat::vietnamese);
}

TEST(NumbersEverywhere, DtiPointsInEitherStyle) {
  const index::Framework f = dti::preset_framework("dti_922");
  const std::string head = "uCode,uName,NT,TC,HT,NL,ATTT,CQS,KTS,XHS\n";
  const csv::Table vi = csv::parse(head +
                                       "P1,Tỉnh 1.5,\"80,5\",70,90,60,75,150,90,100\n"
                                       "P2,Tỉnh 2,100,50,90,60,75,150,90,100\n",
                                   "vi.csv");
  const csv::Table plain = csv::parse(head +
                                          "P1,Tỉnh 1.5,80.5,70,90,60,75,150,90,100\n"
                                          "P2,Tỉnh 2,100,50,90,60,75,150,90,100\n",
                                      "plain.csv");
  const auto want = dti::main_values(vi, f, dti::Values::points);
  const auto got = dti::main_values(plain, f, dti::Values::points, NumberFormat::plain);
  EXPECT_EQ(got.data.col(0)[0], 80.5);
  EXPECT_EQ(want.data.col(0)[0], 80.5);
  const std::string e = parse_error([&] { (void)dti::main_values(plain, f, dti::Values::points); });
  EXPECT_TRUE(starts(e, "plain.csv:2 (column 'NT'): '.' must separate groups")) << e;
  EXPECT_NE(e.find("or read the file with the plain number format: '80.5'"), std::string::npos);
  // auto: decided from the indicator columns, not from the names.
  const NumberDecision d = dti::number_format(plain, NumberStyle::automatic);
  EXPECT_EQ(d.format, NumberFormat::plain);
  EXPECT_NE(d.note.find("'80.5' (line 2, column 'NT')"), std::string::npos) << d.note;
  EXPECT_EQ(dti::number_format(vi, NumberStyle::automatic).format, NumberFormat::vietnamese);
}

TEST(NumbersEverywhere, DtiSheetRatioInEitherStyle) {
  const index::Framework f = dti::preset_framework("dti_922");
  const std::string head = "uCode,Main,Sub,Rule,Max,Self,Appraised\n";
  const csv::Table plain = csv::parse(head + "S,TC,TC1,ratio,50,47.5/50,37.5/50\n", "s.csv");
  EXPECT_EQ(dti::score_sheet(plain, f, NumberFormat::plain).subs[0].self, 47.5);
  EXPECT_EQ(dti::score_sheet(plain, f, NumberFormat::plain).subs[0].appraised, 37.5);
  const std::string e = parse_error([&] { (void)dti::score_sheet(plain, f); });
  EXPECT_TRUE(starts(e, "s.csv:2 (column 'Self'): '.' must separate groups")) << e;
  // A ratio tells nothing (a number glued to '/'): auto assumes the documents' style, and says
  // so; a Max of 12.5 tells.
  const NumberDecision d = dti::number_format(plain, NumberStyle::automatic);
  EXPECT_EQ(d.format, NumberFormat::vietnamese);
  EXPECT_NE(d.note.find("no number in the file tells"), std::string::npos) << d.note;
  const csv::Table max = csv::parse(head + "S,TC,TC1,points,12.5,10,\n", "m.csv");
  EXPECT_EQ(dti::number_format(max, NumberStyle::automatic).format, NumberFormat::plain);
}

TEST(NumbersEverywhere, ObservationsInEitherStyle) {
  const csv::Table plain = csv::parse(
      "indicator,year,kind,value\nK,2020,result,2.7%\nK,2023,target,trên 4.5%\n", "o.csv");
  const auto got = read_observations(plain, NumberFormat::plain);
  EXPECT_EQ(got[0].value, 2.7);
  EXPECT_EQ(got[1].value, 4.5);
  const std::string e = parse_error([&] { (void)read_observations(plain); });
  EXPECT_TRUE(starts(e, "o.csv:2:4 (column 'value'): '.' must separate groups")) << e;
  const NumberDecision d = observation_number_format(plain, NumberStyle::automatic);
  EXPECT_EQ(d.format, NumberFormat::plain);
  EXPECT_NE(d.note.find("'2.7%' (line 2, column 'value')"), std::string::npos) << d.note;
}

TEST(NumbersEverywhere, IndexDataInEitherStyle) {
  const index::Framework f = index::make_framework(
      csv::parse("iCode,iName,Level,Direction,Weight,Parent,Type\n"
                 "a,a,1,1,1,I,Indicator\nb,b,1,1,1,I,Indicator\nI,I,2,1,1,,Aggregate\n",
                 "m.csv"));
  const csv::Table vi = csv::parse("uCode,a,b\nX,\"1.234,5\",\"0,75\"\nY,2,NA\n", "vi.csv");
  const csv::Table grouped = csv::parse("uCode,a,b\nX,\"1,234.5\",1e-05\nY,2,NA\n", "g.csv");
  const index::UnitData v = index::make_unit_data(vi, f, NumberFormat::vietnamese);
  EXPECT_EQ(v.data.col(0)[0], 1234.5);
  EXPECT_EQ(v.data.col(1)[0], 0.75);
  const index::UnitData g = index::make_unit_data(grouped, f);  // plain, COINr's default
  EXPECT_EQ(g.data.col(0)[0], 1234.5);
  EXPECT_EQ(g.data.col(1)[0], 1e-05);
  EXPECT_EQ(parse_error([&] { (void)index::make_unit_data(vi, f); }),
            "vi.csv:2:2 (column 'a'): not a number (iData and iMeta use the plain format: 4.0979, "
            "1e-05, NA): '1.234,5'");
  // A bare "75,428" could be a Vietnamese 75,428: refused in plain, never a silent 75428.
  const csv::Table bare = csv::parse("uCode,a,b\nX,\"75,428\",1\n", "b.csv");
  EXPECT_TRUE(starts(parse_error([&] { (void)index::make_unit_data(bare, f); }),
                     "b.csv:2:2 (column 'a'): not a number"));
  EXPECT_EQ(index::data_number_format(vi, f, NumberStyle::automatic).format,
            NumberFormat::vietnamese);
  EXPECT_EQ(index::data_number_format(grouped, f, NumberStyle::automatic).format,
            NumberFormat::plain);
}

TEST(NumbersEverywhere, ReportSectionsReadTheStyle) {
  const std::string plain = "code,name,target,actual\nA,a,80%,99.6%\nB,b,90%,85.5%\n";
  report::Workbook book;
  report::PlanOptions o;
  const std::string e = parse_error([&] { (void)report::add_csv(book, plain, "r.csv", o); });
  EXPECT_TRUE(starts(e, "r.csv:2:4 (column 'actual'): '.' must separate groups")) << e;
  o.numbers = NumberStyle::plain;
  EXPECT_EQ(report::add_csv(book, plain, "r.csv", o), "");
  o.numbers = NumberStyle::automatic;
  const std::string note = report::add_csv(book, plain, "r.csv", o);
  EXPECT_EQ(note.rfind("numbers read as plain (--numbers auto): '99.6%'", 0), 0U) << note;
  EXPECT_EQ(book.sheets.size(), 2U);
}
