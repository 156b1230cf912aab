// Progress toward 2023 / 2025 / 2030 targets on the seeds' digital-economy shares, and the
// methods on a synthetic set whose verdicts are worked out by hand.
#include "dxkit/plan/progress.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"

using namespace dxkit;

namespace {
const std::string kExamples = DXKIT_EXAMPLES_DIR;
const Progress& row(const std::vector<Progress>& all, const std::string& code, int year) {
  for (const Progress& p : all)
    if (p.indicator == code && p.target_year == year) return p;
  throw std::runtime_error("no row " + code);
}
}  // namespace

TEST(Progress, DigitalEconomySharesOfTheSeeds) {
  const auto all = progress(read_observations(kExamples + "/progress_digital_economy.csv"));
  // Đồng Tháp: 2,7 % (2020) -> 3,7 % (2022) is 0,5 point a year; "trên 4%" in 2023 needs
  // (4 - 2,7) / 3 = 0,433 a year from the baseline: ratio 1,15, on track; 4,2 % projected for
  // 2023, the 4 % reached in 2022,6.
  const Progress& dt = row(all, "DT_KTS", 2023);
  EXPECT_EQ(dt.status, "on_track");
  EXPECT_NEAR(*dt.observed, 0.5, 1e-12);
  EXPECT_NEAR(*dt.required, 1.3 / 3, 1e-12);
  EXPECT_NEAR(*dt.ratio, 0.5 / (1.3 / 3), 1e-12);
  EXPECT_NEAR(*dt.projected, 4.2, 1e-12);
  EXPECT_NEAR(*dt.year_reached, 2022.6, 1e-9);
  // Hải Dương: 8,48 % for 2022 against 10 % for 2023: one observation, no pace yet; the path
  // needs 1,52 points in a year.
  const Progress& hd = row(all, "HD_KTS", 2023);
  EXPECT_EQ(hd.status, "insufficient_data");
  EXPECT_NEAR(*hd.required, 1.52, 1e-12);
  // Thái Bình: the 2025 target (20 %) is judged on the path from the 2024 target (6 - 8 %:
  // at least 6), the 2030 one (30 %) from the 2025 one.
  const Progress& tb25 = row(all, "TB_KTS", 2025);
  EXPECT_EQ(tb25.path_from, "target 2024");
  EXPECT_NEAR(*tb25.required, 14, 1e-12);
  EXPECT_NEAR(*row(all, "TB_KTS", 2030).required, 2, 1e-12);
  EXPECT_NEAR(*row(all, "TB_KTS", 2024).required, 1, 1e-12);
  EXPECT_EQ(row(all, "TB_KTS", 2030).status, "insufficient_data");
  // A rank target is a lower-is-better target on the rank: 48th in 2020 to the top 30 in 2025.
  const Progress& rank = row(all, "TB_DTI", 2025);
  EXPECT_TRUE(rank.lower_is_better);
  EXPECT_EQ(rank.target, 30);
  EXPECT_NEAR(*rank.required, -3.6, 1e-12);
  // Đồng Tháp's DTI targets have no result: nothing to judge; between the two targets the path
  // asks for 5 places in 5 years.
  EXPECT_EQ(row(all, "DT_DTI", 2030).status, "insufficient_data");
  EXPECT_FALSE(row(all, "DT_DTI", 2025).required.has_value());
  EXPECT_NEAR(*row(all, "DT_DTI", 2030).required, -1, 1e-12);
}

TEST(Progress, EveryStatusAndCompoundGrowth) {
  const csv::Table t = csv::parse(
      "indicator,year,kind,value\n"
      "A,2020,result,50%\nA,2022,result,62%\nA,2025,target,60%\n"          // met already
      "B,2020,result,50\nB,2022,result,56\nB,2025,target,80 trở lên\n"     // 3 / 6 = 0,5: limited
      "C,2020,result,50\nC,2022,result,48\nC,2025,target,80\n"             // falling: deteriorating
      "D,2020,result,50\nD,2022,result,58\nD,2025,target,70\n"             // 4 / 4 = 1: on track
      "E,2020,result,50\nE,2022,result,55\nE,2025,target,70\n"             // 2,5 / 4: acceleration
      "F,2020,result,20\nF,2022,result,16\nF,2025,target,tối đa 10\n"      // lower is better: 2 / 2
      "G,2020,result,100\nG,2022,result,121\nG,2024,target,\"146,41\"\n",  // compound 10 % a year
      "p.csv");
  auto obs = read_observations(t);
  const auto all = progress(obs);
  EXPECT_EQ(row(all, "A", 2025).status, "achieved");
  EXPECT_EQ(row(all, "B", 2025).status, "limited_progress");
  EXPECT_EQ(row(all, "C", 2025).status, "deteriorating");
  EXPECT_EQ(row(all, "D", 2025).status, "on_track");
  EXPECT_EQ(row(all, "E", 2025).status, "acceleration_needed");
  EXPECT_NEAR(*row(all, "E", 2025).ratio, 0.625, 1e-12);
  const Progress& f = row(all, "F", 2025);
  EXPECT_TRUE(f.lower_is_better);
  EXPECT_EQ(f.status, "on_track");
  EXPECT_NEAR(*f.year_reached, 2025, 1e-9);
  ProgressOptions compound;
  compound.compound = true;
  const auto with_compound = progress(obs, compound);  // the rows must outlive the reference
  const Progress& g = row(with_compound, "G", 2024);
  EXPECT_NEAR(*g.observed, 0.1, 1e-12);
  EXPECT_NEAR(*g.required, 0.1, 1e-12);
  EXPECT_NEAR(*g.projected, 146.41, 1e-9);
  EXPECT_EQ(g.status, "on_track");
  // Thresholds are options: E's 0,625 is limited progress when acceleration starts at 0,7.
  ProgressOptions strict;
  strict.acceleration = 0.7;
  EXPECT_EQ(row(progress(obs, strict), "E", 2025).status, "limited_progress");
  // As of 2021 only the 2020 results count.
  ProgressOptions early;
  early.as_of_year = 2021;
  EXPECT_EQ(row(progress(obs, early), "D", 2025).status, "insufficient_data");
}

TEST(Progress, BadInputNamesTheCell) {
  auto message = [](const std::string& body) {
    try {
      (void)read_observations(csv::parse("indicator,year,kind,value\n" + body, "p.csv"));
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("A,2025,goal,80%\n")
                .find("p.csv:2:3 (column 'kind'): the kind is target, result or baseline"),
            std::string::npos);
  EXPECT_NE(message("A,2025.5,target,80%\n").find("p.csv:2:2 (column 'year')"), std::string::npos);
  EXPECT_NE(message("A,2025,target,Hoàn thành\n").find("a milestone has no pace"),
            std::string::npos);
  EXPECT_NE(message("A,2025,target,tỉnh: 90%; huyện: 80%\n").find("a compound target"),
            std::string::npos);
  EXPECT_NE(
      message("A,2020,result,48/63\nA,2025,target,80%\n").find("mixes ranks and other numbers"),
      std::string::npos);
  EXPECT_NE(message("A,2020,result,12.5%\n").find("p.csv:2:4 (column 'value')"), std::string::npos);
  EXPECT_NE(message("").find("no error"), std::string::npos);
  EXPECT_NE(message("A,2025,result,trên 80%\n").find("this reads as a target: is the kind wrong?"),
            std::string::npos);
  // A rank with an unbounded digit run: a located ParseError, not std::out_of_range.
  EXPECT_NE(message("A,2025,target,top " + std::string(400, '3') + "\n")
                .find("p.csv:2:4 (column 'value'): a rank is a whole number such as 30; this one "
                      "has 400 digits"),
            std::string::npos);
  EXPECT_NE(message("A,2020,result,hạng " + std::string(400, '4') + "/63\n")
                .find("p.csv:2:4 (column 'value'): a rank is a whole number such as 30"),
            std::string::npos);
  // A ~100 KB cell: an answer or a located error, never a crash.
  EXPECT_NE(
      message("A,2025,target,trong top 30 " + std::string(100000, 'a') + "\n").find("no error"),
      std::string::npos);
  EXPECT_NE(message("A,2020,result," + std::string(100000, '5') + "x\n")
                .find("p.csv:2:4 (column 'value')"),
            std::string::npos);
  try {
    (void)read_observations(csv::parse("indicator,year,value\nA,2020,1\n", "p.csv"));
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("missing column 'kind'"), std::string::npos);
  }
}

TEST(Progress, ThaiBinhResolutionAndPlansLinkedByAMapping) {
  // Nghị quyết 02-NQ/TU (2025 and 2030 targets), Kế hoạch 167/KH-UBND (2023 targets and
  // results in Phụ lục 01, 2024 targets), linked by a mapping of their codes.
  auto obs = read_observations(kExamples + "/thai_binh_progress.csv");
  const auto docs = read_documents(csv::read(kExamples + "/thai_binh_documents.csv"));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].kind, "resolution");
  ASSERT_TRUE(docs[0].date.has_value());
  EXPECT_EQ(docs[0].date->iso(), "2021-11-19");
  link(obs, read_mapping(csv::read(kExamples + "/thai_binh_mapping.csv")), docs);
  const auto all = progress(obs);
  // Dịch vụ công mức độ 4: 100 % in 2023 meets 2023's 80 %, the resolution's 80 % for 2025
  // and its 100 % for 2030.
  EXPECT_EQ(row(all, "DVC4", 2023).status, "achieved");
  EXPECT_EQ(row(all, "DVC4", 2025).status, "achieved");
  EXPECT_EQ(row(all, "DVC4", 2030).status, "achieved");
  // Kiểm tra trên môi trường số: 10 % against 30 % for 2023 (missed); "trên 50%" by 2025
  // needs 20 points a year from 2023; one result, no pace yet.
  EXPECT_EQ(row(all, "KIEMTRA", 2023).status, "missed");
  EXPECT_NEAR(*row(all, "KIEMTRA", 2025).required, 20, 1e-12);
  EXPECT_EQ(row(all, "KIEMTRA", 2025).status, "insufficient_data");
  // Kinh tế số: the plan restated the resolution's 20 % for 2023; 5 % was reached: missed.
  // The path then runs through 6 % (2024, the lower end of 6 - 8 %), 20 % (2025) and 30 %
  // (2030): 1, 14 and 2 points a year.
  EXPECT_EQ(row(all, "KTS", 2023).status, "missed");
  EXPECT_NEAR(*row(all, "KTS", 2024).required, 1, 1e-12);
  EXPECT_NEAR(*row(all, "KTS", 2025).required, 14, 1e-12);
  EXPECT_EQ(row(all, "KTS", 2025).path_from, "target 2024");
  EXPECT_NEAR(*row(all, "KTS", 2030).required, 2, 1e-12);
  // Doanh nghiệp áp dụng công nghệ số: "trên 50%" written as 50 meets "50% trở lên" in 2023,
  // 2024 and 2025; 100 % by 2030 needs 10 points a year from the 2025 target.
  EXPECT_EQ(row(all, "DNCNS", 2024).status, "achieved");
  EXPECT_EQ(row(all, "DNCNS", 2025).status, "achieved");
  EXPECT_NEAR(*row(all, "DNCNS", 2030).required, 10, 1e-12);
  // Tài khoản thanh toán: 70 % in 2023 meets 30 % (2023), 70 % (2024) and "trên 50%" (2025);
  // "trên 80%" by 2030 needs 6 points a year from the 2025 target.
  EXPECT_EQ(row(all, "TKTT", 2023).status, "achieved");
  EXPECT_EQ(row(all, "TKTT", 2024).status, "achieved");
  EXPECT_EQ(row(all, "TKTT", 2025).status, "achieved");
  EXPECT_NEAR(*row(all, "TKTT", 2030).required, 6, 1e-12);
  // DTI: 48th of 63 in 2020, "thuộc nhóm 30 tỉnh dẫn đầu" for 2024: a rank target, 4,5 places
  // a year to climb.
  const Progress& dti = row(all, "DTI", 2024);
  EXPECT_TRUE(dti.lower_is_better);
  EXPECT_NEAR(*dti.required, -4.5, 1e-12);
  EXPECT_EQ(dti.status, "insufficient_data");
  // Observations from a document not listed, a mapping that contradicts itself, a bad date.
  auto unlisted = read_observations(
      csv::parse("indicator,year,kind,value,source\nA,2023,result,5%,99/KH\n", "o.csv"));
  EXPECT_THROW_MSG(
      link(unlisted, {}, docs), ValidationError,
      "<input>:2 (column 'source'): source '99/KH' of 'A' is not one of the documents");
  EXPECT_THROW_MSG((void)read_mapping(csv::parse("from,to\nA,X\nA,Y\n", "m.csv")), ValidationError,
                   "m.csv:3:2 (column 'to'): 'A' is mapped to both 'X' and 'Y'");
  EXPECT_THROW_MSG((void)read_documents(csv::parse(
                       "number,kind,province,year,date\n1/KH,plan,TB,2023,31/02/2023\n", "d.csv")),
                   ParseError, "d.csv:2:5 (column 'date'): no such date: 31/02/2023: '31/02/2023'");
  EXPECT_THROW_MSG(
      (void)read_documents(csv::parse("number,kind,province,year\n1/KH,memo,TB,2023\n", "d.csv")),
      ParseError,
      "d.csv:2:2 (column 'kind'): the kind is plan or resolution (kế hoạch, nghị quyết): 'memo'");
}

TEST(Progress, AResultEqualToTheBoundAndTheFirstBaseline) {
  // A result equal to an inclusive bound meets it; equal to a strict bound it does not, and the
  // pace decides: 5 points a year observed against 2 required (50 -> 60 by 2025).
  const csv::Table t = csv::parse(
      "indicator,year,kind,value\n"
      "A,2020,result,50\nA,2022,result,60\nA,2025,target,60 trở lên\n"
      "B,2020,result,50\nB,2022,result,60\nB,2025,target,trên 60\n"
      "C,2020,result,20\nC,2022,result,10\nC,2025,target,tối đa 10\n"
      "D,2020,result,20\nD,2022,result,10\nD,2025,target,dưới 10\n"
      // Two baselines: the path starts at the first.
      "E,2019,baseline,40\nE,2020,baseline,45\nE,2022,result,50\nE,2025,target,70\n"
      // A result before the baseline: the earlier observation is the start.
      "H,2019,result,40\nH,2020,baseline,45\nH,2022,result,52\nH,2025,target,70\n",
      "p.csv");
  const auto all = progress(read_observations(t));
  EXPECT_EQ(row(all, "A", 2025).status, "achieved");
  const Progress& b = row(all, "B", 2025);
  EXPECT_EQ(b.status, "on_track");
  EXPECT_NEAR(*b.ratio, 2.5, 1e-12);
  EXPECT_EQ(row(all, "C", 2025).status, "achieved");
  const Progress& d = row(all, "D", 2025);
  EXPECT_EQ(d.status, "on_track");
  EXPECT_NEAR(*d.observed, -5, 1e-12);
  EXPECT_NEAR(*d.required, -2, 1e-12);
  const Progress& e = row(all, "E", 2025);
  EXPECT_EQ(*e.baseline_year, 2019);
  EXPECT_NEAR(*e.required, 30.0 / 6, 1e-12);  // 40 -> 70 in six years
  EXPECT_NEAR(*e.observed, 10.0 / 3, 1e-12);  // 40 -> 50 in three
  const Progress& h = row(all, "H", 2025);
  EXPECT_EQ(*h.baseline_year, 2019);
  EXPECT_NEAR(*h.observed, 4, 1e-12);  // 40 -> 52 in three years
}

TEST(Progress, CompoundPaceOfValuesBelowOne) {
  // Shares written as fractions: 0,25 (2020) -> 0,5 (2022) grows by sqrt(2) - 1 a year; 0,9 by
  // 2024 needs 3,6^(1/4) - 1 a year from the baseline: on track, 1 projected for 2024.
  const csv::Table t = csv::parse(
      "indicator,year,kind,value\n"
      "K,2020,result,\"0,25\"\nK,2022,result,\"0,5\"\nK,2024,target,\"0,9\"\n",
      "p.csv");
  ProgressOptions compound;
  compound.compound = true;
  const auto all = progress(read_observations(t), compound);
  const Progress& k = row(all, "K", 2024);
  EXPECT_EQ(k.status, "on_track");
  EXPECT_NEAR(*k.observed, std::sqrt(2.0) - 1, 1e-12);
  EXPECT_NEAR(*k.required, std::pow(3.6, 0.25) - 1, 1e-12);
  EXPECT_NEAR(*k.projected, 1, 1e-12);
}

TEST(Progress, ARangeTargetIsReachedFromItsStart) {
  // "80 - 90%": 80 % is already there (the start of the range counts), 79 % is not.
  const csv::Table t = csv::parse(
      "indicator,year,kind,value\n"
      "R,2020,result,50%\nR,2022,result,80%\nR,2025,target,80 - 90%\n"
      "S,2020,result,50%\nS,2022,result,79%\nS,2025,target,80 - 90%\n",
      "p.csv");
  const auto all = progress(read_observations(t));
  EXPECT_EQ(row(all, "R", 2025).status, "achieved");
  EXPECT_NE(row(all, "S", 2025).status, "achieved");
}
