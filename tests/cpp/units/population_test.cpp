// The shipped population (GSO, average population by province 2024): complete, summing to the
// national total the Office gives, and the weight of the default carrying rule, by hand.
#include "dxkit/units/population.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <numeric>

#include "dxkit/units/ranking.hpp"

using namespace dxkit;
using namespace dxkit::units;

TEST(Population, TheSixtyThreeProvincesOf2024) {
  const Population& p = shipped_population();
  EXPECT_EQ(p.year, 2024);
  ASSERT_EQ(p.persons.size(), 63U);
  const Registry& r = provinces();
  const std::vector<std::size_t> before = r.valid_at(Date(2025, 6, 30));
  ASSERT_EQ(before.size(), 63U);
  for (std::size_t u : before) {
    EXPECT_TRUE(p.persons.count(r.unit(u).code)) << r.unit(u).label();
  }
  for (const auto& [code, persons] : p.persons) {
    EXPECT_GT(persons, 300'000) << code;  // Bắc Kạn, the smallest, 329 300
    EXPECT_EQ(persons % 100, 0) << code;  // published in thousands with one decimal
  }
  EXPECT_NE(p.source.find("Niên giám thống kê 2024"), std::string::npos);
}

TEST(Population, SumsToTheNationalTotal) {
  // 101 343.9 thousand over the 63 against the Office's 101 343.8 (101 343 754 persons):
  // 63 figures rounded to a hundred persons are within 63 * 50 of the total.
  const Population& p = shipped_population();
  const std::int64_t sum =
      std::accumulate(p.persons.begin(), p.persons.end(), std::int64_t{0},
                      [](std::int64_t s, const auto& kv) { return s + kv.second; });
  EXPECT_EQ(sum, 101'343'900);
  EXPECT_EQ(p.national, 101'343'800);
  EXPECT_LE(std::llabs(sum - p.national), 63 * 50);
}

TEST(Population, ThaiBinhAndHaNoi) {
  const Population& p = shipped_population();
  EXPECT_EQ(p.persons.at("34"), 1'890'400);  // Thái Bình
  EXPECT_EQ(p.persons.at("01"), 8'717'600);  // Hà Nội
  EXPECT_EQ(p.persons.at("33"), 1'318'100);  // Hưng Yên
  const auto w = shipped_population_weights(provinces(), 2024);
  EXPECT_EQ(w.size(), 63U);
  EXPECT_EQ(w.at("Thái Bình"), 1'890'400);
  EXPECT_EQ(w.at("Huế"), 1'178'600);  // Thừa Thiên Huế, code 46
}

TEST(Population, NotTheNamesOfTheThirtyFour) {
  // At the end of 2025 "Hưng Yên" is the merged province: the 2024 weights do not apply.
  try {
    (void)shipped_population_weights(provinces(), 2025);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "the shipped population (2024) is of the 63 provinces before 2025-07-01; at the "
                 "end of 2025 Hà Giang (02, until 2025-06-30) is not one of the units scored, so "
                 "pass the weights of a 2025 ranking (weights), or choose the rule 'mean'");
  }
}

namespace {

// 2024: every former province 0.30 but Hà Nội 0.80, Hải Phòng 0.70, Thái Bình 0.60, Hải Dương
// 0.50, Hưng Yên 0.40 (the synthetic pair of ranking_test.cpp), with no weights given.
std::vector<RankedScore> scores_2024() {
  std::vector<RankedScore> out;
  const Registry& r = provinces();
  for (std::size_t u : r.valid_at(Date(2025, 6, 30))) {
    const std::string& n = r.unit(u).name;
    double s = 0.30;
    if (n == "Hà Nội") s = 0.80;
    if (n == "Hải Phòng") s = 0.70;
    if (n == "Thái Bình") s = 0.60;
    if (n == "Hải Dương") s = 0.50;
    if (n == "Hưng Yên") s = 0.40;
    out.push_back({n, s, {}});
  }
  return out;
}

const RankAcross& row(const RankingAcross& r, const std::string& name) {
  for (const RankAcross& x : r.rows)
    if (provinces().unit(x.unit).name == name) return x;
  throw std::runtime_error("no row " + name);
}

}  // namespace

TEST(Population, WeighsTheDefaultRuleByHand) {
  const RankingAcross r = carry_ranking(provinces(), scores_2024(), 2024, {},
                                        parse_rule("weighted_mean(population)"), Date(2025, 7, 1));
  ASSERT_EQ(r.rows.size(), 34U);
  // Hưng Yên = (0.40 * 1 318 100 + 0.60 * 1 890 400) / (1 318 100 + 1 890 400)
  //          = (527 240 + 1 134 240) / 3 208 500 = 1 661 480 / 3 208 500 = 0.51783...
  const RankAcross& hy = row(r, "Hưng Yên");
  EXPECT_DOUBLE_EQ(hy.score, 1'661'480.0 / 3'208'500.0);
  EXPECT_TRUE(hy.across);
  EXPECT_TRUE(hy.missing.empty());
  // Hải Phòng = (0.50 * 1 978 200 + 0.70 * 2 124 500) / 4 102 700 = 2 476 250 / 4 102 700.
  const RankAcross& hp = row(r, "Hải Phòng");
  EXPECT_DOUBLE_EQ(hp.score, 2'476'250.0 / 4'102'700.0);
  // Ranks: Hà Nội 0.80, Hải Phòng 0.6036, Hưng Yên 0.5178, the others 0.30.
  EXPECT_EQ(row(r, "Hà Nội").rank, 1);
  EXPECT_EQ(hp.rank, 2);
  EXPECT_EQ(hy.rank, 3);
  EXPECT_EQ(row(r, "Ninh Bình").rank, 4);
  EXPECT_DOUBLE_EQ(row(r, "Ninh Bình").score, 0.30);
  ASSERT_FALSE(r.notes.empty());
  EXPECT_EQ(r.notes.front().code, "weights");
  EXPECT_EQ(r.notes.front().message,
            "2024 scores weighted by the population of 2024 (source: GSO (Cục Thống kê), average "
            "population by province 2024, thousand persons: Niên giám thống kê 2024 / PX-Web "
            "table E02.01, https://pxweb.nso.gov.vn/), shipped with dxkit; pass weights to use "
            "others");
}

TEST(Population, TheUsersWeightsWin) {
  // Thái Bình twice Hưng Yên: (0.4 * 1 + 0.6 * 2) / 3; no note about the shipped population.
  std::map<std::string, double> w;
  for (const RankedScore& s : scores_2024()) w[s.unit] = 1;
  w["Thái Bình"] = 2;
  const RankingAcross r = carry_ranking(provinces(), scores_2024(), 2024, w,
                                        parse_rule("weighted_mean(population)"), Date(2025, 7, 1));
  EXPECT_DOUBLE_EQ(row(r, "Hưng Yên").score, 1.6 / 3);
  for (const Diagnostic& d : r.notes) EXPECT_NE(d.code, "weights") << d.message;
}

TEST(Population, NoDefaultForAnotherWeight) {
  try {
    (void)carry_ranking(provinces(), scores_2024(), 2024, {}, parse_rule("weighted_mean(GRDP)"),
                        Date(2025, 7, 1));
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "the rule weighted_mean(GRDP) needs the weight of each previous unit: dxkit "
                 "ships only the population (2024) of the 63 provinces, so pass them (weights), "
                 "or choose the rule 'mean'");
  }
}
