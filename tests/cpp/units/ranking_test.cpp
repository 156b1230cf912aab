// A synthetic DTI pair, 63 provinces in 2024 and 34 in 2025, with the carried scores and ranks
// worked out by hand.
#include "dxkit/units/ranking.hpp"

#include <gtest/gtest.h>

using namespace dxkit;
using namespace dxkit::units;

namespace {

const Date kAsOf(2025, 7, 1);

// 2024: every former province 0.30 with population 1, except Hà Nội 0.80, Hải Phòng 0.70
// (population 3), Thái Bình 0.60 (population 2), Hải Dương 0.50, Hưng Yên 0.40.
// Ranks among the 63: Hà Nội 1, Hải Phòng 2, Thái Bình 3, Hải Dương 4, Hưng Yên 5, others 6.
// Carried: Hưng Yên (0.4 * 1 + 0.6 * 2) / 3 = 0.5333; Hải Phòng (0.5 * 1 + 0.7 * 3) / 4 = 0.65;
// Hà Nội 0.80; the others 0.30. Carried ranks: Hà Nội 1, Hải Phòng 2, Hưng Yên 3, others 4.
// 2025: Hà Nội 0.75, Hưng Yên 0.70, Hải Phòng 0.60, others 0.40: ranks 1, 2, 3, 4.
struct Pair {
  std::vector<RankedScore> previous, current;
  std::map<std::string, double> population;
};

Pair pair() {
  Pair p;
  const Registry& r = provinces();
  for (std::size_t u : r.valid_at(Date(2025, 6, 30))) {
    const std::string& n = r.unit(u).name;
    double s = 0.30, w = 1;
    if (n == "Hà Nội") s = 0.80;
    if (n == "Hải Phòng") s = 0.70, w = 3;
    if (n == "Thái Bình") s = 0.60, w = 2;
    if (n == "Hải Dương") s = 0.50;
    if (n == "Hưng Yên") s = 0.40;
    p.previous.push_back({n, s, {}});
    p.population[n] = w;
  }
  for (std::size_t u : r.valid_at(kAsOf)) {
    const std::string& n = r.unit(u).name;
    p.current.push_back({n,
                         n == "Hà Nội"      ? 0.75
                         : n == "Hưng Yên"  ? 0.70
                         : n == "Hải Phòng" ? 0.60
                                            : 0.40,
                         {}});
  }
  return p;
}

const RankAcross& row(const RankingAcross& r, const std::string& name) {
  for (const RankAcross& x : r.rows)
    if (provinces().unit(x.unit).name == name) return x;
  throw std::runtime_error("no row " + name);
}

}  // namespace

TEST(RankingAcross, PopulationWeightedByHand) {
  const Pair p = pair();
  const RankingAcross r =
      compare_rankings(provinces(), p.current, 2025, p.previous, 2024, p.population,
                       parse_rule("weighted_mean(population)"), kAsOf);
  ASSERT_EQ(r.rows.size(), 34U);
  const RankAcross& hy = row(r, "Hưng Yên");
  EXPECT_EQ(hy.rank, 2);
  EXPECT_DOUBLE_EQ(*hy.previous_score, 1.6 / 3);
  EXPECT_EQ(hy.previous_rank, 3);
  EXPECT_EQ(hy.rank_change, 1);
  EXPECT_DOUBLE_EQ(*hy.score_change, 0.70 - 1.6 / 3);
  EXPECT_TRUE(hy.across);
  EXPECT_EQ(hy.predecessors,
            (std::vector<std::string>{"Hưng Yên (rank 5, 0.4)", "Thái Bình (rank 3, 0.6)"}));
  const RankAcross& hp = row(r, "Hải Phòng");
  EXPECT_EQ(hp.rank, 3);
  EXPECT_DOUBLE_EQ(*hp.previous_score, 0.65);
  EXPECT_EQ(hp.previous_rank, 2);
  EXPECT_EQ(hp.rank_change, -1);
  const RankAcross& hn = row(r, "Hà Nội");
  EXPECT_EQ(hn.rank, 1);
  EXPECT_EQ(hn.previous_rank, 1);
  EXPECT_FALSE(hn.across);  // like for like
  const RankAcross& dt = row(r, "Đồng Tháp");
  EXPECT_EQ(dt.rank, 4);
  EXPECT_DOUBLE_EQ(*dt.previous_score, 0.30);
  EXPECT_EQ(dt.previous_rank, 4);
  EXPECT_EQ(r.rows.front().unit, hn.unit);  // ordered by the current rank
  EXPECT_EQ(r.notes.back().message,
            "2024 scores carried into the units of 2025-07-01 by weighted_mean(population) and "
            "ranked among themselves; a change marked across the reorganisation compares a unit "
            "with its predecessors, not like for like with 2025");
}

TEST(RankingAcross, UnweightedMeanWhenStated) {
  const Pair p = pair();
  const RankingAcross r = compare_rankings(provinces(), p.current, 2025, p.previous, 2024, {},
                                           parse_rule("mean"), kAsOf);
  EXPECT_DOUBLE_EQ(*row(r, "Hưng Yên").previous_score, 0.5);   // (0.4 + 0.6) / 2
  EXPECT_DOUBLE_EQ(*row(r, "Hải Phòng").previous_score, 0.6);  // (0.5 + 0.7) / 2
  EXPECT_EQ(row(r, "Hải Phòng").previous_rank, 2);             // after Hà Nội 0.8
  EXPECT_EQ(row(r, "Hưng Yên").previous_rank, 3);
}

TEST(RankingAcross, TheDefaultWeighsByTheShippedPopulation) {
  // No weights: the 2024 population shipped with dxkit (population_test.cpp works it by hand).
  // Hưng Yên (0.4 * 1 318 100 + 0.6 * 1 890 400) / 3 208 500 = 0.5178 is 3rd among the carried
  // (after Hà Nội 0.80 and Hải Phòng 0.6036), 2nd now.
  const Pair p = pair();
  const RankingAcross r = compare_rankings(provinces(), p.current, 2025, p.previous, 2024, {},
                                           parse_rule("weighted_mean(population)"), kAsOf);
  const RankAcross& hy = row(r, "Hưng Yên");
  EXPECT_DOUBLE_EQ(*hy.previous_score, 1'661'480.0 / 3'208'500.0);
  EXPECT_EQ(hy.previous_rank, 3);
  EXPECT_EQ(hy.rank_change, 1);
  EXPECT_EQ(r.notes.front().code, "weights");
  EXPECT_EQ(r.notes.front().message.rfind("2024 scores weighted by the population of 2024 (source: "
                                          "GSO (Cục Thống kê)",
                                          0),
            0U);
}

TEST(RankingAcross, AUsersRegistryNeedsItsWeights) {
  // Communes of the user's: the shipped population is not theirs, so the default rule still
  // asks for weights.
  Registry communes("commune");
  communes.load(
      csv::parse("old,new,from\nXã An Lạc,Xã Mới,2025-07-01\nXã Bình Minh,Xã Mới,"
                 "2025-07-01\n",
                 "communes.csv"));
  const std::vector<RankedScore> before{{"Xã An Lạc", 0.5, {}}, {"Xã Bình Minh", 0.7, {}}};
  try {
    (void)carry_ranking(communes, before, 2024, {}, parse_rule("weighted_mean(population)"), kAsOf);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "the rule weighted_mean(population) needs the weight of each previous unit: the "
                 "shipped population is of the 63 provinces; this registry's commune units do "
                 "not include Hà Nội (01), so pass the weights (weights), or choose the rule "
                 "'mean'");
  }
  // With the user's weights: (0.5 * 1 + 0.7 * 3) / 4 = 0.65.
  const RankingAcross r =
      carry_ranking(communes, before, 2024, {{"Xã An Lạc", 1}, {"Xã Bình Minh", 3}},
                    parse_rule("weighted_mean(population)"), kAsOf);
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_DOUBLE_EQ(r.rows.front().score, 0.65);
}

TEST(RankingAcross, ScoresOfTheThirtyFourNeedTheirWeights) {
  // A 2025 ranking carried to 2026: its names are the 34's, not the 63 the population is of.
  std::vector<RankedScore> scores;
  for (std::size_t u : provinces().valid_at(kAsOf))
    scores.push_back({provinces().unit(u).name, 0.5, {}});
  try {
    (void)carry_ranking(provinces(), scores, 2025, {}, parse_rule("weighted_mean(population)"),
                        Date(2026, 1, 1));
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "the rule weighted_mean(population) needs the weight of each previous unit: the "
                 "shipped population (2024) is of the 63 provinces before 2025-07-01; at the end "
                 "of 2025 Hà Giang (02, until 2025-06-30) is not one of the units scored, so pass "
                 "the weights of a 2025 ranking (weights), or choose the rule 'mean'");
  }
}
