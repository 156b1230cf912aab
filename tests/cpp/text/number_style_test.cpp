// `--numbers auto` (issue 13 point 4): each cell's evidence, the decision per file, the
// located error for a file holding both styles, and the docs table against the name table.
#include "dxkit/text/number_style.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/indicator.hpp"

using namespace dxkit;

TEST(NumberStyle, WhatACellTells) {
  const auto vi = NumberFormat::vietnamese;
  const auto plain = NumberFormat::plain;
  EXPECT_EQ(number_format_of("1.234,5"), vi);
  EXPECT_EQ(number_format_of("99,21%"), vi);
  EXPECT_EQ(number_format_of("0,9921"), vi);
  EXPECT_EQ(number_format_of("1.650.380"), vi);
  EXPECT_EQ(number_format_of("1,234.5"), plain);
  EXPECT_EQ(number_format_of("0.9921"), plain);
  EXPECT_EQ(number_format_of("99.21%"), plain);
  EXPECT_EQ(number_format_of("1,650,380"), plain);
  EXPECT_EQ(number_format_of("ước đạt 1.234,5 người"), vi);
  // Fits both, or is no quantity: no evidence.
  for (const char* cell : {"75.428", "1,234", "12", "Hoàn thành", "30/6/2023", "30.6.2023",
                           "1472/QĐ-UBND", "Công nghiệp 4.0G", "", "1.234,5 và 1,234.5"})
    EXPECT_FALSE(number_format_of(cell).has_value()) << cell;
}

TEST(NumberStyle, AutoDecidesPerFileAndSaysSo) {
  const csv::Table plain =
      csv::parse("code,name,target,actual\nA,a,80%,0.9921\nB,b,\"1,000\",\"1,234.5\"\n", "p.csv");
  TableOptions o;
  o.detect_format = true;
  const IndicatorTable t = make_indicator_table(plain, o);
  EXPECT_EQ(t.results[0].parts[0].value, 0.9921);
  EXPECT_EQ(t.targets[1].parts[0].low, 1000);
  EXPECT_EQ(t.number_note,
            "numbers read as plain (--numbers auto): '0.9921' (line 2, column 'actual') has '.' "
            "as its decimal mark or ',' grouping thousands");
  const IndicatorTable none =
      make_indicator_table(csv::parse("code,name,target,actual\nA,a,80%,75\n", "n.csv"), o);
  EXPECT_EQ(none.number_note,
            "numbers read as vietnamese (--numbers auto): no number in the file tells the styles "
            "apart (like 75.428 or 12), so the documents' style is assumed");
  // Without auto nothing is noted.
  EXPECT_EQ(make_indicator_table(plain, TableOptions{NumberFormat::plain}).number_note, "");
}

TEST(NumberStyle, AFileHoldingBothIsALocatedError) {
  const csv::Table mixed =
      csv::parse("code,name,target,actual\nA,a,80%,\"99,21%\"\nB,b,80%,0.9921\n", "mixed.csv");
  TableOptions o;
  o.detect_format = true;
  EXPECT_THROW_MSG((void)make_indicator_table(mixed, o), ParseError,
                   "mixed.csv:3:4 (column 'actual'): the file mixes number styles: '99,21%' "
                   "(line 2, column 'actual') is vietnamese and this cell is plain; choose one "
                   "with --numbers vietnamese or --numbers plain (numbers= in Python): '0.9921'");
  EXPECT_THROW_MSG((void)parse_number_style("english"), ValidationError,
                   "unknown number style 'english'; accepted: vietnamese, plain, auto");
  EXPECT_EQ(parse_number_style("en"), NumberStyle::plain);
}

TEST(NumberStyle, TheDocsTableIsTheNameTable) {
  std::ifstream f(std::string(DXKIT_EXAMPLES_DIR) + "/../docs/targets.md");
  std::stringstream s;
  s << f.rdbuf();
  for (const auto& e : number_styles.entries)
    EXPECT_NE(s.str().find("| `" + std::string(e.name) + "` | " + std::string(e.meaning) + " |"),
              std::string::npos)
        << e.name;
  EXPECT_NE(number_style_help().find("auto (decided per file"), std::string::npos);
}
