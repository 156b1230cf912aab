// Series carried into the provinces of 2026, on the seeds' figures (synthetic partners marked).
#include "dxkit/units/carry.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace dxkit;
using namespace dxkit::units;

namespace {

const Date kAsOf(2026, 1, 1);

const Carried& find(const Carry& c, const std::string& unit, const std::string& indicator,
                    int year) {
  for (const Carried& v : c.values)
    if (provinces().unit(v.unit).name == unit && v.indicator == indicator && v.year == year)
      return v;
  throw std::runtime_error("no carried value for " + unit);
}

Observation obs(std::string unit, std::string indicator, int year, double value,
                std::optional<std::int64_t> exact = std::nullopt) {
  return {std::move(unit), std::move(indicator), year, value, exact, {"series.csv", 2, 1, ""}};
}

}  // namespace

TEST(Rules, ParsedFromTheirNames) {
  EXPECT_EQ(parse_rule("sum").rule, Rule::sum);
  const RuleSpec w = parse_rule("weighted_mean(GRDP)");
  EXPECT_EQ(w.rule, Rule::weighted_mean);
  EXPECT_EQ(w.weight, "GRDP");
  EXPECT_EQ(w.to_string(), "weighted_mean(GRDP)");
  try {
    (void)parse_rule("median");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown carry rule 'median'; accepted: sum, weighted_mean, mean, min, max, "
                 "not_comparable");
  }
  try {
    (void)parse_rule("weighted_mean");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "carry rule 'weighted_mean' needs its weight: weighted_mean(population)");
  }
}

TEST(Carry, SumsCountsExactly) {
  // Thái Bình 2023: 260 commune-level community digital technology teams (seed 000, part I);
  // Hưng Yên's 139 is synthetic.
  const Carry c = carry(provinces(),
                        {obs("Thái Bình", "to_cnscd_cap_xa", 2023, 260, 260),
                         obs("Hưng Yên", "to_cnscd_cap_xa", 2023, 139, 139)},
                        {{"to_cnscd_cap_xa", parse_rule("sum")}}, kAsOf);
  ASSERT_EQ(c.values.size(), 1U);
  const Carried& v = c.values[0];
  EXPECT_EQ(provinces().unit(v.unit).label(), "Hưng Yên (33, from 2025-07-01)");
  EXPECT_EQ(v.exact, 399);
  EXPECT_EQ(v.value, 399.0);
  EXPECT_TRUE(v.derived);
  EXPECT_TRUE(v.complete());
  EXPECT_EQ(v.from, (std::vector<std::string>{"Hưng Yên", "Thái Bình"}));
  EXPECT_TRUE(c.notes.empty());
}

TEST(Carry, SharesOfGrdpAreGrdpWeighted) {
  // Hải Dương 2022: the digital economy 8.48% of GRDP (seed 003); Hải Phòng's 12% and both
  // GRDP figures are synthetic: (8.48 * 150 + 12 * 300) / 450 = 4872 / 450.
  const Carry c =
      carry(provinces(),
            {obs("Hải Dương", "kts_grdp", 2022, 8.48), obs("Hải Dương", "GRDP", 2022, 150),
             obs("Hải Phòng", "kts_grdp", 2022, 12), obs("Hải Phòng", "GRDP", 2022, 300)},
            {{"kts_grdp", parse_rule("weighted_mean(GRDP)")}}, kAsOf);
  const Carried& v = find(c, "Hải Phòng", "kts_grdp", 2022);
  EXPECT_DOUBLE_EQ(*v.value, 4872.0 / 450.0);
  EXPECT_FALSE(v.exact);
  EXPECT_EQ(v.rule.to_string(), "weighted_mean(GRDP)");
  EXPECT_TRUE(v.complete());
}

TEST(Carry, AMissingPredecessorIsSaid) {
  // Đồng Tháp 2022: 3.7% of GRDP (seed 002); Tiền Giang gave nothing.
  const Carry c =
      carry(provinces(),
            {obs("Đồng Tháp", "kts_grdp", 2022, 3.7), obs("Đồng Tháp", "GRDP", 2022, 100),
             obs("Đồng Tháp", "doanh_thu_kts", 2022, 2000, 2000)},
            {{"kts_grdp", parse_rule("weighted_mean(GRDP)")}, {"doanh_thu_kts", parse_rule("sum")}},
            kAsOf);
  const Carried& share = find(c, "Đồng Tháp", "kts_grdp", 2022);
  EXPECT_DOUBLE_EQ(*share.value, 3.7);
  EXPECT_EQ(share.missing, std::vector<std::string>{"Tiền Giang"});
  const Carried& sum = find(c, "Đồng Tháp", "doanh_thu_kts", 2022);
  EXPECT_FALSE(sum.value);
  ASSERT_EQ(c.notes.size(), 2U);
  EXPECT_EQ(c.notes[1].to_string(),
            "series.csv:2:1: warning [missing_predecessor]: Đồng Tháp 2022 'kts_grdp' "
            "(weighted_mean(GRDP)): no value for Tiền Giang; carried from the others");
  EXPECT_EQ(c.notes[0].message,
            "Đồng Tháp 2022 'doanh_thu_kts' (sum): no value for Tiền Giang; the sum is left empty");
}

TEST(Carry, RanksAreNotComparableButAnUnchangedUnitKeepsItsOwn) {
  const Carry c = carry(provinces(),
                        {obs("Thái Bình", "dti_rank", 2023, 31),
                         obs("Hưng Yên", "dti_rank", 2023, 22), obs("Hà Nội", "dti_rank", 2023, 2)},
                        {{"dti_rank", parse_rule("not_comparable")}}, kAsOf);
  const Carried& hy = find(c, "Hưng Yên", "dti_rank", 2023);
  EXPECT_FALSE(hy.value);
  EXPECT_TRUE(hy.derived);
  const Carried& hn = find(c, "Hà Nội", "dti_rank", 2023);
  EXPECT_EQ(hn.value, 2.0);
  EXPECT_FALSE(hn.derived);
}

TEST(Carry, MinMaxAndLocatedErrors) {
  const Carry c =
      carry(provinces(), {obs("Kiên Giang", "x", 2024, 4), obs("An Giang", "x", 2024, 7)},
            {{"x", parse_rule("min")}}, kAsOf);
  EXPECT_EQ(find(c, "An Giang", "x", 2024).value, 4.0);
  try {
    (void)carry(provinces(), {obs("Kien Gang", "x", 2024, 4)}, {{"x", parse_rule("max")}}, kAsOf);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "series.csv:2:1: unknown province 'Kien Gang'; close matches: Kiên Giang, "
                 "Tiền Giang");
  }
  try {
    (void)carry(provinces(), {obs("An Giang", "y", 2024, 4)}, {{"x", parse_rule("max")}}, kAsOf);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "series.csv:2:1: no carry rule for indicator 'y'; declare one of: sum, "
                 "weighted_mean, mean, min, max, not_comparable");
  }
}

TEST(Carry, WithoutAPopulationTheShippedOneWeighsAndANoteSaysSo) {
  // Hải Dương 2022: 8.48% of GRDP (seed 003); Hải Phòng's 12% synthetic. No population rows:
  // the shipped 2024 figures weigh, Hải Dương 1 978 200 and Hải Phòng 2 124 500 persons
  // (src/units/data/population.cpp): (8.48 * 1978200 + 12 * 2124500) / 4102700
  // = (16775136 + 25494000) / 4102700 = 42269136 / 4102700.
  const Carry c =
      carry(provinces(),
            {obs("Hải Dương", "kts_grdp", 2022, 8.48), obs("Hải Phòng", "kts_grdp", 2022, 12)},
            {{"kts_grdp", parse_rule("weighted_mean(population)")}}, kAsOf);
  const Carried& v = find(c, "Hải Phòng", "kts_grdp", 2022);
  EXPECT_DOUBLE_EQ(*v.value, 42269136.0 / 4102700.0);
  EXPECT_TRUE(v.complete());
  ASSERT_EQ(c.notes.size(), 1U);
  EXPECT_EQ(c.notes[0].severity, Severity::note);
  EXPECT_EQ(c.notes[0].code, "weights");
  EXPECT_EQ(c.notes[0].message.rfind("'kts_grdp' of 2022 weighted by the population of 2024 "
                                     "(source: GSO",
                                     0),
            0U)
      << c.notes[0].message;
  EXPECT_NE(c.notes[0].message.find("shipped with dxkit; give 'population' observations to use "
                                    "others"),
            std::string::npos);
  // The user's population, when given, weighs instead (1 and 3: (8.48 + 36) / 4), no note.
  const Carry own =
      carry(provinces(),
            {obs("Hải Dương", "kts_grdp", 2022, 8.48), obs("Hải Phòng", "kts_grdp", 2022, 12),
             obs("Hải Dương", "population", 2022, 1), obs("Hải Phòng", "population", 2022, 3)},
            {{"kts_grdp", parse_rule("weighted_mean(population)")}}, kAsOf);
  EXPECT_DOUBLE_EQ(*find(own, "Hải Phòng", "kts_grdp", 2022).value, 44.48 / 4);
  EXPECT_TRUE(own.notes.empty());
  // Another weight has no default: a missing weight, as before.
  const Carry grdp =
      carry(provinces(),
            {obs("Hải Dương", "kts_grdp", 2022, 8.48), obs("Hải Phòng", "kts_grdp", 2022, 12)},
            {{"kts_grdp", parse_rule("weighted_mean(GRDP)")}}, kAsOf);
  const Carried& none = find(grdp, "Hải Phòng", "kts_grdp", 2022);
  EXPECT_FALSE(none.value);
  EXPECT_EQ(none.missing, (std::vector<std::string>{"Hải Dương (no GRDP)", "Hải Phòng (no GRDP)"}));
}

TEST(Carry, TheShippedPopulationIsOnlyTheSixtyThrees) {
  // A commune of the user's has no shipped population: missing, said in the note; "dân số"
  // is the population too. Thái Bình 5% (seed, 2023), Hưng Yên 8% synthetic: weighed by
  // 1 890 400 and 1 318 100: (9452000 + 10544800) / 3208500 = 19996800 / 3208500.
  Registry r = provinces();
  r.load(csv::parse("old,new,from\nXã A,Xã B,2025-07-01\n", "communes.csv"));
  const Carry c = carry(r,
                        {obs("Thái Bình", "kts", 2023, 5), obs("Hưng Yên", "kts", 2023, 8),
                         obs("Xã A", "kts", 2023, 1)},
                        {{"kts", parse_rule("weighted_mean(dân số)")}}, kAsOf);
  ASSERT_EQ(c.values.size(), 2U);
  EXPECT_DOUBLE_EQ(*c.values[0].value, 19996800.0 / 3208500.0);
  EXPECT_EQ(r.unit(c.values[1].unit).name, "Xã B");
  EXPECT_FALSE(c.values[1].value);
  EXPECT_EQ(c.values[1].missing, std::vector<std::string>{"Xã A (no dân số)"});
  ASSERT_FALSE(c.notes.empty());
  EXPECT_NE(c.notes[0].message.find("; no shipped population for Xã A"), std::string::npos)
      << c.notes[0].message;
}
