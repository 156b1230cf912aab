// Random cells built from the pieces the documents use (and broken bytes) must either parse
// or raise a dxkit::Error: never crash, never leak another exception, never give NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "dxkit/budget/budget.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/evaluate.hpp"

using namespace dxkit;

namespace {
const char* const kPieces[] = {"0",
                               "1",
                               "5",
                               "12",
                               "75.428",
                               "99,21",
                               "1.650.380",
                               "12.5",
                               "0,5",
                               "99999999999999999999",
                               "%",
                               " ",
                               "  ",
                               "-",
                               "–",
                               "/",
                               ":",
                               ";",
                               ",",
                               ".",
                               "(",
                               ")",
                               ">=",
                               "≥",
                               "<",
                               "≤",
                               "trên",
                               "TRÊN",
                               "dưới",
                               "tối đa",
                               "tối thiểu",
                               "từ",
                               "đến",
                               "trở lên",
                               "Hoàn thành",
                               "chưa",
                               "ước đạt",
                               "khoảng",
                               "tỉnh",
                               "huyện",
                               "người",
                               "năm",
                               "số",
                               "4G",
                               "abc",
                               "\xC3",
                               "\xFF",
                               "e\xCC\x82",
                               "\xEF\xBB\xBF",
                               "\"",
                               "\n",
                               "I",
                               "II",
                               "Tổng cộng",
                               "tỷ đồng",
                               "triệu"};

std::string random_cell(std::mt19937_64& rng) {
  std::string s;
  const std::size_t n = rng() % 7;
  for (std::size_t i = 0; i < n; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}
}  // namespace

TEST(Fuzz, TargetAndResultParsersOnlyRaiseDxkitErrors) {
  std::mt19937_64 rng(42);
  std::size_t parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string t = random_cell(rng), r = random_cell(rng);
    try {
      Target target = parse_target(t);
      Result result = parse_result(r);
      Evaluation e = evaluate(target, result);
      EXPECT_TRUE(std::isfinite(e.ratio)) << t << " | " << r;
      ++parsed;
    } catch (const Error&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "'" << t << "' / '" << r << "' raised " << e.what();
    }
  }
  EXPECT_GT(parsed, 100u);  // the generator does produce valid pairs
}

TEST(Fuzz, BudgetReaderOnlyRaisesDxkitErrors) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string csv = "STT,Tên nhiệm vụ,Tổng,Vốn đầu tư,Năm 2023\n";
    const std::size_t rows = rng() % 6;
    for (std::size_t r = 0; r < rows; ++r) {
      for (int c = 0; c < 5; ++c) csv += (c ? "," : "") + random_cell(rng);
      csv += "\n";
    }
    try {
      const budget::Budget b = budget::parse_budget(csv, "fuzz.csv");
      (void)b.check();
      (void)b.rollup(
          {budget::Dimension::agency, budget::Dimension::source, budget::Dimension::year});
    } catch (const Error&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "budget raised " << e.what() << " for:\n" << csv;
    }
  }
}

TEST(Fuzz, IndicatorTablesOnlyRaiseDxkitErrors) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 3000; ++i) {
    std::string csv = "code,name,target,actual,direction\n";
    const std::size_t rows = rng() % 5;
    for (std::size_t r = 0; r < rows; ++r) {
      for (int c = 0; c < 5; ++c) csv += (c ? ";" : "") + random_cell(rng);
      csv += "\n";
    }
    try {
      const IndicatorTable t = make_indicator_table(csv::parse(csv, "fuzz.csv"));
      const EvaluationTable e = evaluate(t, Scheme::bands());
      for (double x : e.ratio) EXPECT_TRUE(std::isfinite(x));
    } catch (const Error&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "indicators raised " << e.what() << " for:\n" << csv;
    }
  }
}
