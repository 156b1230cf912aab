// Progress at the edges of its rules (docs/progress.md): a target in the year of the latest
// result, a result in the as-of year, a baseline and a result in one year, the year a target
// is reached (or never) in both paces, compound paces from or to zero, and due dates by
// status and agency.
#include <gtest/gtest.h>

#include <cmath>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/plan/progress.hpp"

using namespace dxkit;

namespace {

std::vector<Progress> run(const std::string& rows, const ProgressOptions& o = {}) {
  return progress(read_observations(csv::parse("indicator,year,kind,value\n" + rows, "p.csv")), o);
}

const Progress* find(const std::vector<Progress>& all, const std::string& code, int year) {
  for (const Progress& p : all)
    if (p.indicator == code && p.target_year == year) return &p;
  return nullptr;
}

ProgressOptions compound() {
  ProgressOptions o;
  o.compound = true;
  return o;
}

}  // namespace

TEST(ProgressBounds, ATargetOfTheLatestResultsYearIsJudgedByThatResult) {
  // 58 in 2022 against 60 for 2022: missed, judged on 2022's own result.
  const auto same = run("M,2020,result,50\nM,2022,result,58\nM,2022,target,60\n");
  const Progress* m = find(same, "M", 2022);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->status, "missed");
  EXPECT_EQ(*m->latest_year, 2022);
  EXPECT_EQ(*m->latest, 58);
  EXPECT_FALSE(m->required.has_value());
  // A target between two results is judged by the latest result before it.
  const auto between = run("N,2020,result,50\nN,2022,result,70\nN,2021,target,60\n");
  const Progress* n = find(between, "N", 2021);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->status, "missed");
  EXPECT_EQ(*n->latest_year, 2020);
  EXPECT_EQ(*n->latest, 50);
  // A target for the baseline's year with nothing to judge it by is left out.
  EXPECT_EQ(find(run("P,2020,baseline,50\nP,2020,target,60\n"), "P", 2020), nullptr);
  EXPECT_EQ(find(run("P,2020,baseline,50\nP,2019,target,60\n"), "P", 2019), nullptr);
}

TEST(ProgressBounds, AResultInTheAsOfYearCounts) {
  const std::string rows = "D,2020,result,50\nD,2022,result,58\nD,2025,target,70\n";
  ProgressOptions o;
  o.as_of_year = 2022;
  EXPECT_EQ(find(run(rows, o), "D", 2025)->status, "on_track");  // 4 a year against 4
  o.as_of_year = 2021;
  EXPECT_EQ(find(run(rows, o), "D", 2025)->status, "insufficient_data");
}

TEST(ProgressBounds, ABaselineAndAResultOfOneYear) {
  // The result of the baseline's year is the latest: 45 meets "45", the baseline's 40 would not.
  const auto all = run("X,2020,baseline,40\nX,2020,result,45\nX,2025,target,45\n");
  const Progress* x = find(all, "X", 2025);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(*x->latest, 45);
  EXPECT_EQ(x->status, "achieved");
}

TEST(ProgressBounds, NothingRequiredYetNotMetHasNoPaceToJudge) {
  // From 50 to "trên 50": a pace of 0 is required; at 45 the target is not met.
  const auto all = run("Z,2020,result,50\nZ,2022,result,45\nZ,2025,target,trên 50\n");
  const Progress* z = find(all, "Z", 2025);
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(*z->required, 0);
  EXPECT_EQ(z->status, "insufficient_data");
  EXPECT_FALSE(z->ratio.has_value());
  EXPECT_NEAR(*z->observed, -2.5, 1e-12);
}

TEST(ProgressBounds, TheYearATargetIsReached) {
  // Linear: 50 -> 60 at 5 a year, "trên 60" in 2025 is not reached at 60 (nothing left to
  // close), so no year; 60 by 2025 from 50 -> 56 (3 a year): 2024,67.
  const auto lin =
      run("B,2020,result,50\nB,2022,result,60\nB,2025,target,trên 60\n"
          "C,2020,result,50\nC,2022,result,56\nC,2025,target,60\n"
          "F,2020,result,50\nF,2022,result,50\nF,2025,target,60\n");
  EXPECT_FALSE(find(lin, "B", 2025)->year_reached.has_value());
  EXPECT_NEAR(*find(lin, "C", 2025)->year_reached, 2022 + 4.0 / 3, 1e-9);
  EXPECT_FALSE(find(lin, "F", 2025)->year_reached.has_value());  // flat: never
  EXPECT_EQ(find(lin, "F", 2025)->status, "limited_progress");   // a ratio of 0: not falling
  // Compound, growing: 100 -> 121 is 10 % a year; 146,41 is reached in 2024.
  const auto up =
      run("G,2020,result,100\nG,2022,result,121\nG,2025,target,\"146,41\"\n", compound());
  EXPECT_NEAR(*find(up, "G", 2025)->year_reached, 2024, 1e-9);
  // Compound, falling: 100 -> 81 is -10 % a year; at most 59,049 is reached in 2025.
  const auto down =
      run("L,2020,result,100\nL,2022,result,81\nL,2025,target,\"tối đa 59,049\"\n", compound());
  const Progress* l = find(down, "L", 2025);
  EXPECT_NEAR(*l->observed, -0.1, 1e-12);
  EXPECT_NEAR(*l->required, -0.1, 1e-12);
  EXPECT_EQ(l->status, "on_track");
  EXPECT_NEAR(*l->year_reached, 2025, 1e-9);
  EXPECT_NEAR(*l->projected, 59.049, 1e-9);
  // Compound and flat, up or down: never reached; already at a strict bound: no year either.
  const auto flat =
      run("H,2020,result,50\nH,2022,result,50\nH,2025,target,60\n"
          "K,2020,result,50\nK,2022,result,50\nK,2025,target,tối đa 40\n"
          "S,2020,result,50\nS,2022,result,60\nS,2025,target,trên 60\n"
          "T,2020,result,20\nT,2022,result,10\nT,2025,target,dưới 10\n",
          compound());
  for (const char* code : {"H", "K", "S", "T"})
    EXPECT_FALSE(find(flat, code, 2025)->year_reached.has_value()) << code;
}

TEST(ProgressBounds, ACompoundPaceNeedsPositiveValues) {
  // From 0 there is no growth rate; to 0 neither; nor from a positive start to a latest 0.
  const auto all =
      run("A,2020,result,0\nA,2022,result,10\nA,2025,target,20\n"
          "B,2020,result,20\nB,2022,result,10\nB,2025,target,tối đa 0\n"
          "C,2020,result,10\nC,2022,result,0\nC,2025,target,20\n",
          compound());
  EXPECT_FALSE(find(all, "A", 2025)->required.has_value());
  EXPECT_EQ(find(all, "A", 2025)->status, "insufficient_data");
  EXPECT_FALSE(find(all, "B", 2025)->required.has_value());
  EXPECT_EQ(find(all, "B", 2025)->status, "insufficient_data");
  const Progress* c = find(all, "C", 2025);
  EXPECT_NEAR(*c->required, std::pow(2.0, 0.2) - 1, 1e-12);
  EXPECT_EQ(c->status, "insufficient_data");
  EXPECT_FALSE(c->observed.has_value());
}

TEST(ProgressBounds, EachStatusThresholdIsReachedFromItsValue) {
  // 0 -> 100 by 2025 needs 20 a year; observed paces of 19, 12, 0 and -1 are the ratios 0,95,
  // 0,6 and 0 of the default thresholds exactly, and one below the last.
  const auto all =
      run("A,2020,result,0\nA,2022,result,38\nA,2025,target,100\n"
          "B,2020,result,0\nB,2022,result,24\nB,2025,target,100\n"
          "C,2020,result,0\nC,2022,result,0\nC,2025,target,100\n"
          "D,2020,result,0\nD,2022,result,-2\nD,2025,target,100\n");
  EXPECT_EQ(*find(all, "A", 2025)->ratio, 0.95);
  EXPECT_EQ(find(all, "A", 2025)->status, "on_track");
  EXPECT_EQ(*find(all, "B", 2025)->ratio, 0.6);
  EXPECT_EQ(find(all, "B", 2025)->status, "acceleration_needed");
  EXPECT_EQ(*find(all, "C", 2025)->ratio, 0);
  EXPECT_EQ(find(all, "C", 2025)->status, "limited_progress");
  EXPECT_EQ(find(all, "D", 2025)->status, "deteriorating");
  EXPECT_NEAR(*find(all, "A", 2025)->projected, 95, 1e-12);
  EXPECT_NEAR(*find(all, "A", 2025)->year_reached, 2022 + 62.0 / 19, 1e-9);
}

TEST(DueBoundaries, StatusesByKindAndAgenciesByOverdueTasks) {
  auto task = [](std::string lead, std::string deadline, std::string status = "") {
    Assignment a;
    a.task = "t";
    a.lead = {std::move(lead)};
    a.deadline = parse_deadline(deadline);
    a.status = std::move(status);
    return a;
  };
  const std::vector<Assignment> list = {
      task("Sở A", "Tháng 5/2023", "done"), task("Sở A", "Thường xuyên"),
      task("Sở A", "Theo yêu cầu"),         task("Sở B", "Tháng 5/2023"),
      task("Sở B", "Trước ngày 1/7/2023"),  task("Sở A", "Tháng 7/2023"),
      task("Sở C", "Tháng 6/2023")};
  const auto items = due(list, Date(2023, 7, 1), 30);
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].status, DueStatus::done);
  EXPECT_EQ(items[1].status, DueStatus::recurring);
  EXPECT_EQ(items[2].status, DueStatus::undated);
  EXPECT_FALSE(items[2].days.has_value());
  EXPECT_EQ(items[3].status, DueStatus::overdue);
  EXPECT_EQ(*items[3].days, -31);
  EXPECT_EQ(items[4].status, DueStatus::overdue);  // the day before 1 July
  EXPECT_EQ(*items[4].days, -1);
  EXPECT_EQ(items[5].status, DueStatus::due_soon);  // ends 31 July, in 30 days
  EXPECT_EQ(*items[5].days, 30);
  EXPECT_EQ(due(list, Date(2023, 7, 1), 29)[5].status, DueStatus::open);
  EXPECT_THROW_MSG((void)due(list, Date(2023, 7, 1), -1), ValidationError,
                   "the number of days ahead must be >= 0");
  // Most overdue first (B: 2, C: 1, A: 0), ties in the order of the list.
  const auto groups = due_by_agency(items);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].agency, "Sở B");
  EXPECT_EQ(groups[0].count(DueStatus::overdue), 2);
  EXPECT_EQ(groups[1].agency, "Sở C");
  EXPECT_EQ(groups[2].agency, "Sở A");
  EXPECT_EQ(groups[2].count(DueStatus::done), 1);
  EXPECT_EQ(groups[2].count(DueStatus::due_soon), 1);
}
