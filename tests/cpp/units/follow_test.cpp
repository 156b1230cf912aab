// Thái Bình's digital-economy targets (Resolution 02-NQ/TU, plan 167/KH-UBND: the seed) followed
// in Hưng Yên after 1 July 2025, with progress computed on the carried series; worked by hand.
#include "dxkit/units/follow.hpp"

#include <gtest/gtest.h>

#include "dxkit/plan/progress.hpp"

using namespace dxkit;
using namespace dxkit::units;

namespace {

const Date kJuly(2025, 7, 1);

// The seed's KTS rows (examples/thai_binh_progress.csv, linked to one code): 20% of GRDP by
// 2025 and 30% by 2030 (02-NQ/TU), 5% reached in 2023 (167/KH-UBND).
const char* kThaiBinh = R"(indicator,year,kind,value,source
KTS,2025,target,20%,02-NQ/TU
KTS,2030,target,30%,02-NQ/TU
KTS,2023,result,5%,167/KH-UBND
)";
const char* kDocuments = R"(number,kind,province,year,date
02-NQ/TU,resolution,Thái Bình,2021,19/11/2021
167/KH-UBND,plan,Thái Bình,2024,20/12/2023
HY-KH,plan,Hưng Yên,2023,10/01/2023
HY-2025,plan,Hưng Yên,2025,01/09/2025
)";

std::vector<dxkit::Observation> rows(const std::string& extra = {}) {
  return read_observations(csv::parse(std::string(kThaiBinh) + extra, "plan.csv"));
}
std::vector<Document> documents() { return read_documents(csv::parse(kDocuments, "docs.csv")); }

TEST(Follow, ThaiBinhsTargetsAreFollowedInHungYen) {
  const Following f = follow(provinces(), rows(), documents(), kJuly, {}, {}, "plan.csv");
  ASSERT_EQ(f.units.size(), 1U);
  EXPECT_EQ(provinces().unit(f.units[0].unit).name, "Hưng Yên");
  EXPECT_EQ(provinces().unit(f.units[0].unit).code, "33");
  EXPECT_EQ(f.units[0].observations.size(), 3U);
  EXPECT_EQ(f.units[0].original.at("KTS"), std::set<std::string>{"Thái Bình"});
  // Each group (2023 result, 2025 and 2030 targets) says Hưng Yên (former) gave none.
  ASSERT_EQ(f.notes.size(), 3U);
  EXPECT_EQ(f.notes[0].message,
            "Hưng Yên: KTS target 2025: followed from Thái Bình (34, until 2025-06-30) alone; "
            "Hưng Yên (33, until 2025-06-30) gave none");
  EXPECT_EQ(f.notes[0].where.line, 2U);
  // Progress on the carried series, by hand: from 5% (2023) to 20% (2025) needs 7.5 points a
  // year; one result gives no observed pace.
  const auto p = progress(f.units[0].observations, ProgressOptions{});
  ASSERT_EQ(p.size(), 2U);
  EXPECT_EQ(p[0].target_year, 2025);
  EXPECT_DOUBLE_EQ(*p[0].required, 7.5);
  EXPECT_EQ(p[0].status, "insufficient_data");
  EXPECT_EQ(p[1].target_year, 2030);
  EXPECT_DOUBLE_EQ(*p[1].required, 2.0);  // (30 - 20) / 5 from the 2025 target
}

TEST(Follow, TwoPredecessorsCombineByTheDeclaredRule) {
  // Former Hưng Yên (synthetic): 25% by 2025, 8% in 2023. GRDP weights 2 (Thái Bình) and 3
  // (Hưng Yên), synthetic. 2025 target: (20 * 2 + 25 * 3) / 5 = 23%; 2023 result:
  // (5 * 2 + 8 * 3) / 5 = 6.8%; the 2030 target is Thái Bình's alone (a warning).
  const auto obs = rows("KTS,2025,target,25%,HY-KH\nKTS,2023,result,8%,HY-KH\n");
  const std::map<std::string, RuleSpec> rules{{"KTS", parse_rule("weighted_mean(GRDP)")}};
  const std::map<std::string, std::map<std::string, double>> grdp{
      {"GRDP", {{"Thái Bình", 2}, {"Hưng Yên", 3}}}};
  const Following f = follow(provinces(), obs, documents(), kJuly, rules, grdp, "plan.csv");
  ASSERT_EQ(f.units.size(), 1U);
  const auto& o = f.units[0].observations;  // by kind (targets first), then year
  ASSERT_EQ(o.size(), 3U);
  EXPECT_EQ(o[0].year, 2025);
  EXPECT_DOUBLE_EQ(o[0].target->parts[0].low, 23.0);
  EXPECT_EQ(o[0].text, "≥ 23%");
  EXPECT_EQ(o[0].source, "weighted_mean(GRDP) of Hưng Yên 25%, Thái Bình 20%");
  EXPECT_EQ(o[1].year, 2030);
  EXPECT_EQ(o[1].text, "30%");
  EXPECT_EQ(o[2].year, 2023);
  EXPECT_DOUBLE_EQ(o[2].value, 6.8);
  EXPECT_EQ(f.units[0].original.at("KTS"), (std::set<std::string>{"Hưng Yên", "Thái Bình"}));
  const auto p = progress(o, ProgressOptions{});
  ASSERT_EQ(p.size(), 2U);
  EXPECT_DOUBLE_EQ(*p[0].required, (23.0 - 6.8) / 2);
}

TEST(Follow, TheNewProvincesOwnTargetReplacesThePredecessors) {
  const auto obs = rows("KTS,2030,target,35%,HY-2025\n");
  const Following f = follow(provinces(), obs, documents(), kJuly, {}, {}, "plan.csv");
  ASSERT_EQ(f.units.size(), 1U);
  std::vector<std::string> texts;
  for (const auto& x : f.units[0].observations)
    if (x.year == 2030) texts.push_back(x.text);
  EXPECT_EQ(texts, std::vector<std::string>{"35%"});
  bool said = false;
  for (const auto& n : f.notes)
    said = said || n.message ==
                       "Hưng Yên: KTS target 2030: the unit's own rows replace its predecessors' "
                       "(Thái Bình (34, until 2025-06-30))";
  EXPECT_TRUE(said);
}

TEST(Follow, ErrorsAreLocated) {
  const auto obs = rows("KTS,2025,target,25%,HY-KH\n");
  try {
    (void)follow(provinces(), obs, documents(), kJuly, {}, {}, "plan.csv");
    FAIL() << "two predecessors without a rule";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(),
              "Hưng Yên: KTS target 2025 comes from Hưng Yên (33, until 2025-06-30), Thái Bình "
              "(34, until 2025-06-30): declare how the indicator combines (sum, weighted_mean, "
              "mean, min, max, not_comparable)");
    EXPECT_EQ(e.where().line, 2U);
  }
  auto docs = documents();
  docs[0].province = "Thái Bìnhh";
  try {
    (void)follow(provinces(), rows(), docs, kJuly, {}, {}, "plan.csv");
    FAIL() << "an unknown province";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.message(),
              "document 02-NQ/TU: unknown province 'Thái Bìnhh'; close matches: Thái Bình");
    EXPECT_EQ(e.where().file, "plan.csv");
  }
}

}  // namespace

TEST(Follow, ProgressInTheProvincesOfTheDate) {
  // What `dxkit progress --units` and Python's Plan.progress(units=...) print: each verdict
  // with the province it was followed into and the provinces as written. By hand as above:
  // 7.5 points a year from 5% (2023) to 20% (2025), then (30 - 20) / 5 = 2.
  const ProgressIn in =
      progress_in(provinces(), rows(), documents(), kJuly, {}, {}, ProgressOptions{}, "plan.csv");
  ASSERT_EQ(in.rows.size(), 2U);
  EXPECT_EQ(in.rows[0].province, "Hưng Yên");
  EXPECT_EQ(in.rows[0].original, "Thái Bình");
  EXPECT_DOUBLE_EQ(*in.rows[0].progress.required, 7.5);
  EXPECT_DOUBLE_EQ(*in.rows[1].progress.required, 2.0);
  EXPECT_EQ(in.notes.size(), 3U);
  // Two predecessors, weights read from a table (unit, indicator, value): the 2025 target is
  // (20 * 2 + 25 * 3) / 5 = 23% and the 2023 result (5 * 2 + 8 * 3) / 5 = 6.8%, so the 2025
  // target needs (23 - 6.8) / 2 = 8.1 points a year; original lists both.
  const Weights grdp = read_weights(
      csv::parse("unit,indicator,value\nThái Bình,GRDP,2\nHưng Yên,GRDP,3\n", "grdp.csv"));
  EXPECT_DOUBLE_EQ(grdp.at("GRDP").at("Hưng Yên"), 3.0);
  // The values in the file's number format: "1.234" is 1234 in Vietnamese, 1.234 in plain.
  const csv::Table written = csv::parse("unit,indicator,value\nThái Bình,GRDP,1.234\n", "w.csv");
  EXPECT_DOUBLE_EQ(read_weights(written).at("GRDP").at("Thái Bình"), 1234.0);
  EXPECT_DOUBLE_EQ(read_weights(written, NumberFormat::plain).at("GRDP").at("Thái Bình"), 1.234);
  const ProgressIn both = progress_in(
      provinces(), rows("KTS,2025,target,25%,HY-KH\nKTS,2023,result,8%,HY-KH\n"), documents(),
      kJuly, {{"KTS", parse_rule("weighted_mean(GRDP)")}}, grdp, ProgressOptions{}, "plan.csv");
  ASSERT_EQ(both.rows.size(), 2U);
  EXPECT_EQ(both.rows[0].original, "Hưng Yên; Thái Bình");
  EXPECT_DOUBLE_EQ(both.rows[0].progress.target, 23.0);
  EXPECT_NEAR(*both.rows[0].progress.required, 8.1, 1e-12);
  try {
    (void)read_weights(csv::parse("unit,indicator,value\nThái Bình,GRDP,hai\n", "grdp.csv"));
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().to_string(), "grdp.csv:2:3 (column 'value')");
  }
  try {
    (void)progress_in(provinces(), rows(), {}, kJuly, {}, {}, ProgressOptions{}, "plan.csv");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "a plan followed into the units of a date needs its documents (number, kind, "
                 "province, year, date): a row's province and date come from its document");
  }
}
